"""The shared field and reliability cases of issue 12 (CSV dialects, number text, messages, Formulir
E.81, multi-file imports), each run through the command line as a user runs it, with its expected result.

The cases live in ../shared/cases beside the clone (CI puts shared/ there too).
"""
import json
from pathlib import Path

import pytest

from tests.cases import run as kinerja
from tests.conftest import db_content

CASES = Path(__file__).parents[2] / "shared" / "cases"
FIELD, RELIABILITY = CASES / "field", CASES / "reliability"
pytestmark = pytest.mark.skipif(not CASES.is_dir(), reason=f"shared cases not found at {CASES} (CI puts shared/ "
                                                           "beside the clone)")



@pytest.fixture
def dbfile(tmp_path, capsys):
    path = tmp_path / "k.duckdb"
    assert kinerja(capsys, "init", "--db", path)[0] == 0
    return path


def content(path):
    from kinerja.store import db

    con = db.connect(path)
    try:
        return db_content(con)
    finally:
        con.close()


def num(value):
    """As check_field.py compares: numbers to 2 decimals, range texts with '-'."""
    try:
        return round(float(value), 2)
    except (TypeError, ValueError):
        return None if value is None else str(value).replace("–", "-")


def run_field_case(capsys, dbfile, stem):
    """Import the case as its .expected.json says; returns (expected, exit code, stderr)."""
    expected = json.loads((FIELD / f"{stem}.expected.json").read_text())
    source = next(p for p in FIELD.iterdir() if p.stem == stem and p.suffix not in (".json", ".py", ".md"))
    before = content(dbfile)
    code, out, err = kinerja(capsys, "import", source, *expected["import_args"].split(), "--db", dbfile)
    assert code == {"ok": 0, "exit1": 1}[expected["expect"]], err
    if expected["expect"] == "exit1":
        assert content(dbfile) == before
        return expected, err
    args = expected["import_args"].split()
    code, out, err2 = kinerja(capsys, "capaian", "--year", args[args.index("--year") + 1], "--format", "json",
                              "--db", dbfile)
    rows = {r["indikator"]: r for r in json.loads(out)}
    assert len(rows) == len(expected["rows"])
    for want in expected["rows"]:
        got = rows[want["indikator"]]
        assert {k: num(got[k]) for k in ("target", "realisasi", "capaian_persen")} == \
               {k: num(want[k]) for k in ("target", "realisasi", "capaian_persen")}, want["indikator"]
        assert got["kategori"] == want["kategori"]
    return expected, err


# --------------------------------------------------------------------------- field cases


def test_semicolon_csv_with_more_commas_than_semicolons(capsys, dbfile):
    run_field_case(capsys, dbfile, "csv_semicolon_commas_outnumber")


def test_spaces_inside_digits_are_errors_naming_each_cell(capsys, dbfile):
    _, err = run_field_case(capsys, dbfile, "spaces_inside_digits")
    assert "Lembar 'TW IV', baris 6, kolom 'REALISASI TW IV', isi '94, 83'" in err
    assert "Lembar 'TW IV', baris 7, kolom 'REALISASI TW III', isi '2 95'" in err
    assert "Lembar 'TW IV', baris 7, kolom 'REALISASI TW IV', isi '33 0'" in err
    assert err.count("Kesalahan:") == 3


def test_dates_in_number_columns_are_quoted_as_the_cell_shows_them(capsys, dbfile):
    _, err = run_field_case(capsys, dbfile, "date_typed_in_number_column")
    assert "Lembar 'TW IV', baris 6, kolom 'REALISASI TW II', isi '25/09/2024'" in err
    assert "Lembar 'TW IV', baris 8, kolom 'REALISASI TW I', isi '4-Mei'" in err
    assert err.count("Excel mengubah angka yang diketik menjadi tanggal") == 2
    assert "00:00:00" not in err


def test_formulir_e81_is_read_as_a_source(capsys, dbfile):
    run_field_case(capsys, dbfile, "e81_evaluasi_renja_bappedalitbang_excerpt")


def test_range_targets_of_the_permenpanrb_examples(capsys, dbfile):
    run_field_case(capsys, dbfile, "permenpanrb_range_examples")


# --------------------------------------------------------------------------- reliability cases


def import_case(capsys, dbfile, *names, options=("--unit", "MUTASI", "--year", "2026"), dry_run=False):
    files = [RELIABILITY / n for n in names]
    return kinerja(capsys, "import", *files, *options, *(["--dry-run"] if dry_run else []), "--db", dbfile)


# openpyxl cannot parse a number cell holding NaN or INF at all: this branch refuses the file naming the
# sheet and the row; the xlsx reader of issue 12 kinds 1-2 (branch i12a) reads the cell, and the
# reader then names its column as for 1e22.
NEEDS_OWN_XLSX_READER = pytest.mark.xfail(reason="openpyxl stops at <v>NaN</v>; the own xlsx reader names the cell")


@pytest.mark.parametrize("name, shown", [
    ("number_cell_1e22.xlsx", "1e+22"),
    pytest.param("number_cell_nan.xlsx", None, marks=NEEDS_OWN_XLSX_READER),
    pytest.param("number_cell_inf.xlsx", None, marks=NEEDS_OWN_XLSX_READER),
    ("text_number_40_digits.xlsx", "1" + "0" * 40),
])
def test_numbers_the_database_cannot_hold_are_refused_alike_in_the_dry_run(capsys, dbfile, name, shown):
    before = content(dbfile)
    for dry_run in (True, False):
        code, out, err = import_case(capsys, dbfile, name, dry_run=dry_run)
        assert code == 1, err
        assert "Lembar 'DATA', baris 6, kolom 'REALISASI TRIWULAN I'" in err
        assert shown is None or f"isi '{shown}'" in err
        assert "Galat" not in err and "Traceback" not in err
    assert content(dbfile) == before


@pytest.mark.parametrize("name", ["number_cell_nan.xlsx", "number_cell_inf.xlsx"])
def test_number_cells_no_reader_can_parse_are_refused_in_words(capsys, dbfile, name):
    before = content(dbfile)
    for dry_run in (True, False):
        code, out, err = import_case(capsys, dbfile, name, dry_run=dry_run)
        assert code == 1 and "baris 6" in err and "'DATA'" in err
        assert "Galat tak terduga" not in err and "Error" not in err
    assert content(dbfile) == before


def test_undecodable_csv_is_refused_with_a_message(capsys, dbfile):
    code, out, err = import_case(capsys, dbfile, "csv_undecodable_byte.csv")
    assert code == 1
    assert "baris 6" in err and "UTF-8" in err
    assert "Galat tak terduga" not in err and "Error" not in err


def test_utf16_csv_is_read(capsys, dbfile):
    code, out, err = import_case(capsys, dbfile, "csv_utf16.csv", dry_run=True)
    assert code == 0, err
    assert "Baris indikator dibaca: 1" in out or "Baris indikator dibaca: 2" in out


def test_escape_sequences_never_reach_the_terminal_and_the_marked_copy_is_written(capsys, dbfile, tmp_path):
    marked = tmp_path / "tandai.xlsx"
    code, out, err = import_case(capsys, dbfile, "csv_ansi_escape.csv", options=(
        "--unit", "MUTASI", "--year", "2026", "--errors-out", marked))
    assert code == 1
    for text in (out, err):
        assert not any(ord(ch) < 32 and ch != "\n" or 0x7f <= ord(ch) < 0xa0 for ch in text), repr(text)
    assert "SISTEM DIRETAS" in err
    from openpyxl import load_workbook
    book = load_workbook(marked)
    assert book.sheetnames[0] == "KESALAHAN"


def test_control_characters_in_names_are_not_stored(capsys, dbfile):
    code, out, err = import_case(capsys, dbfile, "csv_control_char_name.csv",
                                 options=("--unit", "MUTASI", "--year", "2026", "--quarter", "1"))
    assert code == 0, err
    from kinerja.store import db
    con = db.connect(dbfile)
    names = [r[0] for r in con.execute("SELECT nama FROM indikator").fetchall()]
    con.close()
    assert names == ["Jumlah ASN dilatih"]
    code, out, err = kinerja(capsys, "export", "--year", "2026", "--out", dbfile.parent / "lkjip.docx", "--db", dbfile)
    assert code == 0, err


def test_multi_file_import_writes_nothing_when_one_file_is_bad(capsys, dbfile):
    before = content(dbfile)
    code, out, err = import_case(capsys, dbfile, "multi_a_good.xlsx", "multi_b_overflow.xlsx", dry_run=True)
    assert code == 1
    code, out, err = import_case(capsys, dbfile, "multi_a_good.xlsx", "multi_b_overflow.xlsx")
    assert code == 1
    assert "multi_b_overflow" in err and "baris 6" in err
    assert content(dbfile) == before


def test_same_name_under_two_sasaran_is_refused(capsys, dbfile):
    before = content(dbfile)
    code, out, err = import_case(capsys, dbfile, "same_name_two_sasaran.xlsx")
    assert code == 1 and "Jumlah ASN dilatih" in err
    # the columns are named as the file names them (REALISASI TRIWULAN I), never as another format would
    assert "kolom 'REALISASI TRIWULAN I', isi '40'" in err and "kolom 'TARGET TAHUNAN', isi '200'" in err
    assert "TW I'" not in err
    assert "di bawah sasaran 'Sasaran A', di sini di bawah sasaran 'Sasaran B'" in err
    assert content(dbfile) == before


def test_the_same_name_under_two_sasaran_is_refused_even_with_equal_values(capsys, dbfile, tmp_path):
    from tests.workbooks import Sheet, sop_rows, xlsx

    row = ["Jumlah ASN dilatih", "orang", 100, 25, 25, 25, 25, 20]
    path = tmp_path / "rangkap.xlsx"
    path.write_bytes(xlsx(Sheet("DATA", sop_rows([[1, "Sasaran A", *row], [2, "Sasaran B", *row]]))))
    code, out, err = kinerja(capsys, "import", path, "--unit", "MUTASI", "--year", "2024", "--db", dbfile)
    assert code == 1 and err.count("Kesalahan:") == 1 and "baris 7" in err


def test_a_file_titled_for_another_unit_or_year_is_refused_by_the_cli(capsys, dbfile):
    """same_name_two_sasaran.xlsx is titled BIDANG MUTASI, TAHUN 2026: the Unggah page refuses it for
    another unit or year, and so does the command line."""
    before = content(dbfile)
    code, out, err = import_case(capsys, dbfile, "multi_a_good.xlsx", options=("--unit", "BANGKOM", "--year", "2026"))
    assert code == 1 and "judul berkas menyebut unit MUTASI" in err
    code, out, err = import_case(capsys, dbfile, "multi_a_good.xlsx", options=("--unit", "MUTASI", "--year", "2025"))
    assert code == 1 and "judul berkas menyebut tahun 2026" in err
    assert content(dbfile) == before
