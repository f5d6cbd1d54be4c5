"""Plain data passed between reading a workbook, planning an import and writing it."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.vocab import NOTES


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, named by its place so the user can find and fix it.

    row is the row number as the spreadsheet shows it (1-based); col is the 1-based column index
    (for marking the cell in an annotated copy); column is the header text as written in the file.
    """

    sheet: str | None   # None: the problem is with the whole file, not a place in one sheet
    row: int | None
    column: str | None
    cell: str | None
    message: str
    col: int | None = None
    severity: str = "error"  # "error" blocks the import; "peringatan" and "pertanyaan" (asked in the preview) do not
    # A stable code of what is wrong (e.g. "angka", "tanggal", "terkunci"), so tests and pages count
    # problems by kind instead of matching the Indonesian message.
    kind: str = "lain"

    def __str__(self) -> str:
        place = [f"Lembar '{self.sheet}'"] if self.sheet is not None else []
        if self.row is not None:
            place.append(f"baris {self.row}")
        if self.column:
            place.append(f"kolom '{self.column}'")
        if self.cell is not None:
            place.append(f"isi '{self.cell}'")
        label = {"error": "Kesalahan", "pertanyaan": "Pertanyaan"}.get(self.severity, "Peringatan")
        return f"{label}: {', '.join(place) + ': ' if place else ''}{self.message}"


@dataclass(frozen=True)
class TargetValue:
    """A target: a point (bawah == atas) or a range such as "80 - 90"."""

    bawah: Decimal
    atas: Decimal
    teks: str | None = None  # as written, kept for ranges

    @property
    def is_range(self) -> bool:
        return self.bawah != self.atas

    def canonical(self) -> str:
        """Machine text: "93" or "80 - 90" (dot decimals)."""
        if self.is_range:
            return f"{fmt_plain(self.bawah)} - {fmt_plain(self.atas)}"
        return fmt_plain(self.bawah)


def fmt_plain(value: Decimal) -> str:
    """Shortest dot-decimal text of a Decimal, without exponent: 94.830000 -> "94.83"."""
    return format(value.normalize(), "f")


@dataclass
class ParsedRow:
    """One indicator row as read from a sheet (no database lookups yet)."""

    sheet: str
    row: int
    nama: str                       # indicator name as written
    kode: str | None = None
    sasaran: str | None = None      # carried down from merged/blank cells or a sasaran row
    program: tuple[str, str] | None = None   # (kode, nama) of the program row above
    kegiatan: tuple[str, str] | None = None  # (kode, nama) of the kegiatan row above
    satuan: str | None = None
    polaritas: str | None = None    # 'positif' | 'negatif' when the file says so
    agregasi: str | None = None     # 'kumulatif' | 'nilai_akhir' | 'rata_rata' when the file says so
    target_tahunan: TargetValue | None = None
    target_triwulan: dict[int, TargetValue] = field(default_factory=dict)   # 1..4
    target_renstra: dict[int, TargetValue] = field(default_factory=dict)    # tahun (vocab.END_OF_PERIOD) -> target
    realisasi: dict[int, Decimal] = field(default_factory=dict)             # 1..4
    konvensi: str | None = None     # detected: 'per_triwulan' | 'kumulatif' (kumulatif rows only)
    ket: str | None = None
    bukti_dukung: str | None = None
    # Where the row's values are, as the file names its columns: "indikator", "target_tahunan",
    # "target_tw<q>", "realisasi_tw<q>" -> (header text as written, 1-based column). Messages about
    # the row name only these columns: a column the file does not have is never named.
    columns: dict[str, tuple[str, int]] = field(default_factory=dict)

    # The cells (kinerja.ingest.grid.Cell) of those columns on this row as read, for quoting them as
    # their user wrote them (quoted), never as the values were read from them.
    cells: dict[str, object] = field(default_factory=dict)

    def column(self, key: str) -> tuple[str | None, int | None]:
        """(header text, 1-based column) of a column of this row's file, (None, None) when it has none."""
        return self.columns.get(key, (None, None))

    def quoted(self, key: str) -> str | None:
        """The text of this row's cell in column `key` as its user wrote and sees it (Cell.shown:
        "0.21" typed as text stays "0.21", the number 94.5 is "94,5"); None when it has no cell there."""
        cell = self.cells.get(key)
        return None if cell is None or cell.kind == "empty" else cell.shown

    faktor_pendorong: str | None = None
    faktor_penghambat: str | None = None
    tindak_lanjut_triwulan: str | None = None
    tindak_lanjut_renja: str | None = None

    @property
    def notes(self) -> dict[str, str]:
        """The notes the row gives (vocab.NOTES names); a blank cell gives none."""
        return {k: getattr(self, k) for k in NOTES if getattr(self, k)}


@dataclass
class ParsedBudget:
    """Pagu and realisasi anggaran (Rp) on a program or kegiatan row."""

    sheet: str
    row: int
    kode: str
    nama: str
    program: tuple[str, str] | None = None   # a kegiatan's program (kode, nama)
    pagu: Decimal | None = None
    realisasi: dict[int, Decimal] = field(default_factory=dict)             # 1..4


class HasProblems:
    """Splits a `problems` list into the errors that block and the warnings that do not."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]


@dataclass(frozen=True)
class RowFate:
    """What became of one non-empty row of a table, so that no row is lost without a word.

    fate: "indikator" (read as an indicator row), "judul" (a heading: sasaran, program, kegiatan,
    urusan, unit) or "dilewati" (skipped; `reason` says why, in Bahasa Indonesia).
    """

    sheet: str
    row: int          # as the spreadsheet shows it (1-based)
    fate: str
    reason: str


@dataclass
class ParsedWorkbook(HasProblems):
    """Everything read from one file: rows, problems and what was skipped."""

    filename: str
    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_sheets: list[tuple[str, str]] = field(default_factory=list)  # (sheet, reason)
    quarters: set[int] = field(default_factory=set)   # quarters with a realisation column
    has_targets: bool = False                          # a target column was found
    budgets: list[ParsedBudget] = field(default_factory=list)   # program/kegiatan rows with Rp
    # (sheet, row, column, text) of every text cell above a table; row and column 1-based
    titles: list[tuple[str, int, int, str]] = field(default_factory=list)
    fates: list[RowFate] = field(default_factory=list)   # every non-empty row below a table's header

    def fate_counts(self) -> dict[str, int]:
        """How many table rows were read as indicators, taken as headings, skipped."""
        counts = {"indikator": 0, "judul": 0, "dilewati": 0}
        for fate in self.fates:
            counts[fate.fate] += 1
        return counts
