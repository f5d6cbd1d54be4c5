"""The user's own workbook with its problems marked, so a unit can fix its file where it is wrong.

Every reported cell is filled (red for an error, amber for a warning) and carries a comment with the
message; a first sheet "KESALAHAN" lists every problem, including those that have no cell. An .xlsx
is copied through openpyxl, which keeps the rest of the workbook. .xls, .ods, .csv and HTML tables
cannot be edited by openpyxl (nor .xlsx files it cannot open, nor large ones): they are rendered
as .xlsx with the same sheet names, rows and columns, so the places in the messages still match.
"""
from __future__ import annotations

import io
import re
import zipfile
from os import PathLike
from pathlib import PurePath
from typing import BinaryIO

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from kinerja.ingest.cells import Sheet, read_sheets, sniff
from kinerja.model import Problem
from kinerja.safety import printable, set_text

LIST_SHEET = "KESALAHAN"
FILL = {
    "error": PatternFill("solid", fgColor="FFFFC7CE"),   # Excel's "Bad" red: the text stays readable
    "peringatan": PatternFill("solid", fgColor="FFFFEB9C"),   # Excel's "Neutral" amber
}
LABEL = {"error": "Kesalahan", "peringatan": "Peringatan"}
LIST_HEADER = ["LEMBAR", "BARIS", "KOLOM", "ISI", "PESAN", "JENIS"]
LIST_WIDTHS = [22, 8, 26, 24, 90, 12]
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def annotate_errors(data: bytes, filename: str, problems: list[Problem], out: str | PathLike | BinaryIO) -> None:
    """Write the marked copy of the file `data` (named `filename`) to a path or binary file-like."""
    workbook = None
    if PurePath(filename).suffix.lower() in (".xlsx", ".xlsm") and sniff(data) == "zip" and _small(data):
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data))
            titles = {ws.title: ws.title for ws in workbook.worksheets}
        except Exception:  # a file openpyxl cannot open (part names in another case, .ods named .xlsx)
            workbook = None
    if workbook is None:
        workbook, titles = render(read_sheets(data, filename))
    places = mark_cells(workbook, titles, problems)
    add_list(workbook, problems, places)
    workbook.save(out)


# openpyxl keeps every cell of a workbook it edits, empty ones with a format too (about 10-25 MB of
# memory per MB of sheet XML): larger workbooks are rendered from what was read instead.
COPY_LIMIT_XML_BYTES = 6 * 1024 * 1024


def _small(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(i.file_size for i in archive.infolist() if i.filename.lower().endswith(".xml")) \
                <= COPY_LIMIT_XML_BYTES
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def mark_cells(workbook, titles: dict[str, str], problems: list[Problem]) -> dict[int, str]:
    """Fill and comment every problem's cell; returns id(problem) -> "'Sheet'!B5", where its mark is."""
    by_cell: dict[tuple[str, int, int], list[Problem]] = {}
    places = {}
    for p in problems:
        if p.row is None or p.col is None or p.sheet not in titles:
            continue
        by_cell.setdefault((titles[p.sheet], p.row, p.col), []).append(p)
    for (title, row, col), found in by_cell.items():
        ws = workbook[title]
        cell = origin(ws, ws.cell(row, col))
        worst = "error" if any(p.severity == "error" for p in found) else "peringatan"
        cell.fill = FILL[worst]
        # the whole problem (column header, cell text, message), as the command line prints it
        text = printable("\n".join(str(p) for p in found))
        if cell.comment is not None:
            text += f"\n\n(Komentar semula: {cell.comment.text})"
        cell.comment = Comment(printable(text), "Kinerja", width=320, height=max(110, 60 * len(found)))
        quoted = title.replace("'", "''")
        for p in found:
            places[id(p)] = f"'{quoted}'!{cell.coordinate}"
    return places


def origin(ws, cell):
    """A cell inside a merged range holds nothing itself: mark the range's top-left cell."""
    if not isinstance(cell, MergedCell):
        return cell
    for merged in ws.merged_cells.ranges:
        if cell.coordinate in merged:
            return ws.cell(merged.min_row, merged.min_col)
    return cell


def add_list(workbook, problems: list[Problem], places: dict[int, str]) -> None:
    """The first sheet: every problem with its place, linked to the marked cell where there is one."""
    title = unique_title(LIST_SHEET, set(workbook.sheetnames))
    ws = workbook.create_sheet(title, 0)
    for c, (text, width) in enumerate(zip(LIST_HEADER, LIST_WIDTHS), start=1):
        ws.cell(1, c, text).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(c)].width = width
    for r, p in enumerate(problems, start=2):
        sheet_cell = ws.cell(r, 1)
        set_text(sheet_cell, p.sheet if p.sheet is not None else "(seluruh berkas)")
        if id(p) in places:
            sheet_cell.hyperlink = Hyperlink(ref=sheet_cell.coordinate, location=places[id(p)])
            sheet_cell.font = Font(color="FF0563C1", underline="single")
        ws.cell(r, 2, p.row)
        for c, text in ((3, p.column), (4, p.cell), (5, p.message), (6, LABEL.get(p.severity, p.severity))):
            if text is not None:
                set_text(ws.cell(r, c), str(text))
    ws.freeze_panes = "A2"
    # open on the list: exactly one selected tab, or Excel groups the sheets
    for sheet in workbook.worksheets:
        sheet.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    workbook.active = 0


def render(sheets: list[Sheet]):
    """An .xlsx workbook of sheets read from .xls/.csv, cell for cell; returns it and the map from
    each read sheet name to its title (titles are at most 31 characters, without []:*?/\\)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    titles = {}
    for sheet in sheets:
        title = unique_title(_BAD_TITLE.sub("_", sheet.name)[:31] or "Lembar", set(workbook.sheetnames))
        titles[sheet.name] = title
        ws = workbook.create_sheet(title)
        for r, row in enumerate(sheet.rows, start=1):
            for c, cell in enumerate(row, start=1):
                if cell.kind == "empty":
                    continue
                target = ws.cell(r, c)
                if cell.kind in ("number", "bool"):
                    target.value = cell.value
                    if cell.percent:
                        target.number_format = "0.00%"
                else:
                    set_text(target, cell.text)
        for r1, c1, r2, c2 in sheet.merged:
            if (r1, c1) != (r2, c2):
                ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        if sheet.hidden:
            ws.sheet_state = "hidden"
    return workbook, titles


def unique_title(title: str, taken: set[str]) -> str:
    candidate, n = title, 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate, n = title[:31 - len(suffix)] + suffix, n + 1
    return candidate
