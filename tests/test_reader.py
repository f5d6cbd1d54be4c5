"""Each trait of spec/spreadsheets.md, as a workbook built in the test, read to the right values."""
from decimal import Decimal

import pytest
from openpyxl import Workbook

from kinerja.ingest.cells import ReadError
from kinerja.ingest.reader import read_workbook
from kinerja.vocab import END_OF_PERIOD
from tests.workbooks import Formula, Pct, Sheet, csv_bytes, sop_rows, xls, xlsx

D = Decimal
S1 = "Meningkatnya profesionalitas ASN"
S2 = "Meningkatnya kualitas pelayanan administrasi kepegawaian"


def read(rows, name="Format", **kwargs):
    quarter = kwargs.pop("quarter", None)
    return read_workbook(xlsx(Sheet(name, rows, **kwargs)), "unit.xlsx", quarter)


def only(book):
    assert not book.errors, [str(p) for p in book.errors]
    assert len(book.rows) == 1, book.rows
    return book.rows[0]


def realisasi(row):
    return {q: str(v) for q, v in row.realisasi.items()}


# ----------------------------------------------------------------------------- layout


def test_title_rows_blank_rows_and_a_signature_block_are_not_indicators():
    rows = sop_rows([
        [1, S1, "Indeks Profesionalitas ASN", "indeks", 70, None, None, None, None, None, None, None, 71],
        [],
        [2, None, "Persentase ASN mengikuti diklat", "%", 90],
        [],
        [None, None, None, None, None, None, None, None, None, None, "Samarinda, 10 Januari 2025"],
        [None, None, None, None, None, None, None, None, None, None, "Kepala Bidang Mutasi"],
        [None, None, None, None, None, None, None, None, None, None, "NIP. 19780101 200501 1 001"],
    ])
    book = read(rows)
    assert [r.nama for r in book.rows] == ["Indeks Profesionalitas ASN", "Persentase ASN mengikuti diklat"]
    assert [r.row for r in book.rows] == [6, 8]
    assert not book.problems


def test_a_two_row_header_with_merged_target_and_quarters_in_roman_numerals():
    rows = [
        ["FORMAT PENGUMPULAN DATA KINERJA"],
        ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", None, None, None, None, "KET"],
        [None, None, None, "TAHUNAN", "I", "II", "III", "IV", None],
        [1, S1, "Jumlah ASN mengikuti diklat", 400, 100, 100, 100, 100, None],
    ]
    merged = ["A2:A3", "B2:B3", "C2:C3", "D2:H2", "I2:I3"]
    row = only(read(rows, merged=merged))
    assert row.target_tahunan.bawah == 400
    assert {q: t.bawah for q, t in row.target_triwulan.items()} == {1: 100, 2: 100, 3: 100, 4: 100}


def test_a_three_row_header_target_over_tahunan_and_triwulan_over_numbers():
    rows = [
        ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", None, None, None, None,
         "REALISASI", None, None, None],
        [None, None, None, "TAHUNAN", "TRIWULAN", None, None, None, "TRIWULAN", None, None, None],
        [None, None, None, None, 1, 2, 3, 4, 1, 2, 3, 4],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],  # the row of column numbers
        [1, S1, "Jumlah ASN mengikuti diklat", 400, 100, 100, 100, 100, 90, 120, None, None],
    ]
    merged = ["A1:A3", "B1:B3", "C1:C3", "D1:H1", "D2:D3", "E2:H2", "I1:L1", "I2:L2"]
    book = read(rows, merged=merged)
    row = only(book)
    assert row.row == 5
    assert row.target_tahunan.bawah == 400 and len(row.target_triwulan) == 4
    assert realisasi(row) == {1: "90", 2: "120"}
    assert book.quarters == {1, 2, 3, 4}


@pytest.mark.parametrize("spelling", ["TRIWULAN 1", "Triwulan I", "TW 1", "TW1", "Tw. I", "TRIW. I", "Q1"])
def test_every_quarter_spelling_names_the_first_quarter(spelling):
    header = ["NO", "INDIKATOR KINERJA", "TARGET TAHUNAN", f"TARGET {spelling}", f"REALISASI {spelling}"]
    row = only(read(sop_rows([[1, "Jumlah ASN mengikuti diklat", 400, 100, 95]], header)))
    assert row.target_triwulan[1].bawah == 100 and realisasi(row) == {1: "95"}


def test_realisation_columns_beside_the_targets_and_capaian_is_ignored():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I", "REALISASI TW II", "CAPAIAN", "KET"]
    row = only(read(sop_rows([[1, "Indeks Sistem Merit", "0,48", "0,45", "0,50", "104,17", "baik"]], header)))
    assert row.target_tahunan.bawah == D("0.48")
    assert realisasi(row) == {1: "0.45", 2: "0.50"}
    assert row.ket == "baik"


def test_a_single_realisasi_column_takes_the_quarter_given_by_the_user():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI", "KET"]
    rows = sop_rows([[1, "Indeks Sistem Merit", "0,48", "0,5", None]], header)
    row = only(read(rows, quarter=3))
    assert realisasi(row) == {3: "0.5"}


def test_a_single_realisasi_column_without_a_quarter_is_an_error_saying_what_to_do():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI"]
    book = read(sop_rows([[1, "Indeks Sistem Merit", "0,48", "0,5"]], header))
    assert len(book.errors) == 1
    assert "REALISASI" in str(book.errors[0]) and "triwulan" in book.errors[0].message


def test_a_sheet_named_for_a_quarter_gives_the_single_realisasi_column_its_quarter():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI"]
    row = only(read(sop_rows([[1, "Indeks Sistem Merit", "0,48", "0,5"]], header), name="TW II"))
    assert realisasi(row) == {2: "0.5"}


def test_optional_columns_and_their_spellings():
    header = ["NO", "KODE", "INDIKATOR KINERJA", "SATUAN", "SIFAT", "AGREGASI", "TARGET", "KETERANGAN",
              "BUKTI DUKUNG"]
    rows = sop_rows([
        [1, "IKU-1", "Jumlah ASN dijatuhi hukuman disiplin", "orang", "(-)", "akumulasi", 5, "x", "https://e.id/a"],
        [2, "IKU-2", "Persentase layanan tepat waktu", "%", "maksimal", "posisi", 90, None, "sk.pdf"],
        [3, "IKU-3", "Rata-rata JP pengembangan kompetensi", "JP", "positif", "rerata", 20, None, None],
        [4, "IKU-4", "Rata-rata waktu layanan", "hari", "minimal", "nilai akhir", 3, None, None],
    ], header)
    book = read(rows)
    got = [(r.kode, r.polaritas, r.agregasi, r.bukti_dukung) for r in book.rows]
    assert got == [("IKU-1", "negatif", "kumulatif", "https://e.id/a"),
                   ("IKU-2", "positif", "nilai_akhir", "sk.pdf"),
                   ("IKU-3", "positif", "rata_rata", None),
                   ("IKU-4", "negatif", "nilai_akhir", None)]


def test_an_unknown_polaritas_is_an_error_naming_the_cell():
    header = ["NO", "INDIKATOR KINERJA", "POLARITAS", "TARGET"]
    book = read(sop_rows([[1, "Indeks Sistem Merit", "naik", 1]], header))
    assert [(p.row, p.column, p.cell) for p in book.errors] == [(6, "POLARITAS", "naik")]


def test_sasaran_written_once_merged_or_blank_is_carried_down():
    rows = sop_rows([
        [1, S1, "Indeks Profesionalitas ASN", "indeks", 70],
        [2, None, "Indeks Sistem Merit", "indeks", 0.48],
        [3, S2, "Persentase layanan tepat waktu", "%", 90],
        [4, None, "Persentase record data terisi lengkap", "%", 93],
    ])
    book = read(rows, merged=["B6:B7"])
    assert [r.sasaran for r in book.rows] == [S1, S1, S2, S2]


def test_a_sasaran_given_as_its_own_row_applies_to_the_rows_below():
    header = ["NO", "INDIKATOR KINERJA", "SATUAN", "TARGET"]
    rows = sop_rows([[None, f"Sasaran 1: {S1}"], [1, "Indeks Sistem Merit", "indeks", 0.48],
                     [None, f"SASARAN 2 : {S2}"], [1, "Persentase layanan tepat waktu", "%", 90]], header)
    assert [r.sasaran for r in read(rows).rows] == [S1, S2]


def test_program_and_kegiatan_rows_give_the_cascade_and_are_not_indicators():
    rows = sop_rows([
        [1, S1, "Indeks Profesionalitas ASN", "indeks", 70],
        ["5.03.02", None, "Program Kepegawaian Daerah"],
        [None, None, "Persentase ASN berkinerja baik", "%", 85],
        ["5.03.02.2.02", None, "Mutasi dan Promosi ASN"],
        [1, None, "Jumlah ASN dimutasi sesuai kompetensi", "orang", 120],
        ["5.03.02.2.03", None, "Pengembangan Kompetensi ASN"],
        [1, None, "Rata-rata JP pengembangan kompetensi", "JP", 20],
    ])
    book = read(rows)
    got = [(r.nama, r.sasaran, r.program and r.program[0], r.kegiatan and r.kegiatan[0]) for r in book.rows]
    assert got == [
        ("Indeks Profesionalitas ASN", S1, None, None),
        ("Persentase ASN berkinerja baik", S1, "5.03.02", None),
        ("Jumlah ASN dimutasi sesuai kompetensi", S1, "5.03.02", "5.03.02.2.02"),
        ("Rata-rata JP pengembangan kompetensi", S1, "5.03.02", "5.03.02.2.03"),
    ]
    assert book.rows[2].kegiatan == ("5.03.02.2.02", "Mutasi dan Promosi ASN")


def test_several_sheets_empty_and_hidden_ones_skipped_and_named_with_an_instructions_sheet():
    table = sop_rows([[1, S1, "Indeks Sistem Merit", "indeks", 0.48]])
    data = xlsx(
        Sheet("Petunjuk", [["Petunjuk pengisian"], ["Isi kolom realisasi setiap triwulan."]]),
        Sheet("TW I", table),
        Sheet("Kosong", []),
        Sheet("Arsip", table, hidden=True),
        Sheet("TW II", sop_rows([[1, S1, "Persentase layanan tepat waktu", "%", 90]])),
    )
    book = read_workbook(data, "unit.xlsx")
    assert [(r.sheet, r.nama) for r in book.rows] == [("TW I", "Indeks Sistem Merit"),
                                                       ("TW II", "Persentase layanan tepat waktu")]
    reasons = dict(book.skipped_sheets)
    assert set(reasons) == {"Petunjuk", "Kosong", "Arsip"}
    assert reasons["Kosong"] == "kosong" and reasons["Arsip"] == "tersembunyi"


def test_a_lone_target_column_is_the_annual_target_and_renstra_columns_are_read():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "TARGET AKHIR RENSTRA"]
    row = only(read(sop_rows([[1, "Indeks Profesionalitas ASN", 72, 80]], header)))
    # no year in the header: the end of the Renstra period, placed when the import is planned
    assert row.target_tahunan.bawah == 72 and list(row.target_renstra) == [END_OF_PERIOD]
    assert row.target_renstra[END_OF_PERIOD].bawah == 80


def test_no_table_at_all_is_one_problem_saying_which_header_is_missing():
    book = read_workbook(xlsx(Sheet("Data", [["Nama", "Nilai"], ["a", 1]])), "lain.xlsx")
    assert len(book.errors) == 1 and "INDIKATOR KINERJA" in book.errors[0].message


# ----------------------------------------------------------------------------- values


def test_excel_numbers_and_indonesian_text_numbers_are_read_exactly():
    header = ["NO", "INDIKATOR KINERJA", "SATUAN", "TARGET", "REALISASI TW I", "REALISASI TW II",
              "REALISASI TW III", "REALISASI TW IV"]
    rows = sop_rows([
        [1, "Persentase record data", "%", "93%", "94,83", "93 %", 94.83, "-"],
        [2, "Anggaran terserap", "Rp", "Rp 1.900.000.000,00", "Rp. 77.668", "1.900.000.000", "n/a", "belum ada data"],
        [3, "Jumlah ASN", "orang", "77.668", "tidak ada", "", None, "1.234"],
    ], header)
    book = read(rows)
    assert not book.problems
    assert [realisasi(r) for r in book.rows] == [
        {1: "94.83", 2: "93", 3: "94.83"},
        {1: "77668", 2: "1900000000"},
        {4: "1234"},
    ]
    assert book.rows[1].target_tahunan.bawah == 1900000000
    assert book.rows[2].target_tahunan.bawah == 77668


def test_a_dot_with_other_than_three_digits_is_a_decimal():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I"]
    row = only(read(sop_rows([[1, "Indeks Sistem Merit", "0.48", "12.5"]], header)))
    assert row.target_tahunan.bawah == D("0.48") and realisasi(row) == {1: "12.5"}


def test_an_ambiguous_thousands_dot_in_a_file_with_dot_decimals_is_an_error_naming_the_cell():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I"]
    book = read(sop_rows([[1, "Indeks Sistem Merit", "0.48", "0.5"], [2, "Jumlah layanan", "1.234", 20]], header))
    assert [(p.row, p.column, p.cell) for p in book.errors] == [(7, "TARGET", "1.234")]
    assert "titik" in book.errors[0].message


def test_percent_formatted_cells_read_as_the_number_shown():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I"]
    row = only(read(sop_rows([[1, "Persentase record data", Pct(0.93), Pct(0.9483)]], header)))
    assert row.target_tahunan.bawah == 93 and realisasi(row) == {1: "94.83"}


def test_formula_cells_use_the_value_excel_computed():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I"]
    row = only(read(sop_rows([[1, "Jumlah ASN", Formula("=100*4", 400), Formula("=C6/4", 100)]], header)))
    assert row.target_tahunan.bawah == 400 and realisasi(row) == {1: "100"}


def test_a_formula_with_no_stored_value_is_an_error():
    wb = Workbook()
    ws = wb.active
    for r in sop_rows([[1, "Jumlah ASN", 400, "=C6/4"]], ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I"]):
        ws.append(r)
    import io

    buffer = io.BytesIO()
    wb.save(buffer)
    book = read_workbook(buffer.getvalue(), "rumus.xlsx")
    assert [(p.row, p.column) for p in book.errors] == [(6, "REALISASI TW I")]
    assert "rumus" in book.errors[0].message


@pytest.mark.parametrize("text", ["dua puluh", "80-90", "12,5,0", "1,2.3,4", "Rp"])
def test_anything_else_in_a_number_column_is_an_error_naming_sheet_row_column_and_text(text):
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I"]
    book = read(sop_rows([[1, "Persentase layanan", 90, "80"], [2, "Indeks X", 1, text]], header), name="Data")
    assert [(p.sheet, p.row, p.column, p.cell) for p in book.errors] == [("Data", 7, "REALISASI TW I", text)]
    assert str(book.errors[0]).startswith("Kesalahan: Lembar 'Data', baris 7, kolom 'REALISASI TW I'")


def test_every_bad_cell_is_reported_not_only_the_first():
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I", "REALISASI TW II"]
    book = read(sop_rows([[1, "A", "x", "y", 1], [2, "B", 1, 2, "z"]], header))
    assert [(p.row, p.column) for p in book.errors] == [(6, "TARGET"), (6, "REALISASI TW I"), (7, "REALISASI TW II")]


@pytest.mark.parametrize("text", ["80 - 90", "80–90", "80 s.d. 90"])
def test_range_targets_are_allowed_in_target_columns(text):
    header = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I"]
    row = only(read(sop_rows([[1, "Persentase kepuasan layanan", text, 85]], header)))
    assert (row.target_tahunan.bawah, row.target_tahunan.atas) == (80, 90)


def test_a_header_on_several_rows_is_named_by_its_texts_joined_top_to_bottom():
    rows = [
        ["NO", "INDIKATOR KINERJA", "TARGET", None, None, None, None],
        [None, None, "TAHUNAN", "TRIWULAN", None, None, None],
        [None, None, None, "I", "II", "III", "IV"],
        [1, "Jumlah ASN", 400, 100, "seratus", 100, 100],
    ]
    book = read(rows, merged=["A1:A3", "B1:B3", "C1:G1", "C2:C3", "D2:G2"])
    assert [p.column for p in book.errors] == ["TARGET TRIWULAN II"]


# ----------------------------------------------------------------------------- quarterly convention


def row_with_quarters(annual, quarters, real=(None, None, None, None), satuan="orang"):
    header = ["NO", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "TARGET TW I", "TARGET TW II",
              "TARGET TW III", "TARGET TW IV", "REALISASI TW I", "REALISASI TW II", "REALISASI TW III",
              "REALISASI TW IV"]
    return read(sop_rows([[1, "Jumlah ASN dilayani", satuan, annual, *quarters, *real]], header))


def test_quarterly_targets_that_add_up_to_the_annual_one_are_per_quarter_amounts():
    assert only(row_with_quarters(100, (25, 25, 25, 25))).konvensi == "per_triwulan"


def test_quarterly_targets_that_rise_to_the_annual_one_are_cumulative():
    assert only(row_with_quarters(100, (25, 50, 75, 100))).konvensi == "kumulatif"


def test_when_both_readings_hold_the_sop_reading_per_quarter_wins():
    assert only(row_with_quarters(100, (0, 0, 0, 100))).konvensi == "per_triwulan"


def test_quarterly_targets_that_fit_neither_convention_are_an_error_naming_the_row_and_columns():
    book = row_with_quarters(100, (10, 20, 30, 30))
    assert len(book.errors) == 1
    error = book.errors[0]
    assert error.row == 6
    assert all(f"TARGET TW {q}" in error.message for q in ("I", "II", "III", "IV"))


def test_a_cumulative_realisation_that_falls_is_a_warning_not_an_error():
    book = row_with_quarters(100, (25, 50, 75, 100), (20, 45, 40, None))
    assert not book.errors
    assert len(book.warnings) == 1 and "menurun" in book.warnings[0].message


def test_nilai_akhir_indicators_need_no_convention():
    row = only(row_with_quarters(90, (80, 85, 88, 90), satuan="%"))
    assert row.konvensi is None


# ----------------------------------------------------------------------------- other file types


def test_a_legacy_xls_file_with_merged_header_and_percent_cells():
    rows = sop_rows([[1, S1, "Persentase record data", "%", Pct(0.93), None, None, None, None, Pct(0.9483)]])
    book = read_workbook(xls(Sheet("Format", rows, merged=["A1:N1"])), "lama.xls")
    row = only(book)
    assert row.target_tahunan.bawah == 93 and realisasi(row) == {1: "94.83"}


def test_a_semicolon_csv_with_indonesian_text_numbers():
    rows = sop_rows([[1, S1, "Persentase record data", "%", "93%", None, None, None, None, "94,83"]])
    row = only(read_workbook(csv_bytes(rows), "unit.csv"))
    assert row.target_tahunan.bawah == 93 and realisasi(row) == {1: "94.83"}


def test_a_comma_csv_in_windows_encoding():
    rows = sop_rows([[1, "Kualitas pelayanan", "Indeks kepuasan", "indeks", "3.5", None, None, None, None, "3.6"]])
    row = only(read_workbook(csv_bytes(rows, delimiter=",", encoding="cp1252"), "unit.csv"))
    assert row.target_tahunan.bawah == D("3.5")


def test_a_corrupt_file_raises_a_read_error_in_bahasa_indonesia():
    with pytest.raises(ReadError, match="rusak"):
        read_workbook(b"PK\x03\x04 bukan zip", "rusak.xlsx")
    with pytest.raises(ReadError, match=r"jenis berkas \.pdf tidak diterima\. Yang diterima: \.xlsx, \.xlsm"):
        read_workbook(b"data", "laporan.pdf")


def test_a_title_that_mentions_indikator_kinerja_is_not_the_header():
    rows = [["FORMAT PENGUMPULAN DATA INDIKATOR KINERJA TAHUN 2024"], [],
            ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TRIWULAN KE-1"],
            [1, "Indeks Sistem Merit", "0,48", "0,5"]]
    row = only(read(rows))
    assert row.row == 4 and realisasi(row) == {1: "0.5"}


def test_heading_rows_name_the_sasaran_when_there_is_no_sasaran_column():
    header = ["NO", "INDIKATOR KINERJA", "SATUAN", "TARGET"]
    rows = sop_rows([["I", S1], [1, "Indeks Sistem Merit", "indeks", 0.48],
                     ["II", S2], [1, "Persentase layanan tepat waktu", "%", 90]], header)
    assert [r.sasaran for r in read(rows).rows] == [S1, S2]


def test_wordier_polaritas_and_agregasi_cells_are_understood_when_unambiguous():
    header = ["NO", "INDIKATOR KINERJA", "POLARITAS", "AGREGASI", "TARGET"]
    book = read(sop_rows([[1, "Jumlah kasus disiplin", "Negatif (-)", "Kumulatif s.d. triwulan", 5],
                          [2, "Persentase layanan", "Positif (semakin tinggi semakin baik)", "Nilai akhir tahun", 90],
                          [3, "Indeks X", "positif/negatif", "rata-rata", 1]], header))
    assert [(r.polaritas, r.agregasi) for r in book.rows] == [("negatif", "kumulatif"), ("positif", "nilai_akhir"),
                                                               (None, "rata_rata")]
    assert [(p.row, p.column) for p in book.errors] == [(8, "POLARITAS")]
