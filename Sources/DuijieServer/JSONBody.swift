import DuijieJSON
import Hummingbird

/// A JSON object from a request body, read strictly: every member read is checked for its
/// type, a member the route does not know is an error (a misspelt filter must not be ignored),
/// and every error names the field (`filters.regions[2]`).
struct RequestObject {
    private let members: [(key: String, value: JSONValue)]
    private let path: String
    private var read: Set<String> = []

    /// The object of a request's body (at most the context's upload limit).
    ///
    /// - Throws: `APIError` 400 for a body that is not one JSON object, 413 for one too large.
    static func body(of request: Request, context: ServerContext) async throws -> RequestObject {
        try await body(request.body, context: context)
    }

    /// The object of a request body being consumed (`consumeWithCancellationOnInboundClose`).
    static func body(_ body: RequestBody, context: ServerContext) async throws -> RequestObject {
        var buffer = try await body.collect(upTo: context.maxUploadSize)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONParser.parse(buffer) }
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON: column \(error.column): \(error.message)")
        }
        return try RequestObject(value, path: "")
    }

    init(_ value: JSONValue, path: String) throws {
        guard case .object(let members) = value else {
            throw APIError(.badRequest, "\(path.isEmpty ? "the body" : path): expected an object, found \(value.typeName)", field: path.isEmpty ? nil : path)
        }
        self.members = members
        self.path = path
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The member's value, nil when absent. An explicit `null` is not absence: it reaches the
    /// type checks, which refuse it (the document declares no field nullable).
    private mutating func value(_ key: String) -> JSONValue? {
        read.insert(key)
        return members.first(where: { $0.key == key })?.value
    }

    private func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> APIError {
        APIError(.badRequest, "\(name(key)): expected \(expected), found \(value.typeName)", field: name(key))
    }

    /// A string member, or nil when absent or null.
    mutating func string(_ key: String, maxLength: Int = 10_000) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        guard text.count <= maxLength else { throw APIError(.badRequest, "\(name(key)): at most \(maxLength) characters", field: name(key)) }
        return text
    }

    /// A string member that must be present and not blank.
    mutating func requiredString(_ key: String, maxLength: Int = 10_000) throws -> String {
        guard let text = try string(key, maxLength: maxLength), !text.allSatisfy(\.isWhitespace) else {
            throw APIError(.badRequest, "\(name(key)): required", field: name(key))
        }
        return text
    }

    /// A whole-number member in `range`, or nil.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value, number.rounded() == number, let whole = Int(exactly: number) else {
            throw wrongType(key, "a whole number", value)
        }
        guard range.contains(whole) else {
            throw APIError(.badRequest, "\(name(key)): \(whole) is out of range \(range.lowerBound)…\(range.upperBound)", field: name(key))
        }
        return whole
    }

    /// A number member in `range`, or nil.
    mutating func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value else { throw wrongType(key, "a number", value) }
        guard range.contains(number) else {
            throw APIError(.badRequest, "\(name(key)): \(number) is out of range \(range.lowerBound)…\(range.upperBound)", field: name(key))
        }
        return number
    }

    /// A boolean member, or nil.
    mutating func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(key, "true or false", value) }
        return flag
    }

    /// A list of strings (at most `maxCount`), empty when absent.
    mutating func strings(_ key: String, maxCount: Int = 100) throws -> [String] {
        guard let value = value(key) else { return [] }
        guard case .array(let items) = value else { throw wrongType(key, "a list of strings", value) }
        guard items.count <= maxCount else { throw APIError(.badRequest, "\(name(key)): at most \(maxCount) items", field: name(key)) }
        return try items.enumerated().map { index, item in
            guard case .string(let text) = item, text.count <= 200 else {
                throw APIError(.badRequest, "\(name(key))[\(index)]: expected a string of at most 200 characters", field: "\(name(key))[\(index)]")
            }
            return text
        }
    }

    /// An object member, or nil.
    mutating func object(_ key: String) throws -> RequestObject? {
        guard let value = value(key) else { return nil }
        return try RequestObject(value, path: name(key))
    }

    /// A member of any JSON value, or nil (a record to store, checked by the corpus reader).
    mutating func raw(_ key: String) -> JSONValue? { value(key) }

    /// Checks that every member was read.
    func finish() throws {
        if let unknown = members.first(where: { !read.contains($0.key) }) {
            let known = read.sorted().joined(separator: ", ")
            throw APIError(.badRequest, "\(name(unknown.key)): unknown field (expected one of: \(known))", field: name(unknown.key))
        }
    }
}

/// JSON answers.
enum JSONResponse {
    /// `value` as a 200 (or `status`) answer with a JSON content type.
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var bytes: [UInt8] = []
        JSONWriter.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension JSONValue {
    /// A number from an integer.
    static func int<T: BinaryInteger>(_ value: T) -> JSONValue { .number(Double(value)) }
    /// A string, or null.
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}
