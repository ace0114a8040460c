#!/usr/bin/env python3
"""Reads an .xlsx workbook with openpyxl and prints what it holds as JSON, for DuijieWorkbook's
tests: a reader independent of libxlsxwriter, which wrote the file.

Usage: read_workbook.py WORKBOOK.xlsx

Prints {"created": ISO date, "sheets": [{"name", "freeze", "autofilter", "widths": {letter:
width}, "rows": [[cell, ...], ...]}]}, each cell {"type": "text" | "number" | "empty", "text" or
"number", "bold", "wrap", "fill"} (fill: the solid fill's RGB, or null). Exits 1 when openpyxl is
missing, so a caller can tell that from a bad file (exit 2).
"""
import json
import sys

try:
    from openpyxl import load_workbook
except ImportError:
    print("openpyxl is not installed", file=sys.stderr)
    sys.exit(1)


def cell_json(cell):
    described = {"bold": bool(cell.font.b), "wrap": bool(cell.alignment.wrap_text),
                 "fill": cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None}
    if cell.value is None:
        described["type"] = "empty"
    elif cell.data_type == "n" and not isinstance(cell.value, bool):
        described["type"] = "number"
        described["number"] = cell.value
    elif cell.data_type == "s":
        described["type"] = "text"
        described["text"] = cell.value
    else:
        described["type"] = "other:" + cell.data_type
    return described


def main():
    try:
        workbook = load_workbook(sys.argv[1])
    except Exception as error:  # any failure to read is the file's fault here
        print(f"cannot read {sys.argv[1]}: {error}", file=sys.stderr)
        sys.exit(2)
    sheets = []
    for sheet in workbook.worksheets:
        rows = [[cell_json(cell) for cell in row]
                for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=sheet.max_column)]
        widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()
                  if dimension.customWidth}
        sheets.append({"name": sheet.title, "freeze": sheet.freeze_panes, "autofilter": sheet.auto_filter.ref,
                       "widths": widths, "rows": rows})
    created = workbook.properties.created
    print(json.dumps({"created": created.isoformat() if created else None, "sheets": sheets}, ensure_ascii=False))


if __name__ == "__main__":
    main()
