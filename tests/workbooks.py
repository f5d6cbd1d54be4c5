"""Build workbooks from code for tests: xlsx (with merged cells, percent formats, hidden sheets,
formulas with cached values), xls and csv. No hand-made binaries in the repository."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import xlsxwriter


@dataclass(frozen=True)
class Pct:
    """An Excel number formatted as a percentage: Pct(0.85) shows 85%."""

    value: float


@dataclass(frozen=True)
class Formula:
    """A formula cell; cached is the value Excel last computed (xlsxwriter stores it)."""

    formula: str
    cached: float | str


@dataclass
class Sheet:
    name: str
    rows: list[list]
    merged: list[str] = field(default_factory=list)   # "A5:A6" ranges; the value is the top-left cell's
    hidden: bool = False


SOP_HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "TARGET TRIWULAN 1",
              "TARGET TRIWULAN 2", "TARGET TRIWULAN 3", "TARGET TRIWULAN 4", "REALISASI TRIWULAN I",
              "REALISASI TRIWULAN II", "REALISASI TRIWULAN III", "REALISASI TRIWULAN IV", "KET"]


def sop_rows(rows: list[list], header: list | None = None, title: bool = True) -> list[list]:
    """The SOP table with its usual title rows above: the header lands on row 5 when title is set."""
    top = [["FORMAT PENGUMPULAN DATA KINERJA"], ["BIDANG MUTASI"], ["TAHUN 2024"], []] if title else []
    return top + [header or SOP_HEADER] + rows


def xlsx(*sheets: Sheet) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    percent = book.add_format({"num_format": "0.00%"})
    for spec in sheets:
        ws = book.add_worksheet(spec.name)
        for r, row in enumerate(spec.rows):
            for c, value in enumerate(row):
                write(ws, r, c, value, percent)
        for ref in spec.merged:
            first = ref.split(":")[0]
            r, c = xlsxwriter.utility.xl_cell_to_rowcol(first)
            ws.merge_range(ref, None)
            write(ws, r, c, spec.rows[r][c] if r < len(spec.rows) and c < len(spec.rows[r]) else None, percent)
        if spec.hidden:
            ws.hide()
    book.close()
    return buffer.getvalue()


def write(ws, r: int, c: int, value, percent) -> None:
    if value is None:
        return
    if isinstance(value, Pct):
        ws.write_number(r, c, value.value, percent)
    elif isinstance(value, Formula):
        ws.write_formula(r, c, value.formula, None, value.cached)
    elif isinstance(value, str):
        ws.write_string(r, c, value)
    else:
        ws.write(r, c, value)


def xls(*sheets: Sheet) -> bytes:
    """A legacy .xls workbook (xlwt); merged ranges given as "A5:A6" too."""
    import xlwt
    from xlsxwriter.utility import xl_cell_to_rowcol

    book = xlwt.Workbook()
    percent = xlwt.easyxf(num_format_str="0.00%")
    for spec in sheets:
        ws = book.add_sheet(spec.name)
        merged = {}
        for ref in spec.merged:
            (r1, c1), (r2, c2) = (xl_cell_to_rowcol(x) for x in ref.split(":"))
            merged[(r1, c1)] = (r2, c2)
        for r, row in enumerate(spec.rows):
            for c, value in enumerate(row):
                if (r, c) in merged:
                    r2, c2 = merged[(r, c)]
                    ws.write_merge(r, r2, c, c2, value)
                elif isinstance(value, Pct):
                    ws.write(r, c, value.value, percent)
                elif value is not None:
                    ws.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], delimiter: str = ";", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue().encode(encoding)
