"""Cell formats and layout helpers shared by the workbooks we write with xlsxwriter (template, export)."""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

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


def print_setup(ws, header_top: int | None = None, header_bottom: int | None = None, title: str = "") -> None:
    """A4 landscape, one page wide, the header rows repeated on every page, page numbers below."""
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    if header_top is not None:
        ws.repeat_rows(header_top, header_bottom)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer(f"&L{title}&RHalaman &P dari &N" if title else "&CHalaman &P dari &N")
