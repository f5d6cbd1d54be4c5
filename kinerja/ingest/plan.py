"""Import a unit's workbook: read it, plan what changes against the database, then write it.

Planning reads the database but never writes, so a dry run, the upload preview and the real import
see the same plan. `apply_plan` is the one function that writes imported data, all or nothing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.collect import workflow
from kinerja.collect.units import resolve_unit
from kinerja.ingest import checks
from kinerja.ingest.anggaran import BudgetChange, plan_anggaran
from kinerja.ingest.reader import infer_agregasi, read_workbook
from kinerja.model import (
    HasProblems,
    ParsedRow,
    ParsedWorkbook,
    Problem,
    TargetValue,
    fmt_plain,
)
from kinerja.names import normalize_name
from kinerja.store.queries import run, sql
from kinerja.store.renstra import period_of
from kinerja.vocab import END_OF_PERIOD, ROMAN


@dataclass
class IndicatorPlan:
    """What the import does to one indicator: create it (id None) or update its settings."""

    row: ParsedRow
    id: int | None
    attrs: dict
    changed: list[str] = field(default_factory=list)  # settings that differ from the stored ones

    @property
    def is_new(self) -> bool:
        return self.id is None


@dataclass
class ValueChange:
    """One stored value before and after the import (canonical text, None when absent)."""

    jenis: str          # 'target' | 'target_renstra' | 'realisasi'
    indicator: int      # index into ImportPlan.indicators
    tahun: int
    triwulan: int       # 0 = annual target
    lama: str | None
    baru: str | None
    value: TargetValue | Decimal | None = None

    @property
    def status(self) -> str:
        if self.lama == self.baru:
            return "sama"
        if self.lama is None:
            return "baru"
        if self.baru is None:
            return "dihapus"
        return "berubah"


@dataclass
class ImportPlan(HasProblems):
    unit: str
    tahun: int
    triwulan: int | None
    filename: str
    data: bytes
    workbook: ParsedWorkbook
    problems: list[Problem]
    indicators: list[IndicatorPlan] = field(default_factory=list)
    changes: list[ValueChange] = field(default_factory=list)
    notes: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)
    konvensi: list[tuple[int, str]] = field(default_factory=list)  # (indicator index, konvensi)
    anggaran: list[BudgetChange] = field(default_factory=list)     # pagu / realisasi anggaran

    def touched_quarters(self) -> set[int]:
        """Quarters whose target or realisation the plan changes; 0 for the annual target."""
        return {c.triwulan for c in self.changes if c.status != "sama" and c.jenis in ("target", "realisasi")}

    def reported_quarters(self) -> list[int]:
        """Quarters this file reports: whose realisation it changes, and the quarter it is for."""
        quarters = {c.triwulan for c in self.changes if c.jenis == "realisasi" and c.status != "sama"}
        return sorted(quarters | ({self.triwulan} if self.triwulan else set()))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)

    @property
    def has_changes(self) -> bool:
        return bool(
            any(c.status != "sama" for c in self.changes)
            or any(p.is_new or p.changed for p in self.indicators)
            or self.notes
            or self.konvensi
            or any(c.status != "sama" for c in self.anggaran)
        )

    def changes_frame(self) -> pd.DataFrame:
        """The plan as a table for previews: one row per value with its status."""
        rows = [
            {
                "indikator": self.indicators[c.indicator].attrs["nama"],
                "jenis": c.jenis,
                "tahun": c.tahun,
                "triwulan": c.triwulan,
                "lama": c.lama,
                "baru": c.baru,
                "status": c.status,
            }
            for c in self.changes
        ]
        return pd.DataFrame(rows, columns=["indikator", "jenis", "tahun", "triwulan", "lama", "baru", "status"])


@dataclass
class ImportResult:
    plan: ImportPlan
    written: bool = False
    submission_id: int | None = None
    versi: int | None = None

    @property
    def ok(self) -> bool:
        return self.plan.ok

    @property
    def problems(self) -> list[Problem]:
        return self.plan.problems

    def summary_lines(self) -> list[str]:
        plan = self.plan
        quarter = f", TW {ROMAN[plan.triwulan]}" if plan.triwulan else ""
        lines = [f"Berkas: {plan.filename} (unit {plan.unit}, tahun {plan.tahun}{quarter})"]
        sheets = sorted({r.sheet for r in plan.workbook.rows})
        lines.append(f"Baris indikator dibaca: {len(plan.workbook.rows)} (lembar: {', '.join(sheets) or '-'})")
        for sheet, reason in plan.workbook.skipped_sheets:
            lines.append(f"Lembar dilewati: '{sheet}' ({reason})")
        if not plan.ok:
            lines.append(f"{len(plan.errors)} kesalahan: tidak ada yang ditulis.")
            return lines
        created = sum(1 for p in plan.indicators if p.is_new)
        updated = sum(1 for p in plan.indicators if not p.is_new and p.changed)
        lines.append(f"Indikator: {created} baru, {updated} diperbarui")
        new, changed, removed = plan.count("baru"), plan.count("berubah"), plan.count("dihapus")
        lines.append(
            f"Nilai: {new + changed} ditulis ({new} baru, {changed} berubah), "
            f"{plan.count('sama')} tidak berubah, {removed} dihapus"
        )
        if plan.anggaran:
            budget_new = sum(1 for c in plan.anggaran if c.status == "baru")
            budget_changed = sum(1 for c in plan.anggaran if c.status == "berubah")
            lines.append(f"Anggaran: {budget_new + budget_changed} ditulis ({budget_new} baru, "
                         f"{budget_changed} berubah), {len(plan.anggaran) - budget_new - budget_changed} tidak berubah")
        if not plan.has_changes:
            lines.append("Tidak ada perubahan: basis data tidak diubah.")
        elif self.written:
            lines.append(f"Tersimpan sebagai kiriman versi {self.versi}.")
        else:
            lines.append("Uji coba (--dry-run): tidak ada yang ditulis.")
        return lines


# --------------------------------------------------------------------------- planning


def plan_file(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    filename: str,
    unit: str,
    tahun: int,
    triwulan: int | None = None,
) -> ImportPlan:
    unit_kode = resolve_unit(con, unit)
    workbook = read_workbook(data, filename, triwulan)
    return plan_import(con, workbook, data, unit_kode, tahun, triwulan)


def plan_import(
    con: duckdb.DuckDBPyConnection,
    workbook: ParsedWorkbook,
    data: bytes,
    unit: str,
    tahun: int,
    triwulan: int | None,
) -> ImportPlan:
    workbook = keep_unit_sheets(con, workbook, unit)
    plan = ImportPlan(unit, tahun, triwulan, workbook.filename, data, workbook, list(workbook.problems))
    if not workbook.rows and not workbook.budgets and not plan.errors:
        plan.problems.append(
            Problem(workbook.filename, None, None, None,
                    "tidak ada baris indikator yang terbaca. Pastikan tabel memakai format SOP "
                    "(NO | SASARAN | INDIKATOR KINERJA | TARGET ...).")
        )
    place_end_targets(con, workbook, tahun, plan.problems)
    stored = load_stored(con, unit, tahun)
    keyed: dict[object, int] = {}
    for row in workbook.rows:
        match = match_indicator(row, stored["indikator"])
        # Without targets a file can only report on indicators that already have this year's target.
        if not workbook.has_targets and (match is None or not match["has_target"]):
            plan.problems.append(
                Problem(row.sheet, row.row, "INDIKATOR KINERJA", row.nama,
                        f"indikator ini tidak dikenal untuk unit {unit} tahun {tahun}. Berkas tanpa "
                        "kolom target hanya boleh berisi indikator yang sudah bertarget tahun ini; "
                        "periksa penulisan namanya atau impor dulu berkas target (template) tahun ini.")
            )
            continue
        key = match["id"] if match is not None else (row.kode or normalize_name(row.nama))
        if key in keyed:
            merge_duplicate(plan, keyed[key], row)
            continue
        keyed[key] = len(plan.indicators)
        plan.indicators.append(plan_indicator(row, match, workbook.has_targets))
    plan.anggaran = plan_anggaran(con, workbook.budgets, tahun, plan.problems)
    if plan.errors:
        return plan
    for index, ind in enumerate(plan.indicators):
        plan_values(plan, index, ind, stored)
    plan.problems += workflow.lock_problems(con, unit, tahun, plan.touched_quarters(), workbook.filename)
    if plan.ok:
        plan.problems += checks.plan_warnings(plan, stored["values"], load_history(con, unit, tahun))
    return plan


def place_end_targets(con: duckdb.DuckDBPyConnection, workbook: ParsedWorkbook, tahun: int,
                      problems: list[Problem]) -> None:
    """A "TARGET AKHIR RENSTRA" column without a year is the target of the last year of the Renstra
    period that contains `tahun`. Outside every recorded period it cannot be placed: a warning,
    and the value is not stored."""
    rows = [r for r in workbook.rows if END_OF_PERIOD in r.target_renstra]
    if not rows:
        return
    periode = period_of(con, tahun)
    for row in rows:
        value = row.target_renstra.pop(END_OF_PERIOD)
        if periode is not None:
            row.target_renstra.setdefault(periode.akhir, value)
    if periode is None:
        first = rows[0]
        problems.append(Problem(
            first.sheet, first.row, "TARGET AKHIR RENSTRA", None,
            f"tahun {tahun} tidak termasuk periode Renstra yang tercatat, jadi target akhir Renstra "
            f"({len(rows)} baris) tidak disimpan. Tambahkan periodenya (halaman Register, atau `kinerja renstra "
            "tambah --awal TAHUN --akhir TAHUN`) lalu impor ulang, atau tulis tahunnya di judul kolom.",
            severity="peringatan", kind="periode_renstra"))


def keep_unit_sheets(con: duckdb.DuckDBPyConnection, workbook: ParsedWorkbook, unit: str) -> ParsedWorkbook:
    """A workbook with one sheet per unit: keep the requested unit's sheet, skip the others."""
    units = run(con, "units")
    sheet_units = {sheet: unit_of_sheet(sheet, units) for sheet in {r.sheet for r in workbook.rows}}
    if len(sheet_units) < 2 or not any(sheet_units.values()):
        return workbook
    other = {s for s, u in sheet_units.items() if u and u != unit}
    kept = [r for r in workbook.rows if r.sheet not in other]
    problems = [p for p in workbook.problems if p.sheet not in other]
    skipped = workbook.skipped_sheets + [(s, f"lembar unit {sheet_units[s]}") for s in sorted(other)]
    titles = [t for t in workbook.titles if t[0] not in other]
    budgets = [b for b in workbook.budgets if b.sheet not in other]
    return ParsedWorkbook(workbook.filename, kept, problems, skipped, workbook.quarters, workbook.has_targets,
                          budgets=budgets, titles=titles)


def unit_of_sheet(sheet: str, units: pd.DataFrame) -> str | None:
    name = f" {normalize_name(sheet)} "
    for row in units.itertuples():
        short = normalize_name(row.nama)
        for prefix in ("bidang ", "subbagian ", "jabatan fungsional "):
            short = short.removeprefix(prefix)
        if f" {row.kode.lower()} " in name or f" {short} " in name:
            return row.kode
    return None


def load_stored(con: duckdb.DuckDBPyConnection, unit: str, tahun: int) -> dict:
    """The unit's indicators and their stored values of the year (and Renstra targets)."""
    params = {"unit": unit, "tahun": tahun}
    indikator = {}
    for record in run(con, "import_indikator_unit", params).to_dict(orient="records"):
        if isinstance(record["kode"], str):
            indikator["kode:" + record["kode"].lower()] = record
        indikator["nama:" + record["nama_norm"]] = record
    values = {}
    for jenis, tw, bawah, atas, teks, ind in con.execute(sql("import_nilai_unit"), params).fetchall():
        values[(ind, jenis, tw)] = TargetValue(bawah, atas, teks) if jenis != "realisasi" else bawah
    notes = {
        (ind, tw): (ket, bukti)
        for ind, tw, ket, bukti in con.execute(sql("import_catatan_unit"), params).fetchall()
    }
    konvensi = dict(con.execute(sql("import_konvensi_unit"), params).fetchall())
    return {"indikator": indikator, "values": values, "notes": notes, "konvensi": konvensi}


def load_history(con: duckdb.DuckDBPyConnection, unit: str, tahun: int) -> dict[tuple[int, int], list[Decimal]]:
    """Realisation of earlier years per (indicator id, quarter), for the outlier warning."""
    history: dict[tuple[int, int], list[Decimal]] = {}
    for ind, tw, nilai in con.execute(sql("checks_riwayat_realisasi"), {"unit": unit, "tahun": tahun}).fetchall():
        history.setdefault((ind, tw), []).append(Decimal(nilai))
    return history


def match_indicator(row: ParsedRow, indikator: dict[str, dict]) -> dict | None:
    """By KODE when the row has one, else by normalised name within the unit."""
    return (row.kode and indikator.get("kode:" + row.kode.lower())) or indikator.get(
        "nama:" + normalize_name(row.nama))


def plan_indicator(row: ParsedRow, stored: dict | None, has_targets: bool) -> IndicatorPlan:
    """Settings from the file win; otherwise keep the stored ones; otherwise infer from satuan."""
    stored = {k: blank_to_none(v) for k, v in (stored or {}).items()}
    satuan = row.satuan or stored.get("satuan")
    if row.agregasi:
        agregasi, sumber = row.agregasi, "berkas"
    elif stored and (stored["agregasi_sumber"] != "satuan" or not row.satuan):
        agregasi, sumber = stored["agregasi"], stored["agregasi_sumber"]
    else:
        agregasi, sumber = infer_agregasi(satuan), "satuan"
    level = "kegiatan" if row.kegiatan else "program" if row.program else None
    parent = row.kegiatan or row.program
    attrs = {
        "kode": row.kode or stored.get("kode"),
        "nama": row.nama if (has_targets or not stored) else stored.get("nama", row.nama),
        "satuan": satuan,
        "polaritas": row.polaritas or stored.get("polaritas") or "positif",
        "agregasi": agregasi,
        "agregasi_sumber": sumber,
        "sasaran": row.sasaran or stored.get("sasaran_teks"),
        "level": level or stored.get("level") or "sasaran",
        "parent_kode": parent[0] if parent else stored.get("parent_kode"),
        "parent_nama": parent[1] if parent else None,
        "program": row.program,
    }
    changed = []
    if stored:
        changed = [
            k for k in ("kode", "nama", "satuan", "polaritas", "agregasi", "level", "parent_kode")
            if blank_to_none(attrs[k]) != blank_to_none(stored.get(k))
        ]
        if attrs["sasaran"] and normalize_name(attrs["sasaran"]) != (stored.get("sasaran_norm") or ""):
            changed.append("sasaran")
    return IndicatorPlan(row, int(stored["id"]) if stored else None, attrs, changed)


def blank_to_none(value):
    """Stored settings come back from pandas with NaN or '' for nothing."""
    return None if value is None or value == "" or (isinstance(value, float) and value != value) else value


def merge_duplicate(plan: ImportPlan, index: int, row: ParsedRow) -> None:
    """The same indicator twice (e.g. one sheet per quarter): merge, unless values disagree."""
    first = plan.indicators[index].row
    place = f"lembar '{first.sheet}' baris {first.row}"
    for tw, value in row.realisasi.items():
        if tw in first.realisasi and first.realisasi[tw] != value:
            plan.problems.append(
                Problem(row.sheet, row.row, f"REALISASI TW {ROMAN[tw]}", fmt_plain(value),
                        f"indikator '{row.nama}' sudah ada di {place} dengan realisasi "
                        f"{fmt_plain(first.realisasi[tw])}. Hapus salah satu baris atau samakan nilainya.")
            )
        first.realisasi.setdefault(tw, value)
    targets = {0: row.target_tahunan, **row.target_triwulan}
    for tw, value in targets.items():
        known = first.target_tahunan if tw == 0 else first.target_triwulan.get(tw)
        if value is None:
            continue
        if known is not None and known.canonical() != value.canonical():
            label = "TARGET TAHUNAN" if tw == 0 else f"TARGET TW {ROMAN[tw]}"
            plan.problems.append(
                Problem(row.sheet, row.row, label, value.canonical(),
                        f"indikator '{row.nama}' sudah ada di {place} dengan target "
                        f"{known.canonical()}. Samakan targetnya atau hapus baris rangkap.")
            )
        elif tw == 0:
            first.target_tahunan = value
        else:
            first.target_triwulan[tw] = value


def plan_values(plan: ImportPlan, index: int, ind: IndicatorPlan, stored: dict) -> None:
    """Compare the row's values with the stored ones. Blank cells never delete, except the
    realisation of the quarter the file is declared for (a corrected quarterly report)."""
    row, tahun = ind.row, plan.tahun
    values = stored["values"]

    def add(jenis, tw, value, year=tahun):
        # Renstra targets are keyed by their year, the others by quarter within this year.
        key = (ind.id, jenis, year if jenis == "target_renstra" else tw)
        tw = 0 if jenis == "target_renstra" else tw
        plan.changes.append(
            ValueChange(jenis, index, year, tw, canonical(values.get(key)), canonical(value), value)
        )

    targets = {0: row.target_tahunan, **row.target_triwulan}
    for tw in sorted(targets):
        if targets[tw] is not None:
            add("target", tw, targets[tw])
    for year in sorted(row.target_renstra):
        add("target_renstra", 0, row.target_renstra[year], year)
    for tw in sorted(row.realisasi):
        add("realisasi", tw, row.realisasi[tw])
    declared = plan.triwulan
    if declared and declared in plan.workbook.quarters and declared not in row.realisasi and ind.id is not None:
        old = values.get((ind.id, "realisasi", declared))
        if old is not None:
            plan.changes.append(ValueChange("realisasi", index, tahun, declared, canonical(old), None))
    note_tw = declared or 0
    if (row.ket or row.bukti_dukung) and stored["notes"].get((ind.id, note_tw)) != (row.ket, row.bukti_dukung):
        plan.notes.append((index, note_tw, row.ket, row.bukti_dukung))
    if row.konvensi and stored["konvensi"].get(ind.id) != row.konvensi:
        plan.konvensi.append((index, row.konvensi))


def canonical(value: TargetValue | Decimal | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, TargetValue):
        return value.canonical()
    return fmt_plain(value)


# --------------------------------------------------------------------------- writing
