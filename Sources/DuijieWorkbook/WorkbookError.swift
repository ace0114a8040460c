import CXlsxWriter
import DuijieBase

extension DuijieError.Code {
    /// libxlsxwriter failed for a reason that is neither the file nor the content (it ran out
    /// of memory, or reported an internal error).
    public static let workbook = DuijieError.Code("workbook")
}

/// A failure libxlsxwriter reported: its error number and its own message (`lxw_strerror`).
/// A workbook's `DuijieError` carries it as its underlying error.
public struct LibXlsxWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libxlsxwriter's `lxw_error` number (never 0, `LXW_NO_ERROR`).
    public let number: UInt32
    /// libxlsxwriter's message for it.
    public let message: String

    /// The error numbered `number`, with libxlsxwriter's message.
    init(number: UInt32) {
        self.number = number
        message = String(cString: lxw_strerror(lxw_error(rawValue: number)))
    }

    /// `libxlsxwriter error N: message`.
    public var description: String { "libxlsxwriter error \(number): \(message)" }
}

extension DuijieError {
    /// The `DuijieError` for libxlsxwriter's `status` while writing `path`, at `place` (a sheet,
    /// a cell) when there is one.
    static func libXlsxWriter(_ status: lxw_error, path: String, at place: String? = nil) -> DuijieError {
        libXlsxWriter(number: status.rawValue, path: path, at: place)
    }

    /// The `DuijieError` for libxlsxwriter's error number `number` while writing `path`, at
    /// `place` when there is one: a file or zip problem is `io`, content Excel refuses is
    /// `invalidInput`, anything else `workbook`; libxlsxwriter's message is in the message.
    package static func libXlsxWriter(number: UInt32, path: String, at place: String? = nil) -> DuijieError {
        let failure = LibXlsxWriterError(number: number)
        let code: Code
        switch lxw_error(rawValue: number) {
        case LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE,
             LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_PARAMETER_ERROR, LXW_ERROR_ZIP_BAD_ZIP_FILE,
             LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE:
            code = .io
        case LXW_ERROR_NULL_PARAMETER_IGNORED, LXW_ERROR_PARAMETER_VALIDATION, LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED,
             LXW_ERROR_INVALID_SHEETNAME_CHARACTER, LXW_ERROR_SHEETNAME_START_END_APOSTROPHE,
             LXW_ERROR_SHEETNAME_ALREADY_USED, LXW_ERROR_32_STRING_LENGTH_EXCEEDED,
             LXW_ERROR_128_STRING_LENGTH_EXCEEDED, LXW_ERROR_255_STRING_LENGTH_EXCEEDED,
             LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE,
             LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED, LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED,
             LXW_ERROR_IMAGE_DIMENSIONS:
            code = .invalidInput
        default:
            code = .workbook
        }
        return DuijieError(code, "cannot write the workbook: \(failure.message); any existing file is unchanged",
                           at: Location(file: path, field: place), underlying: failure)
    }
}
