"""Versions of a unit's submissions: the list, the original file, the difference between two
versions and the rollback to an earlier one.

Versions form a stream per unit, tahun and triwulan (a file for the whole year is its own stream).
Every value an import changes is in riwayat (old → new), so the difference between versions a and
b is, per value, the old value of its first change after a and the new value of its last change up
to b. A rollback to version a writes the values as a left them (absent ones removed) as a new
version of the stream, with the file of version a and its own riwayat, so nothing is lost and the
rollback can itself be undone. It changes values only: indicator settings and notes stay.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.collect import audit, workflow
from kinerja.store import db
from kinerja.store.queries import insert_frame, new_ids, run, sql


def versions(con: duckdb.DuckDBPyConnection, unit: str, tahun: int) -> pd.DataFrame:
    """Every version the unit sent for the year, newest first: id, triwulan, versi, nama_berkas,
    ukuran, sha256, diunggah_pada, diunggah_oleh, ringkasan (JSON), nilai_diubah."""
    return run(con, "versi_daftar", {"unit": unit, "tahun": tahun})


def original(con: duckdb.DuckDBPyConnection, submission_id: int) -> tuple[str, bytes]:
    """(file name, bytes) of a version as it was uploaded."""
    row = run(con, "versi_isi", {"id": submission_id}).iloc[0]
    return row["nama_berkas"], bytes(row["isi"])


def latest(con: duckdb.DuckDBPyConnection, submission_id: int) -> int:
    """The newest version of the stream the given one belongs to."""
    return con.execute(sql("versi_terakhir"), {"id": submission_id}).fetchone()[0]


def latest_versi(con: duckdb.DuckDBPyConnection, submission_id: int) -> int:
    return int(run(con, "versi_isi", {"id": submission_id}).iloc[0]["versi"])


def diff(con: duckdb.DuckDBPyConnection, dari: int, ke: int) -> pd.DataFrame:
    """Values that differ between two versions of one stream (in either order): jenis,
    indikator_id, indikator, tahun, triwulan, sebelum (as the older left it), sesudah (as the newer
    left it); canonical text, None where there was no value."""
    older, newer = sorted((dari, ke))
    return run(con, "versi_beda", {"dari": older, "ke": newer})


def rollback(con: duckdb.DuckDBPyConnection, submission_id: int, akun: Akun,
             waktu: datetime | None = None) -> tuple[int, int]:
    """Restore the values as version `submission_id` left them, as a new version of its stream.
    Returns (new submission id, new versi). Refused (WorkflowError) for the newest version, or
    when a value of a verified quarter would change; auth.Ditolak unless the account may roll
    back the unit's versions."""
    version = run(con, "versi_isi", {"id": submission_id}).iloc[0]
    require(akun, "pulihkan", version["unit_kode"])
    newest = latest(con, submission_id)
    if newest == submission_id:
        raise workflow.WorkflowError(f"Versi {version['versi']} adalah versi terakhir; tidak ada yang dipulihkan.")
    changes = diff(con, submission_id, newest)
    unit, tahun = version["unit_kode"], int(version["tahun"])
    touched = set(changes.loc[changes["jenis"] != "target_renstra", "triwulan"].astype(int))
    locked = workflow.lock_problems(con, unit, tahun, touched, version["nama_berkas"])
    if locked:
        raise workflow.WorkflowError(" ".join(p.message[:1].upper() + p.message[1:] for p in locked))
    waktu = waktu or datetime.now()
    quarters = sorted(set(changes.loc[changes["jenis"] == "realisasi", "triwulan"].astype(int)))
    triwulan = None if pd.isna(version["triwulan"]) else int(version["triwulan"])
    with db.transaction(con):
        new_id, versi = insert_submission(
            con, unit, tahun, triwulan, version["nama_berkas"], bytes(version["isi"]), akun.label, waktu,
            {"pemulihan_ke_versi": int(version["versi"]), "nilai_berubah": len(changes)})
        if len(changes):
            insert_frame(con, "write_values", "incoming_values", restored_values(changes),
                         {"submission": new_id, "waktu": waktu})
        workflow.record_upload(con, unit, tahun, quarters, new_id, akun.label, waktu)
        audit.record(con, akun, "pulihkan", unit=unit, tahun=tahun, triwulan=triwulan, objek=version["nama_berkas"],
                     lama=f"versi {latest_versi(con, newest)}",
                     baru=f"versi {versi} (isi versi {version['versi']}, {len(changes)} nilai)", waktu=waktu)
    return new_id, versi


def restored_values(changes: pd.DataFrame) -> pd.DataFrame:
    """write_values' input that turns each value back to `sebelum` (removed when it was absent)."""
    def bounds(text):
        if text is None or text != text:
            return None, None, None
        lower, _, upper = text.partition(" - ")
        return lower, upper or lower, text if upper else None

    restored = [bounds(t) for t in changes["sebelum"]]
    return pd.DataFrame({
        "jenis": changes["jenis"], "indikator_id": changes["indikator_id"], "tahun": changes["tahun"],
        "triwulan": changes["triwulan"], "bawah": [b for b, _, _ in restored], "atas": [a for _, a, _ in restored],
        "teks": [t for _, _, t in restored], "lama": changes["sesudah"], "baru": changes["sebelum"],
    })


def insert_submission(con, unit: str, tahun: int, triwulan: int | None, filename: str, data: bytes, oleh: str,
                      waktu: datetime, summary: dict) -> tuple[int, int]:
    """A new version of the unit's (tahun, triwulan) submissions, keeping the file byte for byte."""
    versi = con.execute(sql("write_next_versi"), {"unit": unit, "tahun": tahun, "triwulan": triwulan}).fetchone()[0]
    (submission_id,) = new_ids(con, 1)
    con.execute(sql("write_submission"), {
        "id": submission_id, "unit": unit, "tahun": tahun, "triwulan": triwulan, "versi": versi,
        "nama": filename, "sha": hashlib.sha256(data).hexdigest(), "ukuran": len(data), "isi": data,
        "waktu": waktu, "oleh": oleh, "ringkasan": json.dumps(summary),
    })
    return submission_id, versi
