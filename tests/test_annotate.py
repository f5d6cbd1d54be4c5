"""The annotated copy a unit gets back: its own workbook, the bad cells red with the message."""
import io

from openpyxl import load_workbook

from kinerja.annotate import annotate_errors
from kinerja.reader import read_workbook
from tests.workbooks import Sheet, csv_bytes, sop_rows, xlsx

HEADER = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI TW I"]


def test_every_reported_cell_is_red_with_its_message_and_the_rest_is_untouched(tmp_path):
    data = xlsx(Sheet("Data", sop_rows([[1, "Indeks A", "dua", 1], [2, "=HYPERLINK(\"x\")", 5, "12,5,0"]], HEADER)))
    book = read_workbook(data, "unit.xlsx")
    annotate_errors(data, "unit.xlsx", book.problems, tmp_path / "salah.xlsx")
    out = load_workbook(tmp_path / "salah.xlsx")
    ws = out["Data"]
    for ref, text in (("C6", "dua"), ("D7", "12,5,0")):
        assert ws[ref].value == text
        assert ws[ref].fill.fgColor.rgb.endswith("FFC7CE")
        assert "bukan angka" in ws[ref].comment.text
    assert ws["D6"].value == 1 and ws["D6"].comment is None
    listing = [row for row in out["KESALAHAN"].iter_rows(values_only=True)][1:]
    assert [(r[0], r[1], r[2]) for r in listing] == [("Data", 6, "TARGET"), ("Data", 7, "REALISASI TW I")]
    assert ws["B7"].data_type == "s"


def test_a_csv_file_comes_back_as_xlsx_with_the_same_places(tmp_path):
    data = csv_bytes(sop_rows([[1, "Indeks A", "0,48", "dua puluh"]], HEADER))
    book = read_workbook(data, "unit.csv")
    annotate_errors(data, "unit.csv", book.problems, tmp_path / "salah.xlsx")
    ws = load_workbook(tmp_path / "salah.xlsx")["unit"]
    assert ws["D6"].value == "dua puluh" and "bukan angka" in ws["D6"].comment.text


def test_problems_without_a_cell_are_listed_on_the_first_sheet(tmp_path):
    data = xlsx(Sheet("Data", [["Nama", "Nilai"]]))
    book = read_workbook(data, "lain.xlsx")
    annotate_errors(data, "lain.xlsx", book.problems, tmp_path / "salah.xlsx")
    out = load_workbook(tmp_path / "salah.xlsx")
    assert out.sheetnames[0] == "KESALAHAN"
    assert "INDIKATOR KINERJA" in out["KESALAHAN"]["E2"].value
