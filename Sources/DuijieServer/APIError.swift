import DuijieBase
import DuijieWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// An error answered to a client: an HTTP status and a JSON body
/// `{"error": {"status", "code", "message", "field"}}`; `field` names the request field at fault.
struct APIError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    let field: String?

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    /// The answer to a library error: invalid input is 400, forbidden 403, not found 404,
    /// anything else 500 (with the message: nothing here is secret from the caller).
    init(_ error: DuijieError) {
        switch error.code {
        case .invalidInput: self.init(.badRequest, error.message, field: error.location?.field)
        case .forbidden: self.init(.forbidden, error.message)
        case .notFound: self.init(.notFound, error.message)
        default: self.init(.internalServerError, error.message)
        }
    }

    /// A 400 for invalid input whose problems read `LOCATION: FIELD: message` (the workspace's
    /// checks of a deal, an event or a rating): every problem in the message, without
    /// `LOCATION: `, and the first problem's FIELD, after `fieldPrefix`, as the request field.
    init(problems error: DuijieError, location: String, fieldPrefix: String = "") {
        let prefix = location + ": "
        let problems = (error.details.isEmpty ? [error.message] : error.details).map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
        let field = problems.first?.split(separator: ":", maxSplits: 1).first.map { fieldPrefix + $0 }
        self.init(.badRequest, problems.joined(separator: "; "), field: field)
    }

    var code: String {
        switch status.code {
        case 400: return "invalid-request"
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not-found"
        case 405: return "method-not-allowed"
        case 409: return "conflict"
        case 413: return "too-large"
        default: return "internal"
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var error: [String: String] = ["code": code, "message": message]
        if let field { error["field"] = field }
        let data = try JSONSerialization.data(withJSONObject: ["error": error], options: [.sortedKeys])
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"duijie\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns every error a route throws into an `APIError` answer: the library's by their code,
/// Hummingbird's (a body too large, a route not found) by their status.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw APIError.answering(error, to: request)
        }
    }
}

extension APIError {
    /// The answer to `error`, thrown while answering `request`: the library's errors by their
    /// code, Hummingbird's (a body too large, a route not found) by their status, a request
    /// cancelled by its client as 499.
    static func answering(_ error: any Error, to request: Request) -> any Error {
        switch error {
        case let error as APIError:
            return error
        case let error as DuijieError:
            return APIError(error)
        case let error as HTTPError:
            let message = error.body ?? (error.status == .notFound ? "no such route: \(request.method) \(request.uri.path)" : "\(error.status)")
            return APIError(error.status, message)
        case is CancellationError:
            return APIError(.init(code: 499, reasonPhrase: "Client Closed Request"), "cancelled")
        default:
            return error
        }
    }
}
