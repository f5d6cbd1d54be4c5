"""Render result tables for the command line: Indonesian for people, dot decimals for machines.

Tables of numbers, text and flags are formatted by DuckDB (queries/present/keluaran_makro.sql:
the same texts as the per-value functions below, without a Python call per cell: a year of
250 k indicators renders in a fraction of a second); other cells (dates, Decimal objects) take
the per-value path.
"""
from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.model import fmt_plain
from kinerja.numbers import format_angka
from kinerja.present.tabel_sql import render_source
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
    """The table as text: fmt "csv" (dot decimals, "" for missing, formula-like text quoted),
    "json" (a list of records, null for missing) or "table" (Indonesian numbers, "–" for missing);
    decimals: fixed decimals per column (csv and table)."""
    kinds = cell_kinds(frame)
    if kinds is not None:
        return render_sql(frame, kinds, fmt, decimals or {})
    if fmt == "csv":
        return to_csv(frame, decimals)
    if fmt == "json":
        return to_json(frame) + "\n"
    return to_table(frame, decimals) + "\n"


def cell_kinds(frame: pd.DataFrame) -> dict[str, str] | None:
    """Per column: "angka" (float), "bulat" (integer), "ya" (bool), "teks", "campur" (numbers and
    texts, e.g. a target cell "80 - 90"); None when a column holds anything else (dates, Decimal
    objects), which the per-value path renders."""
    kinds = {}
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_bool_dtype(column.dtype):
            kinds[name] = "ya"
        elif pd.api.types.is_integer_dtype(column.dtype):
            kinds[name] = "bulat"
        elif pd.api.types.is_float_dtype(column.dtype):
            kinds[name] = "angka"
        else:
            inferred = pd.api.types.infer_dtype(column, skipna=True)
            kind = {"string": "teks", "empty": "teks", "floating": "angka", "integer": "angka",
                    "mixed-integer-float": "angka", "mixed": "campur", "mixed-integer": "campur",
                    "boolean": "ya"}.get(inferred)
            if kind is None or (kind == "campur" and not mixes_numbers_and_text(column)):
                return None
            kinds[name] = kind
    return kinds


def mixes_numbers_and_text(column: pd.Series) -> bool:
    return set(column.dropna().map(type).unique()) <= {str, int, float}


def render_sql(frame: pd.DataFrame, kinds: dict[str, str], fmt: str, decimals: dict[str, int]) -> str:
    """render() of a table whose columns cell_kinds() classified: its columns as DuckDB reads
    them (c<i> numbers and flags, t<i> texts), formatted by tabel_sql."""
    prepared = {"_baris": range(len(frame))}
    for i, (name, kind) in enumerate(kinds.items()):
        column = frame[name].reset_index(drop=True)
        if kind == "campur":
            text = column.map(lambda v: isinstance(v, str))
            prepared[f"t{i}"] = column.where(text).astype(object)
            prepared[f"c{i}"] = pd.to_numeric(column.where(~text), errors="coerce").astype(float)
        elif kind == "ya":
            prepared[f"c{i}"] = column.astype("boolean")
        elif kind == "angka":
            prepared[f"c{i}"] = pd.to_numeric(column, errors="coerce").astype(float)
        elif kind == "teks":
            prepared[f"t{i}"] = column.astype(object).where(column.notna(), None)
        else:
            prepared[f"c{i}"] = column
    con = duckdb.connect()
    try:
        con.register("keluaran", pd.DataFrame(prepared))
        return render_source(con, "keluaran", kinds, fmt, decimals)
    finally:
        con.close()
