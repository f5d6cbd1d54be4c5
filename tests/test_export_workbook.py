"""The evaluation workbook beyond the Capaian sheet: Formulir E.81 in its official layout, the LKjIP
Bab III tables and the Data sheet, each equal to the engine's numbers, and user text never a formula."""
import openpyxl
import pandas as pd
import pytest

from kinerja.engine.capaian import capaian, kategori_for, ringkasan
from kinerja.reports.export import export, long_format
from tests.evaluasi_seed import TAHUN, evaluation_year


@pytest.fixture
def year(con):
    return evaluation_year(con)


@pytest.fixture
def book(year, tmp_path):
    return openpyxl.load_workbook(export(year, TAHUN, tmp_path / "evaluasi.xlsx"))


def find_row(ws, text: str, column: int | None = None) -> int:
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and text in cell.value and (column is None or cell.column == column):
                return cell.row
    raise AssertionError(f"{text!r} not in {ws.title}")


def test_the_workbook_has_the_four_sheets(book):
    assert book.sheetnames == ["Capaian", "Formulir E.81", "LKjIP Bab III", "Analisis Kinerja", "Data"]


def test_e81_carries_the_official_column_headers_k_and_rp_and_the_form_numbering(book):
    ws = book["Formulir E.81"]
    assert ws["A1"].value == "FORMULIR E.81"
    head = find_row(ws, "Target Renstra akhir periode")
    labels = [ws.cell(head, c).value for c in range(1, 5)]
    assert labels == ["No", "Sasaran", "Program/Kegiatan", "Indikator Kinerja Program (outcome)/Kegiatan (output)"]
    texts = {ws.cell(r, c).value for r in range(head, head + 3) for c in range(1, ws.max_column + 1)}
    for label in ["Realisasi Renstra s.d. tahun lalu", "Target Renja tahun berjalan", "Triwulan I",
                  "Triwulan IV", "Realisasi Renja yang dievaluasi",
                  "Realisasi Renstra s.d. tahun ini (13 = 6 + 12)",
                  "Tingkat capaian Renstra (14 = 13 / 5 × 100 %)", "Unit Penanggung Jawab"]:
        assert label in texts, label
    kinds = [ws.cell(head + 2, c).value for c in range(5, 25)]
    assert kinds == ["K", "Rp"] * 10
    numbers = [ws.cell(head + 3, c).value for c in range(1, 26) if ws.cell(head + 3, c).value is not None]
    assert numbers == list(range(1, 16))


def e81_row(ws, text: str) -> dict:
    head = find_row(ws, "Target Renstra akhir periode")
    r = find_row(ws, text, column=3 if text.startswith("5.03") else 4)
    values = {n: (ws.cell(r, 5 + 2 * (n - 5)).value, ws.cell(r, 6 + 2 * (n - 5)).value) for n in range(5, 15)}
    assert ws.cell(head + 3, 5).value == 5
    return {"row": r, **values, "unit": ws.cell(r, 25).value}


def test_e81_indicator_rows_hold_the_engines_numbers_and_the_renstra_columns(year, book):
    ws = book["Formulir E.81"]
    engine = capaian(year, TAHUN).set_index("indikator")
    row = e81_row(ws, "Jumlah ASN mengikuti pengembangan kompetensi")
    jumlah = engine.loc["Jumlah ASN mengikuti pengembangan kompetensi"]
    assert row[7][0] == jumlah["target_tahunan"] == 400
    assert [row[n][0] for n in (8, 9, 10, 11)] == [100, 100, 100, 120]
    assert row[12][0] == jumlah["realisasi"] == 420
    # kumulatif: the period's total target against the realisation summed over the period so far
    # (before: 1150 against the one-year 2026 target 2000, 57,50 %, a multi-year sum over one year)
    assert row[5][0] == 300 + 350 + 400 + 400 + 450 + 500 == 2400
    assert row[6][0] == 350 + 380                 # the earlier Renstra years added up (2021: none)
    assert row[13][0] == 350 + 380 + 420          # 13 = 6 + 12
    assert row[14][0] == 47.92                    # 1150 / 2400 × 100 = 47,916… half up
    assert row["unit"] == "Bidang Pengembangan Kompetensi"
    record = e81_row(ws, "Persentase record data base aparatur")
    assert record[12][0] == 94.83 and record[13][0] == 94.83  # nilai_akhir: the position now
    assert record[5][0] is None and record[14][0] is None      # no Renstra target: empty, not 0


def test_e81_program_and_kegiatan_rows_hold_the_budget(book):
    ws = book["Formulir E.81"]
    row = e81_row(ws, "5.03.02.2.03 Pengembangan Kompetensi ASN")
    assert row[7][1] == 1900000000
    assert [row[n][1] for n in (8, 9, 10, 11)] == [400000000, 500000000.5, 300000000, 600000000]
    assert row[12][1] == 1800000000.5
    assert row[6][1] == 1700000000 and row[13][1] == 3500000000.5
    assert ws.cell(row["row"], 6 + 2 * (7 - 5)).number_format == "#,##0"
    program = e81_row(ws, "5.03.02 Program Kepegawaian Daerah")
    assert program["row"] < row["row"]


def test_e81_footer_rows_average_predikat_factors_and_follow_ups(year, book):
    ws = book["Formulir E.81"]
    labels = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    footer = ["Rata-rata capaian kinerja (%)", "Predikat kinerja", "Faktor pendorong", "Faktor penghambat",
              "Tindak lanjut triwulan berikutnya", "Tindak lanjut Renja berikutnya"]
    start = labels.index(footer[0])
    assert labels[start:start + 6] == footer
    r = start + 1
    expected = ringkasan(capaian(year, TAHUN), year)["rata_rata"]
    assert ws.cell(r, 23).value == float(expected)            # the dashboard's mean capaian
    assert ws.cell(r, 24).value == 94.74                      # serapan 1.800.000.000,50 / 1.900.000.000
    assert ws.cell(r + 1, 23).value == kategori_for(year, expected)[0]
    penghambat = ws.cell(r + 3, 5)
    assert "=cmd" in penghambat.value and penghambat.data_type == "s"  # the KET note, as text


def test_no_user_text_became_a_formula_in_any_sheet(book):
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}: {cell.value}"
    capaian_sheet = book["Capaian"]
    assert capaian_sheet.cell(find_row(capaian_sheet, "+62 sasaran palsu"), 2).data_type == "s"
    ws = book["Formulir E.81"]
    assert ws.cell(find_row(ws, "=HYPERLINK"), 4).value.startswith("=HYPERLINK")


def bab3_table(ws, title: str) -> tuple[list[str], list[list]]:
    r = find_row(ws, title)
    headers = [c.value for c in ws[r + 1] if c.value is not None]
    rows = []
    for row in ws.iter_rows(min_row=r + 2, values_only=True):
        if row[0] is None:
            break
        rows.append(list(row[:len(headers)]))
    return headers, rows


def test_bab3_target_vs_realisasi_equals_the_engine(year, book):
    headers, rows = bab3_table(book["LKjIP Bab III"], "Tabel 3.1 Target dan realisasi kinerja tahun 2024")
    assert headers == ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)",
                       "Kategori"]
    engine = capaian(year, TAHUN)
    got = {r[2]: (r[4], r[5], r[6], r[7]) for r in rows}
    for e in engine.itertuples():
        kategori = e.kategori if e.status_data == "terukur" else "Belum lengkap"  # an incomplete row has no band
        expected = (e.target, e.realisasi, None if pd.isna(e.capaian_persen) else e.capaian_persen, kategori)
        assert got[e.indikator] == expected


def test_bab3_compares_this_year_with_the_earlier_renstra_years_and_the_end_target(book):
    ws = book["LKjIP Bab III"]
    headers, rows = bab3_table(ws, "Tabel 3.2")
    assert headers[3:] == [f"{m} {y}" for y in range(2021, 2025) for m in ("Realisasi", "Capaian (%)")]
    jumlah = next(r for r in rows if r[1].startswith("Jumlah ASN"))
    assert jumlah[3:] == [None, None, 350, 87.5, 380, 95, 420, 105]
    headers, rows = bab3_table(ws, "Tabel 3.3")
    assert headers[3:] == ["Pembanding", "Target akhir", "Realisasi s.d. 2024", "Tingkat capaian (%)", "Keterangan"]
    assert next(r for r in rows if r[1].startswith("Jumlah ASN"))[3:] == [
        "jumlah realisasi 2021-2024 dibanding jumlah target Renstra 2021-2026", 2400, 1150, 47.92,
        "realisasi 2021 tidak ada"]
    record = next(r for r in rows if r[1].startswith("Persentase record"))
    assert record[4] is None and record[6] is None and record[7] == "target akhir Renstra 2026 belum ada"


def test_bab3_sets_capaian_kinerja_beside_serapan_anggaran(year, book):
    headers, rows = bab3_table(book["LKjIP Bab III"], "Tabel 3.4")
    assert headers == ["No", "Kode", "Program/Kegiatan", "Pagu (Rp)", "Realisasi anggaran (Rp)",
                       "Serapan anggaran (%)", "Rata-rata capaian kinerja (%)", "Jumlah indikator"]
    kegiatan_row = next(r for r in rows if r[1] == "5.03.02.2.03")
    jumlah = capaian(year, TAHUN).set_index("indikator").at["Jumlah ASN mengikuti pengembangan kompetensi",
                                                             "capaian_persen"]
    assert kegiatan_row[3:] == [1900000000, 1800000000.5, 94.74, jumlah, 1]


def test_data_sheet_is_the_long_format(year, book):
    ws = book["Data"]
    rows = list(ws.iter_rows(values_only=True))
    expected = long_format(year, TAHUN)
    assert list(rows[0]) == list(expected.columns)
    assert len(rows) - 1 == len(expected)
    first = dict(zip(rows[0], rows[1]))
    assert first["indikator"] == expected.at[0, "indikator"] and first["ukuran"] == expected.at[0, "ukuran"]


def test_an_empty_year_gives_every_sheet_with_a_note_instead_of_rows(con, tmp_path):
    book = openpyxl.load_workbook(export(con, TAHUN, tmp_path / "kosong.xlsx"))
    assert book.sheetnames == ["Capaian", "Formulir E.81", "LKjIP Bab III", "Analisis Kinerja", "Data"]
    assert find_row(book["Formulir E.81"], "Belum ada data")
    assert find_row(book["LKjIP Bab III"], "Belum ada data")


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_repeated_and_page_numbers(book):
    paper = {"Capaian": 9, "Formulir E.81": 8, "LKjIP Bab III": 9, "Analisis Kinerja": 9, "Data": 9}  # E.81 on A3, the rest A4
    assert list(paper) == book.sheetnames
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == paper[ws.title], ws.title
        fit = ws.sheet_properties.pageSetUpPr.fitToPage
        assert fit and ws.page_setup.fitToWidth in (None, 1), ws.title  # None: the default, 1
        assert ws.page_setup.fitToHeight == 0 and ws.print_title_rows, ws.title
        assert "&P" in ws.oddFooter.right.text or "&P" in ws.oddFooter.center.text, ws.title
    assert book["Formulir E.81"].print_title_rows == "$6:$9"
    assert book["Data"].print_title_rows == "$1:$1"
    assert book["Analisis Kinerja"].print_title_rows == "$5:$5"


def test_a_quarter_workbook_compares_this_years_figures_to_date(year, tmp_path):
    book = openpyxl.load_workbook(export(year, TAHUN, tmp_path / "tw2.xlsx", triwulan=2))
    _, rows = bab3_table(book["LKjIP Bab III"], "Tabel 3.2")
    jumlah = next(r for r in rows if r[1].startswith("Jumlah ASN"))
    engine = capaian(year, TAHUN, 2).set_index("indikator").loc["Jumlah ASN mengikuti pengembangan kompetensi"]
    assert jumlah[-2:] == [engine["realisasi"], engine["capaian_persen"]] == [200, 50]
    assert find_row(book["Formulir E.81"], "s.d. triwulan II tahun 2024")


def test_incomplete_indicators_are_noted_under_the_e81_and_the_capaian_sheet(year, book):
    """The seeded UMPEG indicator (kumulatif, target 10) reported TW I only: 5 of 10 is a partial
    50,00 %, not a Sangat Rendah result; both sheets say so under the table."""
    for sheet in ("Formulir E.81", "Capaian"):
        ws = book[sheet]
        r = find_row(ws, "Catatan data", column=1)
        assert ws.cell(r + 1, 1).value.startswith("Data belum lengkap: 1 indikator")
        assert "TW II, TW III, TW IV belum dilaporkan" in ws.cell(r + 2, 1).value
    ws = book["Capaian"]
    r = find_row(ws, "HYPERLINK")
    kategori = next(c for c in ws[r] if c.value == "Belum lengkap")
    assert kategori.fill.fgColor.rgb in (None, "00000000")  # no band colour


def test_a_demo_database_marks_every_sheet_but_keeps_the_data_sheet_one_table(year, book, tmp_path):
    from kinerja.demo import SEKRETARIAT_DEMO, mark_demo

    assert not any("DATA DEMO" in (ws.oddHeader.center.text or "") for ws in book.worksheets)
    mark_demo(year, SEKRETARIAT_DEMO)
    demo = openpyxl.load_workbook(export(year, TAHUN, tmp_path / "demo.xlsx"))
    for ws in demo.worksheets:
        assert "DATA DEMO" in ws.oddHeader.center.text, ws.title  # on every printed page
    for name in ("Capaian", "Formulir E.81", "LKjIP Bab III", "Analisis Kinerja"):
        assert find_row(demo[name], "DATA DEMO: dokumen ini dibuat dari data demo"), name
    rows = list(demo["Data"].iter_rows(values_only=True))
    assert list(rows[0]) == list(long_format(year, TAHUN).columns) and len(rows) == len(list(book["Data"].rows))


# --------------------------------------------------------------------------- Analisis Kinerja


def analyse(con):
    """The Jafung's analysis of the first indicator (a formula-looking penyebab among it) and of
    sasaran S1; returns the indicator's name."""
    from kinerja.collect import siklus
    from tests.conftest import PERENCANA
    from tests.evaluasi_seed import S1

    first = siklus.indikator_analisis(con, TAHUN).iloc[0]
    siklus.simpan_analisis(con, TAHUN, first["sasaran"], int(first["indikator_id"]), PERENCANA,
                           penyebab="=SUM(A1) pelatihan daring menambah peserta", solusi="Tambah kelas daring")
    siklus.simpan_analisis(con, TAHUN, S1, None, PERENCANA, efisiensi="Anggaran terserap 94,74 % untuk capaian penuh")
    return first["indikator"]


def analisis_rows(ws) -> dict:
    """{first column of the row's name: [the row's cells from No to Ditulis oleh]} below the header."""
    head = find_row(ws, "Penyebab keberhasilan/kegagalan")
    assert [c.value for c in ws[head]][:9] == ["No", "Sasaran / Indikator Kinerja", "Unit", "Capaian (%)",
                                              "Kategori", "Penyebab keberhasilan/kegagalan", "Alternatif solusi",
                                              "Efisiensi penggunaan sumber daya", "Ditulis oleh"]
    return {row[1].value: row for row in ws.iter_rows(min_row=head + 1) if row[1].value}


def test_the_analisis_sheet_carries_the_jafungs_text_per_indicator_and_sasaran(year, tmp_path):
    from tests.evaluasi_seed import S1

    indikator = analyse(year)
    ws = openpyxl.load_workbook(export(year, TAHUN, tmp_path / "analisis.xlsx"))["Analisis Kinerja"]
    rows = analisis_rows(ws)
    row = rows[indikator]
    assert row[5].value == "=SUM(A1) pelatihan daring menambah peserta" and row[5].data_type == "s"
    assert row[6].value == "Tambah kelas daring"
    assert row[7].value == "Belum ditulis"  # the kind not written says so
    assert "perencana" in row[8].value
    engine = capaian(year, TAHUN).set_index("indikator")
    assert row[3].value == engine.at[indikator, "capaian_persen"]
    sasaran = rows[f"Sasaran: {S1}"]
    assert [c.value for c in sasaran[5:8]] == ["Belum ditulis", "Belum ditulis",
                                              "Anggaran terserap 94,74 % untuk capaian penuh"]
    assert find_row(ws, "Analisis ditulis untuk 1 dari")
    others = [r for name, r in rows.items() if name not in (indikator, f"Sasaran: {S1}")]
    assert others and all(c.value == "Belum ditulis" for r in others for c in r[5:8])
    assert all(r[8].value is None for r in others)


def test_without_any_analysis_every_place_says_it_is_not_written(book):
    rows = analisis_rows(book["Analisis Kinerja"])
    assert rows and all(c.value == "Belum ditulis" for r in rows.values() for c in r[5:8])
    assert all(r[5].fill.fgColor.rgb.endswith("FFF2CC") for r in rows.values())  # marked, not blank-looking


def test_a_quarter_workbook_keeps_the_places_of_the_years_analysis(year, tmp_path):
    analyse(year)
    ws = openpyxl.load_workbook(export(year, TAHUN, tmp_path / "tw2.xlsx", triwulan=2))["Analisis Kinerja"]
    rows = analisis_rows(ws)
    assert all(c.value == "Belum ditulis" for r in rows.values() for c in r[5:8])
    assert find_row(ws, "dokumen triwulan memuat tempatnya saja")


def test_a_long_analysis_goes_on_in_the_rows_below_none_taller_than_excel_allows(year, tmp_path):
    """A row is at most 409 points tall: a longer text in one cell would print cut off. The text goes
    on in the next rows, cut between words, the indicator's other columns merged over them."""
    from kinerja.collect import siklus
    from tests.conftest import PERENCANA

    first = siklus.indikator_analisis(year, TAHUN).iloc[0]
    long_text = "\n".join(f"Paragraf {i}: " + " ".join(f"kata{i}_{j}" for j in range(60)) for i in range(12))
    siklus.simpan_analisis(year, TAHUN, first["sasaran"], int(first["indikator_id"]), PERENCANA,
                           penyebab=long_text, solusi="Singkat")
    ws = openpyxl.load_workbook(export(year, TAHUN, tmp_path / "panjang.xlsx"))["Analisis Kinerja"]
    r = find_row(ws, first["indikator"], column=2)
    run = [r]
    while ws.cell(run[-1] + 1, 2).value is None and ws.cell(run[-1] + 1, 6).value:
        run.append(run[-1] + 1)
    assert len(run) > 1
    assert " ".join(" ".join(ws.cell(i, 6).value.split()) for i in run) == " ".join(long_text.split())
    assert ws.cell(r, 7).value == "Singkat"
    assert any(f"B{r}:B{run[-1]}" == str(m) for m in ws.merged_cells.ranges)
    heights = [d.height for d in ws.row_dimensions.values() if d.height]
    assert heights and max(heights) <= 409


def test_pieces_cut_between_words_and_keep_short_text_whole():
    from kinerja.present.xlsx_formats import ROW_LINES, lines, pieces

    assert pieces("Satu baris\nDua baris", 30) == ["Satu baris\nDua baris"]
    text = " ".join(f"kata{j}" for j in range(2000))
    found = pieces(text, 30)
    assert len(found) > 1 and " ".join(found) == text
    assert all(lines(p, 30) <= ROW_LINES for p in found)


def test_indicators_without_a_sasaran_and_their_analysis_print_in_the_workbook_and_the_draft(year, tmp_path):
    """The Siklus page offers "Analisis sasaran ini" for the group Tanpa sasaran too: what is written
    there prints in both documents (the draft dropped it before)."""
    import docx

    from kinerja.collect import siklus
    from tests import seed
    from tests.conftest import PERENCANA

    seed.indikator(year, "Indikator tanpa sasaran", unit="UMPEG", tahun=TAHUN, target="10", realisasi={1: 10})
    siklus.simpan_analisis(year, TAHUN, siklus.TANPA_SASARAN, None, PERENCANA, solusi="Tetapkan sasarannya")
    ws = openpyxl.load_workbook(export(year, TAHUN, tmp_path / "tanpa.xlsx"))["Analisis Kinerja"]
    rows = analisis_rows(ws)
    assert rows[siklus.TANPA_SASARAN][6].value == "Tetapkan sasarannya"
    assert rows["Indikator tanpa sasaran"][5].value == "Belum ditulis"
    assert find_row(ws, "dan 0 dari 2 sasaran")  # the group is not counted as a sasaran
    draft = [p.text for p in docx.Document(str(export(year, TAHUN, tmp_path / "tanpa.docx"))).paragraphs]
    assert "Alternatif solusi: Tetapkan sasarannya" in draft
    # the indicator has its paragraph under a heading that names no sasaran (before: "Sasaran 3: nan", no rows)
    assert "Sasaran 3: Tanpa sasaran" in draft and not any("nan" in p.split() for p in draft)
    assert any(p.startswith("Capaian indikator Indikator tanpa sasaran") for p in draft)
