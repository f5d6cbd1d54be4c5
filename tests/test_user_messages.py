"""What reaches a user is theirs to read (issue 12, kind 8): no escape sequence or control character
printed, no crash writing the marked copy, the sheet slot names a sheet, a date is quoted as the cell
shows it, warnings name only columns the file has."""
from datetime import datetime

import pytest
from openpyxl import load_workbook

from kinerja.ingest.annotate import annotate_errors
from kinerja.ingest.datetext import date_text
from kinerja.ingest.plan import plan_file
from kinerja.ingest.reader import read_workbook
from kinerja.model import Problem
from kinerja.safety import printable
from tests.cases import run as cli
from tests.workbooks import Sheet, csv_bytes, sop_rows, xlsx

S = "Meningkatnya kompetensi ASN"
ESCAPES = ["\x1b[2J", "\x1b[31m", "\x1b[0m", "\x07", "\x1b]0;judul jendela\x07", "\x1b]8;;http://x\x1b\\",
           "\x9b31m", "\x1bc", "\x00", "\x08", "\x7f", "\x85"]


@pytest.mark.parametrize("sequence", ESCAPES)
def test_escape_sequences_and_control_characters_are_removed(sequence):
    assert printable(f"Jumlah{sequence} ASN") == "Jumlah ASN"


def test_newlines_stay_and_tabs_become_spaces():
    assert printable("baris 1\nbaris\t2") == "baris 1\nbaris 2"
    assert printable("a\r\nb", keep_newlines=False) == "a b"



@pytest.mark.parametrize("sequence", ESCAPES)
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_nothing_printed_by_the_command_line_carries_a_control_character(tmp_path, capsys, sequence, kind):
    rows = sop_rows([[1, f"S{sequence}", f"Jumlah{sequence} ASN", "orang", 100, 25, 25, 25, 25,
                      f"10{sequence}x"]])
    path = tmp_path / f"unit{sequence[:2].encode().hex()}.{kind}"
    path.write_bytes(xlsx(Sheet("TW I", rows)) if kind == "xlsx" else csv_bytes(rows))
    db = tmp_path / "k.duckdb"
    cli(capsys, "init", "--db", db)
    marked = tmp_path / "tandai.xlsx"
    code, out, err = cli(capsys, "import", path, "--unit", "MUTASI", "--year", "2024", "--db", db,
                         "--errors-out", marked)
    assert code == 1
    for text in (out, err):
        assert printable(text) == text
    assert "isi '10x'" in err
    assert load_workbook(marked).sheetnames[0] == "KESALAHAN"


def test_the_marked_copy_is_written_whatever_a_message_holds(tmp_path):
    data = xlsx(Sheet("TW I", sop_rows([[1, S, "Jumlah ASN", "orang", 100]])))
    problems = [Problem("TW I", 6, "TARGET TAHUNAN", "1\x1b[31m00\x07", "pesan\x01 dengan \x0bkendali", 5),
                Problem(None, None, None, None, "masalah seluruh berkas\x1b[2J")]
    out = tmp_path / "tandai.xlsx"
    annotate_errors(data, "unit.xlsx", problems, out)
    book = load_workbook(out)
    listed = [[c.value for c in row] for row in book["KESALAHAN"].iter_rows(min_row=2)]
    assert listed[0][:5] == ["TW I", 6, "TARGET TAHUNAN", "100", "pesan dengan kendali"]
    assert listed[1][0] == "(seluruh berkas)" and listed[1][4] == "masalah seluruh berkas"
    assert "\x1b" not in book["TW I"]["E6"].comment.text


def test_a_file_level_problem_names_no_sheet():
    (problem,) = read_workbook(xlsx(Sheet("Data", [["Nama", "NIP"], ["A", "1"]])), "rekap.xlsx").errors
    assert problem.sheet is None
    assert "Lembar" not in str(problem) and "rekap.xlsx" not in str(problem)


@pytest.mark.parametrize("fmt, shown", [
    ("dd/mm/yyyy", "25/09/2024"), ("d-mmm", "25-Sep"), ("d mmmm yyyy", "25 September 2024"),
    ("mm/dd/yy", "09/25/24"), ("[$-421]dd mmmm yyyy;@", "25 September 2024"), ("dddd, d mmm yyyy", "Rabu, 25 Sep 2024"),
    ("yyyy-mm-dd hh:mm", "2024-09-25 14:05"), ("h:mm AM/PM", "2:05 PM"), ('"Tgl" d', "Tgl 25"), (None, "25/09/2024"),
    ("General", "25/09/2024"),
])
def test_dates_are_quoted_as_their_format_shows_them(fmt, shown):
    value = datetime(2024, 9, 25, 14, 5) if "h" in (fmt or "") else datetime(2024, 9, 25)
    assert date_text(value, fmt) == shown


def test_indonesian_month_names():
    assert date_text(datetime(2024, 5, 4), "d-mmm") == "4-Mei"
    assert date_text(datetime(2024, 8, 17), "d mmmm") == "17 Agustus"


@pytest.mark.parametrize("fmt, shown", [("dd/mm/yyyy", "25/09/2024"), ("d-mmm", "25-Sep"), ("d/m", "25/9")])
def test_a_date_in_a_number_column_is_an_error_saying_excel_made_it_a_date(con, fmt, shown):
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = book.add_worksheet("TW I")
    for r, row in enumerate(sop_rows([[1, S, "Jumlah ASN", "orang", 100, 25, 25, 25, 25]])):
        ws.write_row(r, 0, row)
    ws.write_datetime(5, 9, datetime(2024, 9, 25), book.add_format({"num_format": fmt}))
    book.close()
    plan = plan_file(con, buffer.getvalue(), "unit.xlsx", "MUTASI", 2024)
    (error,) = plan.errors
    assert (error.column, error.cell, error.kind) == ("REALISASI TRIWULAN I", shown, "tanggal")
    assert "Excel mengubah angka yang diketik menjadi tanggal" in error.message


def test_warnings_name_the_columns_as_the_file_writes_them(con):
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "Realisasi Tw. 1", "Realisasi Tw. 3"]
    rows = sop_rows([[1, S, "Jumlah ASN", "orang", 100, None, 30]], header)
    plan = plan_file(con, xlsx(Sheet("TW III", rows)), "unit.xlsx", "MUTASI", 2024)
    columns = {w.column for w in plan.warnings}
    # TW I is in the file (empty), TW II is not: the warning about TW II names no column
    assert columns == {"Realisasi Tw. 1", None}
    assert all(w.column in (None, *header) for w in plan.warnings)
