import CXlsxWriter
import DuijieBase
import Foundation

/// Drives libxlsxwriter: one `lxw_workbook`, its three formats, and a sheet at a time.
struct WorkbookWriter {
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    /// The path errors name: the destination, not the temporary file being written.
    private let path: String
    private let titleFormat: UnsafeMutablePointer<lxw_format>
    private let headerFormat: UnsafeMutablePointer<lxw_format>
    /// Body cells sit at the top of their row, so that a row grown by a wrapped cell still
    /// reads across.
    private let bodyFormat: UnsafeMutablePointer<lxw_format>
    private let wrapFormat: UnsafeMutablePointer<lxw_format>

    /// Writes `workbook` to the file at `file`; errors name `path`.
    static func write(_ workbook: Workbook, to file: String, reportingAs path: String) throws(DuijieError) {
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: nil, use_zip64: 0)
        guard let handle = workbook_new_opt(file, &options) else {
            throw DuijieError.libXlsxWriter(LXW_ERROR_MEMORY_MALLOC_FAILED, path: path)
        }
        do throws(DuijieError) {
            let writer = try WorkbookWriter(handle, path: path, created: workbook.created)
            for (worksheet, name) in zip(workbook.worksheets, workbook.sheetNames) {
                try writer.add(worksheet, named: name)
            }
        } catch {
            lxw_workbook_free(handle)
            throw error
        }
        // workbook_close writes the file and frees the workbook, whether it succeeds or not.
        let status = workbook_close(handle)
        guard status == LXW_NO_ERROR else { throw DuijieError.libXlsxWriter(status, path: path) }
    }

    private init(_ workbook: UnsafeMutablePointer<lxw_workbook>, path: String, created: Date) throws(DuijieError) {
        self.workbook = workbook
        self.path = path
        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970.rounded(.down))
        try Self.check(workbook_set_properties(workbook, &properties), path: path)
        titleFormat = try Self.format(workbook, path: path) { format in
            format_set_bold(format)
            format_set_font_size(format, 14)
        }
        headerFormat = try Self.format(workbook, path: path) { format in
            format_set_bold(format)
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, 0xDDEBF7)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        bodyFormat = try Self.format(workbook, path: path) { format in
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        wrapFormat = try Self.format(workbook, path: path) { format in
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            format_set_text_wrap(format)
        }
    }

    /// Adds `worksheet` as the sheet `name` (already valid and unique).
    private func add(_ worksheet: Worksheet, named name: String) throws(DuijieError) {
        let place = "sheet \(name)"
        try Self.check(workbook_validate_sheet_name(workbook, name), path: path, at: place)
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw DuijieError.libXlsxWriter(LXW_ERROR_MEMORY_MALLOC_FAILED, path: path, at: place)
        }
        let widths = worksheet.resolvedColumnWidths
        // Widths asked for outside the table: past its last column (set), or before column A or
        // past Excel's last (refused).
        for (column, width) in worksheet.columnWidths.sorted(by: { $0.key < $1.key }) where !widths.indices.contains(column) {
            try setWidth(width, ofColumn: column, in: sheet, place: place)
        }
        for (column, width) in widths.enumerated() {
            try setWidth(width, ofColumn: column, in: sheet, place: place)
        }
        let top = worksheet.tableTop
        if let title = worksheet.title, !title.isEmpty {
            try write(.text(title), row: 0, column: 0, format: titleFormat, in: sheet, place: place)
        }
        let firstRow = worksheet.header.isEmpty ? top : top + 1
        for (column, heading) in worksheet.header.enumerated() {
            try write(.text(heading), row: top, column: column, format: headerFormat, in: sheet, place: place)
        }
        for (index, row) in worksheet.rows.enumerated() {
            for (column, cell) in row.enumerated() {
                let format = cell.wraps(inWidth: widths[column]) ? wrapFormat : bodyFormat
                try write(cell, row: firstRow + index, column: column, format: format, in: sheet, place: place)
            }
        }
        if !worksheet.header.isEmpty {
            worksheet_freeze_panes(sheet, lxw_row_t(clamping: top + 1), 0)
            let last = firstRow + worksheet.rows.count - 1
            try Self.check(
                worksheet_autofilter(sheet, lxw_row_t(clamping: top), 0, lxw_row_t(clamping: max(last, top)),
                                     lxw_col_t(clamping: widths.count - 1)),
                path: path, at: place)
        }
    }

    private func write(_ cell: Worksheet.Cell, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>,
                       in sheet: UnsafeMutablePointer<lxw_worksheet>, place: String) throws(DuijieError) {
        let at = "\(place), cell \(CellReference.name(row: row, column: column))"
        let status: lxw_error
        switch cell {
        case .text(let text):
            status = worksheet_write_string(sheet, lxw_row_t(clamping: row), lxw_col_t(clamping: column), text, format)
        case .number(let value):
            guard value.isFinite else {
                throw DuijieError(.invalidInput, "cannot write the workbook: a number must be finite, not \(value); any existing file is unchanged",
                                  at: .init(file: path, field: at))
            }
            status = worksheet_write_number(sheet, lxw_row_t(clamping: row), lxw_col_t(clamping: column), value, format)
        case .empty:
            return
        }
        try Self.check(status, path: path, at: at)
    }

    private func setWidth(_ width: Double, ofColumn column: Int, in sheet: UnsafeMutablePointer<lxw_worksheet>,
                          place: String) throws(DuijieError) {
        guard column >= 0, width.isFinite, width >= 0 else {
            throw DuijieError(.invalidInput, "cannot write the workbook: column \(column) cannot be \(width) wide; any existing file is unchanged",
                              at: .init(file: path, field: place))
        }
        let index = lxw_col_t(clamping: column)
        try Self.check(worksheet_set_column(sheet, index, index, width, nil), path: path,
                       at: "\(place), column \(CellReference.columnName(column))")
    }

    private static func format(_ workbook: UnsafeMutablePointer<lxw_workbook>, path: String,
                               _ configure: (UnsafeMutablePointer<lxw_format>) -> Void) throws(DuijieError) -> UnsafeMutablePointer<lxw_format> {
        guard let format = workbook_add_format(workbook) else {
            throw DuijieError.libXlsxWriter(LXW_ERROR_MEMORY_MALLOC_FAILED, path: path)
        }
        configure(format)
        return format
    }

    private static func check(_ status: lxw_error, path: String, at place: String? = nil) throws(DuijieError) {
        guard status == LXW_NO_ERROR else { throw DuijieError.libXlsxWriter(status, path: path, at: place) }
    }
}

/// Excel's A1 names of cells and columns, for error messages.
enum CellReference {
    /// `A`, …, `Z`, `AA`, … for 0-based `column`.
    static func columnName(_ column: Int) -> String {
        var name = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// `B3` for 0-based `row` 2 and `column` 1.
    static func name(row: Int, column: Int) -> String {
        columnName(column) + String(row + 1)
    }
}
