"""Bukti dukung (supporting evidence) attached to a value: PDF, images and office files up to
MAX_BYTES, recognised by their content (not only by the name's extension), stored once by SHA-256
however often they are attached, readable by whoever may read the unit, and refused on a verified
quarter (the SOP locks a verified quarter with its evidence).
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import PurePath

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.collect import audit, workflow
from kinerja.collect.notes import unit_of
from kinerja.numbers import format_angka
from kinerja.store import db
from kinerja.store.queries import run, sql

MEGABYTE = 1024 * 1024
MAX_BYTES = 10 * MEGABYTE
# extension -> MIME type; the content must be of that type.
TYPES = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
SIGNATURES = {"pdf": b"%PDF-", "png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff"}
OFFICE_PART = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}


class BuktiError(workflow.WorkflowError):
    """An attachment that cannot be taken; the message is for the user, in Bahasa Indonesia."""


def check(nama_berkas: str, isi: bytes) -> str:
    """The MIME type of an acceptable file, or BuktiError naming what is wrong."""
    suffix = PurePath(nama_berkas).suffix.lower().lstrip(".")
    if suffix not in TYPES:
        raise BuktiError(f"{nama_berkas}: jenis berkas .{suffix or '?'} tidak diterima sebagai bukti dukung. "
                         "Lampirkan PDF, gambar (PNG, JPG), atau berkas .xlsx/.docx.")
    if len(isi) > MAX_BYTES:
        megabytes = format_angka(Decimal(len(isi)) / MEGABYTE, 1)
        raise BuktiError(f"{nama_berkas}: ukuran {megabytes} MB melebihi batas {MAX_BYTES // MEGABYTE} MB. "
                         "Perkecil berkasnya (mis. pindai ulang dengan resolusi lebih rendah).")
    if not isi:
        raise BuktiError(f"{nama_berkas}: berkas kosong.")
    if not matches(suffix, isi):
        raise BuktiError(f"{nama_berkas}: isi berkas bukan .{suffix} yang sah (mungkin rusak atau jenisnya "
                         "diganti namanya). Simpan ulang dari aplikasi aslinya, lalu lampirkan lagi.")
    return TYPES[suffix]


def matches(suffix: str, isi: bytes) -> bool:
    if suffix in SIGNATURES:
        return isi.startswith(SIGNATURES[suffix])
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as archive:
            return OFFICE_PART[suffix] in archive.namelist()
    except zipfile.BadZipFile:
        return False


def attach(con: duckdb.DuckDBPyConnection, indikator_id: int, tahun: int, triwulan: int, nama_berkas: str,
           isi: bytes, akun: Akun, waktu: datetime | None = None) -> int:
    """Attach a file to the value (triwulan 0: the year). Returns the attachment's id. Raises
    auth.Ditolak (account), BuktiError (type, size, content, verified quarter)."""
    unit = unit_of(con, indikator_id)
    require(akun, "lampiran", unit)
    nama_berkas = PurePath(nama_berkas.replace("\\", "/")).name.strip() or "bukti"
    jenis = check(nama_berkas, isi)
    locked = workflow.lock_problems(con, unit, tahun, {triwulan}, nama_berkas)
    if locked:
        raise BuktiError(" ".join(p.message[:1].upper() + p.message[1:] for p in locked))
    sha256 = hashlib.sha256(isi).hexdigest()
    waktu = waktu or datetime.now()
    with db.transaction(con):
        con.execute(sql("write_berkas_bukti"), {"sha256": sha256, "isi": isi, "ukuran": len(isi), "jenis": jenis})
        new_id = con.execute(sql("write_lampiran_bukti"), {
            "indikator": indikator_id, "tahun": tahun, "triwulan": triwulan, "nama": nama_berkas, "sha256": sha256,
            "pada": waktu, "oleh": akun.label}).fetchall()[0][0]
        audit.record(con, akun, "lampiran", unit=unit, tahun=tahun, triwulan=triwulan,
                     objek=f"indikator {indikator_id}", baru=f"{nama_berkas} (sha256 {sha256[:12]})", waktu=waktu)
    return new_id


def attachments(con: duckdb.DuckDBPyConnection, akun: Akun, indikator_id: int, tahun: int,
                triwulan: int) -> pd.DataFrame:
    """The files attached to a value, newest first: id, nama_berkas, ukuran (bytes), jenis, sha256,
    diunggah_pada, diunggah_oleh. Raises auth.Ditolak unless the account may read the unit."""
    require(akun, "baca_unit", unit_of(con, indikator_id))
    return run(con, "bukti_daftar", {"indikator": indikator_id, "tahun": tahun, "triwulan": triwulan})


def content(con: duckdb.DuckDBPyConnection, akun: Akun, lampiran_id: int) -> tuple[str, bytes, str]:
    """(file name, bytes, MIME type) of an attachment, for whoever may read its unit."""
    found = run(con, "bukti_isi", {"id": lampiran_id})
    if found.empty:
        raise BuktiError(f"Lampiran {lampiran_id} tidak ada.")
    row = found.iloc[0]
    require(akun, "baca_unit", row["unit_kode"])
    return row["nama_berkas"], bytes(row["isi"]), row["jenis"]
