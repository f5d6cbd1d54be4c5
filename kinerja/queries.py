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
