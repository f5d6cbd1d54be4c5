"""Versions of a unit's submissions: the list, the original file, the difference between two
versions and the rollback to an earlier one.

Versions form a stream per unit, tahun and triwulan (a file for the whole year is its own stream).
Every value an import changes is in riwayat (old → new), so the difference between versions a and
b is, per value, the old value of its first change after a and the new value of its last change up
to b. A rollback to version a writes the values as a left them (absent ones removed) as a new
version of the stream, with the file of version a and its own riwayat (stored → restored), so
nothing is lost and the rollback can itself be undone. A value that a later file of another stream
changed since (a TW II file correcting TW I) is a conflict: shown in the preview, kept unless the
user chooses to overwrite it. It changes values only: indicator settings and notes stay.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.collect import audit, workflow
from kinerja.model import TargetValue
from kinerja.numbers import stored_value
from kinerja.store import db, materialised
from kinerja.store.queries import insert_frame, new_ids, run, sql
from kinerja.vocab import ROMAN, value_label


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


KEY = ["jenis", "indikator_id", "tahun", "triwulan"]
PREVIEW_COLUMNS = KEY + ["indikator", "sekarang", "dipulihkan", "konflik", "diubah_oleh"]


def rollback_preview(con: duckdb.DuckDBPyConnection, submission_id: int) -> pd.DataFrame:
    """What a rollback to version `submission_id` would change: one row per value its stream
    changed whose stored value differs from what that version left. Columns PREVIEW_COLUMNS:
    jenis, indikator_id, tahun, triwulan, indikator, sekarang (stored now), dipulihkan (as the
    version left it; canonical text, None = no value), konflik (True where a later file of another
    stream, e.g. a TW II file correcting TW I, changed the value after this stream's newest
    version: the user decides whether to overwrite it), diubah_oleh (that file, e.g.
    "tw2.xlsx (TW II versi 1)"; None without a conflict)."""
    found = run(con, "versi_pemulihan", {"id": submission_id})
    rows = []
    for r in found.to_dict(orient="records"):
        sekarang = stored_text(r["sekarang_bawah"], r["sekarang_atas"])
        dipulihkan = none_if_nan(r["dipulihkan"])
        if sekarang == dipulihkan:
            continue
        konflik = sekarang != none_if_nan(r["akhir_aliran"])
        where = f"TW {ROMAN[int(r['terakhir_triwulan'])]}" if pd.notna(r["terakhir_triwulan"]) else "tahunan"
        rows.append({**{k: r[k] for k in KEY}, "indikator": r["indikator"], "sekarang": sekarang,
                     "dipulihkan": dipulihkan, "konflik": konflik,
                     "diubah_oleh": f"{r['terakhir_berkas']} ({where} versi {r['terakhir_versi']})" if konflik
                     else None})
    return pd.DataFrame(rows, columns=PREVIEW_COLUMNS)


def rollback(con: duckdb.DuckDBPyConnection, submission_id: int, akun: Akun, waktu: datetime | None = None,
             timpa: Iterable[tuple] | bool = False) -> tuple[int, int]:
    """Restore the values as version `submission_id` left them, as a new version of its stream,
    recording exactly stored → restored in riwayat. A value a later file of another stream changed
    (rollback_preview's konflik) keeps its newer value unless `timpa` is True or names its key
    (jenis, indikator_id, tahun, triwulan). Returns (new submission id, new versi). Refused
    (WorkflowError) when nothing would change, or when a value of a verified quarter would;
    auth.Ditolak unless the account may roll back the unit's versions."""
    with db.WRITE_LOCK:  # the check and the write see the same stored values
        return restore_version(con, submission_id, akun, waktu, timpa)


def restore_version(con, submission_id: int, akun: Akun, waktu: datetime | None,
                    timpa: Iterable[tuple] | bool) -> tuple[int, int]:
    version = run(con, "versi_isi", {"id": submission_id}).iloc[0]
    require(akun, "pulihkan", version["unit_kode"])
    preview = rollback_preview(con, submission_id)
    chosen = set(map(tuple, timpa)) if not isinstance(timpa, bool) else set()
    keys = [tuple(k) for k in preview[KEY].itertuples(index=False)]
    keep = [not c or timpa is True or k in chosen for k, c in zip(keys, preview["konflik"])]
    changes = preview[keep] if len(preview) else preview
    if changes.empty:
        raise workflow.WorkflowError(nothing_restored(preview, int(version["versi"])))
    unit, tahun = version["unit_kode"], int(version["tahun"])
    touched = set(changes.loc[changes["jenis"] != "target_renstra", "triwulan"].astype(int))
    locked = workflow.lock_problems(con, unit, tahun, touched, version["nama_berkas"])
    if locked:
        raise workflow.WorkflowError(" ".join(p.message[:1].upper() + p.message[1:] for p in locked))
    waktu = waktu or datetime.now()
    quarters = sorted(set(changes.loc[changes["jenis"] == "realisasi", "triwulan"].astype(int)))
    triwulan = None if pd.isna(version["triwulan"]) else int(version["triwulan"])
    newest = latest_versi(con, latest(con, submission_id))
    with db.transaction(con):
        new_id, versi = insert_submission(
            con, unit, tahun, triwulan, version["nama_berkas"], bytes(version["isi"]), akun.label, waktu,
            {"pemulihan_ke_versi": int(version["versi"]), "nilai_berubah": len(changes)})
        insert_frame(con, "write_values", "incoming_values", restored_values(changes),
                     {"submission": new_id, "waktu": waktu})
        measured = changes[changes["jenis"] != "target_renstra"]
        for year, group in measured.groupby("tahun"):
            materialised.touch(con, group["indikator_id"], int(year))
        workflow.record_upload(con, unit, tahun, quarters, new_id, akun.label, waktu)
        audit.record(con, akun, "pulihkan", unit=unit, tahun=tahun, triwulan=triwulan, objek=version["nama_berkas"],
                     lama=f"versi {newest}",
                     baru=f"versi {versi} (isi versi {version['versi']}, {len(changes)} nilai)", waktu=waktu)
    return new_id, versi


def nothing_restored(preview: pd.DataFrame, versi: int) -> str:
    """Why a rollback to `versi` restores nothing (its preview `preview`): no value differs, or every
    value that differs is a conflict not chosen to overwrite; then each is named as the preview
    shows it (stored now, from which file, and the version's value) with how to go on."""
    if preview.empty:
        return f"Tidak ada nilai yang berbeda dari versi {versi}; tidak ada yang dipulihkan."
    conflicts = "; ".join(
        f"{r.indikator}, {value_label(r.jenis, int(r.tahun), int(r.triwulan))}: sekarang {stored_value(r.sekarang)} "
        f"(diubah oleh {r.diubah_oleh}), di versi {versi} {stored_value(r.dipulihkan)}"
        for r in preview.itertuples())
    return (f"Tidak ada yang dipulihkan: {len(preview)} nilai berbeda dari versi {versi}, tetapi semuanya diubah "
            f"sesudahnya oleh berkas lain, dan nilai yang lebih baru itu dipertahankan kecuali Anda memilih "
            f"menimpanya: {conflicts}. Bila nilai versi {versi} yang benar, centang 'Timpa' pada nilai itu di "
            "pratinjau pemulihan, lalu pulihkan lagi.")


def chosen_conflicts(preview: pd.DataFrame, timpa: pd.Series) -> list[tuple]:
    """The keys of the conflicting rows of a preview the user chose to overwrite (timpa: bool per row)."""
    chosen = preview[preview["konflik"] & timpa.fillna(False).astype(bool)]
    return [tuple(k) for k in chosen[KEY].itertuples(index=False)]


def stored_text(bawah, atas) -> str | None:
    """Canonical text of a stored value (as riwayat writes it): "15", "80 - 90"; None when absent."""
    if bawah is None or bawah != bawah:
        return None
    return TargetValue(Decimal(bawah), Decimal(atas)).canonical()


def none_if_nan(value):
    return None if value is None or value != value else value


def restored_values(changes: pd.DataFrame) -> pd.DataFrame:
    """write_values' input that turns each value from `sekarang` back to `dipulihkan` (removed when
    it was absent)."""
    def bounds(text):
        if text is None or text != text:
            return None, None, None
        lower, _, upper = text.partition(" - ")
        return lower, upper or lower, text if upper else None

    restored = [bounds(t) for t in changes["dipulihkan"]]
    return pd.DataFrame({
        "jenis": changes["jenis"], "indikator_id": changes["indikator_id"], "tahun": changes["tahun"],
        "triwulan": changes["triwulan"], "bawah": [b for b, _, _ in restored], "atas": [a for _, a, _ in restored],
        "teks": [t for _, _, t in restored], "lama": changes["sekarang"], "baru": changes["dipulihkan"],
    })


def insert_submission(con, unit: str, tahun: int, triwulan: int | None, filename: str, data: bytes, oleh: str,
                      waktu: datetime, summary: dict) -> tuple[int, int]:
    """A new version of the unit's (tahun, triwulan) submissions, keeping the file byte for byte."""
    versi = con.execute(sql("next_versi"), {"unit": unit, "tahun": tahun, "triwulan": triwulan}).fetchone()[0]
    (submission_id,) = new_ids(con, 1)
    con.execute(sql("write_submission"), {
        "id": submission_id, "unit": unit, "tahun": tahun, "triwulan": triwulan, "versi": versi,
        "nama": filename, "sha": hashlib.sha256(data).hexdigest(), "ukuran": len(data), "isi": data,
        "waktu": waktu, "oleh": oleh, "ringkasan": json.dumps(summary),
    })
    return submission_id, versi
