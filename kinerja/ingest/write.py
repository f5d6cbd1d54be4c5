"""Write a valid import plan in one transaction: submission, structure, values, notes, budget."""
from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.collect import audit, indikator, workflow
from kinerja.collect.versions import insert_submission
from kinerja.ingest.anggaran import write_anggaran
from kinerja.ingest.plan import ImportPlan, ImportResult, lock_problems
from kinerja.model import (
    TargetValue,
    fmt_plain,
)
from kinerja.names import indicator_key, normalize_name
from kinerja.store import db, materialised
from kinerja.store.queries import insert_frame, new_ids, sql
from kinerja.vocab import NOTES


def apply_plan(
    con: duckdb.DuckDBPyConnection, plan: ImportPlan, akun: Akun, waktu: datetime | None = None,
    draf: bool = False,
) -> ImportResult:
    """Write a valid plan in one transaction as `akun`; a plan without changes writes nothing at
    all. The quarters it reports become diajukan on the register (draf when `draf`). Raises
    auth.Ditolak unless the account may upload for the plan's unit."""
    with db.transaction(con):
        return write_plan(con, plan, akun, waktu, draf)


def write_plan(
    con: duckdb.DuckDBPyConnection, plan: ImportPlan, akun: Akun, waktu: datetime | None = None,
    draf: bool = False,
) -> ImportResult:
    """apply_plan's writes, inside the caller's transaction (files.import_files writes several plans
    in one). Raises ValueError for a plan with errors, auth.Ditolak unless the account may upload
    for the plan's unit."""
    require(akun, "unggah", plan.unit)
    if not plan.ok:
        raise ValueError("rencana impor berisi kesalahan; tidak ada yang ditulis")
    if not plan.has_changes:
        return ImportResult(plan)
    # A quarter verified since the plan was made (or settings corrected in the preview) is
    # checked here, where the write happens: a refused change writes nothing, not even a status.
    locked = lock_problems(con, plan)
    if locked:
        plan.problems += locked
        return ImportResult(plan)
    waktu = waktu or datetime.now()
    submission_id, versi = write_submission(con, plan, akun.label, waktu)
    ids = write_structure(con, plan)
    write_settings(con, plan, ids, submission_id, akun.label, waktu)
    write_values(con, plan, ids, submission_id, waktu)
    touch_capaian(con, plan, ids)
    write_anggaran(con, plan.anggaran, submission_id, waktu)
    workflow.record_upload(con, plan.unit, plan.tahun, plan.reported_quarters(), submission_id, akun.label,
                           waktu, draf)
    audit.record(con, akun, "unggah", unit=plan.unit, tahun=plan.tahun, triwulan=plan.triwulan,
                 objek=plan.filename, baru=f"versi {versi}: nilai " + ", ".join(
                     f"{plan.count(s)} {s}" for s in ("baru", "berubah", "dihapus")), waktu=waktu)
    return ImportResult(plan, written=True, submission_id=submission_id, versi=versi)


def touch_capaian(con, plan: ImportPlan, ids: list[int]) -> None:
    """What of the stored capaian this plan changes (kinerja.store.materialised, refreshed when the
    transaction commits): in its year the indicators it creates or whose values or convention it
    writes, the years of other values, and every year of an indicator whose master (name, kode,
    satuan, sasaran) changed; a settings row written names the years it governs itself
    (write_settings: materialised.touch_settings). An indicator whose values the file repeats is
    left as it is (its notes are not capaian): the refresh costs what the file changed."""
    year = {i for i, p in enumerate(plan.indicators) if p.is_new}
    year |= {i for i, _ in plan.konvensi}
    for change in plan.changes:
        if change.status == "sama":
            continue
        if change.tahun == plan.tahun:
            year.add(change.indicator)
        elif change.jenis in ("target", "realisasi"):
            materialised.touch(con, [ids[change.indicator]], change.tahun)
    materialised.touch(con, [ids[i] for i in sorted(year)], plan.tahun)
    materialised.touch(con, [ids[i] for i, p in enumerate(plan.indicators) if p.changed and not p.is_new], None)


def write_submission(con, plan: ImportPlan, oleh: str, waktu: datetime) -> tuple[int, int]:
    summary = {
        "indikator_baru": sum(1 for p in plan.indicators if p.is_new),
        "nilai_baru": plan.count("baru"),
        "nilai_berubah": plan.count("berubah"),
        "nilai_dihapus": plan.count("dihapus"),
        "lembar_dilewati": plan.workbook.skipped_sheets,
    }
    submission_id, versi = insert_submission(con, plan.unit, plan.tahun, plan.triwulan, plan.filename, plan.data,
                                             oleh, waktu, summary)
    # The quarters this file reports anew (a resubmitted earlier quarter keeps its first time).
    quarters = sorted({c.triwulan for c in plan.changes if c.jenis == "realisasi" and c.status in ("baru", "berubah")})
    if quarters:
        insert_frame(con, "write_submission_triwulan", "incoming_triwulan",
                     pd.DataFrame({"submission_id": submission_id, "triwulan": quarters}))
    return submission_id, versi


def write_structure(con, plan: ImportPlan) -> list[int]:
    """Create missing sasaran, program/kegiatan and indicators; update changed settings.
    Returns the indicator id of every planned indicator."""
    sasaran = ensure_sasaran(con, {p.attrs["sasaran"] for p in plan.indicators if p.attrs["sasaran"]})
    parents = ensure_program_kegiatan(con, plan, sasaran)
    fresh = iter(new_ids(con, sum(1 for p in plan.indicators if p.is_new)))
    ids = [p.id if p.id is not None else next(fresh) for p in plan.indicators]
    rows = [
        {
            "id": ids[i], "kode": p.attrs["kode"], "nama": p.attrs["nama"],
            "nama_norm": indicator_key(p.attrs["nama"]), "unit_kode": plan.unit,
            "sasaran_id": sasaran.get(normalize_name(p.attrs["sasaran"] or "")),
            "level": p.attrs["level"], "parent_id": parents.get(p.attrs["parent_kode"]),
            "satuan": p.attrs["satuan"], "polaritas": p.attrs["polaritas"],
            "agregasi": p.attrs["agregasi"], "agregasi_sumber": p.attrs["agregasi_sumber"],
        }
        for i, p in enumerate(plan.indicators)
        if p.is_new or p.changed
    ]
    if rows:
        insert_frame(con, "write_indikator", "incoming_indikator", pd.DataFrame(rows))
    return ids


def write_settings(con, plan: ImportPlan, ids: list[int], submission_id: int, oleh: str, waktu: datetime) -> None:
    """The year's settings of every indicator the file names (so a later year's file never changes
    them), and the history of settings and master fields the file changed."""
    written = [(i, p) for i, p in enumerate(plan.indicators) if p.settings_written]
    rows = [p.settings | {"indikator_id": ids[i], "tahun": plan.tahun} for i, p in written]
    before = {(ids[i], plan.tahun): p.before for i, p in written if p.before is not None}
    indikator.write_year_settings(con, rows, oleh, waktu, submission_id, before=before)
    renamed = [{"indikator_id": p.id, "tahun": None, "kolom": k, "nilai_lama": p.was.get(k),
                "nilai_baru": p.attrs[k]} for p in plan.indicators if not p.is_new
               for k in ("kode", "nama", "satuan", "sasaran") if k in p.changed]
    indikator.record(con, renamed, oleh, waktu, submission_id=submission_id)


def ensure_sasaran(con, texts: set[str]) -> dict[str, int]:
    known = dict(con.execute(sql("sasaran_known")).fetchall())
    missing = {normalize_name(t): t for t in texts if normalize_name(t) not in known}
    if missing:
        ids = new_ids(con, len(missing))
        frame = pd.DataFrame({"id": ids, "teks": list(missing.values()), "teks_norm": list(missing)})
        insert_frame(con, "write_sasaran", "incoming_sasaran", frame)
        known.update(zip(missing, ids))
    return known


def ensure_program_kegiatan(con, plan: ImportPlan, sasaran: dict[str, int]) -> dict[str, int]:
    known = dict(con.execute(sql("program_kegiatan_known")).fetchall())
    wanted: dict[str, dict] = {}
    for p in plan.indicators:
        sasaran_id = sasaran.get(normalize_name(p.attrs["sasaran"] or ""))
        program, kegiatan = p.row.program, p.row.kegiatan
        if program and program[0] not in known:
            wanted.setdefault(program[0], {"nama": program[1], "level": "program", "parent": None, "sasaran_id": sasaran_id})
        if kegiatan and kegiatan[0] not in known:
            wanted.setdefault(kegiatan[0], {"nama": kegiatan[1], "level": "kegiatan",
                                            "parent": program[0] if program else None, "sasaran_id": sasaran_id})
    if wanted:
        known.update(zip(wanted, new_ids(con, len(wanted))))
        frame = pd.DataFrame([
            {"id": known[kode], "kode": kode, "nama": w["nama"], "level": w["level"],
             "parent_id": known.get(w["parent"]), "sasaran_id": w["sasaran_id"]}
            for kode, w in wanted.items()
        ])
        insert_frame(con, "write_program_kegiatan", "incoming_program_kegiatan", frame)
    return known


def write_values(con, plan: ImportPlan, ids: list[int], submission_id: int, waktu: datetime) -> None:
    changed = [c for c in plan.changes if c.status != "sama"]
    if changed:
        frame = pd.DataFrame([
            {
                "jenis": c.jenis, "indikator_id": ids[c.indicator], "tahun": c.tahun, "triwulan": c.triwulan,
                "bawah": bound(c.value, "bawah"), "atas": bound(c.value, "atas"),
                "teks": c.value.teks if isinstance(c.value, TargetValue) else None,
                "lama": c.lama, "baru": c.baru,
            }
            for c in changed
        ])
        insert_frame(con, "write_values", "incoming_values", frame,
                     {"submission": submission_id, "waktu": waktu})
    if plan.notes:
        frame = pd.DataFrame(
            [[ids[i], plan.tahun, tw] + [notes.get(k) for k in NOTES] for i, tw, notes in plan.notes],
            columns=["indikator_id", "tahun", "triwulan", *NOTES],
        )
        insert_frame(con, "write_catatan", "incoming_catatan", frame, {"submission": submission_id})
    if plan.konvensi:
        frame = pd.DataFrame(
            [(ids[i], plan.tahun, k) for i, k in plan.konvensi], columns=["indikator_id", "tahun", "konvensi"]
        )
        insert_frame(con, "write_konvensi", "incoming_konvensi", frame)


def bound(value, side: str) -> str | None:
    """Decimal values travel as text and are cast to DECIMAL in SQL, so nothing passes through float."""
    if value is None:
        return None
    if isinstance(value, TargetValue):
        return fmt_plain(getattr(value, side))
    return fmt_plain(value)
