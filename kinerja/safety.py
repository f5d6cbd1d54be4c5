"""User text goes into spreadsheets and CSV as text, never as a formula (CSV/formula injection)."""
from __future__ import annotations

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
