"""Budget beside performance: pagu, realisasi anggaran and serapan anggaran per program/kegiatan.

serapan anggaran (%) = realisasi / pagu × 100, computed in Decimal (exact) and rounded half up to
2 decimals; no pagu (or pagu 0) or no realisation: serapan is missing, never 0.
"""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.store.queries import run
from kinerja.values import half_up

MONEY = ["pagu", "realisasi", "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4"]


def serapan_persen(realisasi: Decimal | None, pagu: Decimal | None) -> Decimal | None:
    if realisasi is None or pagu is None or pagu == 0:
        return None
    return half_up(realisasi / pagu * 100)


def serapan(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None) -> pd.DataFrame:
    """One row per program/kegiatan with a budget in `tahun`, ordered by kode: program_kegiatan_id,
    kode, nama, level, parent_id, pagu, realisasi (to the end of `triwulan`), realisasi_tw1..4
    (Decimal or None) and serapan_persen (Decimal or None)."""
    frame = run(con, "anggaran_serapan", {"tahun": tahun, "triwulan": triwulan})
    for column in MONEY:
        frame[column] = [Decimal(v) if isinstance(v, str) else None for v in frame[column]]
    frame["serapan_persen"] = [serapan_persen(r, p) for r, p in zip(frame["realisasi"], frame["pagu"])]
    return frame.astype({column: object for column in MONEY})


def realisasi_sebelum(con: duckdb.DuckDBPyConnection, tahun: int, awal: int) -> dict[int, Decimal]:
    """Realisasi anggaran per program/kegiatan id summed over the years awal .. tahun - 1."""
    frame = run(con, "anggaran_sebelum", {"tahun": tahun, "awal": awal})
    return {int(i): Decimal(v) for i, v in zip(frame["program_kegiatan_id"], frame["realisasi"])
            if isinstance(v, str)}
