"""Cell formats and layout helpers shared by the workbooks we write with xlsxwriter (template, export)."""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from kinerja.numbers import format_angka
from kinerja.present.colours import ink
from kinerja.safety import is_number, write_cell

MAX_DECIMALS = 6  # values are stored with six decimals


def number_format(value) -> str:
    """'#,##0' with as many decimals as the value has: Excel shows it with the reader's locale
    separators (77.668 and 94,83 in Indonesian), and never a trailing separator ("93,")."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    decimals = min(max(-exponent, 0), MAX_DECIMALS) if isinstance(exponent, int) else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


class Formats:
    """One xlsxwriter Format per distinct set of properties (a workbook holds a limited number)."""

    def __init__(self, workbook, base: dict | None = None):
        self.workbook, self.base, self.cache = workbook, base or {}, {}

    def __call__(self, **props):
        merged = {**self.base, **props}
        key = tuple(sorted(merged.items()))
        if key not in self.cache:
            self.cache[key] = self.workbook.add_format(merged)
        return self.cache[key]


def write_number(ws, formats: Formats, r: int, c: int, value, cell: dict) -> None:
    """A number with as many decimals as it has; a range target ("80 - 90") as centred text."""
    if is_number(value):
        write_cell(ws, r, c, value, formats(**cell, num_format=number_format(value)))
    else:
        write_cell(ws, r, c, value if isinstance(value, str) else None, formats(**cell, align="center"))


def band(warna) -> dict:
    """The kategori's fill, with black or white text, whichever reads better on it."""
    text = ink(warna)
    return {"bg_color": warna, "font_color": text, "align": "center"} if text else {}


def merge_runs(ws, first: int, keys: list, cells: list) -> None:
    """For each run of equal keys (rows first, first + 1, ...), write each (column, value(top, number),
    format) once, merged over the run; number counts the runs from 1."""
    top, number = 0, 0
    for i in range(len(keys)):
        if i + 1 < len(keys) and same(keys[i + 1], keys[i]):
            continue
        number += 1
        for c, value, fmt in cells:
            if i > top:
                ws.merge_range(first + top, c, first + i, c, "", fmt)
            write_cell(ws, first + top, c, value(top, number), fmt)
        top = i + 1


def same(a, b) -> bool:
    return a == b or (pd.isna(a) and pd.isna(b))


# Sizes in a column's unit (the width of "0" in the workbook's default Calibri 11, 7 px) of the Arial 9
# the sheets are set in: a character of text on average, a digit, a separator (bold a bit more).
TEXT_CHAR, DIGIT, SEPARATOR = 0.8, 0.95, 0.45
LINE = 11.0  # points a line of Arial 9 takes in a row (10.35 and a little room)


def number_width(values, minimum: float = 6) -> float:
    """A column width that shows every number in full (Excel shows "####" for one that does not fit)."""
    def width(text: str) -> float:
        digits = sum(ch.isdigit() for ch in text)
        return digits * DIGIT + (len(text) - digits) * SEPARATOR

    longest = max((width(format_angka(v)) for v in values if is_number(v)), default=0)
    return max(minimum, round(longest * 1.1 + 2, 1))


def lines(text, width: float) -> int:
    """How many lines `text` wraps to in a column `width` wide (word wrap, as Excel does)."""
    if not isinstance(text, str) or not text:
        return 1
    room = max((width - 1) / TEXT_CHAR, 1)
    count = 0
    for paragraph in text.split("\n"):
        used, count = None, count + 1
        for word in paragraph.split():
            if used is None:
                used = len(word)
            elif used + 1 + len(word) <= room:
                used += 1 + len(word)
            else:
                count, used = count + 1, len(word)
            while used > room:  # a word longer than the column breaks
                count, used = count + 1, used - room
    return count


# Lines of text one row may hold: Excel's rows are at most 409 points tall; below that with room for
# the estimate of `lines` being short by a few.
ROW_LINES = 30


def pieces(text: str, width: float, most: int = ROW_LINES) -> list[str]:
    """`text` cut between its lines, or between words inside a longer line, into pieces of at most
    `most` lines in a column `width` wide, to go in consecutive rows: a longer text in one cell
    would be cut off in print."""
    out, current = [], []
    for paragraph in text.split("\n"):
        if current and lines("\n".join([*current, paragraph]), width) > most:
            out.append("\n".join(current))
            current = []
        if lines(paragraph, width) <= most:
            current.append(paragraph)
            continue
        piece: list[str] = []
        for word in paragraph.split(" "):
            if piece and lines(" ".join([*piece, word]), width) > most:
                out.append(" ".join(piece))
                piece = []
            piece.append(word)
        current = [" ".join(piece)]
    return [*out, "\n".join(current)]


def fit_row(ws, r: int, cells, minimum: float = 15) -> None:
    """Row r as tall as its most wrapped cell; `cells`: (text, width of its column or merged columns).
    LibreOffice and Excel do not grow a row by themselves for text written with wrap."""
    ws.set_row(r, max(minimum, LINE * max((lines(text, width) for text, width in cells), default=1) + 3))


A4, A3 = 9, 8  # xlsxwriter paper codes


def print_setup(ws, header_top: int | None = None, header_bottom: int | None = None, title: str = "",
                paper: int = A4, landscape: bool = True, mark: str | None = None) -> None:
    """Paper (A4 or A3), landscape unless asked otherwise, one page wide, the header rows repeated on
    every page, the sheet centred; page numbers and `title` in the footer, `mark` (e.g. DATA DEMO)
    in red at the top of every page."""
    ws.set_paper(paper)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    if header_top is not None:
        ws.repeat_rows(header_top, header_bottom)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    ws.set_header(f'&C&"Arial,Bold"&14&KC00000{mark}' if mark else "")
    ws.set_footer(f"&L{title}&RHalaman &P dari &N" if title else "&CHalaman &P dari &N")
