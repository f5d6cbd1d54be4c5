"""A verified quarter refuses every change (issue 13, point 8): values, KET, notes, bukti dukung and
settings, on every path (upload, Register page, rollback, CLI). A refused change never alters the
status; only a reopen with a reason unlocks."""
import pytest

from kinerja.collect import bukti, notes, versions, workflow
from kinerja.store import db
from tests.cases import case, run, sop
from tests.conftest import SEKRETARIAT, db_content

NAME = "Jumlah ASN dilatih uji"
HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "TARGET TRIWULAN 1",
          "TARGET TRIWULAN 2", "TARGET TRIWULAN 3", "TARGET TRIWULAN 4", "REALISASI TRIWULAN I",
          "REALISASI TRIWULAN II", "REALISASI TRIWULAN III", "REALISASI TRIWULAN IV", "KET"]


@pytest.fixture
def dbfile(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert run(capsys, "init", "--db", path)[0] == 0
    return path


def import_(capsys, dbfile, path, quarter=1):
    return run(capsys, "import", path, "--unit", "MUTASI", "--year", 2026, "--quarter", quarter, "--db", dbfile)


def state(dbfile):
    con = db.connect(dbfile)
    try:
        status = workflow.current(con, "MUTASI", 2026, 1)["status"]
        value = con.execute("SELECT r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
                            "WHERE i.nama = ? AND r.triwulan = 1", [NAME]).fetchall()[0][0]
        return status, float(value), db_content(con)
    finally:
        con.close()


@pytest.fixture
def verified(dbfile, capsys):
    assert import_(capsys, dbfile, case("lock_v1.xlsx"))[0] == 0
    assert run(capsys, "verifikasi", "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)[0] == 0
    return dbfile


@pytest.mark.parametrize("name", ["lock_changed_value.xlsx", "lock_ket_only.xlsx", "lock_changed_value.xlsx"])
def test_every_file_that_changes_a_verified_quarter_is_refused(verified, capsys, name):
    before = state(verified)
    code, _, err = import_(capsys, verified, case(name))
    assert code == 1 and "sudah diverifikasi" in err and "membuka kembali" in err
    assert state(verified) == before
    assert before[:2] == ("diverifikasi", 10.0)


def test_the_reproducer_sequence_keeps_the_verified_value(verified, capsys):
    for name in ["lock_changed_value.xlsx", "lock_ket_only.xlsx", "lock_changed_value.xlsx"]:
        assert import_(capsys, verified, case(name))[0] == 1
    assert state(verified)[:2] == ("diverifikasi", 10.0)


def test_the_same_file_again_changes_nothing_and_keeps_the_status(verified, capsys):
    code, out, _ = import_(capsys, verified, case("lock_v1.xlsx"))
    assert code == 0 and "Tidak ada perubahan" in out
    assert state(verified)[:2] == ("diverifikasi", 10.0)


def test_a_file_declared_for_the_verified_quarter_that_changes_another_quarter_keeps_its_status(
        verified, capsys, tmp_path):
    later = sop(tmp_path / "tw2.xlsx", HEADER, [1, "Meningkatnya kompetensi ASN", NAME, "orang", 100, 25, 25, 25, 25,
                                                10, 30, None, None, None])
    code, _, err = import_(capsys, verified, later)
    assert code == 0, err
    assert state(verified)[:2] == ("diverifikasi", 10.0)


def test_notes_and_bukti_dukung_typed_on_the_register_page_are_refused(verified):
    con = db.connect(verified)
    iid = con.execute("SELECT id FROM indikator WHERE nama = ?", [NAME]).fetchall()[0][0]
    before = db_content(con)
    with pytest.raises(workflow.WorkflowError, match="sudah diverifikasi"):
        notes.save_notes(con, iid, 2026, 1, SEKRETARIAT, ket="diubah", bukti_dukung="https://contoh.id/b.pdf")
    with pytest.raises(workflow.WorkflowError, match="sudah diverifikasi"):
        bukti.attach(con, iid, 2026, 1, "bukti.pdf", b"%PDF-1.4", SEKRETARIAT)
    # the notes of the whole year belong to every quarter
    with pytest.raises(workflow.WorkflowError):
        notes.save_notes(con, iid, 2026, 0, SEKRETARIAT, ket="diubah")
    assert db_content(con) == before
    # another quarter is open
    notes.save_notes(con, iid, 2026, 2, SEKRETARIAT, ket="TW II boleh")
    con.close()


def test_a_rollback_into_the_verified_quarter_is_refused(dbfile, capsys):
    assert import_(capsys, dbfile, case("rollback_q1_v1.xlsx"))[0] == 0
    assert import_(capsys, dbfile, case("rollback_q1_v2.xlsx"))[0] == 0
    assert run(capsys, "verifikasi", "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)[0] == 0
    con = db.connect(dbfile)
    first = con.execute("SELECT id FROM submission WHERE nama_berkas = 'rollback_q1_v1.xlsx'").fetchall()[0][0]
    before = db_content(con)
    with pytest.raises(workflow.WorkflowError, match="sudah diverifikasi"):
        versions.rollback(con, first, SEKRETARIAT)
    assert db_content(con) == before
    con.close()


def test_only_a_reopen_with_a_reason_unlocks(verified, capsys):
    code, _, err = run(capsys, "buka", "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--alasan", " ",
                       "--db", verified)
    assert code == 1 and "alasan" in err
    assert run(capsys, "buka", "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--alasan", "angka salah ketik",
               "--db", verified)[0] == 0
    assert import_(capsys, verified, case("lock_changed_value.xlsx"))[0] == 0
    assert state(verified)[:2] == ("diajukan", 99.0)


def test_a_settings_correction_in_the_upload_preview_is_refused_for_a_verified_year(verified, tmp_path):
    from kinerja.ingest import upload

    con = db.connect(verified)
    before = db_content(con)
    data = open(case("lock_v1.xlsx"), "rb").read()
    plan = upload.plan_upload(con, data, "lock_v1.xlsx", "MUTASI", 2026, 1)
    assert plan.ok and not plan.has_changes
    corrected = upload.with_settings(plan, upload.settings(plan).assign(polaritas="negatif"))
    result = upload.confirm(con, corrected, SEKRETARIAT)
    assert not result.written and not result.ok
    assert any("pengaturan indikator untuk tahun 2026" in p.message for p in result.plan.errors)
    assert db_content(con) == before
    con.close()


def test_a_later_years_file_that_moves_the_indicator_to_another_sasaran_is_refused_while_a_year_is_verified(
        verified, capsys, tmp_path):
    """The sasaran is the indicator's, not the year's: moving it regroups 2026's capaian per sasaran too."""
    moved = sop(tmp_path / "2027.xlsx", HEADER, [1, "Meningkatnya kualitas pelayanan kepegawaian", NAME, "orang", 100,
                                                 25, 25, 25, 25, 20, None, None, None, None], tahun=2027)

    def import_2027():
        return run(capsys, "import", moved, "--unit", "MUTASI", "--year", 2027, "--quarter", 1, "--db", verified)

    before = state(verified)
    code, _, err = import_2027()
    assert code == 1
    assert "memindahkan indikator" in err and "TW I 2026" in err and "membuka kembali" in err
    assert state(verified) == before
    assert run(capsys, "buka", "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--alasan", "Renstra baru",
               "--db", verified)[0] == 0
    assert import_2027()[0] == 0
    con = db.connect(verified)
    try:
        history = con.execute("SELECT nilai_lama, nilai_baru FROM riwayat_indikator WHERE kolom = 'sasaran'").fetchall()
    finally:
        con.close()
    assert history == [("Meningkatnya kompetensi ASN", "Meningkatnya kualitas pelayanan kepegawaian")]
