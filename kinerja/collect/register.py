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
    latest step, when), alasan (the reason given when a quarter was reopened) and wajib (bool: the
    unit owes the year's quarters; every count of due and late quarters and every reminder reads it).

    The units are the agency's (table unit; it has no "inactive" mark), so who owes a year is read
    from what units did: the year is collected when some unit has an indicator with a target, or
    sent a file, for the year or the year before (a new year owes from its first deadline on, before
    anyone has sent anything; a year before the agency used the app owes nothing). In a collected
    year a unit owes its quarters when
    - it has an indicator with a target, or sent a file, for the year or the year before (a unit
      that sent nothing this year is late, not forgotten), or
    - it never had an indicator at all (a unit of the agency that has not sent its first file yet).
    A unit whose indicators and files all belong to years before the previous one is no longer
    part of the year (merged or dissolved) and owes nothing; so does a unit whose first year is
    later. Source: queries/collect/status.sql."""
    return run(con, "status", {"tahun": tahun, "triwulan": triwulan})


def status(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None) -> pd.DataFrame:
    """The register with the contract's columns only (spec/cli.md)."""
    return register(con, tahun, triwulan)[COLUMNS]
