"""Adding a Renstra period (migration 0007; reading them: kinerja.store.renstra).

A Renstra follows its RPJMD (Permendagri 86/2017), usually five or six years; the next RPJMD starts
the next period. Only the Sekretariat adds one (right "pengaturan"), recorded in the audit trail.
"""
from __future__ import annotations

from datetime import datetime

import duckdb

from kinerja.auth import Akun, require
from kinerja.collect import audit
from kinerja.store.db import transaction
from kinerja.store.queries import sql
from kinerja.store.renstra import Periode, periods

# A Renstra longer than this is a typing error (RPJMD periods are five years, six in transitions).
MAX_YEARS = 10


class PeriodError(ValueError):
    """A period that cannot be added; the message is for the user, in Bahasa Indonesia."""


def add_period(con: duckdb.DuckDBPyConnection, awal: int, akhir: int, akun: Akun,
               waktu: datetime | None = None) -> Periode:
    """Record a new period awal..akhir (inclusive) by `akun` (auth.Ditolak without the right
    "pengaturan"), with an audit row "renstra_periode". PeriodError when the years are reversed,
    the period is longer than MAX_YEARS, or it overlaps a recorded one; nothing written then."""
    require(akun, "pengaturan")
    if akhir < awal:
        raise PeriodError(f"tahun akhir {akhir} sebelum tahun awal {awal}. Tulis tahun awal lebih dulu, "
                          "mis. 2027-2031.")
    if akhir - awal + 1 > MAX_YEARS:
        raise PeriodError(f"periode {awal}-{akhir} lebih dari {MAX_YEARS} tahun; periksa tahunnya.")
    periode = Periode(awal, akhir)
    with transaction(con):
        for known in periods(con):
            if awal <= known.akhir and known.awal <= akhir:
                raise PeriodError(f"periode {awal}-{akhir} bertumpang tindih dengan periode Renstra {known.label} "
                                  "yang sudah tercatat; satu tahun hanya masuk satu periode.")
        pada = waktu or datetime.now()
        con.execute(sql("write_periode_renstra"), {"awal": awal, "akhir": akhir, "pada": pada, "oleh": akun.nama})
        audit.record(con, akun, "renstra_periode", objek="periode Renstra", baru=periode.label, waktu=pada)
    return periode
