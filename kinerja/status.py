"""The submission register: per unit and quarter, what has been sent and whether on time."""
from __future__ import annotations

import duckdb
import pandas as pd

from kinerja.queries import run

COLUMNS = ["unit", "triwulan", "status", "jumlah_indikator", "terisi", "kelengkapan_persen",
           "diunggah_pada", "tepat_waktu"]


def status(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None) -> pd.DataFrame:
    """One row per unit and quarter (only the quarter asked, when given)."""
    return run(con, "status", {"tahun": tahun, "triwulan": triwulan})[COLUMNS]
