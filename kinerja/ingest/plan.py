"""Import a unit's workbook: read it, plan what changes against the database, then write it.

Planning reads the database but never writes, so a dry run, the upload preview and the real import
see the same plan. `apply_plan` is the one function that writes imported data, all or nothing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

import duckdb
import pandas as pd
from rapidfuzz import fuzz, process

from kinerja import polaritas
from kinerja.collect import indikator, workflow
from kinerja.collect.units import resolve_unit, units_named_in
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
from kinerja.names import indicator_key, normalize_name
from kinerja.numbers import format_angka, stored_value
from kinerja.store.queries import run, sql
from kinerja.store.renstra import period_of
from kinerja.vocab import END_OF_PERIOD, NOTES, ROMAN

# Problem kinds that refuse an upload as a whole (a locked quarter or year, another unit's or
# year's file, data changed since the preview, the database): nothing in the file to fix.
REFUSALS = {"terkunci", "judul_berkas", "berubah_sejak_pratinjau", "basis_data"}


@dataclass
class IndicatorPlan:
    """What the import does to one indicator: create it (id None) or update its settings."""

    row: ParsedRow
    id: int | None
    attrs: dict
    changed: list[str] = field(default_factory=list)  # master fields that differ from the stored ones
    before: dict | None = None     # the settings in force for the year (None for a new indicator)
    own_year: bool = False         # the year has settings of its own (else inherited from another year)
    was: dict = field(default_factory=dict)   # stored kode, nama, satuan, sasaran (for the history of a change)

    # The settings and their comparisons are asked for every indicator several times per import
    # (has_changes, lock_problems when planning and again when writing, write_settings): computed
    # once. A plan's attrs and before are never changed in place (upload.with_settings makes new
    # IndicatorPlans with dataclasses.replace), so the cached values stay true.

    @property
    def is_new(self) -> bool:
        return self.id is None

    @cached_property
    def settings(self) -> dict:
        """The settings this import gives the indicator for the year (indikator.ROW_COLUMNS)."""
        return {k: self.attrs[k] for k in indikator.ROW_COLUMNS if k in self.attrs}

    @cached_property
    def settings_changed(self) -> list[str]:
        """Settings whose value this import changes for the year (a new indicator changes none)."""
        return [] if self.before is None else indikator.differences(self.before, self.settings)

    @cached_property
    def settings_retold(self) -> bool:
        """A setting or where it came from changes (an inferred polaritas stated by the file)."""
        return self.before is not None and any(
            indikator.describe(self.before, k) != indikator.describe(self.settings, k) for k in indikator.SETTINGS)

    @property
    def settings_written(self) -> bool:
        """The year's settings row is written: new, inherited until now, or retold."""
        return self.before is None or not self.own_year or self.settings_retold


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
    # "sama" | "baru" | "berubah" | "dihapus", from lama and baru (which never change): set once when
    # made, asked for every change by each count of the plan (a plain attribute: functools'
    # cached_property takes a lock on each first access, 12,000 of them in a 2,000-row file)
    status: str = field(init=False)

    def __post_init__(self) -> None:
        if self.lama == self.baru:
            self.status = "sama"
        elif self.lama is None:
            self.status = "baru"
        elif self.baru is None:
            self.status = "dihapus"
        else:
            self.status = "berubah"


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
    notes: list[tuple[int, int, dict[str, str]]] = field(default_factory=list)  # (indicator, triwulan, notes given)
    konvensi: list[tuple[int, str]] = field(default_factory=list)  # (indicator index, konvensi)
    anggaran: list[BudgetChange] = field(default_factory=list)     # pagu / realisasi anggaran
    same_as: dict[str, int] = field(default_factory=dict)          # name key -> stored id (a confirmed rename)
    near: dict[int, dict] = field(default_factory=dict)            # indicator index -> stored near match

    def touched_quarters(self) -> set[int]:
        """Quarters whose target, realisation or notes the plan changes; 0 for the annual target
        and the notes of the whole year."""
        values = {c.triwulan for c in self.changes if c.status != "sama" and c.jenis in ("target", "realisasi")}
        return values | {tw for _, tw, _ in self.notes}

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
            or any(p.is_new or p.changed or p.settings_retold for p in self.indicators)
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
        counts = plan.workbook.fate_counts()
        lines.append(f"Baris tabel: {sum(counts.values())} ({counts['indikator']} indikator, {counts['judul']} judul, "
                     f"{counts['dilewati']} dilewati)")
        lines += [f"Baris dilewati: {place} ({reason})" for place, reason in skipped_rows(plan.workbook)]
        for sheet, reason in plan.workbook.skipped_sheets:
            lines.append(f"Lembar dilewati: '{sheet}' ({reason})")
        if not plan.ok:
            refused = any(e.kind in REFUSALS for e in plan.errors)
            lines.append("Ditolak: tidak ada yang ditulis." if refused else
                         f"{len(plan.errors)} kesalahan: tidak ada yang ditulis.")
            return lines
        created = sum(1 for p in plan.indicators if p.is_new)
        updated = sum(1 for p in plan.indicators if not p.is_new and p.changed)
        lines.append(f"Indikator: {created} baru, {updated} diperbarui")
        settings = [p for p in plan.indicators if p.settings_changed]
        if settings:
            lines.append(f"Pengaturan tahun {plan.tahun} diubah: " + "; ".join(
                f"{p.attrs['nama']} ({', '.join(f'{k} {p.before.get(k)} → {p.settings.get(k)}' for k in p.settings_changed)})"
                for p in settings))
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
            lines.append("Pemeriksaan saja: belum ada yang ditulis.")
        return lines


def skipped_rows(workbook: ParsedWorkbook) -> list[tuple[str, str]]:
    """The skipped rows of a workbook grouped by sheet and reason: ("lembar 'TW IV' baris 11-14, 16", reason)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for fate in workbook.fates:
        if fate.fate == "dilewati":
            groups.setdefault((fate.sheet, fate.reason), []).append(fate.row)
    return [(f"lembar '{sheet}' baris {row_ranges(rows)}", reason) for (sheet, reason), rows in groups.items()]


def row_ranges(rows: list[int]) -> str:
    """[11, 12, 13, 16] -> "11-13, 16"."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


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
    same_as: dict[str, int] | None = None,
) -> ImportPlan:
    """The plan of a read workbook against what is stored. `same_as` maps a row's name key
    (names.indicator_key) to the id of a stored indicator the user confirmed it renames."""
    workbook = keep_unit_sheets(con, workbook, unit)
    plan = ImportPlan(unit, tahun, triwulan, workbook.filename, data, workbook, list(workbook.problems),
                      same_as=dict(same_as or {}))
    if not workbook.rows and not workbook.budgets and not plan.errors:
        plan.problems.append(
            Problem(None, None, None, None,
                    "tidak ada baris indikator yang terbaca. Pastikan tabel memakai format SOP "
                    "(NO | SASARAN | INDIKATOR KINERJA | TARGET ...) atau Formulir E.81.", kind="tanpa_indikator")
        )
    place_end_targets(con, workbook, tahun, plan.problems)
    stored = {"indikator": load_indicators(con, unit, tahun, workbook.rows, plan.same_as)}
    matches = [match_indicator(row, stored["indikator"], plan.same_as) for row in workbook.rows]
    unmatched = [i for i, m in enumerate(matches) if m is None]
    nears = near_matches([workbook.rows[i] for i in unmatched], load_names(con, unit) if unmatched else [],
                         {int(m["id"]) for m in matches if m is not None})
    nears = {unmatched[i]: record for i, record in nears.items()}
    keyed: dict[object, int] = {}
    for number, (row, match) in enumerate(zip(workbook.rows, matches)):
        near = nears.get(number)
        # Without targets a file can only report on indicators that already have this year's target.
        if not workbook.has_targets and (match is None or not match["has_target"]):
            hint = f" Mungkin maksudnya '{near['nama']}'?" if near is not None else ""
            plan.problems.append(
                Problem(row.sheet, row.row, row.column("indikator")[0], row.nama,
                        f"indikator ini tidak dikenal untuk unit {unit} tahun {tahun}. Berkas tanpa "
                        "kolom target hanya boleh berisi indikator yang sudah bertarget tahun ini; "
                        f"periksa penulisan namanya atau impor dulu berkas target (template) tahun ini.{hint}",
                        row.column("indikator")[1], kind="indikator_tidak_dikenal")
            )
            continue
        if near is not None:
            plan.near[len(plan.indicators)] = near
            plan.problems.append(Problem(
                row.sheet, row.row, row.column("indikator")[0], row.nama,
                f"sama dengan indikator '{near['nama']}' yang berganti nama? Bila ya, pilih 'sama' pada pratinjau "
                "unggah; bila tidak, indikator ini disimpan sebagai indikator baru dan nilainya tidak digabung.",
                row.column("indikator")[1], severity="pertanyaan", kind="nama_mirip"))
        named = stored["indikator"].get("nama:" + indicator_key(row.nama))
        if match is not None and named is not None and named["id"] != match["id"]:
            plan.problems.append(Problem(
                row.sheet, row.row, row.column("indikator")[0], row.nama,
                f"KODE {row.kode} milik indikator '{match['nama']}', tetapi nama ini milik indikator lain "
                f"(KODE {named['kode'] or '-'}). Perbaiki KODE atau nama di berkas.",
                row.column("indikator")[1], kind="kode_nama_bertentangan"))
            continue
        key = match["id"] if match is not None else (row.kode or indicator_key(row.nama))
        if key in keyed:
            merge_duplicate(plan, keyed[key], row)
            continue
        keyed[key] = len(plan.indicators)
        plan.indicators.append(plan_indicator(row, match, workbook.has_targets))
    plan.anggaran = plan_anggaran(con, workbook.budgets, tahun, plan.problems)
    # with the file's other errors, so that one round of corrections fixes them all
    plan.problems += checks.negative_values(plan)
    if plan.errors:
        return plan
    named = sorted({int(p.id) for p in plan.indicators if p.id is not None})
    stored.update(load_values(con, named, tahun))
    for index, ind in enumerate(plan.indicators):
        plan_values(plan, index, ind, stored)
    plan.problems += lock_problems(con, plan)
    if plan.ok:
        plan.problems += checks.plan_warnings(plan, stored["values"], load_history(con, named, tahun))
    return plan


def lock_problems(con: duckdb.DuckDBPyConnection, plan: ImportPlan) -> list[Problem]:
    """Errors for every change the plan would make to a verified quarter: values, notes, and the
    settings of the year (which every quarter's capaian is computed with)."""
    touched = plan.touched_quarters()
    problems = workflow.lock_problems(con, plan.unit, plan.tahun, touched, None)  # the whole file
    if not touched and plan.has_changes:  # structure, settings or budget only: a signed year refuses them too
        problems += workflow.signed_problems(con, plan.tahun, None)
    moved = [p for p in plan.indicators if p.settings_changed]
    locked = indikator.locked_years(con, plan.unit, [plan.tahun]) if moved else []
    for p in moved if locked else []:
        what = ", ".join(f"{k} {p.before.get(k) or '–'} → {p.settings.get(k) or '–'}" for k in p.settings_changed)
        problems.append(Problem(
            p.row.sheet, p.row.row, p.row.column("indikator")[0], p.row.nama,
            f"berkas ini mengubah pengaturan indikator untuk tahun {plan.tahun} ({what}), padahal "
            f"{', '.join(locked)} sudah diverifikasi; pengaturannya terkunci. Samakan pengaturan di berkas "
            f"dengan yang tersimpan, atau minta {workflow.VERIFIER} membuka kembali triwulan itu.",
            p.row.column("indikator")[1], kind="terkunci"))
    problems += regroup_problems(con, plan)
    return problems


def regroup_problems(con: duckdb.DuckDBPyConnection, plan: ImportPlan) -> list[Problem]:
    """An error per indicator the file puts under another sasaran while a year it has values in is
    verified or signed: the sasaran is the indicator's, not the year's, so the move regroups every
    year's capaian per sasaran (the LKjIP's per-sasaran tables), the locked ones included."""
    problems = []
    for p in plan.indicators:
        if "sasaran" not in p.changed:
            continue
        years = indikator.value_years(con, int(p.id))
        locked = indikator.locked_years(con, plan.unit, years)
        locked += [f"LKjIP {tahun} (sudah ditandatangani)" for tahun in years if workflow.signed(con, tahun)]
        if locked:
            problems.append(Problem(
                p.row.sheet, p.row.row, p.row.column("indikator")[0], p.row.nama,
                f"berkas ini memindahkan indikator '{p.row.nama}' ke sasaran '{p.row.sasaran}' (tersimpan di "
                f"sasaran '{p.was.get('sasaran') or '–'}'); capaian per sasaran tahun lain ikut berubah, "
                f"padahal {', '.join(locked)} terkunci. Tulis sasaran seperti yang tersimpan, atau minta "
                f"{workflow.VERIFIER} membuka kembali triwulan itu.",
                p.row.column("indikator")[1], kind="terkunci"))
    return problems


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
    sheet_units = {sheet: next(iter(units_named_in(sheet, units)), None) for sheet in {r.sheet for r in workbook.rows}}
    if len(sheet_units) < 2 or not any(sheet_units.values()):
        return workbook
    other = {s for s, u in sheet_units.items() if u and u != unit}
    kept = [r for r in workbook.rows if r.sheet not in other]
    problems = [p for p in workbook.problems if p.sheet not in other]
    fates = [f for f in workbook.fates if f.sheet not in other]
    skipped = workbook.skipped_sheets + [(s, f"lembar unit {sheet_units[s]}") for s in sorted(other)]
    titles = [t for t in workbook.titles if t[0] not in other]
    budgets = [b for b in workbook.budgets if b.sheet not in other]
    return ParsedWorkbook(workbook.filename, kept, problems, skipped, workbook.quarters, workbook.has_targets,
                          budgets=budgets, titles=titles, fates=fates)


def load_indicators(con: duckdb.DuckDBPyConnection, unit: str, tahun: int, rows: list[ParsedRow],
                    same_as: dict[str, int] | None = None) -> dict[str, dict]:
    """The unit's indicators that `rows` name (by KODE or name key) or that `same_as` confirms,
    with the settings in force for the year, by "kode:", "nama:" (the name key) and "id:", for
    matching the rows of a file (match_indicator). What the file holds is read, not the unit's
    history: a unit of a large warehouse has tens of thousands of indicators."""
    indikator = {}
    named = {"unit": unit,
             "kodes": sorted({row.kode.lower() for row in rows if row.kode}),
             "keys": sorted({indicator_key(row.nama) for row in rows}),
             "ids": sorted({int(i) for i in (same_as or {}).values()})}
    ids = [found for (found,) in con.execute(sql("import_indikator_dinamai"), named).fetchall()]
    result = con.execute(sql("import_indikator_unit"), {"tahun": tahun, "ids": ids})
    columns = [d[0] for d in result.description]
    for record in (dict(zip(columns, row)) for row in result.fetchall()):
        if isinstance(record["kode"], str):
            indikator["kode:" + record["kode"].lower()] = record
        indikator["nama:" + indicator_key(record["nama"])] = record
        indikator["id:" + str(record["id"])] = record
    return indikator


def load_values(con: duckdb.DuckDBPyConnection, ids: list[int], tahun: int) -> dict:
    """The stored values of the year (and Renstra targets), notes and conventions of the indicators
    the file names (`ids`): what planning compares the file with."""
    params = {"ids": ids, "tahun": tahun}
    values = {}
    for jenis, tw, bawah, atas, teks, ind in con.execute(sql("import_nilai"), params).fetchall():
        bawah = Decimal(bawah)
        values[(ind, jenis, tw)] = TargetValue(bawah, Decimal(atas), teks) if jenis != "realisasi" else bawah
    result = con.execute(sql("import_catatan"), params)
    columns = [d[0] for d in result.description]
    notes = {}
    for found in result.fetchall():
        record = dict(zip(columns, found))
        notes[(record["indikator_id"], record["triwulan"])] = {k: record[k] for k in NOTES}
    konvensi = dict(con.execute(sql("import_konvensi"), params).fetchall())
    return {"values": values, "notes": notes, "konvensi": konvensi}


def load_history(con: duckdb.DuckDBPyConnection, ids: list[int], tahun: int) -> dict[tuple[int, int], list[Decimal]]:
    """Realisation of earlier years per (indicator id, quarter) of the indicators the file names,
    for the outlier warning."""
    history: dict[tuple[int, int], list[Decimal]] = {}
    for ind, tw, nilai in con.execute(sql("checks_riwayat_realisasi"), {"ids": ids, "tahun": tahun}).fetchall():
        history.setdefault((ind, tw), []).append(Decimal(nilai))
    return history


def match_indicator(row: ParsedRow, indikator: dict[str, dict], same_as: dict[str, int] | None = None) -> dict | None:
    """By KODE when the row has one, else by the name key (names.indicator_key: signs, digits and
    units count) within the unit, else the stored indicator the user confirmed it renames."""
    key = indicator_key(row.nama)
    renamed = (same_as or {}).get(key)
    return ((row.kode and indikator.get("kode:" + row.kode.lower())) or indikator.get("nama:" + key)
            or (indikator.get(f"id:{renamed}") if renamed is not None else None))


NEAR = 90  # rapidfuzz ratio (0-100) of two name keys from which a name reads as a rename of the other
# Fuzzy comparisons per file at most (about a second): beyond, only names equal but for signs are asked.
MAX_PAIRS = 4_000_000


def load_names(con: duckdb.DuckDBPyConnection, unit: str) -> list[dict]:
    """Every indicator of the unit: id, kode, nama, nama_norm (the name key)."""
    result = con.execute(sql("import_indikator_nama"), {"unit": unit})
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row)) for row in result.fetchall()]


def near_matches(rows: list[ParsedRow], candidates: list[dict], taken: set[int]) -> dict[int, dict]:
    """For each row (by position) that matched nothing, a stored indicator of the unit
    (`candidates`: load_names) not named by the file whose name differs only in what the key keeps
    (a sign, a digit: normalize_name equal) or in a few letters (ratio of the keys ≥ NEAR). Asked
    about in the preview, never merged."""
    free = {record["nama_norm"]: record for record in candidates if int(record["id"]) not in taken}
    plain = {normalize_name(record["nama"]): record for record in free.values()}
    fuzzy = len(rows) * len(free) <= MAX_PAIRS
    found = {}
    for i, row in enumerate(rows):
        record = plain.get(normalize_name(row.nama))
        if record is None and fuzzy and free:
            best = process.extractOne(indicator_key(row.nama), list(free), scorer=fuzz.ratio, score_cutoff=NEAR)
            record = free[best[0]] if best else None
        if record is not None:
            found[i] = record
    return found


def plan_indicator(row: ParsedRow, stored: dict | None, has_targets: bool) -> IndicatorPlan:
    """Settings from the file win; otherwise keep the ones in force for the year; otherwise infer
    agregasi from satuan and polaritas from satuan and wording (kinerja.polaritas), marked as not
    confirmed."""
    stored = {k: None if v == "" or (isinstance(v, float) and v != v) else v for k, v in (stored or {}).items()}
    satuan = row.satuan or stored.get("satuan")
    if row.agregasi:
        agregasi, sumber = row.agregasi, "berkas"
    elif stored and (stored["agregasi_sumber"] != "satuan" or not row.satuan):
        agregasi, sumber = stored["agregasi"], stored["agregasi_sumber"]
    else:
        agregasi, sumber = infer_agregasi(satuan), "satuan"
    alasan_polaritas = None
    if row.polaritas:
        polaritas_, polaritas_sumber = row.polaritas, "berkas"
    elif stored:
        polaritas_, polaritas_sumber = stored["polaritas"], stored["polaritas_sumber"]
    else:
        (polaritas_, alasan_polaritas), polaritas_sumber = polaritas.infer(row.nama, satuan), "tebakan"
    level = "kegiatan" if row.kegiatan else "program" if row.program else None
    parent = row.kegiatan or row.program
    attrs = {
        "kode": row.kode or stored.get("kode"),
        "nama": row.nama if (has_targets or not stored) else stored.get("nama", row.nama),
        "satuan": satuan,
        "polaritas": polaritas_,
        "polaritas_sumber": polaritas_sumber,
        "polaritas_alasan": alasan_polaritas,
        "rumus_negatif": stored.get("rumus_negatif") or "A",
        "agregasi": agregasi,
        "agregasi_sumber": sumber,
        "konvensi_triwulan": stored.get("konvensi_triwulan"),
        "sasaran": row.sasaran or stored.get("sasaran_teks"),
        "level": level or stored.get("level") or "sasaran",
        "parent_kode": parent[0] if parent else stored.get("parent_kode"),
        "parent_nama": parent[1] if parent else None,
        "program": row.program,
    }
    changed = []
    if stored:
        changed = [
            k for k in ("kode", "nama", "satuan", "level", "parent_kode")
            if blank_to_none(attrs[k]) != blank_to_none(stored.get(k))
        ]
        if attrs["sasaran"] and normalize_name(attrs["sasaran"]) != (stored.get("sasaran_norm") or ""):
            changed.append("sasaran")
    before = {k: stored.get(k) for k in indikator.ROW_COLUMNS if k in stored} if stored else None
    return IndicatorPlan(row, int(stored["id"]) if stored else None, attrs, changed, before,
                         bool(stored.get("tahun_sendiri")),
                         {k: stored.get(k) for k in ("kode", "nama", "satuan")} | {"sasaran": stored.get("sasaran_teks")})


def blank_to_none(value):
    """Stored settings come back from pandas with NaN or '' for nothing."""
    return None if value is None or value == "" or (isinstance(value, float) and value != value) else value


def merge_duplicate(plan: ImportPlan, index: int, row: ParsedRow) -> None:
    """The same indicator twice (e.g. one sheet per quarter): merge, unless values disagree."""
    first = plan.indicators[index].row
    place = f"lembar '{first.sheet}' baris {first.row}"
    if row.sasaran and first.sasaran and normalize_name(row.sasaran) != normalize_name(first.sasaran):
        column, col = row.column("indikator")
        plan.problems.append(
            Problem(row.sheet, row.row, column, row.nama,
                    f"indikator '{row.nama}' sudah ada di {place} di bawah sasaran '{first.sasaran}', di sini di "
                    f"bawah sasaran '{row.sasaran}'. Satu nama indikator hanya untuk satu sasaran: bedakan namanya "
                    "atau pindahkan barisnya.", col, kind="rangkap")
        )
    for tw, value in row.realisasi.items():
        if tw in first.realisasi and first.realisasi[tw] != value:
            plan.problems.append(
                Problem(row.sheet, row.row, row.column(f"realisasi_tw{tw}")[0], row.quoted(f"realisasi_tw{tw}"),
                        f"indikator '{row.nama}' sudah ada di {place} dengan realisasi TW {ROMAN[tw]} "
                        f"{format_angka(first.realisasi[tw])}. Hapus salah satu baris atau samakan nilainya.",
                        row.column(f"realisasi_tw{tw}")[1], kind="rangkap")
            )
        first.realisasi.setdefault(tw, value)
    targets = {0: row.target_tahunan, **row.target_triwulan}
    for tw, value in targets.items():
        known = first.target_tahunan if tw == 0 else first.target_triwulan.get(tw)
        if value is None:
            continue
        if known is not None and known.canonical() != value.canonical():
            key = "target_tahunan" if tw == 0 else f"target_tw{tw}"
            column, col = row.column(key)
            which = "tahunan" if tw == 0 else f"TW {ROMAN[tw]}"
            plan.problems.append(
                Problem(row.sheet, row.row, column, row.quoted(key),
                        f"indikator '{row.nama}' sudah ada di {place} dengan target {which} "
                        f"{stored_value(known.canonical())}. Samakan targetnya atau hapus baris rangkap.", col,
                        kind="rangkap")
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
    # Notes: a blank cell never deletes a note (typed on the Register page, or sent earlier).
    note_tw = declared or 0
    given, known = row.notes, stored["notes"].get((ind.id, note_tw), {})
    if any(known.get(k) != v for k, v in given.items()):
        plan.notes.append((index, note_tw, given))
    if row.konvensi and stored["konvensi"].get(ind.id) != row.konvensi:
        plan.konvensi.append((index, row.konvensi))


def canonical(value: TargetValue | Decimal | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, TargetValue):
        return value.canonical()
    return fmt_plain(value)


# --------------------------------------------------------------------------- writing
