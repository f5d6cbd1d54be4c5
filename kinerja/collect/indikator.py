"""The master of an indicator and its settings per year (migration 0004), with their history.

Settings (polaritas, rumus_negatif, agregasi, konvensi_triwulan) belong to a year: a change made
for year Y applies from Y on, up to the next year that has settings of its own, so a 2026 file
never changes a 2025 result. A change that would alter the settings of a year with a verified
quarter is refused like a value change (kinerja.collect.workflow). Every change, from a file or from
the Indikator page, is in riwayat_indikator with who, when and why. Inferred settings (polaritas
'tebakan', agregasi 'satuan') are "belum dikonfirmasi" until a person confirms them.
"""
from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.collect import audit, workflow
from kinerja.names import indicator_key
from kinerja.store import db, materialised
from kinerja.store.queries import run, sql
from kinerja.store.renstra import period_of
from kinerja.vocab import AGREGASI, KONVENSI, POLARITAS, ROMAN

# Settings per year, and the column saying where each inferred one came from.
SETTINGS = ("polaritas", "rumus_negatif", "agregasi", "konvensi_triwulan")
SOURCE = {"polaritas": "polaritas_sumber", "agregasi": "agregasi_sumber"}
INFERRED = {"polaritas_sumber": "tebakan", "agregasi_sumber": "satuan"}
CHOICES = {"polaritas": tuple(POLARITAS), "rumus_negatif": ("A", "B"), "agregasi": tuple(AGREGASI),
           "konvensi_triwulan": (None, *KONVENSI)}
# Master fields without a year.
MASTER = ("kode", "nama", "satuan", "definisi_operasional", "sumber_data")
ROW_COLUMNS = ["indikator_id", "tahun", "polaritas", "polaritas_sumber", "rumus_negatif", "agregasi",
               "agregasi_sumber", "konvensi_triwulan"]


class IndikatorError(workflow.WorkflowError):
    """A change the master refuses; the message is for the user, in Bahasa Indonesia."""


def daftar(con: duckdb.DuckDBPyConnection, tahun: int, unit: str | None = None, *, start: int = 0,
           stop: int | None = None) -> pd.DataFrame:
    """The master of every indicator (of `unit`) with the settings in force for `tahun`, the ones
    with an inferred setting first (an inferred negatif polaritas before all: it turns the score). Columns: indikator_id, unit, kode, nama, satuan, sasaran,
    polaritas, polaritas_sumber, rumus_negatif, agregasi, agregasi_sumber, konvensi_triwulan,
    berlaku_dari (year of the settings row, NaN without one), definisi_operasional, sumber_data,
    target_renstra ("2021: 80; 2022: 82"), target_akhir (of the last year of the Renstra period
    containing `tahun`, kinerja.store.renstra; NaN outside every recorded period; text),
    belum_dikonfirmasi ("polaritas, agregasi"; "" when all are confirmed or stated in a file).
    Rows start to stop (excluded) of that list (stop None: to the end)."""
    periode = period_of(con, tahun)
    return run(con, "indikator_daftar", {"tahun": tahun, "unit": unit, "akhir": periode and periode.akhir,
                                         "offset": start, "limit": None if stop is None else max(0, stop - start)})


def jumlah(con: duckdb.DuckDBPyConnection, tahun: int, unit: str | None = None) -> tuple[int, int]:
    """(how many rows daftar() lists, how many of them have a belum_dikonfirmasi setting)."""
    row = run(con, "indikator_jumlah", {"tahun": tahun, "unit": unit}).iloc[0]
    return int(row["jumlah"]), int(row["belum_dikonfirmasi"])


def in_force(con: duckdb.DuckDBPyConnection, tahun: int, unit: str | None = None) -> pd.DataFrame:
    """The settings in force for `tahun` per indicator (of `unit`): indikator_id, polaritas,
    polaritas_sumber, rumus_negatif, agregasi, agregasi_sumber, konvensi_triwulan, berlaku_dari
    (the year of the row they come from; NaN for an indicator without rows)."""
    return run(con, "indikator_berlaku", {"tahun": tahun, "unit": unit})


def describe(settings: dict, key: str) -> str | None:
    """History text of one setting: the value, and where an inferred one came from."""
    value = settings.get(key)
    if value is None or value != value:
        return None
    source = SOURCE.get(key)
    return f"{value} ({settings[source]})" if source and settings.get(source) else str(value)


def differences(before: dict | None, after: dict) -> list[str]:
    """The settings whose value (not only their source) differ."""
    return [k for k in SETTINGS if before is None or clean(before.get(k)) != clean(after.get(k))]


def clean(value):
    return None if value is None or (isinstance(value, float) and value != value) or value == "" else value


def write_year_settings(con, rows: list[dict], oleh: str, waktu: datetime, submission_id: int | None = None,
                        alasan: str | None = None, before: dict[tuple[int, int], dict] | None = None) -> None:
    """Store settings rows (ROW_COLUMNS) inside the caller's transaction, with a history row for
    every setting whose text changed against `before[(indikator_id, tahun)]` (the settings that
    were in force; absent for a new indicator, which records nothing)."""
    if not rows:
        return
    before = before or {}
    history = []
    for row in rows:
        old = before.get((row["indikator_id"], row["tahun"]))
        if old is None:
            continue
        for key in SETTINGS:
            lama, baru = describe(old, key), describe(row, key)
            if lama != baru:
                history.append({"indikator_id": row["indikator_id"], "tahun": row["tahun"], "kolom": key,
                                "nilai_lama": lama, "nilai_baru": baru})
    frame = pd.DataFrame(rows, columns=ROW_COLUMNS)
    materialised.touch_settings(con, zip(frame["indikator_id"], frame["tahun"]))
    con.register("incoming_pengaturan", frame)
    try:
        con.execute(sql("write_pengaturan_indikator"))
    finally:
        con.unregister("incoming_pengaturan")
    record(con, history, oleh, waktu, alasan, submission_id)


def record(con, changes: list[dict], oleh: str, waktu: datetime, alasan: str | None = None,
           submission_id: int | None = None) -> None:
    """History rows (indikator_id, tahun, kolom, nilai_lama, nilai_baru) inside the caller's transaction."""
    if not changes:
        return
    frame = pd.DataFrame(changes, columns=["indikator_id", "tahun", "kolom", "nilai_lama", "nilai_baru"])
    con.register("incoming_riwayat_indikator", frame)
    try:
        con.execute(sql("write_riwayat_indikator"),
                    {"oleh": oleh, "pada": waktu, "alasan": alasan, "submission": submission_id})
    finally:
        con.unregister("incoming_riwayat_indikator")


def value_years(con, indikator_id: int) -> list[int]:
    """The years in which the indicator has a target or a realisation, oldest first."""
    return [int(tahun) for (tahun,) in con.execute(sql("indikator_tahun_bernilai"), {"id": indikator_id}).fetchall()]


def locked_years(con, unit: str, years: list[int]) -> list[str]:
    """"TW I 2025" for every verified quarter of the unit in those years."""
    return [f"TW {ROMAN[q]} {tahun}" for tahun in sorted(set(years)) for q in sorted(workflow.verified(con, unit, tahun))]


def master(con: duckdb.DuckDBPyConnection, indikator_id: int) -> dict:
    """kode, nama, nama_norm, unit_kode, satuan, definisi_operasional, sumber_data of one indicator."""
    found = run(con, "indikator_master", {"id": indikator_id})
    if found.empty:
        raise IndikatorError(f"indikator {indikator_id} tidak ada.")
    return {k: clean(v) for k, v in found.iloc[0].to_dict().items()}


def change_settings(con: duckdb.DuckDBPyConnection, indikator_id: int, dari_tahun: int, changes: dict, akun: Akun,
                    alasan: str, waktu: datetime | None = None) -> list[int]:
    """Set (or confirm) settings of an indicator from year `dari_tahun` on: that year and every
    later year with settings of its own. `changes` maps SETTINGS names to values; naming
    polaritas or agregasi confirms it (source 'pengguna') even when the value stays.
    Raises IndikatorError without a reason, for an unknown value, or when a value would change
    in a year with a verified quarter (reopen it first); auth.Ditolak unless the account may set
    indicator settings (Perencana, Sekretariat). Returns the years written."""
    if not (alasan or "").strip():
        raise IndikatorError("Tuliskan alasan perubahan pengaturan indikator.")
    unknown = [k for k in changes if k not in SETTINGS or changes[k] not in CHOICES[k]]
    if unknown:
        key = unknown[0]
        raise IndikatorError(f"{key} '{changes[key]}' tidak dikenal. Pilih salah satu: "
                             f"{', '.join(c for c in CHOICES.get(key, ()) if c) or '-'}.")
    unit = master(con, indikator_id)["unit_kode"]
    require(akun, "pengaturan_indikator", unit)
    own_years = [row[0] for row in con.execute(sql("indikator_tahun_pengaturan"), {"id": indikator_id}).fetchall()]
    years = sorted({dari_tahun} | {y for y in own_years if y > dari_tahun})
    rows, before = [], {}
    for tahun in years:
        current = in_force(con, tahun, unit)
        current = current[current["indikator_id"] == indikator_id].iloc[0].to_dict()
        current = {k: clean(v) for k, v in current.items()}
        row = {k: current.get(k) for k in ROW_COLUMNS} | {"indikator_id": indikator_id, "tahun": tahun}
        row.update(changes)
        for key, source in SOURCE.items():
            row[source] = "pengguna" if key in changes else current.get(source) or "berkas"
        before[(indikator_id, tahun)] = current
        rows.append(row)
    moved = [r["tahun"] for r in rows if differences(before[(indikator_id, r["tahun"])], r)]
    locked = locked_years(con, unit, moved)
    if locked:
        raise IndikatorError(f"Pengaturan indikator ini untuk {', '.join(locked)} sudah diverifikasi dan terkunci. "
                             f"Minta {workflow.VERIFIER} membuka kembali triwulan itu, atau ubah mulai tahun "
                             "berikutnya.")
    for tahun in moved:
        workflow.refuse_signed(con, tahun)
    waktu = waktu or datetime.now()
    with db.transaction(con):
        write_year_settings(con, rows, akun.label, waktu, alasan=alasan.strip(), before=before)
        audit.record(con, akun, "pengaturan_indikator", unit=unit, tahun=dari_tahun, objek=f"indikator {indikator_id}",
                     lama={k: before[(indikator_id, dari_tahun)].get(k) for k in changes},
                     baru=f"{changes}: {alasan.strip()}", waktu=waktu)
    return years


def change_master(con: duckdb.DuckDBPyConnection, indikator_id: int, changes: dict, akun: Akun, alasan: str,
                  waktu: datetime | None = None) -> None:
    """Change master fields (MASTER) of an indicator; a rename keeps its values and is recorded.
    Raises IndikatorError without a reason, for an empty name, or when the name is already
    another indicator's of the unit; auth.Ditolak unless the account may set indicator settings."""
    if not (alasan or "").strip():
        raise IndikatorError("Tuliskan alasan perubahan data indikator.")
    unknown = set(changes) - set(MASTER)
    if unknown:
        raise IndikatorError(f"kolom tidak dikenal: {', '.join(sorted(unknown))}")
    current = master(con, indikator_id)
    require(akun, "pengaturan_indikator", current["unit_kode"])
    wanted = {k: (" ".join(str(v).split()) if clean(v) is not None else None) for k, v in changes.items()}
    if "nama" in wanted and not wanted["nama"]:
        raise IndikatorError("Nama indikator tidak boleh kosong.")
    changed = {k: v for k, v in wanted.items() if v != current.get(k)}
    if not changed:
        return
    if "nama" in changed:
        key = indicator_key(changed["nama"])
        other = con.execute(sql("indikator_nama_dipakai"),
                            {"unit": current["unit_kode"], "key": key, "id": indikator_id}).fetchall()
        if other:
            raise IndikatorError(f"Unit {current['unit_kode']} sudah punya indikator '{other[0][0]}' dengan nama itu.")
    history = [{"indikator_id": indikator_id, "tahun": None, "kolom": k, "nilai_lama": current.get(k),
                "nilai_baru": v} for k, v in changed.items()]
    with db.transaction(con):
        con.execute(sql("write_indikator_master"), {
            "id": indikator_id, **{k: changed.get(k, current.get(k)) for k in MASTER},
            "nama_norm": indicator_key(changed.get("nama", current["nama"]))})
        materialised.touch(con, [indikator_id], None)  # names and satuan are stored with every capaian row
        waktu = waktu or datetime.now()
        record(con, history, akun.label, waktu, alasan.strip())
        audit.record(con, akun, "pengaturan_indikator", unit=current["unit_kode"], objek=f"indikator {indikator_id}",
                     lama={k: current.get(k) for k in changed}, baru=f"{changed}: {alasan.strip()}", waktu=waktu)


def history(con: duckdb.DuckDBPyConnection, indikator_id: int) -> pd.DataFrame:
    """Every recorded change of an indicator, newest first: pada, oleh, tahun, kolom, nilai_lama,
    nilai_baru, alasan, submission_id."""
    return run(con, "indikator_riwayat_pengaturan", {"id": indikator_id})
