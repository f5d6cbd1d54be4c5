"""Tables formatted by DuckDB for the command line (kinerja.present.output.render): csv, json and
the table for people, with the same texts as the per-value functions of kinerja.present.output,
built set-wise (queries/present/keluaran_makro.sql). No pandas: `kinerja capaian` formats the
engine's rows where they are.
"""
from __future__ import annotations

import json

import duckdb

from kinerja.store.queries import execute_script

# Column kinds: "angka" (float), "bulat" (integer), "ya" (bool), "teks", "campur" (a number or a
# text, e.g. a target cell "80 - 90").


def render_source(con: duckdb.DuckDBPyConnection, source: str, kinds: dict[str, str], fmt: str,
                  decimals: dict[str, int]) -> str:
    """The rows of `source` (a table name or a parenthesised query with the columns _baris, the
    row order, and per output column i in `kinds` order: c<i> the number or flag, t<i> the text;
    a "campur" column has both) as text in fmt "csv" | "json" | "table" (see output.render);
    decimals: fixed decimals per column name (csv and table). The header is the names of `kinds`."""
    names = list(kinds)
    cells = [cell_stages(i, kind, fmt, decimals.get(name)) for i, (name, kind) in enumerate(kinds.items())]
    execute_script(con, "keluaran_makro")
    # one SELECT per stage, each reading the columns of the one before: a macro's argument is
    # then a column, computed once, not an expression repeated wherever the macro names it
    steps, before = [], source
    for depth in range(max(len(stages) for stages in cells)):
        made = [f"{stages[depth]} AS x{i}_{depth}" for i, stages in enumerate(cells) if depth < len(stages)]
        steps.append(f"l{depth} AS (SELECT *, {', '.join(made)} FROM {before})")
        before = f"l{depth}"
    final = [f"x{i}_{len(stages) - 1}" for i, stages in enumerate(cells)]
    staged = f"WITH {', '.join(steps)}"
    if fmt == "csv":
        header = ",".join(csv_header(n) for n in names)
        line = " || ',' || ".join(final)
        body = con.execute(f"{staged} SELECT string_agg({line}, chr(10) ORDER BY _baris) FROM {before}").fetchone()[0]
        return f"{header}\n" if body is None else f"{header}\n{body}\n"
    if fmt == "json":
        fields = " || ',' || chr(10) || ".join(
            f"'    ' || {sql_text(json.dumps(n, ensure_ascii=False))} || ': ' || {cell}"
            for n, cell in zip(names, final))
        body = con.execute(f"{staged} SELECT string_agg('  {{' || chr(10) || {fields} || chr(10) || '  }}', "
                           f"',' || chr(10) ORDER BY _baris) FROM {before}").fetchone()[0]
        return "[]\n" if body is None else f"[\n{body}\n]\n"
    # table: right-aligned columns as wide as their longest cell or header, one space apart
    widths = ", ".join(f"CAST(greatest(max(length({cell})), {len(n)}) AS INTEGER) AS w{i}"
                       for i, (n, cell) in enumerate(zip(names, final)))
    head = " || ' ' || ".join(f"lpad({sql_text(n)}, w{i}, ' ')" for i, n in enumerate(names))
    line = " || ' ' || ".join(f"lpad({cell}, w{i}, ' ')" for i, cell in enumerate(final))
    body = con.execute(
        f"{staged}, t AS MATERIALIZED (SELECT * FROM {before}), w AS (SELECT {widths} FROM t) "
        f"SELECT any_value({head}) || chr(10) || string_agg({line}, chr(10) ORDER BY _baris) "
        "FROM t, w").fetchone()[0]
    return "(tidak ada baris)\n" if body is None else f"{body}\n"


def render_columns(con: duckdb.DuckDBPyConnection, source: str, columns: dict[str, str], fmt: str,
                   decimals: dict[str, int]) -> str:
    """render_source over the named columns of `source` (a relation with _baris): columns maps
    each output column to its kind; a "campur" column NAME is built from NAME_bawah and NAME_atas
    (a target: the number for a point, "bawah - atas" with dot decimals for a range, as
    kinerja.engine.capaian.target_cell writes it)."""
    picked = ["_baris"]
    for i, (name, kind) in enumerate(columns.items()):
        column = f'"{name}"'
        if kind == "campur":
            bawah, atas = f'"{name}_bawah"', f'"{name}_atas"'
            picked += [f"CASE WHEN {bawah} <> {atas} THEN angka_polos(CAST({bawah} AS VARCHAR)) || ' - ' "
                       f"|| angka_polos(CAST({atas} AS VARCHAR)) END AS t{i}",
                       f"CASE WHEN {bawah} = {atas} THEN {bawah} END AS c{i}"]
        else:
            picked.append(f"{column} AS {'t' if kind == 'teks' else 'c'}{i}")
    return render_source(con, f"(SELECT {', '.join(picked)} FROM {source})", columns, fmt, decimals)


def cell_stages(i: int, kind: str, fmt: str, decimals: int | None) -> list[str]:
    """SQL expressions giving column i's cell text in fmt, each on the one before ({x}); the
    last is the cell. Raw columns: c{i} (number, bool), t{i} (text)."""
    c, t, x = f"c{i}", f"t{i}", f"x{i}_{{}}"
    missing = {"csv": "''", "json": "'null'", "table": "'–'"}[fmt]
    if kind == "ya":
        yes, no = {"csv": ("true", "false"), "json": ("true", "false"), "table": ("ya", "tidak")}[fmt]
        return [f"CASE {c} WHEN true THEN '{yes}' WHEN false THEN '{no}' ELSE {missing} END"]
    if kind == "bulat":
        stages = [f"CAST({c} AS VARCHAR)"] + (["angka_kelompok({x})"] if fmt == "table" else [])
        return chain(stages + [f"coalesce({{x}}, {missing})"], x)
    # a double's VARCHAR is Python's repr (json.dumps writes it; the plain texts start from it)
    shown = f"round({c}, 6)" if fmt == "table" and decimals is None else c
    number = [f"CASE WHEN isnan({shown}) THEN NULL ELSE CAST({shown} AS VARCHAR) END"]
    if fmt != "json":
        number.append("angka_polos({x})")
        if decimals is not None:
            number.append(f"coalesce(angka_pad({{x}}, {decimals}), format('{{:.{decimals}f}}', {c}))")
        if fmt == "table":
            number.append("angka_kelompok({x})")
    text = {"csv": ["teks_csv({x})"], "table": ["teks_bersih({x})"],
            "json": ["to_json({x})"]}[fmt]
    if kind == "angka":
        return chain(number + [f"coalesce({{x}}, {missing})"], x)
    if kind == "teks":
        return chain([text[0].format(x=t)] + text[1:] + [f"coalesce({{x}}, {missing})"], x)
    # campur: the number's stages, then the text's, then the one the row has
    stages = chain(number, x)
    done = x.format(len(stages) - 1)
    texts = chain([text[0].format(x=t)] + text[1:], x, start=len(stages))
    last = x.format(len(stages) + len(texts) - 1)
    return stages + texts + [f"CASE WHEN {t} IS NULL THEN coalesce({done}, {missing}) ELSE {last} END"]


def chain(stages: list[str], x: str, start: int = 0) -> list[str]:
    """stages with {x} replaced by the column of the stage before (x0_k)."""
    return [stage if k == 0 else stage.replace("{x}", x.format(start + k - 1)) for k, stage in enumerate(stages)]


def sql_text(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def csv_header(name: str) -> str:
    """A column name as a CSV field (quoted as medan_csv quotes)."""
    return f'"{name.replace(chr(34), chr(34) * 2)}"' if any(c in name for c in ',"\n\r') else name
