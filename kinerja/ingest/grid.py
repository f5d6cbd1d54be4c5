"""Typed cells, and the bounded grid every reader fills: the limits of what is read.

Every reader (xlsx/xlsm, ods, xls, an HTML table saved as .xls, csv) is bounded by what the file
really holds, never by what it declares: the limits below are checked before a cell, a text or an
XML part is taken into memory, and a file past them is refused with a message saying what was too
large and what to do. Within the limits a file reads in well under 500 MB and 10 s on the project's
2-core machine (bench/bench_reading.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kinerja.ingest.datetext import date_text
from kinerja.numbers import NumberError, format_angka, from_excel_number
from kinerja.safety import printable

MEGABYTE = 1024 * 1024

# Limits of what is read (Excel's own cell limit for text; a unit's table is at most a few
# thousand rows of some twenty columns, Formulir E.81 about fifty).
MAX_FILE_BYTES = 20 * MEGABYTE      # the file as uploaded
MAX_XML_BYTES = 64 * MEGABYTE       # all XML parts of an .xlsx/.ods together, unpacked
MAX_ROWS = 25_000                   # the last row holding something, per sheet
MAX_COLUMNS = 256                   # the last column holding something (IV), per sheet
MAX_CELLS = 300_000                 # non-empty cells (and merged ranges) in the whole file
MAX_XML_CELLS = 2_000_000           # cell elements (and shared texts) read, empty cells with only a format too
MAX_TEXT = 32_767                   # characters in one cell, as in Excel
MAX_SHEETS = 255


class ReadError(ValueError):
    """The file cannot be read at all (corrupt, protected, unknown type, too large); message in Bahasa Indonesia."""


@dataclass(slots=True)
class Cell:
    value: object = None       # float/int for numbers, str for text, None for empty
    kind: str = "empty"        # 'number' | 'text' | 'empty' | 'bool' | 'date' | 'formula_no_value' | 'error'
    percent: bool = False      # formatted as a percentage: holds a fraction of what it shows
    fmt: str | None = None     # the number format code of a number or date cell, as the file gives it

    @property
    def text(self) -> str:
        """The cell as a person sees it (for messages)."""
        if self.kind == "empty":
            return ""
        if self.kind == "date":
            return date_text(self.value, self.fmt)
        if self.kind == "number":
            shown = self.value * 100 if self.percent else self.value
            text = repr(shown) if isinstance(shown, float) else str(shown)
            text = text[:-2] if text.endswith(".0") else text
            return f"{text}%" if self.percent else text
        return str(self.value)

    @property
    def shown(self) -> str:
        """The cell as its user wrote and sees it, for quoting in messages: a text as typed ("0.21"
        stays "0.21"); a number the Indonesian way ("94,5", "1.900.000.000", "85%"). Cell.text keeps
        a number's machine form ("94.5") for reading."""
        if self.kind != "number" or isinstance(self.value, bool):
            return self.text
        try:
            shown = format_angka(from_excel_number(self.value, self.percent))
        except NumberError:
            return self.text
        return f"{shown}%" if self.percent else shown


EMPTY = Cell()  # pads rows; cells are never changed after reading


def text_cell(text: str) -> Cell | None:
    """A text cell as its user sees it: escape sequences and control characters dropped (they
    break terminals, workbooks and documents later), outer spaces trimmed; None when nothing is left."""
    clean = printable(text).strip()
    return Cell(clean, "text") if clean else None


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    hidden: bool = False
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (r1, c1, r2, c2), 0-based inclusive

    def cell(self, r: int, c: int) -> Cell:
        row = self.rows[r] if r < len(self.rows) else []
        return row[c] if c < len(row) else EMPTY

    @property
    def is_empty(self) -> bool:
        return all(cell.kind == "empty" for row in self.rows for cell in row)


def check_file_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise ReadError(f"ukuran berkas {format_angka(size / MEGABYTE, 1)} MB melebihi batas "
                        f"{MAX_FILE_BYTES // MEGABYTE} MB. Hapus lembar yang tidak perlu (gambar, lampiran) lalu "
                        "simpan ulang.")


def column_letter(c: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 255 -> IV, 16383 -> XFD)."""
    letters = ""
    c += 1
    while c:
        c, rest = divmod(c - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def too_large(sheet: str, r: int, c: int) -> ReadError:
    """A sheet holding something past MAX_ROWS x MAX_COLUMNS (0-based r, c of that cell)."""
    return ReadError(
        f"lembar '{sheet}' berisi sesuatu di sel {column_letter(c)}{r + 1} (baris {format_angka(r + 1)}, kolom "
        f"{column_letter(c)}), di luar batas yang dibaca: {format_angka(MAX_ROWS)} baris dan {MAX_COLUMNS} kolom "
        f"(sampai kolom {column_letter(MAX_COLUMNS - 1)}). Hapus isi di luar tabel (blok baris dan kolom kosong di "
        "bawah dan di kanan tabel, lalu Hapus), simpan, dan unggah lagi; tabel yang memang sebesar itu, pecah "
        "menjadi beberapa berkas.")


def text_too_long(sheet: str, place: str, length: int) -> ReadError:
    return ReadError(f"lembar '{sheet}', {place}: teks sepanjang lebih dari {format_angka(length)} karakter, "
                     f"di atas batas {format_angka(MAX_TEXT)} karakter per sel (batas Excel). Perpendek teksnya "
                     "atau pindahkan ke berkas lain, simpan, lalu unggah lagi.")


def too_many_cells() -> ReadError:
    return ReadError(f"berkas berisi lebih dari {format_angka(MAX_CELLS)} sel terisi, di atas batas yang dibaca. "
                     "Hapus lembar yang tidak perlu atau pecah berkas per unit atau per triwulan, lalu unggah lagi.")


def too_many_elements(sheet: str) -> ReadError:
    return ReadError(f"lembar '{sheet}' membawa lebih dari {format_angka(MAX_XML_CELLS)} sel, kebanyakan sel kosong "
                     "yang hanya diberi format. Hapus format di luar tabel (blok baris dan kolom kosong di bawah dan "
                     "di kanan tabel, lalu Hapus Semua / Clear All), simpan, dan unggah lagi.")


class Grid:
    """The non-empty cells of one sheet as a reader finds them, refused past the limits before they
    are kept; `sheet()` lays them out as rows. One `budget` ([filled cells, cell elements]) counts
    the whole file's."""

    def __init__(self, name: str, budget: list[int]):
        self.name, self.budget = name, budget
        self.cells: dict[int, dict[int, Cell]] = {}
        self.merged: list[tuple[int, int, int, int]] = []

    def put(self, r: int, c: int, cell: Cell) -> None:
        if r >= MAX_ROWS or c >= MAX_COLUMNS or r < 0 or c < 0:
            raise too_large(self.name, r, c)
        if cell.kind == "text" and len(cell.value) > MAX_TEXT:
            raise text_too_long(self.name, f"sel {column_letter(c)}{r + 1}", MAX_TEXT)
        self.count(1)
        self.cells.setdefault(r, {})[c] = cell

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        """A merged range; clipped to the limits (a range over empty rows holds nothing)."""
        r2, c2 = min(r2, MAX_ROWS - 1), min(c2, MAX_COLUMNS - 1)
        if r1 > r2 or c1 > c2 or (r1, c1) == (r2, c2):
            return
        self.count(1)
        self.merged.append((r1, c1, r2, c2))

    def element(self) -> None:
        """One more cell element read, empty or not: empty ones cost time too."""
        self.budget[1] += 1
        if self.budget[1] > MAX_XML_CELLS:
            raise too_many_elements(self.name)

    def count(self, n: int) -> None:
        self.budget[0] += n
        if self.budget[0] > MAX_CELLS:
            raise too_many_cells()

    def sheet(self, hidden: bool = False) -> Sheet:
        height = max(self.cells, default=-1) + 1
        rows = []
        for r in range(height):
            found = self.cells.get(r)
            if not found:
                rows.append([])
                continue
            row = [EMPTY] * (max(found) + 1)
            for c, cell in found.items():
                row[c] = cell
            rows.append(row)
        return Sheet(self.name, rows, hidden, self.merged)


def excel_date(serial: float, date1904: bool = False) -> datetime | float:
    """An Excel date serial as a datetime (1900 system with its 29 Feb 1900, or 1904); the serial
    itself when it is out of range."""
    try:
        if date1904:
            return datetime(1904, 1, 1) + timedelta(days=serial)
        # Serial 60 is Excel's 29 Feb 1900; serials before it are one day early.
        return datetime(1899, 12, 30 if serial >= 61 else 31) + timedelta(days=serial)
    except (OverflowError, ValueError):
        return serial
