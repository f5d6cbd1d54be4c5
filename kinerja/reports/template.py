"""The SOP-format workbook a unit fills in: its indicators and targets, realisation left to fill.

Sheet "DATA KINERJA": title rows, then one header row
    NO | KODE | SASARAN | INDIKATOR KINERJA | SATUAN | POLARITAS | AGREGASI | TARGET TAHUNAN |
    TARGET TRIWULAN I-IV | REALISASI TRIWULAN I-IV | KET | FAKTOR PENDORONG | FAKTOR PENGHAMBAT |
    TINDAK LANJUT | BUKTI DUKUNG
and the indicators grouped by sasaran, with program/kegiatan rows (their code in KODE, their name in
INDIKATOR KINERJA) above the indicators that belong to them. The sheet is protected without a
password: only realisation and note cells (and targets not yet set for the year) are
open for input, so the header and the indicator list come back as they went out. Sheet "PETUNJUK"
says how to fill it in. The file, filled in, imports through kinerja.reader with zero errors.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal
from os import PathLike
from pathlib import PurePath
from typing import BinaryIO

import duckdb
import xlsxwriter

from kinerja.model import fmt_plain
from kinerja.present.xlsx_formats import Formats, number_format, print_setup
from kinerja.safety import write_cell
from kinerja.store.queries import run, sql
from kinerja.vocab import ROMAN

SHEET = "DATA KINERJA"


class TemplateFileError(ValueError):
    """A template that cannot be written under the name asked for; the message is for the user."""


QUARTERS = (1, 2, 3, 4)
HEADERS = (["NO", "KODE", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "POLARITAS", "AGREGASI",
            "TARGET TAHUNAN"]
           + [f"TARGET TRIWULAN {ROMAN[q]}" for q in QUARTERS]
           + [f"REALISASI TRIWULAN {ROMAN[q]}" for q in QUARTERS]
           + ["KET", "FAKTOR PENDORONG", "FAKTOR PENGHAMBAT", "TINDAK LANJUT", "BUKTI DUKUNG"])
# The note columns and the notes (catatan) they carry; the reader maps the same headers.
NOTE_COLUMNS = {"KET": "ket", "FAKTOR PENDORONG": "faktor_pendorong", "FAKTOR PENGHAMBAT": "faktor_penghambat",
                "TINDAK LANJUT": "tindak_lanjut_triwulan", "BUKTI DUKUNG": "bukti_dukung"}
COL = {name: i for i, name in enumerate(HEADERS)}
TARGET_COL = {0: COL["TARGET TAHUNAN"], **{q: COL[f"TARGET TRIWULAN {ROMAN[q]}"] for q in QUARTERS}}
REALISASI_COL = {q: COL[f"REALISASI TRIWULAN {ROMAN[q]}"] for q in QUARTERS}
WIDTHS = [5, 12, 30, 45, 10, 11, 12, 12] + [11] * 4 + [12] * 4 + [30] * 5
AGREGASI_TEXT = {"kumulatif": "kumulatif", "nilai_akhir": "nilai akhir", "rata_rata": "rata-rata"}
INPUT_FILL = "#FFF2CC"
BLANK_ROWS = 25  # input rows of a unit that has no indicators yet

PETUNJUK = [
    "PETUNJUK PENGISIAN FORMAT PENGUMPULAN DATA KINERJA",
    "",
    "1. Isi lembar \"DATA KINERJA\". Sel yang boleh diisi berwarna kuning muda: REALISASI TRIWULAN I-IV, "
    "KET, FAKTOR PENDORONG, FAKTOR PENGHAMBAT, TINDAK LANJUT dan BUKTI DUKUNG (serta target yang belum "
    "ditetapkan untuk tahun ini).",
    "2. Jangan mengubah baris judul kolom, nama lembar, kode, nama indikator dan target yang sudah terisi. "
    "Sel tersebut dikunci agar berkas dapat dibaca kembali oleh aplikasi.",
    "3. Tulis angka saja, tanpa satuan. Desimal memakai koma (94,83); titik sebagai pemisah ribuan boleh "
    "(1.900.000). Persentase cukup ditulis angkanya (93) atau dengan tanda persen (93%).",
    "4. Bila data belum ada, kosongkan sel atau tulis \"-\" (bila Excel menanyakan, pilih \"Ya\"). "
    "Jangan menulis 0: angka 0 berarti realisasinya memang nol.",
    "5. Indikator dengan AGREGASI \"kumulatif\" (orang, dokumen, kegiatan, JP): tulis realisasi dengan "
    "cara yang sama dengan target triwulannya. Bila target triwulan adalah jumlah per triwulan, tulis "
    "jumlah triwulan itu saja; bila target triwulan naik hingga TW IV sama dengan target tahunan, "
    "tulis realisasi kumulatif sampai dengan triwulan itu.",
    "6. Indikator dengan AGREGASI \"nilai akhir\" (persen, indeks, nilai, skor): tulis posisi nilai pada "
    "akhir triwulan. AGREGASI \"rata-rata\": tulis nilai triwulan itu.",
    "7. Target berupa rentang ditulis \"80 - 90\".",
    "8. KET: penjelasan singkat, misalnya alasan data belum ada. FAKTOR PENDORONG dan FAKTOR PENGHAMBAT: apa "
    "yang membantu dan yang menghambat capaian triwulan ini. TINDAK LANJUT: langkah pada triwulan berikutnya. "
    "BUKTI DUKUNG: tautan (link) atau nama berkas bukti dukung. Sel yang dikosongkan tidak menghapus catatan "
    "yang sudah tersimpan.",
    "9. Baris berwarna abu-abu dengan kode seperti 5.03.02.2.01 adalah judul program/kegiatan; "
    "indikator di bawahnya termasuk program/kegiatan tersebut. Jangan diisi angka.",
    "10. Simpan sebagai .xlsx, lalu unggah melalui dasbor atau kirim ke Unit Pengelola Data (Sekretariat).",
]


@dataclass
class Indicator:
    record: dict
    targets: dict[int, tuple[Decimal, Decimal]] = field(default_factory=dict)   # 0 = annual
    realisasi: dict[int, Decimal] = field(default_factory=dict)
    notes: dict[str, str | None] = field(default_factory=dict)   # catatan name -> text


def write_template(con: duckdb.DuckDBPyConnection, unit_kode: str, tahun: int, triwulan: int | None,
                   out: str | PathLike | BinaryIO) -> None:
    """Write the unit's template for `tahun` (and `triwulan`, named in the title) to a path or a
    binary file-like object. A path not named .xlsx raises TemplateFileError before anything is
    written (the file is an .xlsx workbook, which a wrong name hides from Excel)."""
    if not hasattr(out, "write") and PurePath(out).suffix.lower() != ".xlsx":
        name = PurePath(out)
        raise TemplateFileError(f"template adalah buku kerja Excel, jadi nama berkasnya harus berakhiran .xlsx, "
                                f"bukan {name.suffix or 'tanpa akhiran'} ('{name}'). "
                                f"Mis. --out {name.with_suffix('.xlsx')}. Tidak ada berkas yang ditulis.")
    unit = unit_row(con, unit_kode)
    indicators, tahun_sumber = load_indicators(con, unit_kode, tahun, triwulan)
    workbook = xlsxwriter.Workbook(out if hasattr(out, "write") else str(out), {"in_memory": True})
    formats = Formats(workbook, {"font_name": "Arial", "font_size": 10})
    ws = workbook.add_worksheet(SHEET)
    title = [
        "FORMAT PENGUMPULAN DATA KINERJA",
        unit["nama"].upper(),
        f"TAHUN {tahun}",
    ] + ([f"TRIWULAN {ROMAN[triwulan]}"] if triwulan else [])
    targets_open = tahun_sumber != tahun
    if indicators and targets_open:
        source = f": daftar indikator diambil dari tahun {tahun_sumber}" if tahun_sumber else ""
        title.append(f"Target tahun {tahun} belum ditetapkan{source}. Isi targetnya pada kolom TARGET.")
    for r, text in enumerate(title):
        ws.write_string(r, 0, text, formats(bold=True, font_size=14 if r == 0 else 11))
    header = len(title) + 1
    write_header(ws, formats, header, triwulan)
    first = header + 1
    if indicators:
        last = write_rows(ws, formats, first, indicators, targets_open)
    else:
        last = write_blank_rows(ws, formats, first)
    validate_numbers(ws, first, last, targets_open or not indicators)
    ws.freeze_panes(first, 0)
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    print_setup(ws, header, header)
    # No password: protection keeps the layout from accidental edits, it is not a secret.
    ws.protect("", {"format_columns": True, "format_rows": True})
    write_petunjuk(workbook, formats)
    ws.activate()
    workbook.close()


def template_bytes(con: duckdb.DuckDBPyConnection, unit_kode: str, tahun: int,
                   triwulan: int | None = None) -> bytes:
    """The template as bytes, for a download button."""
    buffer = io.BytesIO()
    write_template(con, unit_kode, tahun, triwulan, buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- data


def unit_row(con: duckdb.DuckDBPyConnection, unit_kode: str) -> dict:
    units = run(con, "units")
    found = units[units["kode"] == unit_kode]
    if found.empty:
        raise ValueError(f"unit '{unit_kode}' tidak dikenal")
    return found.iloc[0].to_dict()


def records(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> list[dict]:
    """Rows of queries/NAME.sql as dicts, DECIMALs kept exact (a DataFrame would make them floats)."""
    cursor = con.execute(sql(name), params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def load_indicators(con, unit_kode: str, tahun: int, triwulan: int | None) -> tuple[list[Indicator], int | None]:
    """The unit's indicators in sheet order with this year's values, and the year the list came from."""
    params = {"unit": unit_kode, "tahun": tahun}
    rows = records(con, "template_indikator", params)
    indicators = {r["id"]: Indicator(r) for r in rows}
    for value in records(con, "template_nilai", params):
        ind = indicators.get(value["indikator_id"])
        if ind is None:
            continue
        if value["jenis"] == "target":
            ind.targets[value["triwulan"]] = (value["bawah"], value["atas"])
        else:
            ind.realisasi[value["triwulan"]] = value["bawah"]
    for note in records(con, "template_catatan", {**params, "triwulan": triwulan or 0}):
        if (ind := indicators.get(note["indikator_id"])) is not None:
            ind.notes = {name: note[name] for name in NOTE_COLUMNS.values()}
    return list(indicators.values()), rows[0]["tahun_sumber"] if rows else None


def target_value(bounds: tuple[Decimal, Decimal]):
    """A point target as a number; a range as the text "80 - 90" with Indonesian decimal commas,
    which the reader parses whatever decimal convention the rest of the file uses."""
    bawah, atas = bounds
    if bawah == atas:
        return bawah
    return f"{fmt_plain(bawah).replace('.', ',')} - {fmt_plain(atas).replace('.', ',')}"


# --------------------------------------------------------------------------- layout


def write_header(ws, formats: Formats, r: int, triwulan: int | None) -> None:
    style = dict(bold=True, text_wrap=True, align="center", valign="vcenter", border=1)
    for c, text in enumerate(HEADERS):
        asked = triwulan is not None and c == REALISASI_COL[triwulan]
        ws.write_string(r, c, text, formats(**style, bg_color="#FFD966" if asked else "#D9D9D9"))
    ws.set_row(r, 42)


def sheet_lines(indicators: list[Indicator]) -> list[tuple[str, object, dict]]:
    """(kind, payload, record of the indicator the line belongs with), in sheet order:
    ("program"|"kegiatan", (kode, nama), rec) above their indicators, ("indikator", Indicator, rec)."""
    lines: list[tuple[str, object, dict]] = []
    sasaran = program = kegiatan = None
    for ind in indicators:
        rec = ind.record
        if not lines or rec["sasaran_id"] != sasaran:
            sasaran, program, kegiatan = rec["sasaran_id"], None, None
        if rec["program_kode"] != program:
            program, kegiatan = rec["program_kode"], None
            if program:
                lines.append(("program", (program, rec["program_nama"]), rec))
        if rec["kegiatan_kode"] != kegiatan:
            kegiatan = rec["kegiatan_kode"]
            if kegiatan:
                lines.append(("kegiatan", (kegiatan, rec["kegiatan_nama"]), rec))
        lines.append(("indikator", ind, rec))
    return lines


def write_rows(ws, formats: Formats, first: int, indicators: list[Indicator], targets_open: bool) -> int:
    """Write the table body from row `first`; returns its last row."""
    cell = dict(border=1, valign="top", text_wrap=True)
    marker = formats(**cell, bold=True, bg_color="#EDEDED")
    lines = sheet_lines(indicators)
    number = 0
    for r, (kind, payload, _) in enumerate(lines, start=first):
        if kind == "indikator":
            number += 1
            write_indicator(ws, formats, r, number, payload, targets_open, cell)
        else:
            for c in range(len(HEADERS)):
                ws.write_blank(r, c, None, marker)
            write_cell(ws, r, COL["KODE"], payload[0], marker)
            write_cell(ws, r, COL["INDIKATOR KINERJA"], payload[1], marker)
    # SASARAN written once, merged over the rows of its sasaran (program/kegiatan rows included)
    top = first
    for i, (_, _, rec) in enumerate(lines):
        if i + 1 == len(lines) or lines[i + 1][2]["sasaran_id"] != rec["sasaran_id"]:
            write_sasaran(ws, formats(**cell, bold=True), top, first + i, rec["sasaran"])
            top = first + i + 1
    return first + len(lines) - 1


def write_indicator(ws, formats: Formats, r: int, number: int, ind: Indicator, targets_open: bool,
                    cell: dict) -> None:
    rec = ind.record
    ws.write_number(r, COL["NO"], number, formats(**cell, align="center"))
    ws.write_blank(r, COL["SASARAN"], None, formats(**cell))
    for name, value in (("KODE", rec["kode"]), ("INDIKATOR KINERJA", rec["nama"]),
                        ("SATUAN", rec["satuan"]), ("POLARITAS", rec["polaritas"]),
                        ("AGREGASI", AGREGASI_TEXT.get(rec["agregasi"], rec["agregasi"]))):
        write_cell(ws, r, COL[name], value, formats(**cell))
    open_input = dict(cell, locked=False, bg_color=INPUT_FILL)
    for q, c in TARGET_COL.items():
        value = target_value(ind.targets[q]) if q in ind.targets else None
        style = open_input if targets_open else cell
        write_cell(ws, r, c, value, formats(**style, **number_style(value)))
    for q, c in REALISASI_COL.items():
        value = ind.realisasi.get(q)
        write_cell(ws, r, c, value, formats(**open_input, **number_style(value)))
    for column, name in NOTE_COLUMNS.items():
        write_cell(ws, r, COL[column], ind.notes.get(name), formats(**open_input))


def number_style(value) -> dict:
    if value is None or isinstance(value, str):
        return {"align": "center"} if isinstance(value, str) else {}
    return {"num_format": number_format(value)}


def write_sasaran(ws, fmt, top: int, bottom: int, text: str | None) -> None:
    if not text:
        return
    if bottom > top:
        # merge_range writes with write(), which would make "=..." a formula: write the text after
        ws.merge_range(top, COL["SASARAN"], bottom, COL["SASARAN"], "", fmt)
    write_cell(ws, top, COL["SASARAN"], text, fmt)


def write_blank_rows(ws, formats: Formats, first: int) -> int:
    """A unit without indicators gets an open table to type its indicators and targets into."""
    fmt = formats(border=1, valign="top", text_wrap=True, locked=False, bg_color=INPUT_FILL)
    for r in range(first, first + BLANK_ROWS):
        for c in range(len(HEADERS)):
            ws.write_blank(r, c, None, fmt)
    return first + BLANK_ROWS - 1


def validate_numbers(ws, first: int, last: int, targets_open: bool) -> None:
    """Number cells accept numbers; anything else asks first, so "-" (no data) can still be kept."""
    number = {
        "validate": "decimal", "criteria": "between",
        "minimum": -10**15, "maximum": 10**15,
        "input_title": "Isi angka realisasi",
        "input_message": "Angka saja, tanpa satuan, mis. 94,83 atau 1.900.000. Kosongkan atau tulis "
                         "\"-\" bila data belum ada (bukan 0).",
        "error_type": "warning",
        "error_title": "Bukan angka",
        "error_message": "Isian ini bukan angka. Tulis angka saja (mis. 94,83), atau \"-\" bila data "
                         "belum ada. Tetap simpan isian ini?",
    }
    for c in REALISASI_COL.values():
        ws.data_validation(first, c, last, c, number)
    if targets_open:
        # targets may be ranges ("80 - 90"): no type check, only the hint
        hint = {"validate": "any", "input_title": "Isi target",
                "input_message": "Angka saja, mis. 93 atau 0,48; rentang ditulis \"80 - 90\"."}
        for c in TARGET_COL.values():
            ws.data_validation(first, c, last, c, hint)


def write_petunjuk(workbook, formats: Formats) -> None:
    ws = workbook.add_worksheet("PETUNJUK")
    ws.set_column(0, 0, 110)
    for r, text in enumerate(PETUNJUK):
        ws.write_string(r, 0, text, formats(text_wrap=True, valign="top", bold=r == 0))
    print_setup(ws)
