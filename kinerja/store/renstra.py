"""Renstra periods (migration 0007): which years a Renstra covers, several periods over time.

A Renstra follows its RPJMD (Permendagri 86/2017), usually five or six years; the next RPJMD starts
the next period. A year belongs to at most one period. The Sekretariat adds a period on the
Register page or with `kinerja renstra tambah --awal 2027 --akhir 2031` (kinerja.collect.renstra).
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

from kinerja.store.queries import run


@dataclass(frozen=True)
class Periode:
    awal: int
    akhir: int

    @property
    def label(self) -> str:
        return f"{self.awal}-{self.akhir}"

    @property
    def years(self) -> list[int]:
        return list(range(self.awal, self.akhir + 1))

    def years_to(self, tahun: int) -> list[int]:
        """The period's years up to `tahun` (inclusive)."""
        return [y for y in self.years if y <= tahun]


def periods(con: duckdb.DuckDBPyConnection) -> list[Periode]:
    """Every Renstra period, oldest first."""
    return [Periode(int(r.tahun_awal), int(r.tahun_akhir)) for r in run(con, "renstra_periode").itertuples()]


def period_of(con: duckdb.DuckDBPyConnection, tahun: int) -> Periode | None:
    """The period that contains `tahun`; None when no recorded period does."""
    return next((p for p in periods(con) if p.awal <= tahun <= p.akhir), None)
