"""Tables formatted by DuckDB for the command line (kinerja.present.output.render): csv, json and
the table for people, with the same texts as the per-value functions of kinerja.present.output,
built set-wise (queries/present/keluaran_makro.sql). No pandas: `kinerja capaian` formats the
engine's rows where they are.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import duckdb

from kinerja.engine.capaian_tabel import CONTRACT_COLUMNS
from kinerja.store.queries import execute_script

# Column kinds: "angka" (float), "bulat" (integer), "ya" (bool), "teks" (text, possibly a user's:
# made printable, quoted where a spreadsheet would take it for a formula), "kode" (words the query
# itself writes: codes, categories, reasons; nothing to clean), "campur" (a number or a text, e.g. a
# target cell "80 - 90").


def render_source(con: duckdb.DuckDBPyConnection, source: str, kinds: dict[str, str], fmt: str,
                  decimals: dict[str, int]) -> str:
    """rendered() as text."""
    return rendered(con, source, kinds, fmt, decimals).decode("utf-8")


def rendered(con: duckdb.DuckDBPyConnection, source: str, kinds: dict[str, str], fmt: str,
             decimals: dict[str, int]) -> bytes:
    """The rows of `source` (a table name or a parenthesised query with the columns _baris, the
    row order, and per output column i in `kinds` order: c<i> the number or flag, t<i> the text;
    a "campur" column has both) as text in fmt "csv" | "json" | "table" (see output.render);
    decimals: fixed decimals per column name (csv and table). The header is the names of `kinds`.
    UTF-8 bytes as DuckDB writes them: a large table is not decoded only to be encoded again."""
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
    final = ", ".join(f"x{i}_{len(stages) - 1} AS s{i}" for i, stages in enumerate(cells))
    staged = f"(WITH {', '.join(steps)} SELECT _baris, {final} FROM {before})"
    if fmt != "table":
        return written(con, staged, names, fmt)
    # the table needs each column's width first: its cells are computed once
    con.execute(f"CREATE OR REPLACE TEMP TABLE keluaran_sel AS SELECT * FROM {staged}")
    try:
        return written(con, "keluaran_sel", names, fmt)
    finally:
        con.execute("DROP TABLE IF EXISTS keluaran_sel")


def written(con: duckdb.DuckDBPyConnection, cells_of: str, names: list[str], fmt: str) -> bytes:
    """The cells of `cells_of` (s<i>, in _baris order) as the whole text of fmt (UTF-8)."""
    cells = [f"s{i}" for i in range(len(names))]
    if fmt == "csv":
        # DuckDB's CSV writer: header, quoting as Python's csv module (a comma, a quote, a line
        # break; no comment character, which it would quote too), NULL as an empty field
        columns = ", ".join(f"{c} AS {sql_name(n)}" for c, n in zip(cells, names))
        return copied(con, f"(SELECT {columns} FROM {cells_of} ORDER BY _baris)",
                      "HEADER, DELIMITER ',', QUOTE '\"', ESCAPE '\"'")
    if fmt == "json":
        fields = " || ',' || chr(10) || ".join(
            f"'    ' || {sql_text(json.dumps(n, ensure_ascii=False))} || ': ' || {cell}"
            for n, cell in zip(names, cells))
        records = con.execute(f"SELECT '  {{' || chr(10) || {fields} || chr(10) || '  }}' "
                              f"FROM {cells_of} ORDER BY _baris").fetchall()
        text = "[]\n" if not records else "[\n" + ",\n".join(r for (r,) in records) + "\n]\n"
        return text.encode("utf-8")
    # table: right-aligned columns as wide as their longest cell or header, one space apart
    count, *longest = con.execute(f"SELECT count(*), {', '.join(f'max(length({c}))' for c in cells)} "
                                  f"FROM {cells_of}").fetchone()
    if not count:
        return "(tidak ada baris)\n".encode()
    widths = [max(n or 0, len(name)) for n, name in zip(longest, names)]
    head = " ".join(name.rjust(w) for name, w in zip(names, widths))
    # printf pads to a width in characters (as str.rjust), in one allocation per line
    pattern = " ".join(f"%{w}s" for w in widths)
    lines = f"(SELECT printf('{pattern}', {', '.join(cells)}) FROM {cells_of} ORDER BY _baris)"
    # the lines as they are: no quoting, no delimiter a line can hold (its text is printable)
    return f"{head}\n".encode("utf-8") + copied(con, lines, "HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x1f'")


def copied(con: duckdb.DuckDBPyConnection, query: str, options: str) -> bytes:
    """The text (UTF-8) DuckDB's CSV writer makes of `query` (no comment character: it would quote '#')."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "keluaran.txt"
        con.execute(f"COPY {query} TO {sql_text(str(path))} (FORMAT csv, NEW_LINE '\n', COMMENT '', {options})")
        return path.read_bytes()


def render_columns(con: duckdb.DuckDBPyConnection, source: str, columns: dict[str, str], fmt: str,
                   decimals: dict[str, int]) -> bytes:
    """rendered() over the named columns of `source` (a relation with _baris): columns maps
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
            picked.append(f"{column} AS {'t' if kind in ('teks', 'kode') else 'c'}{i}")
    return rendered(con, f"(SELECT {', '.join(picked)} FROM {source})", columns, fmt, decimals)


# `kinerja capaian`: the contract's columns (spec/cli.md), then keterangan and the data's state,
# with their kinds. User text (sasaran, indikator, satuan) is cleaned; the other words are the
# query's own; the target cell is built from its bounds (render_columns).
CAPAIAN_KINDS = {c: {"sasaran": "teks", "indikator": "teks", "satuan": "teks", "target": "campur",
                     "realisasi": "angka", "capaian_persen": "angka"}.get(c, "kode")
                 for c in CONTRACT_COLUMNS + ["keterangan", "belum_dikonfirmasi", "status_data"]}
# the columns of the capaian rows that CAPAIAN_KINDS reads
CAPAIAN_SOURCE = [c for c in CAPAIAN_KINDS if c != "target"] + ["target_bawah", "target_atas"]


def capaian_text(con: duckdb.DuckDBPyConnection, source: str, fmt: str) -> bytes:
    """The output of `kinerja capaian` in fmt (UTF-8) from `source`: a relation with _baris (the
    row order) and the columns CAPAIAN_SOURCE of the capaian rows (engine.capaian_tabel, or a
    frame of engine.capaian.capaian registered with them). capaian_persen with 2 decimals."""
    return render_columns(con, source, CAPAIAN_KINDS, fmt, {"capaian_persen": 2})


def cell_stages(i: int, kind: str, fmt: str, decimals: int | None) -> list[str]:
    """SQL expressions giving column i's cell text in fmt, each on the one before ({x}); the
    last is the cell. Raw columns: c{i} (number, bool), t{i} (text)."""
    c, t, x = f"c{i}", f"t{i}", f"x{i}_{{}}"
    missing = {"csv": "NULL", "json": "'null'", "table": "'–'"}[fmt]
    if kind == "ya":
        yes, no = {"csv": ("true", "false"), "json": ("true", "false"), "table": ("ya", "tidak")}[fmt]
        return [f"CASE {c} WHEN true THEN '{yes}' WHEN false THEN '{no}' ELSE {missing} END"]
    if kind == "kode":  # words the query itself writes (codes, categories, reasons): nothing to clean
        return [{"csv": f"nullif({t}, '')", "json": f"coalesce(to_json({t}), 'null')",
                 "table": f"coalesce({t}, '–')"}[fmt]]
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
        last = "nullif({x}, '')" if fmt == "csv" else f"coalesce({{x}}, {missing})"
        return chain([text[0].format(x=t)] + text[1:] + [last], x)
    # campur: the number's stages, then the text's, then the one the row has
    stages = chain(number, x)
    done = x.format(len(stages) - 1)
    texts = chain([text[0].format(x=t)] + text[1:], x, start=len(stages))
    last = x.format(len(stages) + len(texts) - 1)
    return stages + texts + [f"CASE WHEN {t} IS NULL THEN coalesce({done}, {missing}) ELSE {last} END"]


def sql_name(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def chain(stages: list[str], x: str, start: int = 0) -> list[str]:
    """stages with {x} replaced by the column of the stage before (x0_k)."""
    return [stage if k == 0 else stage.replace("{x}", x.format(start + k - 1)) for k, stage in enumerate(stages)]


def sql_text(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
