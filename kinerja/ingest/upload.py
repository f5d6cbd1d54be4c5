"""Uploads from the Unggah page: limits, reading, the check against the chosen unit and year, the
inferred settings the user may correct, and confirming. Nothing is written before `confirm`.

The command line reads files the same way (kinerja.importer); the page adds what a person
choosing a file by hand needs: a size and row limit, and a refusal when the title of the sheet
names another unit or year than the one chosen.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from decimal import Decimal
from pathlib import PurePath

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.ingest.cells import ReadError
from kinerja.ingest.plan import ImportPlan, ImportResult, plan_import
from kinerja.ingest.reader import read_workbook
from kinerja.ingest.write import apply_plan
from kinerja.model import Problem
from kinerja.names import normalize_name
from kinerja.numbers import format_angka
from kinerja.store.queries import run
from kinerja.vocab import AGREGASI, KONVENSI, POLARITAS

TYPES = ["xlsx", "xls", "csv"]
MEGABYTE = 1024 * 1024
MAX_BYTES = 20 * MEGABYTE
MAX_ROWS = 10_000
SETTINGS_COLUMNS = ["indikator", "satuan", "polaritas", "agregasi", "asal_agregasi", "konvensi"]
SOURCES = {"berkas": "dari berkas", "satuan": "ditebak dari satuan", "pengguna": "diatur pengguna"}


class UploadError(ValueError):
    """A file that cannot be taken at all; the message is for the user, in Bahasa Indonesia."""


def check_file(filename: str, size: int, max_bytes: int = MAX_BYTES) -> None:
    """Type and size, before anything is read."""
    suffix = PurePath(filename).suffix.lower().lstrip(".")
    if suffix not in TYPES:
        raise UploadError(f"{filename}: jenis berkas .{suffix or '?'} tidak diterima. Unggah .xlsx, .xls atau .csv.")
    if size > max_bytes:
        megabytes = format_angka(Decimal(size) / MEGABYTE, 1)
        raise UploadError(f"{filename}: ukuran {megabytes} MB melebihi batas {max_bytes // MEGABYTE} MB. Hapus "
                          "lembar yang tidak perlu (gambar, lampiran) lalu simpan ulang.")


def plan_upload(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, unit: str, tahun: int,
                triwulan: int | None, max_bytes: int = MAX_BYTES) -> ImportPlan:
    """Read and plan one uploaded file (nothing is written). A file that cannot be read at all
    raises UploadError; every problem inside it is in the plan."""
    check_file(filename, len(data), max_bytes)
    try:
        workbook = read_workbook(data, filename, triwulan)
    except ReadError as exc:
        raise UploadError(f"{filename}: {exc}") from exc
    if len(workbook.rows) > MAX_ROWS:
        raise UploadError(f"{filename}: {len(workbook.rows)} baris indikator, lebih dari batas {MAX_ROWS}. "
                          "Pecah berkas per unit atau per triwulan.")
    workbook.problems += mismatches(con, workbook.titles, unit, tahun)
    return plan_import(con, workbook, data, unit, tahun, triwulan)


def mismatches(con: duckdb.DuckDBPyConnection, titles: list[tuple[str, int, str]], unit: str,
               tahun: int) -> list[Problem]:
    """Errors for a file whose title names another year, or another unit, than the one chosen
    (and never the chosen one): the usual way a wrong file reaches the wrong place."""
    problems = []
    # a period such as "RENSTRA 2021-2026" names no single year
    years = {(s, r, t): {int(y) for y in re.findall(r"\b(20\d\d)\b", re.sub(r"20\d\d\s*[-–]\s*20\d\d", "", t))}
             for s, r, t in titles}
    named = {y for found in years.values() for y in found}
    if named and tahun not in named:
        sheet, r, text = next(place for place, found in years.items() if found)
        problems.append(Problem(sheet, r, None, text, f"judul berkas menyebut tahun {', '.join(map(str, sorted(named)))}, "
                                                     f"tetapi yang dipilih tahun {tahun}. Pilih tahun yang benar, atau "
                                                     "periksa apakah berkas ini yang dimaksud."))
    units = run(con, "units")
    mentioned = {}
    for sheet, r, text in titles:
        words = f" {normalize_name(text)} "
        for row in units.itertuples():
            if f" {normalize_name(row.nama)} " in words or f" {row.kode.lower()} " in words:
                mentioned.setdefault(row.kode, (sheet, r, text))
    if mentioned and unit not in mentioned:
        other = sorted(mentioned)[0]
        sheet, r, text = mentioned[other]
        problems.append(Problem(sheet, r, None, text, f"judul berkas menyebut unit {other}, tetapi yang dipilih unit "
                                                     f"{unit}. Pilih unit yang benar, atau unggah berkas unit ini."))
    return problems


def settings(plan: ImportPlan) -> pd.DataFrame:
    """What the import will store for each indicator's settings, for the user to check and correct:
    indikator, satuan, polaritas, agregasi, asal_agregasi, konvensi (kumulatif indicators only)."""
    konvensi = dict(plan.konvensi)
    rows = [
        {"indikator": ind.attrs["nama"], "satuan": ind.attrs["satuan"], "polaritas": ind.attrs["polaritas"],
         "agregasi": ind.attrs["agregasi"], "asal_agregasi": SOURCES.get(ind.attrs["agregasi_sumber"], "tersimpan"),
         "konvensi": konvensi.get(i, ind.row.konvensi) if ind.attrs["agregasi"] == "kumulatif" else None}
        for i, ind in enumerate(plan.indicators)
    ]
    return pd.DataFrame(rows, columns=SETTINGS_COLUMNS)


def with_settings(plan: ImportPlan, edited: pd.DataFrame) -> ImportPlan:
    """A new plan with the user's corrections of polaritas, agregasi and konvensi (rows in the
    order of settings(plan)); a corrected agregasi is marked as set by the user."""
    indicators, konvensi = [], dict(plan.konvensi)
    for i, (ind, wanted) in enumerate(zip(plan.indicators, edited.to_dict(orient="records"))):
        attrs, changed = dict(ind.attrs), list(ind.changed)
        for key in ("polaritas", "agregasi"):
            if wanted[key] in (POLARITAS if key == "polaritas" else AGREGASI) and wanted[key] != attrs[key]:
                attrs[key] = wanted[key]
                changed += [] if ind.is_new or key in changed else [key]
                if key == "agregasi":
                    attrs["agregasi_sumber"] = "pengguna"
        shown = konvensi.get(i, ind.row.konvensi)
        if attrs["agregasi"] == "kumulatif" and wanted.get("konvensi") in KONVENSI and wanted["konvensi"] != shown:
            konvensi[i] = wanted["konvensi"]
        indicators.append(dataclasses.replace(ind, attrs=attrs, changed=changed))
    return dataclasses.replace(plan, indicators=indicators, konvensi=sorted(konvensi.items()))


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table: where (lembar, baris, kolom, isi) and what to do."""
    return pd.DataFrame(
        [{"lembar": p.sheet, "baris": p.row, "kolom": p.column or "", "isi": p.cell or "", "masalah": p.message}
         for p in problems],
        columns=["lembar", "baris", "kolom", "isi", "masalah"])


def confirm(con: duckdb.DuckDBPyConnection, plan: ImportPlan, akun: Akun, draf: bool = False,
            waktu: datetime | None = None) -> ImportResult:
    """Write the plan the user saw (one transaction) as `akun`, after planning it again against what
    is stored now: another upload may have landed since the preview. The user's settings carry
    over; changing them needs the right to set indicator settings (auth.Ditolak otherwise)."""
    require(akun, "unggah", plan.unit)
    fresh = plan_import(con, plan.workbook, plan.data, plan.unit, plan.tahun, plan.triwulan)
    if fresh.ok:
        if not settings(fresh).equals(settings(plan)):
            require(akun, "pengaturan_indikator", plan.unit)
        fresh = with_settings(fresh, settings(plan))
    if not fresh.ok:
        return ImportResult(fresh)
    return apply_plan(con, fresh, akun, waktu=waktu, draf=draf)
