"""User text goes into spreadsheets and CSV as text, never as a formula (CSV/formula injection),
and into every output without the characters that output cannot hold.

An indicator named "=HYPERLINK(...)" or a note "+62 812 ..." must show as typed, not run. Every
writer of workbooks and CSV files (template, export, annotate) puts user text through here; the
.docx draft and the terminal use `printable` too. A name with a control character typed in a web
app (or an ANSI colour code) must neither break a document (XML 1.0 forbids such characters) nor
drive the terminal.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# What spreadsheet programs read as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# Terminal escape sequences (ECMA-48 CSI/OSC and two-character escapes): removed whole, so no
# "[2J" is left behind. Then every other control character (C0 but newline, DEL, C1), lone
# surrogates, U+FFFE and U+FFFF: invisible in a spreadsheet, harmful in a terminal, refused by
# the .docx and .xlsx writers (XML 1.0).
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]|\x9b[0-?]*[ -/]*[@-~]")
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(text: str, keep_newlines: bool = True) -> str:
    """Text as every output can hold it: carriage returns become newlines, a tab a space, escape
    sequences and other control characters are removed; newlines become spaces unless kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = UNPRINTABLE.sub("", _ESCAPES.sub("", text))
    return text if keep_newlines else text.replace("\n", " ")


def printable_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table with `printable` applied to every text cell."""
    return frame.map(lambda v: printable(v) if isinstance(v, str) else v)


def is_formula_like(text: str) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def csv_safe(text):
    """Prefix a quote so that spreadsheet programs show the text instead of evaluating it."""
    text = printable(text) if isinstance(text, str) else text
    return f"'{text}" if is_formula_like(text) else text


def set_text(cell, text: str) -> None:
    """An openpyxl cell holding user text: openpyxl would store "=..." as a formula otherwise, and
    refuses control characters (IllegalCharacterError), which are dropped."""
    cell.value = printable(text)
    cell.data_type = "s"


def is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and not (
        isinstance(value, float) and math.isnan(value))


def write_cell(ws, row: int, col: int, value, fmt=None) -> None:
    """xlsxwriter: numbers as numbers, nothing (None, NaN) as a blank cell, anything else as a string.

    worksheet.write() would turn a string starting with "=" into a formula; write_string never does.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        ws.write_blank(row, col, None, fmt)
    elif is_number(value):
        ws.write_number(row, col, float(value), fmt)
    else:
        ws.write_string(row, col, printable(str(value)), fmt)
