"""The early warning as the pages read it: the projections kinerja.proyeksi made of every indicator
× year × quarter, stored with the capaian (proyeksi_tersimpan, kept by kinerja.store.materialised in
the same transaction as every write; tests/test_materialised.py proves them equal to the rule applied
on the fly). Asking for a year costs what is shown, not the whole warehouse (issue 18).
"""
from __future__ import annotations

import duckdb
import pandas as pd

from kinerja.proyeksi import BERISIKO, COLUMNS, TERCAPAI, TIDAK_TERCAPAI
from kinerja.store.queries import sql

PILIHAN = ["semua", "berisiko", "tanpa"]


def baris(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int, unit: str | None = None,
          pilihan: str = "semua", start: int = 0, stop: int | None = None) -> pd.DataFrame:
    """Rows start to stop (excluded; None: to the end) of the early warning of `tahun` made at the
    end of `triwulan` (1-4), of `unit` or every unit, kinerja.proyeksi.COLUMNS as
    kinerja.proyeksi.proyeksi gives them. `pilihan`: "semua" every indicator, the
    projected misses first (lowest projected capaian first), then those on track, then those without
    a projection; "berisiko" the misses that still have quarters to come, lowest projected capaian
    first (the orders of tests/reference_proyeksi.py);
    "tanpa" the rows without a projection (status None), in the engine's order. ValueError for
    another pilihan."""
    if pilihan not in PILIHAN:
        raise ValueError(f"pilihan {pilihan!r} bukan salah satu dari {PILIHAN}")
    con.complete()
    frame = con.sql(sql("proyeksi_baris"), params={
        "tercapai": TERCAPAI, "berisiko": BERISIKO, "tidak_tercapai": TIDAK_TERCAPAI, "tahun": tahun, "triwulan": triwulan, "unit": unit, "pilihan": pilihan, "mulai": start,
        "batas": None if stop is None else max(0, stop - start)}).to_arrow_table().to_pandas()
    text = frame.pop("target_tahunan_teks")
    nilai = frame.pop("target_tahunan_nilai")
    # a point, a range's text, or None without a target (as the rule's cells)
    frame["target_tahunan"] = nilai.astype(object).where(nilai.notna(), None).where(text.isna(), text)
    frame["status"] = frame["status"].astype(object).where(frame["status"].notna(), None)  # as the rule gives it
    frame["triwulan"] = frame["triwulan"].astype("int64")
    frame["sisa_triwulan"] = frame["sisa_triwulan"].astype("Int64")
    return frame[COLUMNS]


def jumlah(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int, unit: str | None = None) -> dict:
    """How many rows baris(...) has of each pilihan: {"semua": int, "berisiko": int, "tanpa": int,
    "tersisa": bool (whether any indicator still has quarters to come)}."""
    row = con.execute(sql("proyeksi_jumlah"), {"berisiko": BERISIKO, "tidak_tercapai": TIDAK_TERCAPAI,
                                               "tahun": tahun, "triwulan": triwulan, "unit": unit}).fetchone()
    return {"semua": row[0], "berisiko": row[1], "tanpa": row[2], "tersisa": bool(row[3])}

