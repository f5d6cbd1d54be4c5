"""User text goes into spreadsheets and CSV as text, never as a formula (CSV/formula injection).

An indicator named "=HYPERLINK(...)" or a note "+62 812 ..." must show as typed, not run. Every
writer of workbooks and CSV files (template, export, annotate) puts user text through here.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

# What spreadsheet programs read as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def csv_safe(text):
    """Prefix a quote so that spreadsheet programs show the text instead of evaluating it."""
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
        ws.write_string(row, col, str(value), fmt)


# Terminal escape sequences (ECMA-48 CSI/OSC and two-character escapes), then every other control
# character (C0 but newline and tab, DEL, C1): invisible in a spreadsheet, harmful in a terminal,
# refused by .docx and .xlsx writers.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str, keep_newlines: bool = True) -> str:
    """Text without escape sequences and control characters (a tab becomes a space)."""
    text = _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\t", " ")))
    return text if keep_newlines else text.replace("\r", "").replace("\n", " ")
