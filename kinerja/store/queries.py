"""SQL files of queries/ loaded by name; values always travel as parameters.

The files are grouped in folders by stage (queries/ingest/, queries/engine/, ...); a name is unique
across them, so callers name a query without its folder. In a built wheel the folder is shipped as
the package `kinerja.sql` (pyproject.toml maps it), so an installed Kinerja reads the same files.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # the command line loads pandas only where a command needs it
    import pandas as pd


@cache
def index() -> dict[str, Path]:
    """name -> file of every query; two files of one name are a packaging error, raised as ValueError."""
    found: dict[str, Path] = {}
    for path in Path(str(files("kinerja.sql"))).rglob("*.sql"):
        if path.stem in found:
            raise ValueError(f"query {path.stem} ada dua kali: {found[path.stem]} dan {path}")
        found[path.stem] = path
    return found


@cache
def sql(name: str) -> str:
    """The text of queries/<stage>/NAME.sql; KeyError for an unknown name."""
    return index()[name].read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict | list | None = None) -> pd.DataFrame:
    """Run query NAME with named ($name) or positional parameters; return a DataFrame."""
    return con.execute(sql(name), params or {}).df()


def execute_script(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> None:
    """Run a multi-statement query NAME; each statement gets the parameters it names."""
    params = params or {}
    for statement in sql(name).split(";\n"):
        if statement.strip() and not all(line.lstrip().startswith("--") or not line.strip()
                                         for line in statement.splitlines()):
            con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})


def new_ids(con: duckdb.DuckDBPyConnection, n: int) -> list[int]:
    """n fresh ids of the shared sequence, so rows written set-wise can refer to each other."""
    return [r[0] for r in con.execute(sql("write_new_ids"), {"n": n}).fetchall()] if n else []


def insert_frame(con, query: str, view: str, frame: pd.DataFrame, params: dict | None = None) -> None:
    """Run a write query that reads the DataFrame registered under the view name it expects."""
    con.register(view, frame)
    try:
        execute_script(con, query, params)
    finally:
        con.unregister(view)
