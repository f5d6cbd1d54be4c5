"""The limit (bench/limit.sql, adapted: see its header) as a command: a fresh read-only DuckDB connection, limit.sql, CSV on stdout (written by DuckDB).
  python limit_cli.py --db F.duckdb --year Y [--quarter Q] [--unit U]
"""
import argparse
from pathlib import Path

import duckdb

SQL = (Path(__file__).resolve().parent / "limit.sql").read_text()

ap = argparse.ArgumentParser()
ap.add_argument("--db", required=True)
ap.add_argument("--year", type=int, required=True)
ap.add_argument("--quarter", type=int)
ap.add_argument("--unit")
a = ap.parse_args()
con = duckdb.connect(a.db, read_only=True)
con.sql(SQL, params={"tahun": a.year, "triwulan": a.quarter, "unit": a.unit}).write_csv("/dev/stdout")
