"""Import files: read, plan and (unless a dry run or invalid) write; the one entry of CLI and Unggah."""
from __future__ import annotations

from datetime import datetime

import duckdb

from kinerja.auth import Akun, require
from kinerja.ingest.plan import ImportResult, plan_file
from kinerja.ingest.write import apply_plan


def import_file(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    filename: str,
    unit: str,
    tahun: int,
    triwulan: int | None = None,
    dry_run: bool = False,
    akun: Akun | None = None,
    waktu: datetime | None = None,
) -> ImportResult:
    """Read, plan and (unless dry_run or invalid) write one file as `akun`. Bad cells come back as
    problems in the result; only an unreadable file (cells.ReadError), an unknown unit or an account
    that may not upload for the unit (auth.Ditolak) raise."""
    if not dry_run:
        require(akun, "unggah", unit)
    plan = plan_file(con, data, filename, unit, tahun, triwulan)
    if dry_run or not plan.ok:
        return ImportResult(plan)
    return apply_plan(con, plan, akun, waktu=waktu)
