"""The audit trail: who changed what, when, from where, old -> new (SOP: data that is "dapat
dipertanggungjawabkan"). Write functions call `record` inside their own transaction, after their
permission check, so a change and its audit row land together or not at all.

Only inserts: the product has no way to edit or delete an audit row.
"""
from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.store.queries import run, sql

# Actions as the Audit page names them.
ACTIONS = {
    "unggah": "Unggah data", "ajukan": "Ajukan triwulan", "verifikasi": "Verifikasi triwulan",
    "buka_kembali": "Buka kembali triwulan", "pulihkan": "Pulihkan versi", "catatan": "Ubah catatan",
    "lampiran": "Lampirkan bukti dukung", "tenggat": "Ubah tenggat", "pengaturan": "Ubah pengaturan",
    "renstra_periode": "Tambah periode Renstra",
    "pengaturan_indikator": "Ubah data/pengaturan indikator",
    "akun_tambah": "Tambah akun", "akun_ubah": "Ubah peran/unit akun", "akun_nonaktif": "Nonaktifkan akun",
    "siklus_langkah": "Ubah langkah siklus LKjIP", "siklus_pengaturan": "Ubah pengaturan siklus LKjIP",
    "siklus_selesai": "Selesaikan langkah siklus LKjIP", "siklus_dokumen": "Lampirkan dokumen siklus LKjIP",
    "siklus_rapat": "Catat rapat finalisasi LKjIP", "analisis": "Tulis analisis kinerja",
    "buka_tahun": "Buka kembali tahun yang sudah ditandatangani", "nomor_surat": "Beri nomor surat",
    "akun_aktif": "Aktifkan akun", "akun_sandi": "Atur ulang sandi", "ganti_sandi": "Ganti sandi sendiri",
}
COLUMNS = ["id", "pada", "akun", "sumber", "aksi", "unit", "tahun", "triwulan", "objek", "lama", "baru"]


def record(con: duckdb.DuckDBPyConnection, akun: Akun, aksi: str, *, unit: str | None = None,
           tahun: int | None = None, triwulan: int | None = None, objek: str | None = None,
           lama: object = None, baru: object = None, waktu: datetime | None = None) -> None:
    """One audit row, inside the caller's transaction. `lama` and `baru` are stored as text."""
    if aksi not in ACTIONS:
        raise ValueError(f"aksi audit tidak dikenal: {aksi}")
    con.execute(sql("write_audit"), {
        "pada": waktu or datetime.now(), "akun": akun.nama, "sumber": akun.sumber, "aksi": aksi, "unit": unit,
        "tahun": tahun, "triwulan": triwulan, "objek": objek, "lama": text(lama), "baru": text(baru)})


def text(value: object) -> str | None:
    return None if value is None else str(value)


def trail(con: duckdb.DuckDBPyConnection, akun: Akun, unit: str | None = None, tahun: int | None = None,
          nama_akun: str | None = None, aksi: str | None = None) -> pd.DataFrame:
    """The audit rows, newest first, filtered by unit, year, account and action (None: all), for
    Sekretariat and Pimpinan (Ditolak otherwise). Columns: COLUMNS (unit is the unit code)."""
    require(akun, "baca_audit")
    return run(con, "audit_daftar", {"unit": unit, "tahun": tahun, "akun": nama_akun, "aksi": aksi})
