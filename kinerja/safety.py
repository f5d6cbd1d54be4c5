"""User text goes into spreadsheets and CSV as text, never as a formula (CSV/formula injection).

An indicator named "=HYPERLINK(...)" or a note "+62 812 ..." must show as typed, not run. Every
writer of workbooks and CSV files (template, export, annotate) puts user text through here.
"""
from __future__ import annotations

import math
from decimal import Decimal

# What spreadsheet programs read as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def csv_safe(text):
    """Prefix a quote so that spreadsheet programs show the text instead of evaluating it."""
    return f"'{text}" if is_formula_like(text) else text


def set_text(cell, text: str) -> None:
    """An openpyxl cell holding user text: openpyxl would store "=..." as a formula otherwise."""
    cell.value = text
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
