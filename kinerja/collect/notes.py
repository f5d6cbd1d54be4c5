"""Notes of a value (KET, faktor, tindak lanjut, bukti dukung) typed on the pages, and attachments."""
from __future__ import annotations

from datetime import datetime

import duckdb

from kinerja.collect.workflow import ensure_unlocked
from kinerja.store import db
from kinerja.store.queries import sql
from kinerja.vocab import NOTES


def save_notes(con: duckdb.DuckDBPyConnection, indikator_id: int, tahun: int, triwulan: int, **notes: str | None) -> None:
    """The notes of one value as typed on a page, by NOTES name; empty or left out is no note.
    Raises workflow.WorkflowError when the quarter is verified (notes are locked with the values)."""
    unknown = set(notes) - set(NOTES)
    if unknown:
        raise ValueError(f"catatan tidak dikenal: {', '.join(sorted(unknown))}")
    ensure_unlocked(con, indikator_id, tahun, triwulan)
    with db.transaction(con):
        con.execute(sql("write_catatan_indikator"), {
            "indikator": indikator_id, "tahun": tahun, "triwulan": triwulan,
            **{name: (notes.get(name) or "").strip() or None for name in NOTES}})


def attach(con: duckdb.DuckDBPyConnection, indikator_id: int, tahun: int, triwulan: int, nama_berkas: str,
           isi: bytes, oleh: str, waktu: datetime | None = None) -> None:
    """A bukti dukung file kept with the value. Raises workflow.WorkflowError when the quarter is verified."""
    ensure_unlocked(con, indikator_id, tahun, triwulan)
    with db.transaction(con):
        con.execute(sql("write_lampiran"), {"indikator": indikator_id, "tahun": tahun, "triwulan": triwulan,
                                             "nama": nama_berkas, "isi": isi, "pada": waktu or datetime.now(),
                                             "oleh": oleh})
