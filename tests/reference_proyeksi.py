"""Reference orders of the early warning's lists, in pandas over kinerja.proyeksi.proyeksi's rows.

The pages read these orders from the stored early warning (queries/engine/proyeksi_baris.sql); the
tests prove the stored rows equal to these, as tests/reference_capaian.py does for capaian.
"""
from __future__ import annotations

import pandas as pd

from kinerja.proyeksi import BERISIKO, TERCAPAI, TIDAK_TERCAPAI


def at_risk(projected: pd.DataFrame) -> pd.DataFrame:
    """Indicators projected to miss their target that still have quarters to come, the lowest
    projected capaian first."""
    rows = projected[projected["status"].isin([BERISIKO, TIDAK_TERCAPAI])
                     & (projected["sisa_triwulan"].fillna(0) > 0)]
    return rows.sort_values(["proyeksi_capaian", "indikator"])


def by_risk(projected: pd.DataFrame) -> pd.DataFrame:
    """Every row, the projected misses first (lowest projected capaian first), then those on
    track, then those without a projection."""
    rank = projected["status"].map({TIDAK_TERCAPAI: 0, BERISIKO: 1, TERCAPAI: 2}).fillna(3)
    return projected.assign(_rank=rank).sort_values(["_rank", "proyeksi_capaian"], kind="stable").drop(
        columns="_rank")
