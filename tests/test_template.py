"""The unit template: what goes out (indicators, targets, protection, validation) comes back through
the reader and the importer unchanged, with the realisation the unit typed in."""
import io
from decimal import Decimal

import openpyxl
import pytest

from kinerja.ingest import files
from kinerja.ingest.reader import read_workbook
from kinerja.model import TargetValue
from kinerja.reports.template import HEADERS, SHEET, template_bytes, write_template
from tests import seed
from tests.conftest import SEKRETARIAT

TAHUN = 2025
SASARAN_1 = "Meningkatnya profesionalitas ASN"
SASARAN_2 = "Meningkatnya kualitas pelayanan kepegawaian"
SASARAN_3 = "Meningkatnya kompetensi ASN"


def program_kegiatan(con, kode, nama, level, parent=None) -> int:
    return con.execute(
        "INSERT INTO program_kegiatan (kode, nama, level, parent_id) VALUES (?, ?, ?, ?) RETURNING id",
        [kode, nama, level, parent]).fetchone()[0]


def place(con, indikator_id, level, parent):
    con.execute("UPDATE indikator SET level = ?, parent_id = ? WHERE id = ?", [level, parent, indikator_id])
    seed.stored(con, [indikator_id])


@pytest.fixture
def unit(con):
    """MUTASI with a sasaran-level, a program and a kegiatan indicator, a sasaran whose first row is
    a kegiatan without program, one without sasaran, a range target, a name that looks like a
    formula; and another unit's indicator that must stay out."""
    program = program_kegiatan(con, "5.03.02", "Program Kepegawaian Daerah", "program")
    kegiatan = program_kegiatan(con, "5.03.02.2.02", "Mutasi dan Promosi ASN", "kegiatan", program)
    bangkom = program_kegiatan(con, "5.03.02.2.03", "Pengembangan Kompetensi ASN", "kegiatan")
    jp = seed.indikator(con, "Rata-rata JP pengembangan kompetensi", tahun=TAHUN, target="20", satuan="JP",
                        agregasi="rata_rata", sasaran_teks=SASARAN_3)
    place(con, jp, "kegiatan", bangkom)
    seed.indikator(con, "Persentase data kepegawaian mutakhir", tahun=TAHUN, target="80 - 90", satuan="%",
                   agregasi="nilai_akhir")
    seed.indikator(con, "Indeks Sistem Merit", tahun=TAHUN, target="0.48", kode="IKU-01", satuan="indeks",
                   agregasi="nilai_akhir", sasaran_teks=SASARAN_1)
    jumlah = seed.indikator(con, "Jumlah ASN dimutasi", tahun=TAHUN, target="1900",
                            target_tw={1: 400, 2: 500, 3: 500, 4: 500}, satuan="orang",
                            sasaran_teks=SASARAN_1)
    place(con, jumlah, "kegiatan", kegiatan)
    tepat = seed.indikator(con, "Persentase layanan mutasi tepat waktu", tahun=TAHUN, target="94.83",
                           satuan="%", agregasi="nilai_akhir", sasaran_teks=SASARAN_2)
    place(con, tepat, "program", program)
    seed.indikator(con, '=HYPERLINK("http://contoh.id","klik")', tahun=TAHUN, target="7",
                   satuan="orang", polaritas="negatif", sasaran_teks=SASARAN_2)
    seed.indikator(con, "Indikator unit lain", unit="BANGKOM", tahun=TAHUN, target="5")
    return con


def stored_targets(con, unit="MUTASI") -> dict:
    rows = con.execute(
        "SELECT i.nama, t.triwulan, t.bawah, t.atas FROM target t JOIN indikator i ON i.id = t.indikator_id "
        "WHERE i.unit_kode = ? AND t.tahun = ?", [unit, TAHUN]).fetchall()
    return {(nama, tw): TargetValue(b, a).canonical() for nama, tw, b, a in rows}


def read_targets(book) -> dict:
    found = {}
    for row in book.rows:
        if row.target_tahunan:
            found[(row.nama, 0)] = row.target_tahunan.canonical()
        for tw, value in row.target_triwulan.items():
            found[(row.nama, tw)] = value.canonical()
    return found


def columns(ws) -> tuple[int, dict[str, int]]:
    """The header row and the 1-based column of each header text."""
    for row in ws.iter_rows():
        texts = [c.value for c in row]
        if "INDIKATOR KINERJA" in texts:
            return row[0].row, {t: i + 1 for i, t in enumerate(texts) if t}
    raise AssertionError("header not found")


def indicator_rows(ws) -> dict[str, int]:
    header, col = columns(ws)
    return {ws.cell(r, col["INDIKATOR KINERJA"]).value: r for r in range(header + 1, ws.max_row + 1)
            if isinstance(ws.cell(r, col["NO"]).value, int)}


def fill(data: bytes, values: dict[str, dict[str, object]]) -> bytes:
    """The unit's work: type values into the named columns of the named indicators' rows."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[SHEET]
    _, col = columns(ws)
    rows = indicator_rows(ws)
    for nama, cells in values.items():
        for header, value in cells.items():
            ws.cell(rows[nama], col[header]).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_filled_template_reads_back_with_zero_errors_and_the_same_targets(unit):
    data = fill(template_bytes(unit, "MUTASI", TAHUN), {
        "Jumlah ASN dimutasi": {"REALISASI TRIWULAN I": 410, "REALISASI TRIWULAN II": 480,
                                "KET": "mutasi rutin", "BUKTI DUKUNG": "https://contoh.id/sk.pdf"},
        "Indeks Sistem Merit": {"REALISASI TRIWULAN II": 0.5},
        "Persentase layanan mutasi tepat waktu": {"REALISASI TRIWULAN I": 94.83, "REALISASI TRIWULAN II": "-"},
    })
    book = read_workbook(data, "mutasi.xlsx")
    assert book.problems == []
    assert read_targets(book) == stored_targets(unit)
    by_name = {row.nama: row for row in book.rows}
    stored = unit.execute("SELECT nama, kode FROM indikator WHERE unit_kode = 'MUTASI'").fetchall()
    assert {(r.nama, r.kode) for r in book.rows} == set(stored)
    assert by_name["Persentase data kepegawaian mutakhir"].sasaran is None
    assert by_name["Indeks Sistem Merit"].sasaran == SASARAN_1
    assert by_name["Indeks Sistem Merit"].program is None
    jumlah = by_name["Jumlah ASN dimutasi"]
    assert (jumlah.sasaran, jumlah.program, jumlah.kegiatan) == (
        SASARAN_1, ("5.03.02", "Program Kepegawaian Daerah"), ("5.03.02.2.02", "Mutasi dan Promosi ASN"))
    assert jumlah.realisasi == {1: Decimal(410), 2: Decimal(480)}
    assert (jumlah.ket, jumlah.bukti_dukung) == ("mutasi rutin", "https://contoh.id/sk.pdf")
    tepat = by_name["Persentase layanan mutasi tepat waktu"]
    assert (tepat.sasaran, tepat.program, tepat.kegiatan) == (
        SASARAN_2, ("5.03.02", "Program Kepegawaian Daerah"), None)
    assert tepat.realisasi == {1: Decimal("94.83")}
    assert by_name['=HYPERLINK("http://contoh.id","klik")'].polaritas == "negatif"
    assert by_name["Indeks Sistem Merit"].agregasi == "nilai_akhir"
    jp = by_name["Rata-rata JP pengembangan kompetensi"]
    assert (jp.sasaran, jp.program, jp.kegiatan, jp.agregasi) == (
        SASARAN_3, None, ("5.03.02.2.03", "Pengembangan Kompetensi ASN"), "rata_rata")


def test_importing_the_filled_template_changes_no_target_and_writes_the_realisation(unit):
    data = fill(template_bytes(unit, "MUTASI", TAHUN, 1),
                {"Jumlah ASN dimutasi": {"REALISASI TRIWULAN I": 410}})
    result = files.import_file(unit, data, "mutasi.xlsx", "MUTASI", TAHUN, 1, akun=SEKRETARIAT)
    assert result.ok, [str(p) for p in result.problems]
    assert not any(p.is_new for p in result.plan.indicators)
    assert {c.status for c in result.plan.changes if c.jenis == "target"} == {"sama"}
    assert unit.execute("SELECT CAST(nilai AS VARCHAR) FROM realisasi").fetchall() == [("410.000000",)]
    # the next template carries the stored realisation, and imports again without changes
    again = files.import_file(unit, template_bytes(unit, "MUTASI", TAHUN, 1), "mutasi.xlsx", "MUTASI", TAHUN, 1, akun=SEKRETARIAT)
    assert again.ok and not again.plan.has_changes


def test_header_and_indicator_cells_are_locked_input_cells_open_and_numbers_validated(unit):
    ws = openpyxl.load_workbook(io.BytesIO(template_bytes(unit, "MUTASI", TAHUN)))[SHEET]
    header, col = columns(ws)
    assert [ws.cell(header, c).value for c in range(1, len(HEADERS) + 1)] == HEADERS
    assert ws.protection.sheet
    assert all(ws.cell(header, c).protection.locked for c in range(1, len(HEADERS) + 1))
    row = indicator_rows(ws)["Indeks Sistem Merit"]
    for locked in ("NO", "KODE", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "TARGET TRIWULAN I"):
        assert ws.cell(row, col[locked]).protection.locked, locked
    for open_cell in ("REALISASI TRIWULAN I", "REALISASI TRIWULAN IV", "KET", "BUKTI DUKUNG"):
        assert not ws.cell(row, col[open_cell]).protection.locked, open_cell
    validated = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            validated[cell_range.min_col] = dv
    for q in ("I", "II", "III", "IV"):
        dv = validated[col[f"REALISASI TRIWULAN {q}"]]
        assert dv.type == "decimal" and dv.showInputMessage and "angka" in dv.prompt.lower()
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == f"${header}:${header}"


def test_texts_are_strings_targets_numbers_and_ranges_text(unit):
    ws = openpyxl.load_workbook(io.BytesIO(template_bytes(unit, "MUTASI", TAHUN)))[SHEET]
    _, col = columns(ws)
    rows = indicator_rows(ws)
    name = ws.cell(rows['=HYPERLINK("http://contoh.id","klik")'], col["INDIKATOR KINERJA"])
    assert name.data_type == "s"
    assert ws.cell(rows["Indeks Sistem Merit"], col["TARGET TAHUNAN"]).value == 0.48
    assert ws.cell(rows["Jumlah ASN dimutasi"], col["TARGET TRIWULAN II"]).value == 500
    assert ws.cell(rows["Persentase data kepegawaian mutakhir"], col["TARGET TAHUNAN"]).value == "80 - 90"


def test_title_names_unit_year_and_quarter_and_the_instructions_sheet_is_there(unit):
    wb = openpyxl.load_workbook(io.BytesIO(template_bytes(unit, "MUTASI", TAHUN, 2)))
    titles = [wb[SHEET].cell(r, 1).value for r in range(1, 5)]
    assert titles == ["FORMAT PENGUMPULAN DATA KINERJA", "BIDANG MUTASI", "TAHUN 2025", "TRIWULAN II"]
    assert wb.sheetnames == [SHEET, "PETUNJUK"]
    text = " ".join(str(c.value) for c in wb["PETUNJUK"]["A"] if c.value)
    assert '"-"' in text and "KET" in text and "BUKTI DUKUNG" in text and "koma" in text


def test_a_year_without_targets_lists_last_years_indicators_with_open_target_cells(unit, tmp_path):
    out = tmp_path / "mutasi-2026.xlsx"
    write_template(unit, "MUTASI", TAHUN + 1, None, out)
    ws = openpyxl.load_workbook(out)[SHEET]
    _, col = columns(ws)
    rows = indicator_rows(ws)
    assert len(rows) == 6 and "Indikator unit lain" not in rows
    target = ws.cell(rows["Indeks Sistem Merit"], col["TARGET TAHUNAN"])
    assert target.value is None and not target.protection.locked
    data = fill(out.read_bytes(), {"Indeks Sistem Merit": {"TARGET TAHUNAN": 0.5, "REALISASI TRIWULAN I": 0.45}})
    result = files.import_file(unit, data, out.name, "MUTASI", TAHUN + 1, akun=SEKRETARIAT)
    assert result.ok, [str(p) for p in result.problems]
    assert not any(p.is_new for p in result.plan.indicators)


def test_a_unit_without_indicators_gets_an_open_table(con):
    ws = openpyxl.load_workbook(io.BytesIO(template_bytes(con, "KEUANGAN", TAHUN)))[SHEET]
    header, col = columns(ws)
    assert not ws.cell(header + 1, col["INDIKATOR KINERJA"]).protection.locked
    assert read_workbook(template_bytes(con, "KEUANGAN", TAHUN), "keuangan.xlsx").problems == []



def test_units_send_their_notes_with_their_numbers_in_the_template(unit):
    """FAKTOR PENDORONG, FAKTOR PENGHAMBAT, TINDAK LANJUT go out empty and open, come back as notes of
    the quarter, go out again filled in, and a blank cell later keeps them (issue 13, point 11)."""
    data = template_bytes(unit, "MUTASI", TAHUN, 1)
    ws = openpyxl.load_workbook(io.BytesIO(data))[SHEET]
    header, col = columns(ws)
    row = indicator_rows(ws)["Jumlah ASN dimutasi"]
    for name in ("FAKTOR PENDORONG", "FAKTOR PENGHAMBAT", "TINDAK LANJUT"):
        assert name in col and not ws.cell(row, col[name]).protection.locked
    filled = fill(data, {"Jumlah ASN dimutasi": {
        "REALISASI TRIWULAN I": 410, "FAKTOR PENDORONG": "aplikasi SIASN", "FAKTOR PENGHAMBAT": "formasi terbatas",
        "TINDAK LANJUT": "usulkan formasi TW II", "KET": "mutasi rutin"}})
    assert files.import_file(unit, filled, "mutasi.xlsx", "MUTASI", TAHUN, 1, akun=SEKRETARIAT).ok
    assert unit.execute("SELECT ket, faktor_pendorong, faktor_penghambat, tindak_lanjut_triwulan FROM catatan "
                        "WHERE triwulan = 1").fetchall() == [
        ("mutasi rutin", "aplikasi SIASN", "formasi terbatas", "usulkan formasi TW II")]
    # the next template carries them; importing it changes nothing
    again = template_bytes(unit, "MUTASI", TAHUN, 1)
    ws = openpyxl.load_workbook(io.BytesIO(again))[SHEET]
    assert ws.cell(indicator_rows(ws)["Jumlah ASN dimutasi"], col["FAKTOR PENGHAMBAT"]).value == "formasi terbatas"
    assert not files.import_file(unit, again, "mutasi.xlsx", "MUTASI", TAHUN, 1, akun=SEKRETARIAT).plan.has_changes
    # a blank cell keeps the note
    cleared = fill(again, {"Jumlah ASN dimutasi": {"FAKTOR PENDORONG": None, "TINDAK LANJUT": "rapat TW II"}})
    assert files.import_file(unit, cleared, "mutasi.xlsx", "MUTASI", TAHUN, 1, akun=SEKRETARIAT).ok
    assert unit.execute("SELECT faktor_pendorong, tindak_lanjut_triwulan FROM catatan WHERE triwulan = 1"
                        ).fetchall() == [("aplikasi SIASN", "rapat TW II")]


@pytest.mark.parametrize("headers, expected", [
    (["FAKTOR PENDORONG", "FAKTOR PENGHAMBAT", "TINDAK LANJUT"],
     {"faktor_pendorong": "a", "faktor_penghambat": "b", "tindak_lanjut_triwulan": "c"}),
    (["Faktor Pendukung", "Kendala", "Tindak Lanjut Renja"],
     {"faktor_pendorong": "a", "faktor_penghambat": "b", "tindak_lanjut_renja": "c"}),
    (["Faktor pendorong keberhasilan", "Hambatan", "Rencana tindak lanjut"],
     {"faktor_pendorong": "a", "faktor_penghambat": "b", "tindak_lanjut_triwulan": "c"}),
])
def test_the_reader_knows_how_units_name_the_note_columns(headers, expected):
    from tests.workbooks import Sheet, xlsx
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I", *headers]
    book = read_workbook(xlsx(Sheet("DATA", [header, [1, "S", "Jumlah ASN dilatih", "orang", 10, 2, "a", "b", "c"]])),
                         "x.xlsx")
    assert book.problems == []
    assert book.rows[0].notes == expected
