"""Settings belong to a year (issue 13, point 3): a change applies from the year it is made for, a
later year's file never changes an earlier year's result, and a year with a verified quarter
refuses a settings change like a value change. Every change is in the history."""
import pytest

from kinerja.store import db
from tests.cases import capaian_row, case, run, sop
from tests.conftest import db_content

WAKTU = "Rata-rata waktu penyelesaian layanan kenaikan pangkat"
SASARAN = "Meningkatnya kualitas pelayanan administrasi kepegawaian"
HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "POLARITAS", "AGREGASI", "TARGET TAHUNAN",
          "REALISASI TRIWULAN I", "REALISASI TRIWULAN II", "REALISASI TRIWULAN III"]


@pytest.fixture
def dbfile(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert run(capsys, "init", "--db", path)[0] == 0
    return path


def import_(capsys, dbfile, path, tahun, *extra):
    return run(capsys, "import", path, "--unit", "MUTASI", "--year", tahun, "--db", dbfile, *extra)


def verified_2025(capsys, tmp_path, dbfile):
    """2025 as the demo has it: negatif, nilai akhir, 8,5 hari against 6 by TW III; TW I verified."""
    path = sop(tmp_path / "2025.xlsx", HEADER, [1, SASARAN, WAKTU, "hari", "negatif", "nilai akhir", 6, 9, 8.8, 8.5],
               tahun=2025)
    assert import_(capsys, dbfile, path, 2025)[0] == 0
    assert run(capsys, "verifikasi", "--unit", "MUTASI", "--year", 2025, "--quarter", 1, "--db", dbfile)[0] == 0


def history(dbfile):
    con = db.connect(dbfile)
    try:
        return con.execute("SELECT tahun, kolom, nilai_lama, nilai_baru FROM riwayat_indikator ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_2026_file_never_changes_a_verified_2025_result(tmp_path, dbfile, capsys):
    verified_2025(capsys, tmp_path, dbfile)
    before = capaian_row(capsys, dbfile, 2025, WAKTU)
    assert (before["capaian_persen"], before["kategori"]) == (58.33, "Rendah")

    code, _, err = import_(capsys, dbfile, case("settings_flip_2026.xlsx"), 2026)
    assert code == 0, err

    after = capaian_row(capsys, dbfile, 2025, WAKTU)
    assert (after["polaritas"], after["agregasi"], after["capaian_persen"], after["kategori"]) \
        == ("negatif", "nilai_akhir", 58.33, "Rendah")
    # 2026 takes what its own file says, and the change is in the history for 2026
    new = capaian_row(capsys, dbfile, 2026, WAKTU)
    assert (new["polaritas"], new["agregasi"]) == ("positif", "rata_rata")
    assert history(dbfile) == [(2026, "polaritas", "negatif (berkas)", "positif (berkas)"),
                               (2026, "agregasi", "nilai_akhir (berkas)", "rata_rata (berkas)")]


def test_a_settings_change_for_a_year_with_a_verified_quarter_is_refused(tmp_path, dbfile, capsys):
    verified_2025(capsys, tmp_path, dbfile)
    before = db_content(db.connect(dbfile))
    flipped = sop(tmp_path / "flip.xlsx", HEADER, [1, SASARAN, WAKTU, "hari", "positif", "nilai akhir", 6, 9, 8.8, 8.5],
                  tahun=2025)
    code, _, err = import_(capsys, dbfile, flipped, 2025)
    assert code == 1
    assert "Lembar 'DATA', baris 6" in err and "polaritas negatif → positif" in err and "TW I 2025" in err
    assert db_content(db.connect(dbfile)) == before
    assert capaian_row(capsys, dbfile, 2025, WAKTU)["capaian_persen"] == 58.33


def test_after_a_reopen_the_year_takes_the_new_settings_and_records_them(tmp_path, dbfile, capsys):
    verified_2025(capsys, tmp_path, dbfile)
    assert run(capsys, "buka", "--unit", "MUTASI", "--year", 2025, "--quarter", 1, "--alasan", "polaritas salah",
               "--db", dbfile)[0] == 0
    flipped = sop(tmp_path / "flip.xlsx", HEADER, [1, SASARAN, WAKTU, "hari", "", "rata-rata", 6, 9, 8.8, 8.5],
                  tahun=2025)
    assert import_(capsys, dbfile, flipped, 2025)[0] == 0
    row = capaian_row(capsys, dbfile, 2025, WAKTU)
    # no POLARITAS in the file: the stated one stays; the AGREGASI column changes the mean
    assert (row["polaritas"], row["agregasi"], row["realisasi"]) == ("negatif", "rata_rata", 8.766667)
    assert history(dbfile) == [(2025, "agregasi", "nilai_akhir (berkas)", "rata_rata (berkas)")]


def test_an_earlier_years_file_does_not_change_a_later_year(tmp_path, dbfile, capsys):
    verified_2025(capsys, tmp_path, dbfile)
    older = sop(tmp_path / "2024.xlsx", HEADER, [1, SASARAN, WAKTU, "hari", "positif", "kumulatif", 6, 9, 8.8, 8.5],
                tahun=2024)
    assert import_(capsys, dbfile, older, 2024)[0] == 0
    assert capaian_row(capsys, dbfile, 2024, WAKTU)["polaritas"] == "positif"
    assert capaian_row(capsys, dbfile, 2025, WAKTU)["capaian_persen"] == 58.33


def test_a_year_without_settings_of_its_own_takes_the_nearest_earlier_year(tmp_path, dbfile, capsys):
    verified_2025(capsys, tmp_path, dbfile)
    assert import_(capsys, dbfile, case("settings_flip_2026.xlsx"), 2026)[0] == 0
    # a 2027 file with values only (no settings columns) inherits 2026's settings
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I"]
    later = sop(tmp_path / "2027.xlsx", header, [1, SASARAN, WAKTU, "hari", 6, 5], tahun=2027)
    assert import_(capsys, dbfile, later, 2027)[0] == 0
    row = capaian_row(capsys, dbfile, 2027, WAKTU)
    assert (row["polaritas"], row["agregasi"], row["belum_dikonfirmasi"]) == ("positif", "rata_rata", "")


def test_importing_the_same_file_again_writes_nothing(tmp_path, dbfile, capsys):
    verified_2025(capsys, tmp_path, dbfile)
    path = case("settings_flip_2026.xlsx")
    assert import_(capsys, dbfile, path, 2026)[0] == 0
    before = db_content(db.connect(dbfile))
    code, out, _ = import_(capsys, dbfile, path, 2026)
    assert code == 0 and "Tidak ada perubahan" in out
    assert db_content(db.connect(dbfile)) == before
