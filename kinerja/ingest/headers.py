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


def is_column_number_row(row: list[Cell]) -> bool:
    """A row of column numbers (1, 2, 3, …) printed under the header."""
    values = [c for c in row if c.kind != "empty"]
    if len(values) < 5:
        return False
    try:
        numbers = [int(float(str(c.value).strip("() "))) for c in values]
    except ValueError:
        return False
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) and numbers[0] <= 1


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
    merged_at = {}
    for r1, c1, r2, c2 in sheet.merged:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                merged_at[(r, c)] = (r1, c1)
    # The header reaches as far down as the cells of its top row are merged, then any rows that
    # only carry header words (quarters under "TRIWULAN", "TAHUNAN" under "TARGET").
    bottom = top
    for r1, c1, r2, c2 in sheet.merged:
        if r1 == top:
            bottom = max(bottom, r2)
    while bottom + 1 < len(sheet.rows) and bottom - top < 3 and _is_header_word_row(sheet.rows[bottom + 1]) \
            and not is_column_number_row(sheet.rows[bottom + 1]):
        bottom += 1
    width = max((len(sheet.rows[r]) for r in range(top, bottom + 1)), default=0)
    labels = {}
    for c in range(width):
        parts = []
        for r in range(top, bottom + 1):
            origin = merged_at.get((r, c), (r, c))
            text = sheet.cell(*origin).text.strip()
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        if parts:
            labels[c] = " ".join(parts)
    data_start = bottom + 1
    if data_start < len(sheet.rows) and is_column_number_row(sheet.rows[data_start]):
        data_start += 1
    header = Header(top, data_start, labels)
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
        if "KODE" in words:
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
