"""The annotated copy a unit gets back: its own workbook, the bad cells red with the message."""
import io

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment

from kinerja.ingest.annotate import annotate_errors
from kinerja.ingest.reader import read_workbook
from kinerja.model import Problem
from tests.workbooks import Sheet, csv_bytes, sop_rows, xls, xlsx

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



def cells(ws) -> dict:
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def test_nothing_but_the_marks_changes_in_the_users_sheets(tmp_path):
    data = xlsx(Sheet("Data", sop_rows([[1, "Indeks A", "dua", 1], [2, "Indeks B", 5, "12,5,0"]], HEADER)),
                Sheet("Catatan", [["bebas", 3.5]]))
    book = read_workbook(data, "unit.xlsx")
    annotate_errors(data, "unit.xlsx", book.problems, tmp_path / "salah.xlsx")
    before, after = load_workbook(io.BytesIO(data)), load_workbook(tmp_path / "salah.xlsx")
    assert after.sheetnames == ["KESALAHAN", "Data", "Catatan"]
    for name in ("Data", "Catatan"):
        assert cells(after[name]) == cells(before[name])
    marked = {c.coordinate for row in after["Data"].iter_rows() for c in row if c.comment}
    assert marked == {"C6", "D7"}
    assert after["Data"]["C7"].fill.fgColor.rgb == before["Data"]["C7"].fill.fgColor.rgb


def test_a_warning_is_amber_two_problems_share_one_comment_and_an_old_comment_stays(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "TW I"
    ws["C3"], ws["D3"] = 40, 30
    ws["D3"].comment = Comment("catatan unit", "unit")
    buffer = io.BytesIO()
    wb.save(buffer)
    problems = [
        Problem("TW I", 3, "REALISASI TW II", "30", "realisasi kumulatif menurun", col=4, severity="peringatan"),
        Problem("TW I", 3, "REALISASI TW II", "30", "periksa angka", col=4, severity="peringatan"),
        Problem("TW I", 3, "TARGET", "40", "target salah", col=3),
    ]
    out = io.BytesIO()
    annotate_errors(buffer.getvalue(), "unit.xlsx", problems, out)
    ws = load_workbook(io.BytesIO(out.getvalue()))["TW I"]
    assert ws["D3"].fill.fgColor.rgb.endswith("FFEB9C") and ws["C3"].fill.fgColor.rgb.endswith("FFC7CE")
    text = ws["D3"].comment.text
    assert "Peringatan:" in text and "realisasi kumulatif menurun" in text and "periksa angka" in text and "catatan unit" in text


def test_a_cell_inside_a_merged_range_marks_the_range_and_the_list_links_to_it(tmp_path):
    data = xlsx(Sheet("Data", sop_rows([[1, "Indeks A", "dua", 1], [None, None, None, 2]], HEADER),
                      merged=["C6:C7"]))
    problem = Problem("Data", 7, "TARGET", "dua", "bukan angka", col=3)
    annotate_errors(data, "unit.xlsx", [problem], tmp_path / "salah.xlsx")
    out = load_workbook(tmp_path / "salah.xlsx")
    assert "bukan angka" in out["Data"]["C6"].comment.text
    assert out["KESALAHAN"]["A2"].hyperlink.location == "'Data'!C6"
    assert out.active.title == "KESALAHAN"


def test_an_xls_file_comes_back_as_xlsx_with_its_sheet_names_and_places(tmp_path):
    data = xls(Sheet("Mutasi TW 1", sop_rows([[1, "Indeks A", 93, "dua puluh"]], HEADER)))
    book = read_workbook(data, "unit.xls")
    assert book.errors
    annotate_errors(data, "unit.xls", book.problems, tmp_path / "salah.xlsx")
    ws = load_workbook(tmp_path / "salah.xlsx")["Mutasi TW 1"]
    assert ws["C6"].value == 93 and ws["B6"].value == "Indeks A"
    assert ws["D6"].value == "dua puluh" and "bukan angka" in ws["D6"].comment.text


def test_csv_text_that_looks_like_a_formula_stays_text(tmp_path):
    data = csv_bytes(sop_rows([[1, "=SUM(1)", "0,48", "@x"], [2, "+62 812", "dua", "-"]], HEADER))
    book = read_workbook(data, "unit.csv")
    annotate_errors(data, "unit.csv", book.problems, tmp_path / "salah.xlsx")
    ws = load_workbook(tmp_path / "salah.xlsx")["unit"]
    for ref, text in (("B6", "=SUM(1)"), ("D6", "@x"), ("B7", "+62 812")):
        assert ws[ref].data_type == "s" and ws[ref].value == text
    assert "bukan angka" in ws["C7"].comment.text


def test_a_sheet_already_named_kesalahan_is_kept(tmp_path):
    data = xlsx(Sheet("KESALAHAN", [["milik unit"]]), Sheet("Data", sop_rows([[1, "Indeks A", "dua", 1]], HEADER)))
    book = read_workbook(data, "unit.xlsx")
    annotate_errors(data, "unit.xlsx", book.problems, tmp_path / "salah.xlsx")
    out = load_workbook(tmp_path / "salah.xlsx")
    assert out.sheetnames == ["KESALAHAN (2)", "KESALAHAN", "Data"]
    assert out["KESALAHAN"]["A1"].value == "milik unit"
