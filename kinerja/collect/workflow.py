"""The collection workflow of a unit's quarter (SOP: distribute → collect → check).

    belum ──upload──▶ draf ──ajukan──▶ diajukan ──verifikasi──▶ diverifikasi
                        ▲                 │                          │
                        └── upload ───────┴─ buka kembali (alasan) ◀─┘ → dibuka_kembali

An upload makes its quarters `diajukan` (or `draf` when the unit saves a draft); the Sekretariat
(Unit Pengelola Data) verifies a quarter, which locks it: an upload or a rollback that would change
a value of a verified quarter is refused until the quarter is reopened, with a reason. Every step
is kept (who, when, why) in langkah_pengumpulan; the latest one is the quarter's status.

Once the year's LKjIP is signed (step 9 of the SOP's cycle, kinerja.collect.siklus) the whole year
is read-only the same way, in the same checks, until a Pimpinan reopens it with a reason.
"""
from __future__ import annotations

from datetime import date, datetime

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.collect import audit
from kinerja.model import Problem
from kinerja.store import db
from kinerja.store.queries import run, sql
from kinerja.vocab import ROMAN, STATUS

STATUSES = ["belum", "draf", "diajukan", "diverifikasi", "dibuka_kembali"]
# Steps a person takes on the register; uploads make draf/diajukan themselves (record_upload).
TRANSITIONS = {
    "draf": {"diajukan"},
    "diajukan": {"diverifikasi", "dibuka_kembali"},
    "diverifikasi": {"dibuka_kembali"},
    "dibuka_kembali": {"diajukan", "diverifikasi"},
    "belum": set(),
}
VERIFIER = "Sekretariat (Unit Pengelola Data)"
# The permission (kinerja.auth) each step needs.
STEP_ACTIONS = {"diajukan": "ajukan", "diverifikasi": "verifikasi", "dibuka_kembali": "buka_kembali"}


class WorkflowError(ValueError):
    """A step the workflow does not allow; the message is for the user, in Bahasa Indonesia."""


def steps(con: duckdb.DuckDBPyConnection, tahun: int, unit: str | None = None) -> pd.DataFrame:
    """Every step of the year (of one unit), oldest first: unit, triwulan, status, oleh, pada,
    alasan, submission_id."""
    return run(con, "pengumpulan_langkah", {"tahun": tahun, "unit": unit})


def current(con: duckdb.DuckDBPyConnection, unit: str, tahun: int, triwulan: int) -> dict | None:
    """The latest step of a quarter, or None when nothing has been done with it."""
    own = steps(con, tahun, unit)
    own = own[own["triwulan"] == triwulan]
    return None if own.empty else own.iloc[-1].to_dict()


def set_status(con: duckdb.DuckDBPyConnection, unit: str, tahun: int, triwulan: int, status: str, akun: Akun,
               alasan: str | None = None, waktu: datetime | None = None) -> None:
    """One step on the register (ajukan, verifikasi, buka kembali), checked against TRANSITIONS
    with no other save of this process in between (a verification racing an upload sees it).
    Raises auth.Ditolak when the account may not take it (kinerja.auth.ACTIONS)."""
    require(akun, STEP_ACTIONS.get(status, "verifikasi"), unit)
    with db.WRITE_LOCK:
        checked_step(con, unit, tahun, triwulan, status, akun, alasan, waktu)


def checked_step(con, unit: str, tahun: int, triwulan: int, status: str, akun: Akun, alasan: str | None,
                 waktu: datetime | None) -> None:
    step = current(con, unit, tahun, triwulan)
    now = step["status"] if step else "belum"
    where = f"Triwulan {ROMAN[triwulan]} {tahun} unit {unit}"
    refuse_signed(con, tahun)
    if status == now:
        raise WorkflowError(f"{where} sudah berstatus {STATUS[now].lower()}; tidak ada yang diubah.")
    if status not in TRANSITIONS.get(now, set()):
        allowed = ", ".join(STATUS[s].lower() for s in sorted(TRANSITIONS.get(now, set()))) \
            or "belum ada (unggah data dulu)"
        raise WorkflowError(f"{where} berstatus {STATUS[now].lower()}; tidak dapat diubah menjadi "
                            f"{STATUS[status].lower()}. "
                            f"Langkah yang dapat diambil: {allowed}.")
    if status == "dibuka_kembali" and not (alasan or "").strip():
        raise WorkflowError(f"Tuliskan alasan membuka kembali triwulan {ROMAN[triwulan]} {tahun} unit {unit} agar unit "
                            "tahu apa yang harus "
                            "diperbaiki.")
    waktu = waktu or datetime.now()
    with db.transaction(con):
        write_steps(con, unit, tahun, [triwulan], status, akun.label, waktu, alasan)
        audit.record(con, akun, STEP_ACTIONS[status], unit=unit, tahun=tahun, triwulan=triwulan, lama=now,
                     baru=f"{status}: {alasan.strip()}" if alasan and alasan.strip() else status, waktu=waktu)


def write_steps(con, unit: str, tahun: int, quarters: list[int], status: str, oleh: str, waktu: datetime,
                alasan: str | None = None, submission_id: int | None = None) -> None:
    """Insert steps inside the caller's transaction."""
    con.register("incoming_langkah", pd.DataFrame({"triwulan": quarters}, dtype="int64"))
    try:
        con.execute(sql("write_langkah"), {"unit": unit, "tahun": tahun, "status": status, "oleh": oleh,
                                           "pada": waktu, "alasan": alasan, "submission": submission_id})
    finally:
        con.unregister("incoming_langkah")


def record_upload(con, unit: str, tahun: int, quarters: list[int], submission_id: int, oleh: str,
                  waktu: datetime, draf: bool = False) -> None:
    """The quarters a written upload reported become diajukan (draf when saved as a draft);
    called inside the import's transaction. A verified quarter keeps its status: only a reopen
    with a reason unlocks it (an upload that would change it is refused before it gets here)."""
    locked = verified(con, unit, tahun)
    quarters = [q for q in quarters if q not in locked]
    if quarters:
        write_steps(con, unit, tahun, quarters, "draf" if draf else "diajukan", oleh, waktu,
                    submission_id=submission_id)


def verified(con: duckdb.DuckDBPyConnection, unit: str, tahun: int) -> dict[int, dict]:
    """Quarters of the unit's year whose latest step is diverifikasi: triwulan -> that step."""
    own = steps(con, tahun, unit)
    latest = own.groupby("triwulan").tail(1)
    return {int(r["triwulan"]): r for r in latest.to_dict(orient="records") if r["status"] == "diverifikasi"}


def lock_problems(con: duckdb.DuckDBPyConnection, unit: str, tahun: int, touched: set[int],
                  source: str | None) -> list[Problem]:
    """An error per verified quarter that a change would touch. `touched` holds the quarters
    whose values change; 0 (an annual target) touches every quarter. In a signed year only the
    signing is named: reopening a quarter would not help there, the Pimpinan reopens the year."""
    year_signed = signed_problems(con, tahun, source) if touched else []
    if year_signed:
        return year_signed
    locked = verified(con, unit, tahun)
    hit = sorted(locked) if 0 in touched else sorted(q for q in touched if q in locked)
    return [
        Problem(source, None, None, None,
                f"triwulan {ROMAN[q]} {tahun} unit {unit} sudah diverifikasi oleh {locked[q]['oleh']} pada "
                f"{locked[q]['pada']:%d-%m-%Y %H:%M}; nilainya terkunci. Minta {VERIFIER} membuka kembali "
                "triwulan ini di halaman Register (tab Status & verifikasi, tombol Buka kembali, dengan alasan), "
                "lalu unggah ulang.", kind="terkunci")
        for q in hit
    ]


def signed(con: duckdb.DuckDBPyConnection, tahun: int) -> dict | None:
    """The signing of the year's LKjIP (oleh, pada) while it holds (the latest event of SOP step 9
    is 'selesai'), else None: from then on no value, note, setting or step of the year changes."""
    found = run(con, "siklus_ditandatangani", {"tahun": tahun})
    return None if found.empty else found.iloc[0].to_dict()


def signed_problems(con: duckdb.DuckDBPyConnection, tahun: int, source: str | None) -> list[Problem]:
    """One error when the year's LKjIP is signed (see `signed`), else none."""
    done = signed(con, tahun)
    if done is None:
        return []
    return [Problem(source, None, None, None,
                    f"LKjIP tahun {tahun} sudah ditandatangani (dicatat oleh {done['oleh']} pada "
                    f"{done['pada']:%d-%m-%Y %H:%M}); data tahun {tahun} hanya dapat dibaca. Perubahan memerlukan "
                    "Pimpinan membuka kembali tahun ini di halaman Siklus LKjIP, dengan alasan.", kind="terkunci")]


def refuse_signed(con: duckdb.DuckDBPyConnection, tahun: int) -> None:
    """WorkflowError when the year's LKjIP is signed."""
    problems = signed_problems(con, tahun, None)
    if problems:
        raise WorkflowError(problems[0].message)


def ensure_unlocked(con: duckdb.DuckDBPyConnection, indikator_id: int, tahun: int, triwulan: int) -> None:
    """WorkflowError when the value's quarter (any quarter, for triwulan 0: the whole year) is verified."""
    unit = con.execute(sql("indikator_unit"), {"id": indikator_id}).fetchall()[0][0]
    locked = lock_problems(con, unit, tahun, {triwulan}, None)
    if locked:
        raise WorkflowError(" ".join(p.message[:1].upper() + p.message[1:] for p in locked))


def deadlines(con: duckdb.DuckDBPyConnection, tahun: int) -> pd.DataFrame:
    """triwulan, tanggal (the deadline), diatur (set by an administrator rather than the default)."""
    return run(con, "pengumpulan_tenggat", {"tahun": tahun})


def set_deadline(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int, tanggal: date, akun: Akun) -> None:
    """A quarter's deadline (Sekretariat); unchanged dates write nothing."""
    require(akun, "tenggat")
    refuse_signed(con, tahun)
    before = deadlines(con, tahun).set_index("triwulan").at[triwulan, "tanggal"]
    if before.date() == tanggal:
        return
    with db.transaction(con):
        con.execute(sql("write_tenggat"), {"tahun": tahun, "triwulan": triwulan, "tanggal": tanggal})
        audit.record(con, akun, "tenggat", tahun=tahun, triwulan=triwulan, lama=f"{before:%Y-%m-%d}",
                     baru=f"{tanggal:%Y-%m-%d}")
