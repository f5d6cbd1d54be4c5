"""Notes of a value (KET, faktor, tindak lanjut, bukti dukung link) typed on the pages; attached files
are in kinerja.collect.bukti."""
from __future__ import annotations

from datetime import datetime

import duckdb

from kinerja.auth import Akun, require
from kinerja.collect import audit
from kinerja.collect.workflow import WorkflowError, ensure_unlocked
from kinerja.store import db
from kinerja.store.queries import run, sql
from kinerja.vocab import NOTES


def save_notes(con: duckdb.DuckDBPyConnection, indikator_id: int, tahun: int, triwulan: int, akun: Akun,
               **notes: str | None) -> None:
    """The notes of one value as typed on a page, by NOTES name; empty or left out is no note.
    Raises auth.Ditolak unless the account may write notes for the indicator's unit, and
    workflow.WorkflowError when the quarter is verified (notes are locked with the values)."""
    unknown = set(notes) - set(NOTES)
    if unknown:
        raise ValueError(f"catatan tidak dikenal: {', '.join(sorted(unknown))}")
    unit = unit_of(con, indikator_id)
    require(akun, "catatan", unit)
    ensure_unlocked(con, indikator_id, tahun, triwulan)
    typed = {name: (notes.get(name) or "").strip() or None for name in NOTES}
    stored = run(con, "catatan_nilai", {"indikator": indikator_id, "tahun": tahun, "triwulan": triwulan})
    before = stored.iloc[0].to_dict() if len(stored) else {}
    changed = [name for name in NOTES if (before.get(name) or None) != typed[name]]
    if not changed:
        return
    waktu = datetime.now()
    with db.transaction(con):
        con.execute(sql("write_catatan_indikator"), {"indikator": indikator_id, "tahun": tahun, "triwulan": triwulan,
                                                     **typed})
        for name in changed:
            audit.record(con, akun, "catatan", unit=unit, tahun=tahun, triwulan=triwulan,
                         objek=f"indikator {indikator_id}: {NOTES[name]}", lama=before.get(name) or None,
                         baru=typed[name], waktu=waktu)


def unit_of(con: duckdb.DuckDBPyConnection, indikator_id: int) -> str:
    """The unit an indicator belongs to; WorkflowError for an unknown indicator."""
    rows = con.execute(sql("indikator_unit"), {"id": indikator_id}).fetchall()
    if not rows:
        raise WorkflowError(f"Indikator {indikator_id} tidak ada.")
    return rows[0][0]

