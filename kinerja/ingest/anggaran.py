"""Budget rows of an imported file (pagu and realisasi anggaran of program/kegiatan rows): plan the
changes against the stored values, and write them with their history (riwayat_anggaran).

Part of the one import path (kinerja.importer): the same file, validation, transaction and
submission as the indicator values. Blank cells never delete a stored value.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.model import ParsedBudget, Problem, fmt_plain
from kinerja.store.queries import insert_frame, new_ids, run, sql
from kinerja.vocab import ROMAN


@dataclass
class BudgetChange:
    """One stored budget value before and after the import (canonical text, None when absent)."""

    budget: ParsedBudget
    tahun: int
    triwulan: int       # 0 = the year's pagu
    jenis: str          # 'pagu' | 'realisasi'
    lama: str | None
    baru: str | None
    value: Decimal | None = None

    @property
    def status(self) -> str:
        if self.lama == self.baru:
            return "sama"
        return "baru" if self.lama is None else "berubah"


def plan_anggaran(con: duckdb.DuckDBPyConnection, budgets: list[ParsedBudget], tahun: int,
                  problems: list[Problem]) -> list[BudgetChange]:
    """The changes the file's budget rows make; the same program/kegiatan twice with different
    amounts is a problem naming both places."""
    stored = {(kode, tw, jenis): fmt_plain(Decimal(nilai))
              for kode, tw, jenis, nilai in run(con, "import_anggaran", {"tahun": tahun}).itertuples(index=False)}
    changes: dict[tuple, BudgetChange] = {}
    for budget in budgets:
        values = {(0, "pagu"): budget.pagu, **{(q, "realisasi"): v for q, v in budget.realisasi.items()}}
        for (tw, jenis), value in values.items():
            if value is None:
                continue
            key = (budget.kode, tw, jenis)
            if key in changes:
                first = changes[key]
                if first.value != value:
                    label = "PAGU" if jenis == "pagu" else f"REALISASI ANGGARAN TW {ROMAN[tw]}"
                    problems.append(Problem(
                        budget.sheet, budget.row, label, fmt_plain(value),
                        f"{budget.kode} sudah ada di lembar '{first.budget.sheet}' baris {first.budget.row} "
                        f"dengan nilai {first.baru}. Samakan nilainya atau hapus baris rangkap."))
                continue
            changes[key] = BudgetChange(budget, tahun, tw, jenis, stored.get(key), fmt_plain(value), value)
    return list(changes.values())


def write_anggaran(con: duckdb.DuckDBPyConnection, changes: list[BudgetChange], submission_id: int,
                   waktu: datetime) -> None:
    """Inside the import's transaction: create program/kegiatan rows the file names first."""
    changed = [c for c in changes if c.status != "sama"]
    if not changed:
        return
    known = dict(con.execute(sql("program_kegiatan_known")).fetchall())
    wanted = {}
    for c in changed:
        program = c.budget.program or (None, None)
        for kode, nama, parent in (program + (None,), (c.budget.kode, c.budget.nama, program[0])):
            if kode and kode not in known and kode not in wanted:
                wanted[kode] = (nama, parent)
    if wanted:
        known.update(zip(wanted, new_ids(con, len(wanted))))
        insert_frame(con, "write_program_kegiatan", "incoming_program_kegiatan", pd.DataFrame([
            {"id": known[kode], "kode": kode, "nama": nama,
             "level": "program" if len(kode.split(".")) <= 3 else "kegiatan",
             "parent_id": known.get(parent), "sasaran_id": None}
            for kode, (nama, parent) in wanted.items()]))
    frame = pd.DataFrame([
        {"program_kegiatan_id": known[c.budget.kode], "tahun": c.tahun, "triwulan": c.triwulan,
         "jenis": c.jenis, "nilai": c.baru, "lama": c.lama, "baru": c.baru}
        for c in changed])
    insert_frame(con, "write_anggaran", "incoming_anggaran", frame, {"submission": submission_id, "waktu": waktu})
