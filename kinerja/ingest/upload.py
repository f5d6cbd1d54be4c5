"""Uploads from the Unggah page: limits, reading, the check against the chosen unit and year, the
inferred settings the user may correct, and confirming. Nothing is written before `confirm`.

The command line reads files the same way (kinerja.importer); the page adds what a person
choosing a file by hand needs: a size and row limit, and a refusal when the title of the sheet
names another unit or year than the one chosen.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.auth import Akun, require
from kinerja.collect.units import units_named_in
from kinerja.ingest.cells import EXCEL_TYPES, ReadError, type_refusal
from kinerja.ingest.grid import MAX_FILE_BYTES, MEGABYTE, column_letter
from kinerja.ingest.plan import REFUSALS, ImportPlan, ImportResult, plan_import
from kinerja.ingest.reader import read_workbook
from kinerja.ingest.write import apply_plan
from kinerja.model import ParsedWorkbook, Problem
from kinerja.names import indicator_key
from kinerja.numbers import format_angka
from kinerja.store import db
from kinerja.store.queries import run
from kinerja.vocab import AGREGASI, KONVENSI, POLARITAS

TYPES = sorted(t.lstrip(".") for t in EXCEL_TYPES)  # for the page's file chooser
MAX_BYTES = MAX_FILE_BYTES
MAX_ROWS = 10_000
SETTINGS_COLUMNS = ["indikator", "satuan", "polaritas", "asal_polaritas", "agregasi", "asal_agregasi", "konvensi"]
# The settings a user can correct in the preview (the others say where a setting came from).
EDITED = ["indikator", "polaritas", "agregasi", "konvensi"]
SOURCES = {"berkas": "dari berkas", "satuan": "ditebak dari satuan", "pengguna": "diatur pengguna",
           "tebakan": "ditebak (belum dikonfirmasi)"}


class UploadError(ValueError):
    """A file that cannot be taken at all; the message is for the user, in Bahasa Indonesia."""


def check_file(filename: str, size: int, max_bytes: int = MAX_BYTES, data: bytes = b"") -> None:
    """Type (by the name: cells.type_refusal, which looks at `data` for a better name when given)
    and size, before anything is read."""
    if (refused := type_refusal(filename, data)) is not None:
        raise UploadError(f"{filename}: {refused}")
    if size > max_bytes:
        megabytes = format_angka(Decimal(size) / MEGABYTE, 1)
        raise UploadError(f"{filename}: ukuran {megabytes} MB melebihi batas {max_bytes // MEGABYTE} MB. Hapus "
                          "lembar yang tidak perlu (gambar, lampiran) lalu simpan ulang.")


def read_upload(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, unit: str, tahun: int,
                triwulan: int | None, max_bytes: int = MAX_BYTES) -> ParsedWorkbook:
    """Check and read one file for the chosen unit and year, as the page and the command line take
    it. A file that cannot be read at all raises UploadError; every problem inside it, including a
    title naming another unit or year, is in the workbook's problems."""
    check_file(filename, len(data), max_bytes, data)
    try:
        workbook = read_workbook(data, filename, triwulan)
    except ReadError as exc:
        raise UploadError(f"{filename}: {exc}") from exc
    if len(workbook.rows) > MAX_ROWS:
        raise UploadError(f"{filename}: {len(workbook.rows)} baris indikator, lebih dari batas {MAX_ROWS}. "
                          "Pecah berkas per unit atau per triwulan.")
    workbook.problems += mismatches(con, workbook.titles, unit, tahun)
    return workbook


def plan_upload(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, unit: str, tahun: int,
                triwulan: int | None, max_bytes: int = MAX_BYTES) -> ImportPlan:
    """Read and plan one uploaded file (nothing is written); see read_upload."""
    workbook = read_upload(con, data, filename, unit, tahun, triwulan, max_bytes)
    return plan_import(con, workbook, data, unit, tahun, triwulan)


MONTHS = "JANUARI|FEBRUARI|MARET|APRIL|MEI|JUNI|JULI|AGUSTUS|SEPTEMBER|OKTOBER|NOVEMBER|DESEMBER"
# A year named as the period of the data: "TAHUN 2025", "Tahun Anggaran 2025", "T.A. 2025", and
# (group part) "TW I 2025", "TRIWULAN IV TAHUN 2025", "Semester I 2025", "s.d. 31 Desember 2025".
_YEAR_OF = re.compile(rf"\b(?:(?P<part>(?:TW|TRIWULAN|SEMESTER)\.?\s*(?:KE-?\s*)?[IV1-4]+\b,?\s*"
                      rf"(?:TAHUN(?:\s+ANGGARAN)?)?|{MONTHS})|TAHUN(?:\s+ANGGARAN)?|T\.\s?A\.?|TA\b\.?)"
                      r"\s*:?\s*(?P<year>20\d\d)\b", re.I)
# Years that name no period of the data: several years ("RENSTRA 2021-2026", "2021/2022") and a
# regulation's number and year ("PermenPANRB 8/2021"); a number before TAHUN (_NUMBERED) is a
# regulation's too ("Permendagri Nomor 86 Tahun 2017", "PP 12 Tahun 2019").
_NOT_A_PERIOD = re.compile(r"20\d\d\s*[-–/]\s*20\d\d|\d+\s*/\s*20\d\d")
_NUMBERED = re.compile(r"\d+[A-Z]?\s*$", re.I)


def title_years(text: str) -> set[int]:
    """The years a title cell names as the period of its data (_YEAR_OF), never a regulation's year
    or a period of several years (_NOT_A_PERIOD): "Berdasarkan PermenPANRB 8/2021" and "Permendagri
    Nomor 86 Tahun 2017" name none, "LAPORAN TW I TAHUN 2025" names 2025."""
    text = _NOT_A_PERIOD.sub(" ", text)
    return {int(m.group("year")) for m in _YEAR_OF.finditer(text)
            if m.group("part") or not _NUMBERED.search(text[:m.start()])}


def mismatches(con: duckdb.DuckDBPyConnection, titles: list[tuple[str, int, int, str]], unit: str,
               tahun: int) -> list[Problem]:
    """Errors for a file whose title names another year (title_years), or another unit, than the one
    chosen (and never the chosen one): the usual way a wrong file reaches the wrong place. Each
    quotes the title cell as written, with its address."""
    problems = []
    years = [(place, found) for place in titles if (found := title_years(place[3]))]
    named = {y for _, found in years for y in found}
    if named and tahun not in named:
        sheet, r, c, text = next(place for place, found in years if tahun not in found)
        named_years = ", ".join(map(str, sorted(named)))
        problems.append(Problem(sheet, r, None, text, f"judul berkas menyebut tahun {named_years} (sel "
                                                     f"{column_letter(c - 1)}{r}), tetapi yang dipilih tahun {tahun}. "
                                                     "Pilih tahun yang benar, atau periksa apakah berkas ini yang "
                                                     "dimaksud.", c, kind="judul_berkas"))
    units = run(con, "units")
    mentioned = {}
    for place in titles:
        for kode in units_named_in(place[3], units):
            mentioned.setdefault(kode, place)
    if mentioned and unit not in mentioned:
        other = sorted(mentioned)[0]
        sheet, r, c, text = mentioned[other]
        problems.append(Problem(sheet, r, None, text, f"judul berkas menyebut unit {other} (sel {column_letter(c - 1)}"
                                                     f"{r}), tetapi yang dipilih unit {unit}. Pilih unit yang benar, "
                                                     "atau unggah berkas unit ini.", c, kind="judul_berkas"))
    return problems


def settings(plan: ImportPlan) -> pd.DataFrame:
    """What the import will store for each indicator's settings, for the user to check and correct:
    indikator, satuan, polaritas, asal_polaritas (with the words an inference went by), agregasi,
    asal_agregasi, konvensi (kumulatif indicators only)."""
    konvensi = dict(plan.konvensi)
    rows = [
        {"indikator": ind.attrs["nama"], "satuan": ind.attrs["satuan"], "polaritas": ind.attrs["polaritas"],
         "asal_polaritas": SOURCES.get(ind.attrs["polaritas_sumber"], "tersimpan")
         + (f": {ind.attrs['polaritas_alasan']}" if ind.attrs.get("polaritas_alasan") else ""),
         "agregasi": ind.attrs["agregasi"], "asal_agregasi": SOURCES.get(ind.attrs["agregasi_sumber"], "tersimpan"),
         "konvensi": konvensi.get(i, ind.row.konvensi) if ind.attrs["agregasi"] == "kumulatif" else None}
        for i, ind in enumerate(plan.indicators)
    ]
    return pd.DataFrame(rows, columns=SETTINGS_COLUMNS)


def with_settings(plan: ImportPlan, edited: pd.DataFrame) -> ImportPlan:
    """A new plan with the user's corrections of polaritas, agregasi and konvensi (rows in the
    order of settings(plan)); a corrected setting is marked as set (confirmed) by the user."""
    indicators, konvensi = [], dict(plan.konvensi)
    for i, (ind, wanted) in enumerate(zip(plan.indicators, edited.to_dict(orient="records"))):
        attrs, changed = dict(ind.attrs), list(ind.changed)
        for key in ("polaritas", "agregasi"):
            if wanted[key] in (POLARITAS if key == "polaritas" else AGREGASI) and wanted[key] != attrs[key]:
                attrs[key] = wanted[key]
                attrs[f"{key}_sumber"] = "pengguna"
        shown = konvensi.get(i, ind.row.konvensi)
        if attrs["agregasi"] == "kumulatif" and wanted.get("konvensi") in KONVENSI and wanted["konvensi"] != shown:
            konvensi[i] = wanted["konvensi"]
        indicators.append(dataclasses.replace(ind, attrs=attrs, changed=changed))
    return dataclasses.replace(plan, indicators=indicators, konvensi=sorted(konvensi.items()))


def renames(plan: ImportPlan) -> pd.DataFrame:
    """The preview's questions: rows whose name is near a stored indicator's. Columns: indeks (of
    the plan's indicator), indikator (as the file names it), tersimpan (the stored name), sama
    (False: a new indicator unless the user says it is the same one, renamed)."""
    rows = [{"indeks": i, "indikator": plan.indicators[i].attrs["nama"], "tersimpan": near["nama"], "sama": False}
            for i, near in sorted(plan.near.items())]
    return pd.DataFrame(rows, columns=["indeks", "indikator", "tersimpan", "sama"])


def with_renames(con: duckdb.DuckDBPyConnection, plan: ImportPlan, answers: pd.DataFrame) -> ImportPlan:
    """The plan again, with the rows the user marked `sama` in renames(plan) taken as renames of
    the stored indicator (its values stay with it; the new name is recorded in its history)."""
    same_as = dict(plan.same_as)
    for answer in answers.to_dict(orient="records"):
        if answer["sama"]:
            same_as[indicator_key(plan.indicators[answer["indeks"]].row.nama)] = int(plan.near[answer["indeks"]]["id"])
    if same_as == plan.same_as:
        return plan
    return plan_import(con, plan.workbook, plan.data, plan.unit, plan.tahun, plan.triwulan, same_as)


# Errors that refuse the upload as a whole (the quarter is verified, the file names another unit or
# year, the database changed or failed) rather than point at a cell the unit can fix: shown as a
# refusal saying who can unlock, never as cells to mark.


def refusals(problems: list[Problem]) -> list[Problem]:
    """The errors of REFUSALS kinds: the upload is refused as a whole."""
    return [p for p in problems if p.kind in REFUSALS]


def cell_errors(problems: list[Problem]) -> list[Problem]:
    """The other errors: a place in the file the unit fixes."""
    return [p for p in problems if p.kind not in REFUSALS]


def refusal_text(problems: list[Problem]) -> str:
    """A refusal as people read it (markdown paragraphs): each reason, which names who can unlock
    and how (collect.workflow.lock_problems, signed_problems)."""
    return "\n\n".join(p.message[:1].upper() + p.message[1:] for p in refusals(problems))


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table of text: where (lembar, baris, kolom, isi) and what to do; a place the
    problem does not have is empty (never "None")."""
    return pd.DataFrame(
        [{"lembar": p.sheet or "", "baris": "" if p.row is None else str(p.row), "kolom": p.column or "",
          "isi": p.cell or "", "masalah": p.message} for p in problems],
        columns=["lembar", "baris", "kolom", "isi", "masalah"])


def confirm(con: duckdb.DuckDBPyConnection, plan: ImportPlan, akun: Akun, draf: bool = False,
            waktu: datetime | None = None) -> ImportResult:
    """Write the plan the user saw (one transaction) as `akun`, after planning it again against what
    is stored now, with no other save of this process in between (db.WRITE_LOCK; other processes
    are kept out by db.use). The user's settings carry over; changing them needs the right to set
    indicator settings (auth.Ditolak otherwise, as for an account that may not upload for the unit).
    Refused (a result with an error, nothing written) when the quarter was locked meanwhile, or when
    another save changed a value since the preview: the user confirms what they saw, never someone
    else's numbers."""
    require(akun, "unggah", plan.unit)
    with db.WRITE_LOCK:
        fresh = plan_import(con, plan.workbook, plan.data, plan.unit, plan.tahun, plan.triwulan,
                            plan.same_as)
        if fresh.ok:
            if not settings(fresh)[EDITED].equals(settings(plan)[EDITED]):
                require(akun, "pengaturan_indikator", plan.unit)
            fresh = with_settings(fresh, settings(plan))
        if fresh.ok and seen(fresh) != seen(plan):
            fresh.problems.append(Problem(plan.filename, None, None, None, changed_since(con, plan, fresh),
                                          kind="berubah_sejak_pratinjau"))
        if not fresh.ok:
            return ImportResult(fresh)
        return apply_plan(con, fresh, akun, waktu=waktu, draf=draf)


def seen(plan: ImportPlan) -> list[tuple]:
    """What a preview showed: every value's old and new text, by indicator name."""
    return sorted((plan.indicators[c.indicator].attrs["nama"], c.jenis, c.tahun, c.triwulan, c.lama or "",
                   c.baru or "") for c in plan.changes)


def changed_since(con: duckdb.DuckDBPyConnection, plan: ImportPlan, fresh: ImportPlan) -> str:
    """Why a confirm is refused: the values another save changed since the preview, and by whom."""
    before = {row[:4]: row[4] for row in seen(plan)}
    now = {row[:4]: row[4] for row in seen(fresh)}
    values = [f"{nama} ({'target' if jenis != 'realisasi' else 'realisasi'} "
              f"{'tahunan' if tw == 0 else f'TW {tw}'} {tahun}: {before.get(key) or '–'} → kini {now.get(key) or '–'})"
              for key in sorted(set(before) | set(now)) if before.get(key) != now.get(key)
              for nama, jenis, tahun, tw in [key]]
    latest = run(con, "versi_terbaru_unit", {"unit": plan.unit, "tahun": plan.tahun})
    who = (f" (versi {latest.at[0, 'versi']} oleh {latest.at[0, 'diunggah_oleh']}, "
           f"{latest.at[0, 'diunggah_pada']:%d-%m-%Y %H:%M})") if len(latest) else ""
    shown = "; ".join(values[:5]) + (f"; dan {len(values) - 5} nilai lain" if len(values) > 5 else "")
    return (f"sejak pratinjau Anda, data unit {plan.unit} tahun {plan.tahun} sudah diubah oleh penyimpanan lain"
            f"{who}: {shown or 'daftar indikator berubah'}. Tidak ada yang ditulis. Periksa pratinjau yang baru, "
            "lalu tekan Simpan lagi bila nilainya memang harus diganti.")
