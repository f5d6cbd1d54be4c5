"""The shared field and reliability files about reading spreadsheets, each with its expected result,
through the command line as a unit's file would go (../shared/cases beside the clone)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import kinerja

CASES = Path(__file__).parents[2] / "shared" / "cases"
pytestmark = pytest.mark.skipif(not CASES.is_dir(), reason=f"shared cases not found at {CASES} (CI lays "
                                                          "shared/ beside the clone)")
FIELD = ["wps_dimension_a1.xlsx", "percent_sign_literal_format.xlsx", "sharedstrings_capital_s.xlsx",
         "wp_eval_sakip_html_table_as_xls.xls"]


def number(x):
    try:
        return round(float(x), 2)
    except (TypeError, ValueError):
        return None if x is None else str(x).replace("–", "-")


@pytest.fixture
def dbfile(tmp_path, capsys):
    path = str(tmp_path / "field.duckdb")
    assert kinerja(capsys, "init", "--db", path)[0] == 0
    return path


@pytest.mark.parametrize("name", FIELD)
def test_a_field_file_reads_to_the_hand_computed_capaian(name, dbfile, capsys):
    expected = json.loads((CASES / "field" / name).with_suffix(".expected.json").read_text())
    args = expected["import_args"].split()
    code, _, err = kinerja(capsys, "import", str(CASES / "field" / name), *args, "--db", dbfile)
    assert (code, expected["expect"]) == (0, "ok"), err
    year = args[args.index("--year") + 1]
    code, out, err = kinerja(capsys, "capaian", "--year", year, "--format", "json", "--db", dbfile)
    assert code == 0, err
    got = {row["indikator"]: row for row in json.loads(out)}
    assert sorted(got) == sorted(row["indikator"] for row in expected["rows"])
    for want in expected["rows"]:
        row = got[want["indikator"]]
        assert {k: number(row[k]) for k in ("target", "realisasi", "capaian_persen", "kategori")} == \
            {k: number(want[k]) for k in ("target", "realisasi", "capaian_persen", "kategori")}


def refused(capsys, dbfile, path) -> str:
    """Import `path` as a dry run; it must be refused with exit 1 and one message, no traceback."""
    code, out, err = kinerja(capsys, "import", str(path), "--unit", "MUTASI", "--year", "2026", "--dry-run",
                             "--db", dbfile)
    assert code == 1, (out, err)
    assert "Traceback" not in err and "Galat tak terduga" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_a_tiny_workbook_declaring_a_million_rows_is_refused_naming_the_far_cell(dbfile, capsys):
    err = refused(capsys, dbfile, CASES / "reliability" / "bomb_dimension_XFD1048576.xlsx")
    assert "XFD1048576" in err and "25.000 baris" in err and "Hapus isi di luar tabel" in err


def test_a_workbook_with_broken_sheet_xml_is_one_message_in_bahasa_indonesia(dbfile, capsys):
    err = refused(capsys, dbfile, CASES / "reliability" / "xlsx_bad_sheet_xml.xlsx")
    assert "rusak" in err and "xl/worksheets/sheet1.xml" in err and "simpan ulang" in err


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    """The zip bombs of make_bombs.py (2 MB -> 2 GiB sheet, 1 MB -> 1 GiB shared string), made once."""
    folder = tmp_path_factory.mktemp("bombs")
    subprocess.run([sys.executable, str(CASES / "reliability" / "make_bombs.py"), str(folder)], check=True,
                   capture_output=True)
    return folder


@pytest.mark.parametrize("name, part", [("zipbomb_sheet_2GB_whitespace.xlsx", "xl/worksheets/sheet1.xml"),
                                        ("zipbomb_sharedstring_1GB.xlsx", "xl/sharedStrings.xml")])
def test_zip_bombs_are_refused_by_their_unpacked_size_before_reading(bombs, name, part, dbfile, capsys):
    err = refused(capsys, dbfile, bombs / name)
    assert "terlalu besar setelah dibuka" in err and part in err and "batasnya 64 MB" in err
