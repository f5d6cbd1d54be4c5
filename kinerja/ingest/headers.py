"""Find the header of a unit's table however it is laid out, and say what each column holds."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kinerja.ingest.cells import Cell, Sheet
from kinerja.vocab import END_OF_PERIOD

SCAN_ROWS = 40
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_QUARTER = re.compile(r"(?:TRIWULAN|TRIW|TW|Q)\s*(?:KE)?\s*-?\s*(IV|III|II|I|[1-4])\b")
_BARE_QUARTER = re.compile(r"^(IV|III|II|I|[1-4])$")
_YEAR = re.compile(r"\b(20\d\d)\b")


@dataclass
class Header:
    top: int                         # 0-based first header row
    data_start: int                  # 0-based first row after the header (and its column-number row)
    labels: dict[int, str]           # column index -> label joined top to bottom, as written
    fields: dict[str, int] = field(default_factory=dict)            # single-column fields
    target_tw: dict[int, int] = field(default_factory=dict)         # quarter -> column
    realisasi_tw: dict[int, int] = field(default_factory=dict)      # quarter -> column
    target_renstra: dict[int, int] = field(default_factory=dict)    # year (END_OF_PERIOD: none named) -> column
    anggaran_tw: dict[int, int] = field(default_factory=dict)       # quarter -> REALISASI ANGGARAN column
    units: dict[int, str] = field(default_factory=dict)   # Formulir E.81 sub-columns: column -> "K" | "%" | "RP"
    agregasi: str | None = None      # what the form declares for every indicator (E.81: kumulatif)

    @property
    def is_e81(self) -> bool:
        """Formulir E.81 (Permendagri 86/2017): numbered columns split into K / Rp sub-columns, or
        without them the form's own column titles (the Renja target and the quarters' realisation)."""
        if "K" in self.units.values():
            return True
        texts = [(set(norm(label).split()), quarter_of(label)) for label in self.labels.values()]
        return any({"TARGET", "RENJA"} <= words for words, _ in texts) and \
            any("REALISASI" in words and q for words, q in texts) and \
            not any("TARGET" in words and q for words, q in texts)   # E.81 has no quarterly targets


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^0-9A-Z%]+", " ", text.upper())).strip()


def quarter_of(label: str) -> int | None:
    """The quarter a header names: "TRIWULAN 1", "Triwulan I", "TW 1", "TW1", "Tw. I", "TRIW. I", "Q1"."""
    n = norm(label)
    match = _QUARTER.search(n)
    if match:
        q = match.group(1)
        return ROMAN.get(q) or int(q)
    last = n.split(" ")[-1] if n else ""
    return (ROMAN.get(last) or int(last)) if _BARE_QUARTER.match(last) and len(n.split(" ")) > 1 else None


_COLUMN_NUMBER = re.compile(r"^\(?(\d+)\)?(?:\s*=.*)?$")   # "7", "(7)", "13 = 9 + 10 + 11 + 12"
UNIT_WORDS = {"K": "K", "%": "%", "RP": "RP", "RP.": "RP", "RUPIAH": "RP", "(K)": "K", "(RP)": "RP", "(%)": "%"}


def is_column_number_row(row: list[Cell]) -> bool:
    """A row of column numbers (1, 2, 3, …) printed under the header; a computed column may say how
    it is computed (E.81: "13 = 9 + 10 + 11 + 12")."""
    values = [c for c in row if c.kind != "empty"]
    if len(values) < 5:
        return False
    numbers = []
    for cell in values:
        if cell.kind == "number" and float(cell.value).is_integer():
            numbers.append(int(cell.value))
        elif cell.kind == "text" and (match := _COLUMN_NUMBER.match(cell.value.strip())):
            numbers.append(int(match.group(1)))
        else:
            return False
    # 1, 2, 3, …; a number may repeat over the sub-columns it spans (E.81: 5 over K and over Rp)
    return numbers[0] <= 1 and all(b - a in (0, 1) for a, b in zip(numbers, numbers[1:])) and numbers[-1] > numbers[0]


def unit_row(row: list[Cell]) -> dict[int, str]:
    """The K / % / Rp sub-columns of Formulir E.81 (column -> "K" | "%" | "RP"); {} for any other row."""
    units = {}
    for c, cell in enumerate(row):
        if cell.kind == "empty":
            continue
        word = cell.text.strip().upper()
        if cell.kind != "text" or word not in UNIT_WORDS:
            return {}
        units[c] = UNIT_WORDS[word]
    return units if "K" in units.values() else {}


# Words that appear in the lower rows of a header (under "TARGET", "TRIWULAN", "REALISASI" …).
HEADER_WORDS = {"TAHUN", "TAHUNAN", "TARGET", "REALISASI", "TRIWULAN", "TRIW", "TW", "Q", "CAPAIAN", "KET",
                "KETERANGAN", "SATUAN", "RENSTRA", "AKHIR", "PERIODE", "K", "RP", "KINERJA", "ANGGARAN", "PAGU",
                "I", "II", "III", "IV", "1", "2", "3", "4", "%"}


def _is_header_word_row(row: list[Cell]) -> bool:
    """A row that only continues a header: quarter labels, TAHUNAN, TARGET, REALISASI, …"""
    values = [c for c in row if c.kind != "empty"]
    if not values:
        return False
    for cell in values:
        words = norm(cell.text).split()
        if cell.kind not in ("text", "number") or not all(
                w in HEADER_WORDS or quarter_of(w) or _YEAR.fullmatch(w) for w in words):
            return False
    return True


def find_header(sheet: Sheet) -> Header | None:
    for r in range(min(SCAN_ROWS, len(sheet.rows))):
        row = sheet.rows[r]
        # A title such as "FORMAT DATA INDIKATOR KINERJA" is one cell; a header has several.
        if sum(c.kind != "empty" for c in row) >= 2 and any(
                c.kind == "text" and "INDIKATOR" in norm(c.value) for c in row):
            return _build(sheet, r)
    return None


def _build(sheet: Sheet, top: int) -> Header:
    # The header reaches as far down as the cells of its top row are merged, then any rows that
    # only carry header words (quarters under "TRIWULAN", "TAHUNAN" under "TARGET").
    bottom = top
    for r1, c1, r2, c2 in sheet.merged:
        if r1 == top:
            bottom = max(bottom, min(r2, len(sheet.rows) - 1))
    while bottom + 1 < len(sheet.rows) and bottom - top < 3 and _is_header_word_row(sheet.rows[bottom + 1]) \
            and not is_column_number_row(sheet.rows[bottom + 1]) and not unit_row(sheet.rows[bottom + 1]):
        bottom += 1
    # Formulir E.81's K / % / Rp row: inside the header (merged cells reach down to it) or right
    # under it, before or after the row of column numbers.
    data_start, unit_at = bottom + 1, None
    for _ in range(2):
        if data_start < len(sheet.rows) and is_column_number_row(sheet.rows[data_start]):
            data_start += 1
        elif data_start < len(sheet.rows) and unit_at is None and unit_row(sheet.rows[data_start]):
            unit_at, data_start = data_start, data_start + 1
    unit_at = next((r for r in range(top + 1, bottom + 1) if unit_row(sheet.rows[r])), unit_at)
    units = unit_row(sheet.rows[unit_at]) if unit_at is not None else {}
    width = max((len(sheet.rows[r]) for r in range(top, bottom + 1)), default=0)
    # Only the header's own cells are looked up: a merged range may cover a whole sheet.
    merged_at = {}
    for r1, c1, r2, c2 in sheet.merged:
        if r1 <= bottom and r2 >= top:
            for r in range(max(r1, top), min(r2, bottom) + 1):
                for c in range(c1, min(c2, width) + 1):
                    merged_at[(r, c)] = (r1, c1)
    labels = {}
    for c in range(width):
        parts = []
        for r in range(top, bottom + 1):
            origin = merged_at.get((r, c), (r, c))
            text = sheet.cell(*origin).text.strip()
            if r != unit_at and text and (not parts or parts[-1] != text):
                parts.append(text)
        if c in units:   # "Realisasi Kinerja Pada Triwulan I (K)", as the form shows it
            parts.append(f"({sheet.cell(unit_at, c).text.strip()})")
        if parts:
            labels[c] = " ".join(parts)
    header = Header(top, data_start, labels, units=units)
    if header.is_e81:
        _map_e81(header)
    else:
        _map_fields(header)
    return header


def _map_fields(header: Header) -> None:
    plain_targets = []
    for c, label in header.labels.items():
        n = norm(label)
        words = set(n.split())
        q = quarter_of(label)
        if "CAPAIAN" in words:
            continue  # capaian is computed, never imported
        if words & {"PAGU", "ANGGARAN"}:
            # budget (Rp) of program/kegiatan rows: PAGU / ANGGARAN / PAGU ANGGARAN, REALISASI ANGGARAN [TW]
            if "REALISASI" not in words:
                header.fields.setdefault("pagu", c)
            elif q:
                header.anggaran_tw.setdefault(q, c)
            else:
                header.fields.setdefault("realisasi_anggaran", c)
            continue
        # The notes units send with their numbers (template: FAKTOR PENDORONG | FAKTOR PENGHAMBAT |
        # TINDAK LANJUT), before KEGIATAN/PROGRAM would claim "TINDAK LANJUT KEGIATAN".
        if "PENDORONG" in words or "PENDUKUNG" in words:
            name = "faktor_pendorong"
        elif "PENGHAMBAT" in words or "KENDALA" in words or "HAMBATAN" in words:
            name = "faktor_penghambat"
        elif {"TINDAK", "LANJUT"} <= words or "TINDAKLANJUT" in words:
            name = "tindak_lanjut_renja" if "RENJA" in words else "tindak_lanjut_triwulan"
        elif "KODE" in words:
            name = "kode"
        elif "INDIKATOR" in words:
            name = "indikator"
        elif "SASARAN" in words:
            name = "sasaran"
        elif "PROGRAM" in words or "KEGIATAN" in words:
            name = "program"
        elif words & {"NO", "NOMOR"}:
            name = "no"
        elif "SATUAN" in words:
            name = "satuan"
        elif words & {"POLARITAS", "SIFAT"}:
            name = "polaritas"
        elif "AGREGASI" in words:
            name = "agregasi"
        elif "BUKTI" in words:
            name = "bukti_dukung"
        elif words & {"KET", "KETERANGAN", "CATATAN"}:
            name = "ket"
        elif "REALISASI" in words:
            if q:
                header.realisasi_tw.setdefault(q, c)
                continue
            name = "realisasi"
        elif "TARGET" in words or q:
            if "RENSTRA" in words or "AKHIR" in words:
                year = _YEAR.search(n)
                header.target_renstra.setdefault(int(year.group(1)) if year else END_OF_PERIOD, c)
                continue
            if q:
                header.target_tw.setdefault(q, c)
                continue
            if "TAHUNAN" in words or "TAHUN" in words or not _YEAR.search(n):
                name = "target_tahunan"
            else:
                plain_targets.append((int(_YEAR.search(n).group(1)), c))
                continue
        else:
            continue
        header.fields.setdefault(name, c)
    # "TARGET 2021 … TARGET 2026": one such column is this year's target, several are the Renstra's.
    if len(plain_targets) == 1 and "target_tahunan" not in header.fields:
        header.fields["target_tahunan"] = plain_targets[0][1]
    else:
        for year, c in plain_targets:
            header.target_renstra.setdefault(year, c)


def _map_e81(header: Header) -> None:
    """Formulir E.81 (Permendagri 86/2017, evaluasi hasil Renja; spec/capaian.md): the target is the
    K sub-column of the Renja target of the year, the realisation the K sub-column of each quarter
    (amounts of that quarter: column 13 = 9 + 10 + 11 + 12, so every indicator is kumulatif), the
    budget the Rp sub-columns. The % sub-columns, the Renstra columns and the computed totals are
    not read."""
    header.agregasi = "kumulatif"
    unit_of = dict(header.units)
    for c, label in header.labels.items():
        words = set(norm(label).split())
        unit = unit_of.get(c)
        if unit is None and words & {"TARGET", "REALISASI", "CAPAIAN"}:
            unit = "K"   # a form without K / Rp sub-columns: its numbers are K
        if unit is None:
            if "INDIKATOR" in words:
                header.fields.setdefault("indikator", c)
            elif "PROGRAM" in words or "KEGIATAN" in words:
                header.fields.setdefault("program", c)
            elif "SASARAN" in words and "RPJMD" not in words:
                header.fields.setdefault("sasaran", c)
            elif words & {"NO", "NOMOR"} and len(words) == 1:
                header.fields.setdefault("no", c)
            elif "SATUAN" in words:
                header.fields.setdefault("satuan", c)
            elif "KODE" in words:
                header.fields.setdefault("kode_program", c)
            elif words & {"KET", "KETERANGAN"}:
                header.fields.setdefault("ket", c)
            continue
        if "RENSTRA" in words:
            continue
        quarter = quarter_of(norm(label).rsplit(" ", 1)[0] if c in unit_of else label)   # without "(K)"
        if "TARGET" in words and "RENJA" in words:
            header.fields.setdefault("target_tahunan" if unit == "K" else "pagu" if unit == "RP" else "", c)
        elif "REALISASI" in words and quarter:
            if unit == "K":
                header.realisasi_tw.setdefault(quarter, c)
            elif unit == "RP":
                header.anggaran_tw.setdefault(quarter, c)
        elif "REALISASI" in words and words & {"CAPAIAN", "DIEVALUASI"} and unit == "K":
            # "Realisasi (capaian kinerja dan anggaran) Renja yang dievaluasi", column 13: the year's
            # total, checked against the quarters, not read
            header.fields.setdefault("realisasi_renja", c)
    header.fields.pop("", None)
