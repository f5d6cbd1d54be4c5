"""One entry for importing files, from the command line (`kinerja import A B`) and from the Unggah
page: every file is read and checked, then all are written in one transaction or none is.

The files are planned one after another inside that transaction, each against what the files before
it wrote, so the plans are exactly what the import does. A dry run (and the page's preview) runs the
very same steps and rolls the transaction back: what it predicts is what the import writes.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.ingest.plan import ImportResult, plan_file, plan_import
from kinerja.ingest.upload import MAX_BYTES, UploadError, read_upload, with_settings
from kinerja.ingest.write import apply_plan, write_plan
from kinerja.model import Problem
from kinerja.store import db


@dataclass
class FileOutcome:
    """One file of a batch: its result (plan, and what was written), or why it could not be read."""

    filename: str
    result: ImportResult | None = None
    refused: str | None = None      # the file cannot be read at all: the message, in Bahasa Indonesia

    @property
    def ok(self) -> bool:
        return self.refused is None and self.result is not None and self.result.ok

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems if self.result is not None else []


@dataclass
class FilesResult:
    """Every file of one import, in the order given; written is True only when all were written."""

    files: list[FileOutcome] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    @property
    def results(self) -> list[ImportResult]:
        return [f.result for f in self.files if f.result is not None]

    @property
    def error_count(self) -> int:
        return sum(len(r.plan.errors) for r in self.results) + sum(f.refused is not None for f in self.files)


# Python's cyclic garbage collector paused while files are imported (collector_paused).
PAUSE = {"depth": 0, "was_enabled": True}
PAUSE_GUARD = threading.Lock()


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for the block (back on after the last of nested or
    concurrent blocks, unless it was off before). Reading, planning and writing a 2,000-row file
    makes a few hundred thousand objects (cells, Decimals, plans), freed by reference counting when
    no longer used; on the way they set off some 250 collections per import, two of them walks of
    every object in the process, 0,14 s of an import of about 1,2 s (bench/bench_import.py, 10 M).
    What an import leaves in cycles is collected after it, as before."""
    with PAUSE_GUARD:
        if PAUSE["depth"] == 0:
            PAUSE["was_enabled"] = gc.isenabled()
            gc.disable()
        PAUSE["depth"] += 1
    try:
        yield
    finally:
        with PAUSE_GUARD:
            PAUSE["depth"] -= 1
            if PAUSE["depth"] == 0 and PAUSE["was_enabled"]:
                gc.enable()


class _Undo(Exception):
    """Leaves the transaction keeping nothing: a dry run, or a file with errors."""


def import_files(
    con: duckdb.DuckDBPyConnection,
    files: list[tuple[str, bytes]],
    unit: str,
    tahun: int,
    triwulan: int | None = None,
    *,
    akun: Akun,
    dry_run: bool = False,
    waktu: datetime | None = None,
    draf: bool = False,
    settings: list[pd.DataFrame | None] | None = None,
    max_bytes: int = MAX_BYTES,
) -> FilesResult:
    """Read, check and plan every (filename, bytes) in `files` for the unit (a code, see
    units.resolve_unit) and year; then write them all in one transaction, or nothing when any file is
    unreadable or has an error, or when `dry_run`. `settings` holds, per file, the indicator settings
    the user corrected on the Unggah page (unggah.settings / with_settings), or None.

    Returns the outcome of every file (problems with their places; for a written batch, its versions).
    Raises auth.Ditolak when `akun` may not upload for the unit (checked first, also for a dry run,
    whose steps are the import's), and duckdb.Error for a database fault (nothing is written then either)."""
    require(akun, "unggah", unit)
    with collector_paused():
        waktu = waktu or datetime.now()
        outcomes = []
        workbooks = []
        for filename, data in files:
            try:
                workbooks.append(read_upload(con, data, filename, unit, tahun, triwulan, max_bytes))
            except UploadError as exc:
                workbooks.append(None)
                outcomes.append(FileOutcome(filename, refused=str(exc).removeprefix(f"{filename}: ")))
            else:
                outcomes.append(FileOutcome(filename))
        batch = FilesResult(outcomes)
        failed = any(o.refused for o in outcomes)
        try:
            with db.transaction(con):
                for index, (outcome, workbook) in enumerate(zip(outcomes, workbooks)):
                    if workbook is None:
                        continue
                    plan = plan_import(con, workbook, files[index][1], unit, tahun, triwulan)
                    if plan.ok and settings and settings[index] is not None:
                        plan = with_settings(plan, settings[index])
                    failed = failed or not plan.ok
                    if failed:
                        outcome.result = ImportResult(plan)
                    else:   # written inside the transaction, so that the next file is planned against it
                        outcome.result = write_plan(con, plan, akun, waktu=waktu, draf=draf)
                        failed = not outcome.result.ok   # refused by a lock checked where it writes
                if dry_run or failed:
                    raise _Undo
        except _Undo:
            for outcome in outcomes:
                if outcome.result is not None:
                    outcome.result = ImportResult(outcome.result.plan)
            return batch
        batch.written = True
        return batch


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
    with collector_paused():
        plan = plan_file(con, data, filename, unit, tahun, triwulan)
        if dry_run or not plan.ok:
            return ImportResult(plan)
        return apply_plan(con, plan, akun, waktu=waktu)
