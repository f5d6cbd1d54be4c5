"""One identity per indicator (issue 13, point 4): by KODE, else by a name key that keeps what
carries meaning (≥ ≤ < > %, digits, units); a near match is asked about, never merged silently;
renames are recorded."""
import pytest

from kinerja.ingest import upload as unggah
from kinerja.names import indicator_key
from kinerja.store import db
from tests.cases import case, run, sop
from tests.conftest import SEKRETARIAT

HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I"]
SASARAN = "Meningkatnya kompetensi ASN"


@pytest.mark.parametrize("a, b", [
    ("Persentase ASN dengan nilai SKP ≥ 90", "Persentase ASN dengan nilai SKP < 90"),
    ("Persentase ASN dengan nilai SKP ≥ 90", "Persentase ASN dengan nilai SKP ≤ 90"),
    ("Jumlah ASN golongan III", "Jumlah ASN golongan IV"),
    ("Jumlah diklat 40 JP", "Jumlah diklat 80 JP"),
    ("Persentase ASN dilatih (%)", "Jumlah ASN dilatih"),
    ("Nilai > 80", "Nilai = 80"),
])
def test_names_that_differ_in_meaning_have_different_keys(a, b):
    assert indicator_key(a) != indicator_key(b)


@pytest.mark.parametrize("a, b", [
    ("Persentase ASN dengan nilai SKP ≥ 90", "persentase  ASN dengan nilai SKP >= 90"),
    ("Persentase ASN dengan nilai SKP ≥ 90", "PERSENTASE ASN DENGAN NILAI SKP ≥90"),
    ("Indeks Réformasi Birokrasi", "Indeks Reformasi Birokrasi."),
    ("Nilai ≤ 3", "Nilai =< 3"),
])
def test_spelling_and_spacing_do_not_change_the_key(a, b):
    assert indicator_key(a) == indicator_key(b)


@pytest.fixture
def dbfile(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert run(capsys, "init", "--db", path)[0] == 0
    return path


def stored(dbfile):
    con = db.connect(dbfile)
    try:
        return con.execute("SELECT i.nama, t.bawah, r.triwulan, r.nilai FROM indikator i "
                           "LEFT JOIN target t ON t.indikator_id = i.id AND t.triwulan = 0 "
                           "LEFT JOIN realisasi r ON r.indikator_id = i.id ORDER BY i.id").fetchall()
    finally:
        con.close()


def test_skp_at_least_90_and_skp_below_90_are_two_indicators(dbfile, capsys):
    assert run(capsys, "import", case("symbol_name_a.xlsx"), "--unit", "MUTASI", "--year", 2026, "--db", dbfile)[0] == 0
    code, out, err = run(capsys, "import", case("symbol_name_b.xlsx"), "--unit", "MUTASI", "--year", 2026,
                         "--db", dbfile)
    assert code == 0, err
    assert "Indikator: 1 baru, 0 diperbarui" in out
    assert "Pertanyaan" in err and "sama dengan indikator 'Persentase ASN dengan nilai SKP ≥ 90' yang berganti nama?" in err
    rows = stored(dbfile)
    assert [(n, float(t), q, float(v)) for n, t, q, v in rows] == [
        ("Persentase ASN dengan nilai SKP ≥ 90", 60, 1, 55), ("Persentase ASN dengan nilai SKP < 90", 40, 2, 45)]


def test_a_near_name_is_a_new_indicator_unless_the_user_says_it_is_renamed(tmp_path, dbfile, capsys):
    first = sop(tmp_path / "a.xlsx", HEADER, [1, SASARAN, "Persentase ASN yang mengikuti diklat", "%", 80, 20])
    assert run(capsys, "import", first, "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)[0] == 0
    renamed = sop(tmp_path / "b.xlsx", HEADER, [1, SASARAN, "Persentase ASN yang mengikuti diklat teknis", "%", 80, 25])
    con = db.connect(dbfile)
    data = open(renamed, "rb").read()
    plan = unggah.plan_upload(con, data, "b.xlsx", "MUTASI", 2026, 1)
    questions = unggah.renames(plan)
    assert questions[["indikator", "tersimpan", "sama"]].values.tolist() == [
        ["Persentase ASN yang mengikuti diklat teknis", "Persentase ASN yang mengikuti diklat", False]]
    assert [p.is_new for p in plan.indicators] == [True]
    # the user says: the same indicator, renamed
    same = unggah.with_renames(con, plan, questions.assign(sama=True))
    assert [p.is_new for p in same.indicators] == [False]
    assert same.changes_frame()[["lama", "baru", "status"]].values.tolist()[-1] == ["20", "25", "berubah"]
    assert unggah.confirm(con, same, SEKRETARIAT).written
    assert con.execute("SELECT nama FROM indikator").fetchall() == [("Persentase ASN yang mengikuti diklat teknis",)]
    assert con.execute("SELECT kolom, nilai_lama, nilai_baru, oleh FROM riwayat_indikator").fetchall() == [
        ("nama", "Persentase ASN yang mengikuti diklat", "Persentase ASN yang mengikuti diklat teknis", "sekretariat")]
    con.close()


def test_a_kode_match_renames_and_records_it(tmp_path, dbfile, capsys):
    header = ["NO", "KODE", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I"]
    a = sop(tmp_path / "a.xlsx", header, [1, "IKU.07", SASARAN, "Jumlah ASN dilatih", "orang", 100, 10])
    b = sop(tmp_path / "b.xlsx", header, [1, "IKU.07", SASARAN, "Jumlah ASN yang dilatih teknis", "orang", 100, 10])
    for path in (a, b):
        assert run(capsys, "import", path, "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)[0] == 0
    con = db.connect(dbfile)
    assert con.execute("SELECT count(*) FROM indikator").fetchall() == [(1,)]
    assert con.execute("SELECT kolom, nilai_lama, nilai_baru FROM riwayat_indikator").fetchall() == [
        ("nama", "Jumlah ASN dilatih", "Jumlah ASN yang dilatih teknis")]
    con.close()


def test_a_file_without_targets_suggests_the_near_name(tmp_path, dbfile, capsys):
    first = sop(tmp_path / "a.xlsx", HEADER, [1, SASARAN, "Persentase ASN dengan nilai SKP ≥ 90", "%", 60, 55])
    assert run(capsys, "import", first, "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)[0] == 0
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "REALISASI TRIWULAN II"]
    only = sop(tmp_path / "b.xlsx", header, [1, SASARAN, "Persentase ASN dengan nilai SKP > 90", "%", 50])
    code, _, err = run(capsys, "import", only, "--unit", "MUTASI", "--year", 2026, "--quarter", 2, "--db", dbfile)
    assert code == 1 and "Mungkin maksudnya 'Persentase ASN dengan nilai SKP ≥ 90'?" in err


def test_a_kode_that_would_take_another_indicators_name_is_an_error(tmp_path, dbfile, capsys):
    header = ["NO", "KODE", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I"]
    a = sop(tmp_path / "a.xlsx", header, [1, "IKU.01", SASARAN, "Jumlah ASN dilatih", "orang", 100, 10],
            [2, "IKU.02", SASARAN, "Jumlah ASN dimutasi", "orang", 50, 5])
    assert run(capsys, "import", a, "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)[0] == 0
    b = sop(tmp_path / "b.xlsx", header, [1, "IKU.01", SASARAN, "Jumlah ASN dimutasi", "orang", 100, 10])
    code, _, err = run(capsys, "import", b, "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)
    assert code == 1 and "KODE IKU.01 milik indikator 'Jumlah ASN dilatih'" in err and "Traceback" not in err
