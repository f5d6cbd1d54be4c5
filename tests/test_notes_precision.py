"""Blank never deletes a note, and values are stored at the precision read, so re-importing the
same file writes nothing (issue 13, point 10)."""
import pytest

from kinerja.collect import notes
from kinerja.numbers import NumberError, from_excel_number, parse_number
from kinerja.store import db
from tests.cases import case, run, sop
from tests.conftest import SEKRETARIAT, db_content

NAME = "Jumlah ASN dilatih uji"
HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I", "KET",
          "BUKTI DUKUNG"]


@pytest.fixture
def dbfile(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert run(capsys, "init", "--db", path)[0] == 0
    return path


def import_(capsys, dbfile, path, *extra):
    return run(capsys, "import", path, "--unit", "MUTASI", "--year", 2026, "--db", dbfile, *extra)


def stored_notes(dbfile, triwulan=1):
    con = db.connect(dbfile)
    try:
        return con.execute("SELECT ket, bukti_dukung, faktor_pendorong, faktor_penghambat FROM catatan "
                           "WHERE triwulan = ?", [triwulan]).fetchall()
    finally:
        con.close()


def test_a_ket_only_file_keeps_the_bukti_dukung_typed_on_the_register(dbfile, capsys):
    assert import_(capsys, dbfile, case("notes_v1.xlsx"), "--quarter", 1)[0] == 0
    con = db.connect(dbfile)
    iid = con.execute("SELECT id FROM indikator WHERE nama = ?", [NAME]).fetchall()[0][0]
    notes.save_notes(con, iid, 2026, 1, SEKRETARIAT, ket="Ket dari Jafung", bukti_dukung="https://drive.example/bukti-tw1.pdf",
                     faktor_pendorong="pendorong", faktor_penghambat="penghambat")
    con.close()
    assert import_(capsys, dbfile, case("notes_ket_only.xlsx"), "--quarter", 1)[0] == 0
    assert stored_notes(dbfile) == [("ket dari berkas", "https://drive.example/bukti-tw1.pdf", "pendorong",
                                     "penghambat")]


def test_a_blank_ket_keeps_the_ket_and_a_new_link_replaces_the_old(tmp_path, dbfile, capsys):
    first = sop(tmp_path / "a.xlsx", HEADER, [1, "Sasaran", NAME, "orang", 100, 10, "ket pertama", "https://a/1.pdf"])
    assert import_(capsys, dbfile, first, "--quarter", 1)[0] == 0
    second = sop(tmp_path / "b.xlsx", HEADER, [1, "Sasaran", NAME, "orang", 100, 10, None, "https://a/2.pdf"])
    assert import_(capsys, dbfile, second, "--quarter", 1)[0] == 0
    assert stored_notes(dbfile) == [("ket pertama", "https://a/2.pdf", None, None)]
    # the same file again: nothing to write
    code, out, _ = import_(capsys, dbfile, second, "--quarter", 1)
    assert code == 0 and "Tidak ada perubahan" in out


def test_seven_decimals_are_refused_naming_the_cell_and_nothing_is_written(dbfile, capsys):
    con = db.connect(dbfile)
    before = db_content(con)
    con.close()
    for _ in range(3):
        code, _, err = import_(capsys, dbfile, case("seven_decimals.xlsx"))
        assert code == 1
        assert ("Lembar 'DATA', baris 6, kolom 'REALISASI TRIWULAN I', isi '85,1234567': 7 angka di belakang koma; "
                "paling banyak 6. Tulis angka yang dibulatkan, mis. 85,123457.") in err
    con = db.connect(dbfile)
    assert db_content(con) == before
    con.close()


def test_six_decimals_import_once_and_then_write_nothing(tmp_path, dbfile, capsys):
    path = sop(tmp_path / "six.xlsx", HEADER[:6], [1, "Sasaran", "Persentase uji desimal", "%", 90, "85,123457"])
    assert import_(capsys, dbfile, path, "--quarter", 1)[0] == 0
    con = db.connect(dbfile)
    before = db_content(con)
    con.close()
    for _ in range(2):
        code, out, _ = import_(capsys, dbfile, path, "--quarter", 1)
        assert code == 0 and "Tidak ada perubahan" in out
    con = db.connect(dbfile)
    assert db_content(con) == before
    assert str(con.execute("SELECT nilai FROM realisasi").fetchall()[0][0]) == "85.123457"
    con.close()


def test_excel_numbers_are_read_at_the_stored_precision_so_a_reimport_writes_nothing(tmp_path, dbfile, capsys):
    # a typed number cell with 7 decimals, and a formula result with binary noise
    path = sop(tmp_path / "num.xlsx", HEADER[:6], [1, "Sasaran", "Persentase uji desimal", "%", 90, 85.1234567],
               [2, "Sasaran", "Rasio uji", "rasio", 1, 2 / 3])
    assert import_(capsys, dbfile, path, "--quarter", 1)[0] == 0
    code, out, _ = import_(capsys, dbfile, path, "--quarter", 1)
    assert code == 0 and "Tidak ada perubahan" in out


@pytest.mark.parametrize("text, decimal", [("85,1234567", "koma"), ("0.00000001", "titik"), ("1.234,5678901", "koma"),
                                           ("12,3456789%", "koma")])
def test_more_than_six_decimals_is_not_a_number_we_store(text, decimal):
    with pytest.raises(NumberError, match="paling banyak 6"):
        parse_number(text, decimal)


def test_what_we_store_is_what_we_read():
    assert parse_number("85,123456") == from_excel_number(85.123456)
    assert from_excel_number(85.1234567) == parse_number("85,123457")
