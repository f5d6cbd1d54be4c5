"""Plain data passed between reading a workbook, planning an import and writing it."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, named by its place so the user can find and fix it.

    row is the row number as the spreadsheet shows it (1-based); col is the 1-based column index
    (for marking the cell in an annotated copy); column is the header text as written in the file.
    """

    sheet: str
    row: int | None
    column: str | None
    cell: str | None
    message: str
    col: int | None = None
    severity: str = "error"  # "error" blocks the import; "peringatan" does not
    # A stable code of what is wrong (e.g. "angka", "tanggal", "terkunci"), so tests and pages count
    # problems by kind instead of matching the Indonesian message.
    kind: str = "lain"

    def __str__(self) -> str:
        place = [f"Lembar '{self.sheet}'"]
        if self.row is not None:
            place.append(f"baris {self.row}")
        if self.column:
            place.append(f"kolom '{self.column}'")
        if self.cell is not None:
            place.append(f"isi '{self.cell}'")
        label = "Kesalahan" if self.severity == "error" else "Peringatan"
        return f"{label}: {', '.join(place)}: {self.message}"


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
    titles: list[tuple[str, int, str]] = field(default_factory=list)  # (sheet, row, text) above a table
