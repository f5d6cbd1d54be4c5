"""Recompute the stored capaian (kinerja.store.materialised) from the data: after data were changed
in the database directly, outside Kinerja's write functions, or to check nothing drifted."""
from __future__ import annotations

import duckdb

from kinerja.auth import Akun, require
from kinerja.collect import audit
from kinerja.store import db, materialised


def hitung_ulang(con: duckdb.DuckDBPyConnection, akun: Akun) -> int:
    """Rebuild capaian_tersimpan and capaian_ringkas in one transaction; returns the number of rows
    (indicator × year × period) stored. Raises auth.Ditolak unless the account may change the
    agency's settings (Sekretariat)."""
    require(akun, "pengaturan")
    with db.transaction(con):
        rows = materialised.rebuild(con)
        audit.record(con, akun, "pengaturan", objek="capaian tersimpan", baru=f"dihitung ulang: {rows} baris")
    return rows
