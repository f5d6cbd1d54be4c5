"""Load SQL files from queries/ by name; values always travel as parameters."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

QUERIES = Path(__file__).resolve().parent.parent / "queries"


@cache
def sql(name: str) -> str:
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict | list | None = None) -> pd.DataFrame:
    """Run queries/NAME.sql with named ($name) or positional parameters; return a DataFrame."""
    return con.execute(sql(name), params or {}).df()


def execute_script(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> None:
    """Run a multi-statement queries/NAME.sql; each statement gets the parameters it names."""
    params = params or {}
    for statement in sql(name).split(";\n"):
        if statement.strip() and not all(line.lstrip().startswith("--") or not line.strip()
                                         for line in statement.splitlines()):
            con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})
