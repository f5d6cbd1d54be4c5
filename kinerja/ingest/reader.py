"""Read a unit's workbook into indicator rows, collecting every problem with its place."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kinerja.ingest.cells import Sheet, read_sheets
from kinerja.ingest.headers import SCAN_ROWS, Header, find_header, norm, quarter_of
from kinerja.model import (
    ParsedBudget,
    ParsedRow,
    ParsedWorkbook,
    Problem,
    RowFate,
    TargetValue,
)
from kinerja.numbers import (
    NumberError,
    detect_decimal,
    format_angka,
    from_excel_number,
    is_range_shaped,
    parse_number,
    parse_target,
    says_no_data,
)
from kinerja.vocab import NOTES

_CODE = re.compile(r"^\s*(\d+(?:\.\d+){2,})\b\.?\s*(.*)$")
_SASARAN_ROW = re.compile(r"^\s*sasaran(?:\s+strategis)?\s*[\dIVX]*\s*[:.\-]\s*(.+)$", re.I)
_UNIT_ROW = re.compile(r"^\s*(perangkat daerah|unit kerja|opd|skpd|satuan kerja)\s*:", re.I)
# Rows that sum up the table or close Formulir E.81: computed again here, never imported.
_TOTAL_ROW = re.compile(r"^\s*(jumlah|total|rata-rata|rata rata|rerata|predikat|faktor pendorong|faktor penghambat|"
                        r"tindak lanjut)\b", re.I)
_FOOTER = re.compile(r"^\s*(mengetahui|samarinda\b|kepala\b|nip\b|nip\.|plt\b|pembina\b|penata\b|sekretaris\b|"
                     r"kasubbag\b|\(\s*tanda tangan|tanda tangan|jabatan fungsional perencana)", re.I)
DATE_IN_NUMBER = ("berisi tanggal, bukan angka: Excel mengubah angka yang diketik menjadi tanggal (mis. 25.9 atau "
                  "4-5). Ubah format sel menjadi Number (Angka), lalu ketik ulang angkanya.")
NILAI_AKHIR_SATUAN = {"%", "persen", "persentase", "indeks", "nilai", "skor", "rasio", "predikat",
                      "hari", "bulan", "jam"}
POLARITAS = {
    "positif": "positif", "(+)": "positif", "+": "positif", "maksimal": "positif", "maksimalkan": "positif",
    "semakin tinggi semakin baik": "positif", "negatif": "negatif", "(-)": "negatif",
    "minimal": "negatif", "minimalkan": "negatif", "semakin rendah semakin baik": "negatif",
}
AGREGASI = {
    "kumulatif": "kumulatif", "akumulasi": "kumulatif", "akumulatif": "kumulatif", "jumlah": "kumulatif",
    "nilai akhir": "nilai_akhir", "terakhir": "nilai_akhir",
    "posisi": "nilai_akhir", "rata-rata": "rata_rata", "rata rata": "rata_rata",
    "rerata": "rata_rata",
}


FORMATS = ("tidak ditemukan tabel yang dikenal. Yang dapat dibaca: (1) format SOP, dengan baris judul kolom NO | "
           "SASARAN | INDIKATOR KINERJA | TARGET TAHUNAN | TARGET TRIWULAN 1-4 | REALISASI | KET; (2) Formulir "
           "E.81 Permendagri 86/2017, dengan kolom Indikator Kinerja Program/Kegiatan dan sub-kolom K / Rp di bawah "
           "kolom Target Renja dan Realisasi Kinerja Pada Triwulan I-IV.")


@lru_cache(maxsize=4096)  # asked per row while reading and planning; a file has a few satuan
def infer_agregasi(satuan: str | None) -> str:
    """capaian.md: nilai_akhir for %, indeks, nilai, skor, rasio, predikat and durations; else kumulatif."""
    words = set(re.findall(r"[a-z%]+", (satuan or "").lower()))
    return "nilai_akhir" if words & NILAI_AKHIR_SATUAN else "kumulatif"


def read_workbook(data: bytes, filename: str, quarter: int | None = None) -> ParsedWorkbook:
    """Every indicator row of every table in the file; problems are collected, never raised.
    A file that cannot be opened at all raises cells.ReadError."""
    book = ParsedWorkbook(filename)
    tables = []
    sheets = read_sheets(data, filename)
    for sheet in sheets:
        if sheet.is_empty:
            book.skipped_sheets.append((sheet.name, "kosong"))
        elif sheet.hidden:
            book.skipped_sheets.append((sheet.name, "tersembunyi"))
        elif (header := find_header(sheet)) is None or "indikator" not in header.fields:
            book.skipped_sheets.append((sheet.name, "tidak ada tabel dengan kolom INDIKATOR KINERJA"))
        else:
            tables.append((sheet, header))
    if not tables:
        book.problems.append(Problem(None, None, None, None, f"{FORMATS} Yang ditemukan: {found(sheets)}.",
                                     kind="format_tidak_dikenal"))
        return book
    decimal = detect_decimal(
        cell.value for sheet, header in tables for r in range(header.data_start, len(sheet.rows))
        for c in number_columns(header) if (cell := sheet.cell(r, c)).kind == "text"
    )
    for sheet, header in tables:
        book.titles += [(sheet.name, r + 1, i + 1, c.value) for r in range(header.top)
                        for i, c in enumerate(sheet.rows[r]) if c.kind == "text"]
        SheetReader(book, sheet, header, decimal, quarter).read()
    return book


def found(sheets: list[Sheet]) -> str:
    """What a file without a readable table holds: per sheet, its first row of several cells."""
    parts = []
    for sheet in sheets:
        first = next(((r, row) for r, row in enumerate(sheet.rows[:SCAN_ROWS])
                      if sum(c.kind != "empty" for c in row) >= 2), None)
        if sheet.is_empty:
            parts.append(f"lembar '{sheet.name}' kosong")
        elif first is None:
            parts.append(f"lembar '{sheet.name}' tanpa baris judul kolom")
        else:
            texts = [c.text[:40] for c in first[1] if c.kind != "empty"]
            more = ", …" if len(texts) > 6 else ""
            parts.append(f"lembar '{sheet.name}' baris {first[0] + 1}: " + ", ".join(f"'{t}'" for t in texts[:6]) + more)
    return "; ".join(parts) or "tidak ada lembar"


def number_columns(header: Header) -> list[int]:
    single = [header.fields[f] for f in ("target_tahunan", "realisasi") if f in header.fields]
    return single + list(header.target_tw.values()) + list(header.realisasi_tw.values()) + \
        list(header.target_renstra.values())


class SheetReader:
    """Walks one table top to bottom, carrying sasaran, program and kegiatan down."""

    def __init__(self, book: ParsedWorkbook, sheet: Sheet, header: Header, decimal: str, quarter: int | None):
        self.book, self.sheet, self.header, self.decimal = book, sheet, header, decimal
        self.sasaran = self.program = self.kegiatan = None
        self.e81 = header.is_e81   # read from every header label: once per sheet, not per row
        self.columns: dict[str, tuple[str, int]] | None = None   # ParsedRow.columns, the same on every row
        self.realisasi_tw = dict(header.realisasi_tw)
        if "realisasi" in header.fields:
            q = quarter_of(sheet.name) or quarter
            if q:
                self.realisasi_tw.setdefault(q, header.fields["realisasi"])
            else:
                self.problem(header.top, header.fields["realisasi"], sheet.cell(header.top, header.fields["realisasi"]).text,
                             "kolom REALISASI tunggal tanpa triwulan. Sebutkan triwulannya (--quarter 1-4 atau "
                             "pilihan triwulan saat mengunggah), atau pakai kolom REALISASI TW I-IV.", row_is_index=True)
        book.quarters |= set(self.realisasi_tw)
        self.value_columns = number_columns(header) + [
            c for q, c in self.realisasi_tw.items() if c not in header.realisasi_tw.values()]
        book.has_targets |= bool(header.target_tw) or "target_tahunan" in header.fields
        self.anggaran_tw = dict(header.anggaran_tw)
        if "realisasi_anggaran" in header.fields:
            c = header.fields["realisasi_anggaran"]
            q = quarter_of(sheet.name) or quarter
            if q:
                self.anggaran_tw.setdefault(q, c)
            else:
                self.problem(header.top, c, sheet.cell(header.top, c).text,
                             "kolom REALISASI ANGGARAN tunggal tanpa triwulan. Sebutkan triwulannya (--quarter "
                             "1-4 atau pilihan triwulan saat mengunggah), atau pakai kolom REALISASI ANGGARAN "
                             "TW I-IV.")
        self.budget_columns = [c for f, c in header.fields.items() if f == "pagu"] + list(self.anggaran_tw.values())
        self.budget_skipped = False

    # -- places and problems
    def label(self, c: int) -> str:
        return self.header.labels.get(c, "")

    def problem(self, r: int, c: int | None, text: str | None, message: str, severity="error", row_is_index=True,
                kind: str = "lain"):
        self.book.problems.append(Problem(self.sheet.name, r + 1 if row_is_index else r,
                                          self.label(c) if c is not None else None, text, message,
                                          c + 1 if c is not None else None, severity, kind))

    def text(self, r: int, field: str) -> str:
        c = self.header.fields.get(field)
        if c is None:
            return ""
        cell = self.sheet.cell(r, c)
        return cell.text.strip() if cell.kind not in ("empty", "formula_no_value") else ""

    # -- values
    def number(self, r: int, c: int, target: bool):
        """A TargetValue (target columns) or Decimal, None when empty; problems recorded."""
        cell = self.sheet.cell(r, c)
        try:
            if cell.kind == "empty":
                return None
            if cell.kind == "number":
                value = from_excel_number(cell.value, cell.percent)
                return TargetValue(value, value) if target else value
            if cell.kind == "formula_no_value":
                raise NumberError("rumus tanpa nilai tersimpan. Buka berkas di Excel, biarkan rumus "
                                  "dihitung, simpan, lalu unggah lagi.")
            if cell.kind == "date":
                raise NumberError(DATE_IN_NUMBER, "tanggal")
            if cell.kind != "text":
                raise NumberError("bukan angka. Tulis angkanya saja.")
            if target:
                return parse_target(cell.value, self.decimal)
            if parse_range_only(cell.value, self.decimal):
                raise NumberError("rentang hanya boleh di kolom target. Tulis satu angka realisasi.", "rentang")
            return parse_number(cell.value, self.decimal)
        except NumberError as exc:
            self.problem(r, c, cell.shown, str(exc), kind=exc.kind)
            return None

    def has_values(self, r: int) -> bool:
        cells = (self.sheet.cell(r, c) for c in self.value_columns)
        return any(c.kind != "empty" and not (c.kind == "text" and says_no_data(c.value)) for c in cells)

    # -- the walk
    def read(self) -> None:
        """Every non-empty row below the header gets a fate (model.RowFate): nothing is dropped unsaid."""
        footer = None
        for r in range(self.header.data_start, len(self.sheet.rows)):
            if all(cell.kind == "empty" for cell in self.sheet.rows[r]):
                continue
            values = self.has_values(r)
            if footer is None and not self.text(r, "indikator") and self.is_footer(r):
                footer = r + 1
            if footer is not None:
                self.fate(r, "dilewati", f"di bawah tabel (blok tanda tangan mulai baris {footer})")
            else:
                self.fate(r, *self.read_row(r, values))
        self.unread_columns()

    def unread_columns(self) -> None:
        """A warning per labelled column that holds numbers on indicator rows but is not read (a
        misspelt "REALSASI TW 1" would otherwise drop a whole quarter without a word). Columns that
        are left out on purpose (capaian, Renstra, E.81's %, numbering) are not named."""
        h = self.header
        read = set(h.fields.values()) | set(h.target_tw.values()) | set(self.realisasi_tw.values()) | \
            set(h.target_renstra.values()) | set(self.anggaran_tw.values())
        rows = [row - 1 for fate in self.book.fates if fate.sheet == self.sheet.name and fate.fate == "indikator"
                for row in [fate.row]]
        for c, label in h.labels.items():
            words = set(norm(label).split())
            if c in read or h.units.get(c) == "%" or words & {"CAPAIAN", "RENSTRA", "TINGKAT", "NO", "NOMOR",
                                                                "KODE", "PERSEN"}:
                continue
            r = next((r for r in rows if self.sheet.cell(r, c).kind == "number"), None)
            if r is not None:
                self.problem(r, c, self.sheet.cell(r, c).shown,
                             "kolom ini berisi angka tetapi judulnya tidak dikenali, sehingga angkanya tidak dibaca. "
                             "Bila ini data, tulis judulnya seperti format SOP (mis. TARGET TAHUNAN, TARGET "
                             "TRIWULAN 1, REALISASI TRIWULAN I).", severity="peringatan", kind="kolom_tak_dikenal")

    def fate(self, r: int, fate: str, reason: str) -> None:
        self.book.fates.append(RowFate(self.sheet.name, r + 1, fate, reason))

    def is_footer(self, r: int) -> bool:
        return any(_FOOTER.match(c.value) for c in self.sheet.rows[r] if c.kind == "text")

    def read_row(self, r: int, values: bool) -> tuple[str, str]:
        """Read row r; returns its fate and the reason (see RowFate)."""
        nama = self.text(r, "indikator")
        sasaran = self.text(r, "sasaran")
        if not nama and (total := self.total_label(r)):
            return "dilewati", f"baris {total} (dihitung ulang oleh aplikasi, tidak diimpor)"
        if not nama and _UNIT_ROW.match(sasaran or self.text(r, "program")):
            return "judul", "nama unit/perangkat daerah"
        if sasaran and not _CODE.match(sasaran):
            self.set_sasaran(_SASARAN_ROW.sub(r"\1", sasaran))
        code = self.marker_code(r, nama, values)
        if code:
            self.set_program_kegiatan(*code)
            self.read_budget(r, *code)
            if not (nama and values):
                return "judul", "program/kegiatan"
        elif not nama and self.text(r, "program"):
            self.skip_budget(r)
            return "judul", "urusan/program/kegiatan tanpa kode"
        if not nama:
            if sasaran:
                return "judul", "sasaran"
            if values:
                c = self.header.fields["indikator"]
                self.problem(r, c, None, "baris ini berisi target/realisasi tetapi nama indikatornya kosong. "
                                         "Tulis nama indikatornya, atau hapus angkanya bila baris ini memang "
                                         "bukan indikator.", kind="tanpa_nama")
                return "dilewati", "berisi nilai tanpa nama indikator (kesalahan)"
            return "dilewati", "tanpa nama indikator dan tanpa nilai"
        if nama.isdigit():
            return "dilewati", "nomor kolom"
        match = _SASARAN_ROW.match(nama)
        if match and not values:
            self.set_sasaran(match.group(1))
            return "judul", "sasaran"
        if not values and not self.text(r, "satuan") and not self.text(r, "no").isdigit():
            # A heading without values: in a table without a SASARAN column it names the sasaran.
            if "sasaran" not in self.header.fields:
                self.set_sasaran(nama)
                return "judul", "sasaran"
            return "judul", "judul tanpa nilai"
        if self.e81:   # a program/kegiatan row carries its own indicator and budget
            if code is None:
                self.skip_budget(r)
        else:
            for c in self.budget_cells(r):
                self.problem(r, c, self.sheet.cell(r, c).shown,
                             "pagu/realisasi anggaran diisi pada baris program atau kegiatan (baris berkode "
                             "seperti 5.03.02 atau 5.03.02.2.01), bukan pada baris indikator. Pindahkan angkanya.")
        self.book.rows.append(self.indicator(r, nama))
        return "indikator", "dibaca"

    def total_label(self, r: int) -> str | None:
        """"jumlah" / "total" / "rata-rata" when row r is a total row of the table."""
        for field in ("no", "sasaran", "program"):
            if (match := _TOTAL_ROW.match(self.text(r, field))):
                return match.group(1).lower()
        return None

    def skip_budget(self, r: int) -> None:
        """Rp on a row without a program/kegiatan code cannot be stored (budgets are kept per code):
        said once per sheet, as a warning."""
        cells = self.budget_cells(r)
        if cells and not self.budget_skipped:
            self.budget_skipped = True
            self.problem(r, cells[0], self.sheet.cell(r, cells[0]).shown,
                         "anggaran (Rp) pada baris tanpa kode program/kegiatan tidak disimpan; indikator dan "
                         "realisasinya tetap dibaca. Tulis kodenya (mis. 5.03.02.2.01) di depan nama program/"
                         "kegiatan bila anggaran perlu dicatat.", severity="peringatan", kind="anggaran_tanpa_kode")

    def marker_code(self, r: int, nama: str, values: bool) -> tuple[str, str] | None:
        """(kode, nama) of a program/kegiatan row: a code such as 5.03.02 or 5.03.02.2.01."""
        for field in ("kode", "kode_program", "no", "program", "sasaran", "indikator"):
            match = _CODE.match(self.text(r, field))
            if match:
                name = match.group(2) or self.text(r, "program") or (nama if not values else "")
                if values and field == "kode" and not self.text(r, "program"):
                    return None  # an indicator's own code in the KODE column
                return match.group(1), _CODE.sub(r"\2", name).strip() or match.group(1)
        return None

    def budget_cells(self, r: int) -> list[int]:
        """The budget columns holding something on row r."""
        return [c for c in self.budget_columns if (cell := self.sheet.cell(r, c)).kind != "empty"
                and not (cell.kind == "text" and says_no_data(cell.value))]

    def read_budget(self, r: int, kode: str, nama: str) -> None:
        """Pagu and realisasi anggaran (Rp, e.g. "Rp 1.900.000.000,00") of a program/kegiatan row."""
        if not self.budget_cells(r):
            return
        program = self.program if self.kegiatan else None
        budget = ParsedBudget(self.sheet.name, r + 1, kode, nama, program)
        if "pagu" in self.header.fields:
            budget.pagu = self.money(r, self.header.fields["pagu"])
        for q, c in self.anggaran_tw.items():
            if (value := self.money(r, c)) is not None:
                budget.realisasi[q] = value
        self.book.budgets.append(budget)

    def money(self, r: int, c: int) -> Decimal | None:
        value = self.number(r, c, target=False)
        if value is not None and value < 0:
            self.problem(r, c, self.sheet.cell(r, c).shown, "nilai rupiah tidak boleh negatif.")
            return None
        if value is not None and value != value.quantize(Decimal("0.01")):
            self.problem(r, c, self.sheet.cell(r, c).shown, "nilai rupiah paling banyak dua angka desimal (sen).")
            return None
        return value

    def set_program_kegiatan(self, kode: str, nama: str) -> None:
        if len(kode.split(".")) <= 3:
            self.program, self.kegiatan = (kode, nama), None
        else:
            self.kegiatan = (kode, nama)

    def set_sasaran(self, text: str) -> None:
        if text != self.sasaran:
            self.sasaran, self.program, self.kegiatan = text.strip(), None, None

    def indicator(self, r: int, nama: str) -> ParsedRow:
        h = self.header
        kode = self.text(r, "kode")
        row = ParsedRow(
            sheet=self.sheet.name, row=r + 1, nama=" ".join(nama.split()),
            kode=kode or None,
            sasaran=self.sasaran, program=self.program, kegiatan=self.kegiatan,
            satuan=self.text(r, "satuan") or None,
            polaritas=self.setting(r, "polaritas", POLARITAS),
            agregasi=self.setting(r, "agregasi", AGREGASI) or h.agregasi,
            **{name: self.text(r, name) or None for name in NOTES},
        )
        if self.columns is None:
            where = {"indikator": h.fields["indikator"], **{k: h.fields[k] for k in ("target_tahunan",) if k in h.fields},
                     **{f"target_tw{q}": c for q, c in h.target_tw.items()},
                     **{f"realisasi_tw{q}": c for q, c in self.realisasi_tw.items()}}
            self.columns = {key: (self.label(c), c + 1) for key, c in where.items()}
        row.columns = dict(self.columns)
        row.cells = {key: self.sheet.cell(r, c - 1) for key, (_, c) in self.columns.items()}
        if "target_tahunan" in h.fields:
            row.target_tahunan = self.number(r, h.fields["target_tahunan"], target=True)
        problems_before = len(self.book.problems)   # counting all errors each row would be quadratic
        for q, c in h.target_tw.items():
            if (value := self.number(r, c, target=True)) is not None:
                row.target_triwulan[q] = value
        targets_readable = all(p.severity != "error" for p in self.book.problems[problems_before:])
        for year, c in h.target_renstra.items():
            if (value := self.number(r, c, target=True)) is not None:
                row.target_renstra[year] = value
        for q, c in self.realisasi_tw.items():
            if (value := self.number(r, c, target=False)) is not None:
                row.realisasi[q] = value
        if (row.agregasi or infer_agregasi(row.satuan)) == "kumulatif":
            self.detect_convention(r, row, complete=targets_readable)
        if "realisasi_renja" in h.fields:
            self.check_e81_total(r, row, h.fields["realisasi_renja"])
        return row

    def check_e81_total(self, r: int, row: ParsedRow, c: int) -> None:
        """E.81 column 13 = 9 + 10 + 11 + 12: the quarters are amounts of each quarter (kumulatif). A
        total equal to the latest quarter instead says the row reports a level (nilai akhir), and is
        read so, with a warning; any other total is a warning."""
        cell = self.sheet.cell(r, c)
        if cell.kind != "number" or not row.realisasi:
            return
        try:
            total = round(from_excel_number(cell.value, cell.percent), 2)
        except NumberError:
            return
        summed, latest = sum(row.realisasi.values()), row.realisasi[max(row.realisasi)]
        if round(summed, 2) == total:
            return
        if round(latest, 2) == total and row.agregasi == "kumulatif":
            row.agregasi = "nilai_akhir"
            message = (f"kolom ini sama dengan realisasi triwulan terakhir ({format_angka(latest)}), bukan jumlah "
                       f"triwulan ({format_angka(summed)}): indikator ini dibaca sebagai nilai akhir. Bila realisasi "
                       "triwulan memang tambahan per triwulan, perbaiki kolom ini (kolom 13 = 9 + 10 + 11 + 12).")
        else:
            message = (f"jumlah realisasi triwulan ({format_angka(summed)}) tidak sama dengan kolom ini. Di Formulir "
                       "E.81 realisasi tiap triwulan adalah tambahan pada triwulan itu (kolom 13 = 9 + 10 + 11 + 12), "
                       "bukan angka s.d. triwulan; yang dibaca adalah kolom triwulan. Periksa angkanya.")
        self.problem(r, c, cell.shown, message, severity="peringatan", kind="e81_kolom_13")

    def setting(self, r: int, field: str, spellings: dict[str, str]) -> str | None:
        """POLARITAS / AGREGASI cell in one of its spellings; "(-)" is negatif, a lone "-" is nothing."""
        text = self.text(r, field)
        key = " ".join(text.lower().replace("_", " ").split())
        if key in spellings:
            return spellings[key]
        if not text or says_no_data(text):
            return None
        # Wordier cells such as "Positif (+)" or "Kumulatif s.d. triwulan": one known meaning inside.
        meanings = {value for spelling, value in spellings.items() if len(spelling) > 2 and spelling in key}
        if len(meanings) == 1:
            return meanings.pop()
        choices = ", ".join(sorted({k for k in spellings if k[0].isalpha()}))
        self.problem(r, self.header.fields[field], text, f"tidak dikenal. Pilih salah satu: {choices}.")
        return None

    def detect_convention(self, r: int, row: ParsedRow, complete: bool) -> None:
        """Per-quarter amounts or cumulative to date (capaian.md); neither is an error, not a guess."""
        quarters = row.target_triwulan
        annual = row.target_tahunan
        if not complete or not quarters or any(t.is_range for t in quarters.values()):
            return
        if annual is None or annual.is_range:
            row.konvensi = "per_triwulan"
            return
        values = [quarters[q].bawah for q in sorted(quarters)]
        rising = values == sorted(values)
        if len(quarters) == 4:
            per_quarter = sum(values) == annual.bawah
            cumulative = rising and values[-1] == annual.bawah
        else:  # some quarters left blank: judge only what is there
            per_quarter = sum(values) <= annual.bawah
            cumulative = rising and values[-1] <= annual.bawah
        if per_quarter:
            row.konvensi = "per_triwulan"
        elif cumulative:
            row.konvensi = "kumulatif"
            shown = [row.realisasi[q] for q in sorted(row.realisasi)]
            if shown != sorted(shown):
                c = self.realisasi_tw[max(row.realisasi)]
                self.problem(r, c, None, "realisasi kumulatif menurun dibanding triwulan sebelumnya; "
                             "periksa kembali angkanya.", severity="peringatan")
        else:
            columns = ", ".join(self.label(self.header.target_tw[q]) for q in sorted(quarters))
            self.problem(r, self.header.target_tw[min(quarters)],
                         " | ".join(row.quoted(f"target_tw{q}") for q in sorted(quarters)),
                         f"target triwulan ({columns}) tidak berjumlah sama dengan target tahunan "
                         f"{format_angka(annual.bawah)} dan juga bukan target kumulatif yang naik hingga TW IV = "
                         "target tahunan. Perbaiki salah satu target.")


def parse_range_only(text: str, decimal: str) -> bool:
    """True when `text` reads as a target range ("80 - 90"): only a text of that shape can."""
    if not is_range_shaped(text):
        return False
    try:
        value = parse_target(text, decimal)
    except NumberError:
        return False
    return bool(value and value.is_range)
