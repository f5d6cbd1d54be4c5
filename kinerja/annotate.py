"""A copy of the user's own workbook with every reported cell marked red and commented."""
from __future__ import annotations

import io
from pathlib import Path, PurePath

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from kinerja.cells import read_sheets
from kinerja.model import Problem
from kinerja.safety import set_text

RED = PatternFill("solid", fgColor="FFC7CE")
LIST_SHEET = "KESALAHAN"


def annotate_errors(data: bytes, filename: str, problems: list[Problem], out: Path) -> None:
    """Write to `out` (.xlsx) the user's workbook with the problems marked where they are.
    .xls and .csv files are rendered as .xlsx with the same sheets and cell positions."""
    book = _editable_copy(data, filename)
    listing = book.create_sheet(LIST_SHEET, 0)
    listing.append(["Lembar", "Baris", "Kolom", "Isi", "Pesan"])
    for problem in problems:
        row = [problem.sheet, problem.row, problem.column, problem.cell, problem.message]
        listing.append([None] * 5)
        for column, value in enumerate(row, 1):
            if isinstance(value, str):
                set_text(listing.cell(listing.max_row, column), value)
            else:
                listing.cell(listing.max_row, column).value = value
        if problem.row and problem.col and problem.sheet in book.sheetnames:
            cell = book[problem.sheet].cell(problem.row, problem.col)
            cell.fill = RED
            note = f"{cell.comment.text}\n{problem}" if cell.comment else str(problem)
            cell.comment = Comment(note, "Kinerja", width=320, height=120)
    for column, width in zip("ABCDE", (18, 8, 28, 20, 90)):
        listing.column_dimensions[column].width = width
    book.save(out)


def _editable_copy(data: bytes, filename: str) -> Workbook:
    if PurePath(filename).suffix.lower() in (".xlsx", ".xlsm"):
        return load_workbook(io.BytesIO(data))
    book = Workbook()
    book.remove(book.active)
    for sheet in read_sheets(data, filename):
        ws = book.create_sheet(sheet.name[:31])
        for r, row in enumerate(sheet.rows, 1):
            for c, cell in enumerate(row, 1):
                if cell.kind == "text":
                    set_text(ws.cell(r, c), cell.value)
                elif cell.kind != "empty":
                    ws.cell(r, c).value = cell.value
    return book
