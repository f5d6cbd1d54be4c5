"""Render result tables for the command line: Indonesian for people, dot decimals for machines."""
from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal

import pandas as pd

from kinerja.model import fmt_plain
from kinerja.numbers import format_angka
from kinerja.safety import csv_safe, printable
from kinerja.values import is_missing


def machine_value(value):
    """A cell for json: numbers with a dot, missing as None, times as ISO text."""
    if is_missing(value):
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (datetime, date, pd.Timestamp)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def csv_text(value, decimals: int | None = None) -> str:
    """A cell for csv: dot-decimal text of a number (fixed decimals when given), "" for missing,
    text that a spreadsheet would take for a formula with a leading quote."""
    value = machine_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return f"{exact:.{decimals}f}" if decimals is not None else fmt_plain(exact)
    return csv_safe(str(value))


def people_value(value, decimals: int | None = None) -> str:
    """A cell for the table format: Indonesian numbers (94,83), "–" for missing."""
    if is_missing(value):
        return "–"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, (datetime, pd.Timestamp)):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return format_angka(value, decimals)
    if hasattr(value, "item"):
        return people_value(value.item(), decimals)
    return printable(str(value))


def to_csv(frame: pd.DataFrame, decimals: dict[str, int] | None = None) -> str:
    decimals = decimals or {}
    cells = pd.DataFrame({
        column: [csv_text(v, decimals.get(column)) for v in frame[column].astype(object)]
        for column in frame.columns
    })
    buffer = io.StringIO()
    cells.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def to_json(frame: pd.DataFrame) -> str:
    records = [
        {column: machine_value(value) for column, value in row.items()}
        for row in frame.astype(object).to_dict(orient="records")
    ]
    return json.dumps(records, ensure_ascii=False, indent=2)


def to_table(frame: pd.DataFrame, decimals: dict[str, int] | None = None) -> str:
    decimals = decimals or {}
    shown = pd.DataFrame({
        column: [people_value(v, decimals.get(column)) for v in frame[column].astype(object)]
        for column in frame.columns
    })
    return shown.to_string(index=False) if len(shown) else "(tidak ada baris)"


def render(frame: pd.DataFrame, fmt: str, decimals: dict[str, int] | None = None) -> str:
    if fmt == "csv":
        return to_csv(frame, decimals)
    if fmt == "json":
        return to_json(frame) + "\n"
    return to_table(frame, decimals) + "\n"
