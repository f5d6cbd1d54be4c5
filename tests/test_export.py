"""Exports for the evaluation stage: the workbook people read, the long table machines read, and
user text that never turns into a formula in either."""
import csv

import openpyxl
import pandas as pd
import pytest

from kinerja.reports.export import ExportError, export, long_format
from tests import seed

TAHUN = 2024
S1 = "Meningkatnya profesionalitas ASN"
S2 = "Meningkatnya kualitas pelayanan kepegawaian"
INJECTIONS = ['=HYPERLINK("http://contoh.id","klik")', "+62 812 0000", "@SUM(1)"]


@pytest.fixture
def year(con):
    """The published check (93 → 94,83 = 101,97), a range target, a kumulatif indicator of another
    unit under the same sasaran, an indicator without realisation, and names that look like formulas."""
    seed.indikator(con, "Persentase record data base aparatur yang terisi lengkap", target="93",
                   realisasi={4: "94.83"}, satuan="%", agregasi="nilai_akhir", sasaran_teks=S1, kode="IKU-01")
    seed.indikator(con, "Jumlah ASN mengikuti pengembangan kompetensi", unit="BANGKOM", target="400",
                   target_tw={1: 100, 2: 100, 3: 100, 4: 100}, realisasi={1: 90, 2: 110, 3: 100, 4: 100},
                   konvensi="per_triwulan", satuan="orang", sasaran_teks=S2)
    seed.indikator(con, "Persentase layanan tepat waktu – rentang", target="80 - 90", realisasi={4: 70},
                   satuan="%", agregasi="nilai_akhir", sasaran_teks=S1)
    seed.indikator(con, "Indeks Sistem Merit", target="0.48", satuan="indeks", agregasi="nilai_akhir",
                   sasaran_teks=S2)
    for name in INJECTIONS:
        seed.indikator(con, name, unit="UMPEG", target="10", realisasi={1: 5}, satuan="dokumen",
                       sasaran_teks=S2)
    return con


def sheet(path):
    return openpyxl.load_workbook(path)["Capaian"]


def table(ws) -> tuple[dict[str, int], list[dict]]:
    """The header (the two rows joined) and the indicator rows as dicts, from the sheet."""
    for r in range(1, 10):
        if ws.cell(r, 1).value == "No":
            break
    columns = {}
    for c in range(1, ws.max_column + 1):
        top, sub = ws.cell(r, c).value, ws.cell(r + 1, c).value
        columns[sub or top] = c
    rows = []
    for row in range(r + 2, ws.max_row + 1):
        if not ws.cell(row, columns["Indikator"]).value:
            break
        rows.append({name: ws.cell(row, c) for name, c in columns.items()} | {"_row": row})
    return columns, rows


def test_the_workbook_has_one_row_per_indicator_with_numbers_and_the_published_capaian(year, tmp_path):
    ws = sheet(export(year, TAHUN, tmp_path / "evaluasi.xlsx"))
    assert "TAHUN 2024" in ws["A1"].value
    columns, rows = table(ws)
    assert list(columns) == ["No", "Sasaran", "Indikator", "Satuan", "Unit", "Target", "TW I", "TW II",
                             "TW III", "TW IV", "Realisasi s.d. TW IV", "Capaian (%)", "Kategori", "Keterangan",
                             "Catatan"]
    assert len(rows) == 7
    record = next(r for r in rows if r["Indikator"].value.startswith("Persentase record"))
    assert record["Target"].value == 93 and record["TW IV"].value == 94.83
    assert record["Capaian (%)"].value == 101.97 and record["Capaian (%)"].number_format == "#,##0.00"
    assert record["Kategori"].value == "Sangat Tinggi"
    assert record["Kategori"].fill.fgColor.rgb.endswith("0072B2")  # the scale's colour
    assert record["Unit"].value == "Bidang Mutasi"
    rentang = next(r for r in rows if "rentang" in r["Indikator"].value)
    assert rentang["Target"].value == "80 - 90" and rentang["Capaian (%)"].value == 87.5
    assert rentang["Kategori"].fill.fgColor.rgb.endswith("56B4E9")
    merit = next(r for r in rows if r["Indikator"].value == "Indeks Sistem Merit")
    assert merit["Capaian (%)"].value is None and "realisasi belum dilaporkan" in merit["Keterangan"].value


def test_sasaran_is_merged_over_its_indicators_across_units(year, tmp_path):
    ws = sheet(export(year, TAHUN, tmp_path / "evaluasi.xlsx"))
    columns, rows = table(ws)
    merged = {str(m) for m in ws.merged_cells.ranges}
    sasaran_col = openpyxl.utils.get_column_letter(columns["Sasaran"])
    first, last = rows[0]["_row"], rows[1]["_row"]
    assert rows[0]["Sasaran"].value == S1 and f"{sasaran_col}{first}:{sasaran_col}{last}" in merged
    assert f"A{first}:A{last}" in merged and rows[0]["No"].value == 1
    s2 = rows[2]
    assert s2["Sasaran"].value == S2 and s2["No"].value == 2
    assert f"{sasaran_col}{s2['_row']}:{sasaran_col}{rows[-1]['_row']}" in merged
    assert {r["Unit"].value for r in rows[2:]} == {"Bidang Mutasi", "Bidang Pengembangan Kompetensi",
                                                    "Subbagian Umum dan Kepegawaian"}


def test_the_workbook_prints_a4_landscape_one_page_wide_with_the_header_repeated(year, tmp_path):
    ws = sheet(export(year, TAHUN, tmp_path / "evaluasi.xlsx"))
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    # fitToWidth 1 is the file format's default, so it may be left out
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$4:$5"
    assert ws.freeze_panes == "A6"


def test_a_quarter_export_is_titled_and_leaves_later_quarters_out(year, tmp_path):
    ws = sheet(export(year, TAHUN, tmp_path / "tw2.xlsx", triwulan=2))
    assert "S.D. TRIWULAN II TAHUN 2024" in ws["A1"].value
    columns, rows = table(ws)
    assert "Target s.d. TW II" in columns and "Realisasi s.d. TW II" in columns
    jumlah = next(r for r in rows if r["Indikator"].value.startswith("Jumlah ASN"))
    assert (jumlah["TW I"].value, jumlah["TW II"].value, jumlah["TW III"].value) == (90, 110, None)
    assert jumlah["Target s.d. TW II"].value == 200 and jumlah["Capaian (%)"].value == 100


def test_user_text_that_looks_like_a_formula_stays_text_in_xlsx(year, tmp_path):
    ws = sheet(export(year, TAHUN, tmp_path / "evaluasi.xlsx"))
    _, rows = table(ws)
    names = {r["Indikator"].value: r["Indikator"] for r in rows}
    for name in INJECTIONS:
        assert names[name].data_type == "s", name


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_long_format_one_row_per_indicator_period_and_measure(year, tmp_path):
    rows = read_csv(export(year, TAHUN, tmp_path / "panjang.csv"))
    assert list(rows[0]) == ["tahun", "triwulan", "unit", "sasaran", "kode", "indikator", "satuan", "ukuran",
                             "nilai", "teks"]
    record = {(r["triwulan"], r["ukuran"]): r for r in rows if r["kode"] == "IKU-01"}
    assert record[("0", "capaian_persen")]["nilai"] == "101.97"
    assert record[("4", "realisasi")]["nilai"] == "94.83"
    assert record[("0", "target")]["nilai"] == "93" and record[("0", "target")]["teks"] == ""
    assert record[("0", "kategori")]["teks"] == "Sangat Tinggi"
    assert ("1", "realisasi") not in record  # missing is no row, never 0
    assert record[("0", "target")]["sasaran"] == S1
    rentang = {(r["triwulan"], r["ukuran"]): r for r in rows if "rentang" in r["indikator"]}
    assert (rentang[("0", "target")]["nilai"], rentang[("0", "target")]["teks"]) == ("", "80 - 90")
    assert rentang[("0", "capaian_persen")]["nilai"] == "87.5"
    assert "Persentase layanan tepat waktu – rentang" in {r["indikator"] for r in rows}  # UTF-8
    jumlah = {(r["triwulan"], r["ukuran"]): r["nilai"] for r in rows if r["unit"] == "BANGKOM"}
    assert [jumlah[(q, "realisasi_sd")] for q in "1234"] == ["90", "200", "300", "400"]
    assert [jumlah[(q, "target")] for q in "1234"] == ["100"] * 4
    assert {r["triwulan"] for r in rows} == {"0", "1", "2", "3", "4"}


def test_csv_of_a_quarter_has_quarters_up_to_it_only(year, tmp_path):
    rows = read_csv(export(year, TAHUN, tmp_path / "tw2.csv", triwulan=2))
    assert {r["triwulan"] for r in rows} == {"1", "2"}


def test_user_text_that_looks_like_a_formula_is_quoted_in_csv(year, tmp_path):
    rows = read_csv(export(year, TAHUN, tmp_path / "panjang.csv"))
    names = {r["indikator"] for r in rows if r["unit"] == "UMPEG"}
    assert names == {"'" + name for name in INJECTIONS}


def test_parquet_holds_the_same_long_table_with_typed_columns(year, tmp_path):
    frame = pd.read_parquet(export(year, TAHUN, tmp_path / "panjang.parquet"))
    expected = long_format(year, TAHUN)
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)
    assert frame["nilai"].dtype == "float64" and frame["tahun"].dtype == "int64"
    assert set(frame.loc[frame["unit"] == "UMPEG", "indikator"]) == set(INJECTIONS)  # data, not a sheet


def test_the_excel_csv_is_the_same_table_in_the_indonesian_excel_dialect(year, tmp_path):
    from kinerja.reports.export import EXCEL_CSV, export_bytes

    raw = export_bytes(year, TAHUN, EXCEL_CSV)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM: Excel reads UTF-8; Windows line ends
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    machine = read_csv(export(year, TAHUN, tmp_path / "panjang.csv"))
    assert len(rows) == len(machine) and list(rows[0]) == list(machine[0])
    for excel, dot in zip(rows, machine):
        assert excel == {**dot, "nilai": dot["nilai"].replace(".", ",")}
    record = {(r["triwulan"], r["ukuran"]): r for r in rows if r["kode"] == "IKU-01"}
    assert record[("0", "capaian_persen")]["nilai"] == "101,97"
    assert {r["indikator"] for r in rows if r["unit"] == "UMPEG"} == {"'" + name for name in INJECTIONS}


def test_an_out_name_ending_in_excel_csv_is_still_the_machine_csv(year, tmp_path):
    rows = read_csv(export(year, TAHUN, tmp_path / "data-excel.csv"))  # the CLI contract: .csv is one format
    assert rows[0]["tahun"] == str(TAHUN) and any("." in r["nilai"] for r in rows)


def test_a_demo_databases_parquet_says_so_in_its_metadata_and_its_csv_stays_the_fixed_table(year, tmp_path):
    import pyarrow.parquet as pq

    from kinerja.demo import SEKRETARIAT_DEMO, mark_demo

    assert b"kinerja:sumber_data" not in pq.read_schema(export(year, TAHUN, tmp_path / "a.parquet")).metadata
    mark_demo(year, SEKRETARIAT_DEMO)
    assert pq.read_schema(export(year, TAHUN, tmp_path / "b.parquet")).metadata[b"kinerja:sumber_data"] == b"demo"
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "b.parquet"), pd.read_parquet(tmp_path / "a.parquet"))
    assert list(read_csv(export(year, TAHUN, tmp_path / "demo.csv"))[0]) == [
        "tahun", "triwulan", "unit", "sasaran", "kode", "indikator", "satuan", "ukuran", "nilai", "teks"]


def test_an_empty_year_still_gives_a_readable_workbook_and_a_header_only_csv(con, tmp_path):
    ws = sheet(export(con, TAHUN, tmp_path / "kosong.xlsx"))
    assert any("Belum ada data" in str(c.value) for row in ws.iter_rows() for c in row)
    assert read_csv(export(con, TAHUN, tmp_path / "kosong.csv")) == []


@pytest.mark.parametrize("name, message", [("data.txt", "format '.txt' tidak dikenal"),
                                           ("data", "format 'data' tidak dikenal")])
def test_unknown_formats_are_refused_in_bahasa_indonesia(con, tmp_path, name, message):
    with pytest.raises(ExportError, match=message):
        export(con, TAHUN, tmp_path / name)
    assert not (tmp_path / name).exists()
