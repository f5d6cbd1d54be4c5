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
from kinerja.safety import csv_safe, printable
from kinerja.store.queries import execute_script
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
    """render() of a table whose columns cell_kinds() classified, by DuckDB."""
    if frame.empty:
        if fmt == "json":
            return "[]\n"
        return to_csv(frame) if fmt == "csv" else "(tidak ada baris)\n"
    prepared, cells = {"_baris": range(len(frame))}, []
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
            prepared[f"c{i}"] = column.astype(object).where(column.notna(), None)
        else:
            prepared[f"c{i}"] = column
        cells.append(cell_sql(i, kind, fmt, decimals.get(name)))
    con = duckdb.connect()
    try:
        execute_script(con, "keluaran_makro")
        con.register("keluaran", pd.DataFrame(prepared))
        names = list(kinds)
        if fmt == "csv":
            header = ",".join(csv_header(n) for n in names)
            line = " || ',' || ".join(cells)
            body = con.execute(f"SELECT string_agg({line}, chr(10) ORDER BY _baris) FROM keluaran").fetchone()[0]
            return f"{header}\n{body}\n"
        if fmt == "json":
            fields = " || ',' || chr(10) || ".join(
                f"'    ' || {sql_text(json.dumps(n, ensure_ascii=False))} || ': ' || {cell}"
                for n, cell in zip(names, cells))
            body = con.execute(f"SELECT string_agg('  {{' || chr(10) || {fields} || chr(10) || '  }}', "
                               "',' || chr(10) ORDER BY _baris) FROM keluaran").fetchone()[0]
            return f"[\n{body}\n]\n"
        # table: right-aligned columns as wide as their longest cell or header, one space apart
        shown = ", ".join(f"{cell} AS s{i}" for i, cell in enumerate(cells))
        widths = ", ".join(f"CAST(greatest(max(length(s{i})), {len(n)}) AS INTEGER) AS w{i}" for i, n in enumerate(names))
        head = " || ' ' || ".join(f"lpad({sql_text(n)}, w{i}, ' ')" for i, n in enumerate(names))
        line = " || ' ' || ".join(f"lpad(s{i}, w{i}, ' ')" for i in range(len(names)))
        body = con.execute(
            f"WITH t AS (SELECT _baris, {shown} FROM keluaran), w AS (SELECT {widths} FROM t) "
            f"SELECT any_value({head}) || chr(10) || string_agg({line}, chr(10) ORDER BY _baris) "
            "FROM t, w").fetchone()[0]
        return f"{body}\n"
    finally:
        con.close()


def cell_sql(i: int, kind: str, fmt: str, decimals: int | None) -> str:
    """The SQL expression of column i's cell text in fmt."""
    c = f"c{i}"
    if fmt == "json":
        # a double's VARCHAR is Python's repr, the text json.dumps writes
        number = f"CASE WHEN isnan({c}) THEN NULL ELSE CAST({c} AS VARCHAR) END"
        if kind == "campur":
            return f"coalesce(to_json(t{i}), {number}, 'null')"
        if kind == "angka":
            return f"coalesce({number}, 'null')"
        return f"coalesce(to_json({c}), 'null')"
    if fmt == "csv":
        number = f"angka_tetap({c}, {decimals})" if decimals is not None else f"angka_titik({c})"
        return {"angka": f"coalesce({number}, '')",
                "bulat": f"coalesce(CAST({c} AS VARCHAR), '')",
                "ya": f"CASE {c} WHEN true THEN 'true' WHEN false THEN 'false' ELSE '' END",
                "teks": f"medan_csv(teks_aman({c}))",
                "campur": f"CASE WHEN t{i} IS NULL THEN coalesce({number}, '') ELSE medan_csv(teks_aman(t{i})) END"}[kind]
    number = f"angka_id({c}, {'NULL' if decimals is None else decimals})"
    return {"angka": f"coalesce({number}, '–')",
            "bulat": f"coalesce(angka_kelompok(CAST({c} AS VARCHAR)), '–')",
            "ya": f"CASE {c} WHEN true THEN 'ya' WHEN false THEN 'tidak' ELSE '–' END",
            "teks": f"coalesce(teks_tampak({c}), '–')",
            "campur": f"coalesce(teks_tampak(t{i}), {number}, '–')"}[kind]


def sql_text(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def csv_header(name: str) -> str:
    """A column name as a CSV field (quoted as medan_csv quotes)."""
    return f'"{name.replace(chr(34), chr(34) * 2)}"' if any(c in name for c in ',"\n\r') else name
