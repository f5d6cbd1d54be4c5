"""Renstra periods (migration 0007): which years a Renstra covers, several periods over time.

A Renstra follows its RPJMD (Permendagri 86/2017), usually five or six years; the next RPJMD starts
the next period. A year belongs to at most one period. The Sekretariat adds a period on the
Register page or with `kinerja renstra tambah --awal 2027 --akhir 2031`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from kinerja.store.db import transaction
from kinerja.store.queries import run, sql

# A Renstra longer than this is a typing error (RPJMD periods are five years, six in transitions).
MAX_YEARS = 10


class PeriodError(ValueError):
    """A period that cannot be added; the message is for the user, in Bahasa Indonesia."""


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


def add_period(con: duckdb.DuckDBPyConnection, awal: int, akhir: int, oleh: str,
               waktu: datetime | None = None) -> Periode:
    """Record a new period awal..akhir (inclusive), by `oleh`. PeriodError when the years are
    reversed, the period is longer than MAX_YEARS, or it overlaps a recorded one; nothing written."""
    if akhir < awal:
        raise PeriodError(f"tahun akhir {akhir} sebelum tahun awal {awal}. Tulis tahun awal lebih dulu, "
                          "mis. 2027-2031.")
    if akhir - awal + 1 > MAX_YEARS:
        raise PeriodError(f"periode {awal}-{akhir} lebih dari {MAX_YEARS} tahun; periksa tahunnya.")
    if not oleh or not oleh.strip():
        raise PeriodError("nama yang menambahkan periode wajib diisi.")
    with transaction(con):
        for known in periods(con):
            if awal <= known.akhir and known.awal <= akhir:
                raise PeriodError(f"periode {awal}-{akhir} bertumpang tindih dengan periode Renstra {known.label} "
                                  "yang sudah tercatat; satu tahun hanya masuk satu periode.")
        con.execute(sql("write_periode_renstra"),
                    {"awal": awal, "akhir": akhir, "pada": waktu or datetime.now(), "oleh": oleh.strip()})
    return Periode(awal, akhir)
