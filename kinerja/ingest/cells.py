"""Read a file's sheets as grids of typed cells; no reader guesses a type for us."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath

from kinerja.ingest.datetext import date_text
from kinerja.safety import printable

EXCEL_TYPES = {".xlsx", ".xlsm", ".xls", ".csv"}


class ReadError(ValueError):
    """The file cannot be read at all (corrupt, protected, unknown type); message in Bahasa Indonesia."""


@dataclass(slots=True)
class Cell:
    value: object = None       # float/int for numbers, str for text, None for empty
    kind: str = "empty"        # 'number' | 'text' | 'empty' | 'bool' | 'date' | 'formula_no_value' | 'error'
    #                            ('formula' only while reading: replaced by its computed value)
    percent: bool = False      # formatted as a percentage: holds a fraction of what it shows
    fmt: str | None = None     # the number format of a date, to quote it as shown (25/09/2024)

    @property
    def text(self) -> str:
        """The cell as a person sees it (for messages)."""
        if self.kind == "empty":
            return ""
        if self.kind == "date":
            return date_text(self.value, self.fmt)
        if self.kind == "number":
            shown = self.value * 100 if self.percent else self.value
            text = repr(shown) if isinstance(shown, float) else str(shown)
            text = text[:-2] if text.endswith(".0") else text
            return f"{text}%" if self.percent else text
        return str(self.value)


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    hidden: bool = False
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (r1, c1, r2, c2), 0-based inclusive

    def cell(self, r: int, c: int) -> Cell:
        row = self.rows[r] if r < len(self.rows) else []
        return row[c] if c < len(row) else Cell()

    @property
    def is_empty(self) -> bool:
        return all(cell.kind == "empty" for row in self.rows for cell in row)


def read_sheets(data: bytes, filename: str) -> list[Sheet]:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in EXCEL_TYPES:
        raise ReadError(f"jenis berkas '{suffix or filename}' tidak didukung. Kirim .xlsx, .xls atau .csv.")
    if not data:
        raise ReadError("berkas kosong (0 byte). Simpan ulang lalu unggah lagi.")
    if suffix == ".csv":
        from kinerja.ingest.csvfile import CsvError, read_csv

        try:
            rows = read_csv(data)
        except CsvError as exc:
            raise ReadError(str(exc)) from None
        return [Sheet(PurePath(filename).stem, [[Cell(v, "text") if v else Cell() for v in row] for row in rows])]
    if suffix == ".xls":
        return read_xls(data)
    return read_xlsx(data)


def _python_cell(value, number_format: str | None = None, data_type: str | None = None) -> Cell:
    if value is None or (isinstance(value, str) and not value.strip()):
        return Cell()
    if data_type == "e":
        return Cell(str(value), "error")
    if data_type == "f":
        return Cell(str(value), "formula", "%" in (number_format or ""))
    if isinstance(value, bool):
        return Cell(value, "bool")
    if isinstance(value, (int, float)):
        return Cell(value, "number", "%" in (number_format or ""))
    if isinstance(value, (datetime, date, time)):
        return Cell(value, "date", fmt=number_format)
    return Cell(printable(_unescaped(str(value))).strip(), "text")


_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(text: str) -> str:
    """Characters XML cannot hold are written _x001B_ in a workbook (ECMA-376 Part 1, 22.9.2.19
    ST_Xstring; "_x005F_" is the underscore itself): the text as the user typed it."""
    return _XML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def read_xlsx(data: bytes) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        # Read-only mode streams the sheets (about four times faster on a 2,000-row workbook).
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except zipfile.BadZipFile as exc:
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ReadError("berkas terkunci kata sandi atau berformat .xls lama. Buka kuncinya, lalu "
                            "simpan sebagai .xlsx.") from exc
        raise ReadError("berkas rusak atau bukan berkas Excel (.xlsx). Buka di Excel, simpan ulang, "
                        "lalu unggah lagi.") from exc
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise ReadError(f"berkas Excel tidak dapat dibaca ({exc}). Simpan ulang sebagai .xlsx.") from exc
    cached = None
    sheets = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for ws in formulas.worksheets:
            ws.reset_dimensions()   # the declared used range is only a hint (WPS writes A1)
            rows = []
            try:   # read-only sheets are parsed while iterating: damage shows up here
                for row in ws.iter_rows():
                    rows.append([_python_cell(c.value, getattr(c, "number_format", None),
                                              getattr(c, "data_type", None)) for c in row])
            except Exception as exc:
                raise ReadError(f"lembar '{ws.title}' baris {len(rows) + 1} berisi sel yang tidak dapat dibaca "
                                "(mis. angka NaN atau INF). Buka berkas di Excel, perbaiki sel itu, simpan ulang, "
                                "lalu unggah lagi.") from exc
            if any(cell.kind == "formula" for row in rows for cell in row):
                # A formula's value is the one Excel last computed, which only the data_only view holds.
                cached = cached or load_workbook(io.BytesIO(data), read_only=True, data_only=True)
                computed = cached[ws.title]
                computed.reset_dimensions()
                values = list(computed.iter_rows(values_only=True))
                rows = [[_formula_value(cell, values, r, c) for c, cell in enumerate(row)]
                        for r, row in enumerate(rows)]
            # Read-only sheets do not expose merged ranges; they are listed in the sheet's XML.
            xml = archive.read(ws._worksheet_path)
            merged = [_merged_range(ref.decode()) for ref in _MERGE.findall(xml)]
            sheets.append(Sheet(ws.title, rows, ws.sheet_state != "visible", merged))
    return sheets


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"')


def _merged_range(ref: str) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import range_boundaries

    c1, r1, c2, r2 = range_boundaries(ref)
    return r1 - 1, c1 - 1, r2 - 1, c2 - 1


def _formula_value(cell: Cell, values: list[tuple], r: int, c: int) -> Cell:
    if cell.kind != "formula":
        return cell
    value = values[r][c] if r < len(values) and c < len(values[r]) else None
    if value is None:
        return Cell(cell.value, "formula_no_value")
    return _python_cell(value, "%" if cell.percent else None)


def read_xls(data: bytes) -> list[Sheet]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception as exc:  # xlrd signals damage and encryption with various exceptions
        raise ReadError(f"berkas .xls tidak dapat dibaca ({exc}). Jika terkunci kata sandi, buka "
                        "kuncinya; lalu simpan ulang sebagai .xlsx.") from exc
    sheets = []
    for ws in book.sheets():
        rows = []
        for r in range(ws.nrows):
            out = []
            for c in range(ws.ncols):
                kind, value = ws.cell_type(r, c), ws.cell_value(r, c)
                if kind == xlrd.XL_CELL_NUMBER:
                    fmt = book.format_map.get(book.xf_list[ws.cell_xf_index(r, c)].format_key)
                    out.append(Cell(value, "number", "%" in (fmt.format_str if fmt else "")))
                elif kind == xlrd.XL_CELL_TEXT and printable(value).strip():
                    out.append(Cell(printable(value).strip(), "text"))
                elif kind == xlrd.XL_CELL_BOOLEAN:
                    out.append(Cell(bool(value), "bool"))
                elif kind == xlrd.XL_CELL_DATE:
                    fmt = book.format_map.get(book.xf_list[ws.cell_xf_index(r, c)].format_key)
                    try:
                        moment = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                    except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                        out.append(Cell(value, "number"))   # a serial no date can have: the number itself
                    else:
                        out.append(Cell(moment, "date", fmt=fmt.format_str if fmt else None))
                elif kind == xlrd.XL_CELL_ERROR:
                    out.append(Cell(xlrd.error_text_from_code.get(value, "#ERROR"), "error"))
                else:
                    out.append(Cell())
            rows.append(out)
        merged = [(r1, c1, r2 - 1, c2 - 1) for r1, r2, c1, c2 in ws.merged_cells]
        sheets.append(Sheet(ws.name, rows, ws.visibility != 0, merged))
    return sheets
