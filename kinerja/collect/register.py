"""The submission register: per unit and quarter, what has been sent, whether on time, and where
it stands in the workflow (kinerja.pengumpulan)."""
from __future__ import annotations

import duckdb
import pandas as pd

from kinerja.store.queries import run

COLUMNS = ["unit", "triwulan", "status", "jumlah_indikator", "terisi", "kelengkapan_persen",
           "diunggah_pada", "tepat_waktu"]


def register(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None) -> pd.DataFrame:
    """One row per unit and quarter (only the quarter asked, when given): the COLUMNS of the
    `kinerja status` contract, then tenggat (deadline), langkah_oleh / langkah_pada (who made the
    latest step, when) and alasan (the reason given when a quarter was reopened)."""
    return run(con, "status", {"tahun": tahun, "triwulan": triwulan})


def status(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None) -> pd.DataFrame:
    """The register with the contract's columns only (spec/cli.md)."""
    return register(con, tahun, triwulan)[COLUMNS]
