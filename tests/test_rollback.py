"""Rollback restores what the chosen version left; a value a later file of another stream changed
since is a conflict the user decides; the history records exactly stored → restored (issue 13,
point 9; rollback_*.xlsx, rollback_cross_stream.py)."""
import pytest

from kinerja.collect import versions, workflow
from kinerja.store import db
from tests.cases import case, run, sop
from tests.conftest import SEKRETARIAT

NAME = "Jumlah ASN dilatih uji"


@pytest.fixture
def con(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert run(capsys, "init", "--db", path)[0] == 0
    for name, quarter in [("rollback_q1_v1.xlsx", 1), ("rollback_q1_v2.xlsx", 1), ("rollback_q2_with_q1.xlsx", 2)]:
        code, _, err = run(capsys, "import", case(name), "--unit", "MUTASI", "--year", 2026, "--quarter", quarter,
                           "--db", path)
        assert code == 0, err
    connection = db.connect(path)
    yield connection
    connection.close()


def tw1(con):
    return [float(v) for (v,) in con.execute(
        "SELECT r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
        "WHERE i.nama = ? AND r.tahun = 2026 AND r.triwulan = 1", [NAME]).fetchall()]


def history(con):
    return con.execute("SELECT r.nilai_lama, r.nilai_baru FROM riwayat r WHERE r.jenis = 'realisasi' "
                       "AND r.triwulan = 1 ORDER BY r.id").fetchall()


def submission(con, name):
    return con.execute("SELECT id FROM submission WHERE nama_berkas = ? ORDER BY id", [name]).fetchall()[0][0]


def test_the_preview_shows_the_value_stored_now_and_who_changed_it(con):
    preview = versions.rollback_preview(con, submission(con, "rollback_q1_v1.xlsx"))
    assert preview[["triwulan", "sekarang", "dipulihkan", "konflik", "diubah_oleh"]].values.tolist() == [
        [1, "15", "10", True, "rollback_q2_with_q1.xlsx (TW II versi 1)"]]


def test_a_conflict_keeps_the_newer_value_unless_the_user_overwrites_it(con):
    """Refused without overwriting, the rollback says what the preview shows (the value stored now,
    the file that changed it, the version's value) and how to go on, not that nothing differs."""
    with pytest.raises(workflow.WorkflowError) as refused:
        versions.rollback(con, submission(con, "rollback_q1_v1.xlsx"), SEKRETARIAT)
    said = str(refused.value)
    assert "Tidak ada nilai yang berbeda" not in said
    assert said.startswith("Tidak ada yang dipulihkan: 1 nilai berbeda dari versi 1, tetapi semuanya diubah sesudahnya")
    assert (f"{NAME}, Realisasi TW I 2026: sekarang 15 (diubah oleh rollback_q2_with_q1.xlsx (TW II versi 1)), "
            "di versi 1 10") in said
    assert "centang 'Timpa'" in said
    assert tw1(con) == [15.0]


def test_overwriting_a_conflict_records_exactly_what_was_overwritten(con):
    first = submission(con, "rollback_q1_v1.xlsx")
    before = history(con)
    versions.rollback(con, first, SEKRETARIAT, timpa=[("realisasi", int(versions.rollback_preview(con, first)
                                                                      .at[0, "indikator_id"]), 2026, 1)])
    assert tw1(con) == [10.0]
    assert history(con) == before + [("15", "10")]


def test_without_a_conflict_the_rollback_restores_and_records_stored_to_restored(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    run(capsys, "init", "--db", path)
    for name in ("rollback_q1_v1.xlsx", "rollback_q1_v2.xlsx"):
        assert run(capsys, "import", case(name), "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", path)[0] == 0
    con = db.connect(path)
    first = submission(con, "rollback_q1_v1.xlsx")
    preview = versions.rollback_preview(con, first)
    assert preview[["sekarang", "dipulihkan", "konflik"]].values.tolist() == [["11", "10", False]]
    new_id, versi = versions.rollback(con, first, SEKRETARIAT)
    assert versi == 3 and tw1(con) == [10.0]
    assert history(con)[-1] == ("11", "10")
    # the rollback is itself a version: rolling back to version 2 gives 11 again
    versions.rollback(con, submission(con, "rollback_q1_v2.xlsx"), SEKRETARIAT)
    assert tw1(con) == [11.0] and history(con)[-1] == ("10", "11")
    con.close()


def test_the_newest_version_restores_what_another_stream_overwrote_when_asked(con):
    newest = submission(con, "rollback_q1_v2.xlsx")
    preview = versions.rollback_preview(con, newest)
    assert preview[["sekarang", "dipulihkan", "konflik"]].values.tolist() == [["15", "11", True]]
    versions.rollback(con, newest, SEKRETARIAT, timpa=True)
    assert tw1(con) == [11.0]
    assert history(con)[-1] == ("15", "11")


def test_a_value_the_version_removed_is_removed_again(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    run(capsys, "init", "--db", path)
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI"]
    empty = sop(tmp_path / "v1.xlsx", header, [1, "Sasaran", NAME, "orang", 100, None])
    filled = sop(tmp_path / "v2.xlsx", header, [1, "Sasaran", NAME, "orang", 100, 12])
    for p in (empty, filled):
        assert run(capsys, "import", p, "--unit", "MUTASI", "--year", 2026, "--quarter", 3, "--db", path)[0] == 0
    con = db.connect(path)
    first = submission(con, "v1.xlsx")
    assert versions.rollback_preview(con, first)[["sekarang", "dipulihkan"]].values.tolist() == [["12", None]]
    versions.rollback(con, first, SEKRETARIAT)
    assert con.execute("SELECT count(*) FROM realisasi").fetchall() == [(0,)]
    con.close()
