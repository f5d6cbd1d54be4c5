"""Backups and restores (`kinerja cadangan`, `kinerja pulihkan`): a backup taken while others use
the database restores every value, note, version, attachment and audit row after the database
is damaged or deleted; a damaged backup is refused and nothing is replaced."""
import shutil
import threading
from datetime import datetime

import pytest

from kinerja.collect import bukti, notes
from kinerja.store import backup, db
from tests.conftest import SEKRETARIAT, db_content
from tests.test_cli import kinerja


@pytest.fixture
def database(demo_db, tmp_path):
    """The demo with a note and an attachment on an open quarter (2025 TW III) on top."""
    path = tmp_path / "kinerja.duckdb"
    shutil.copy(demo_db, path)
    with db.use(path) as con:
        indikator = con.execute("SELECT min(id) FROM indikator WHERE unit_kode = 'MUTASI'").fetchall()[0][0]
        notes.save_notes(con, indikator, 2025, 3, SEKRETARIAT, ket="Catatan uji", bukti_dukung="https://contoh.go.id/b")
        bukti.attach(con, indikator, 2025, 3, "bukti.pdf", b"%PDF-1.4 bukti", SEKRETARIAT)
    return path


def content(path):
    with db.use(path) as con:
        return db_content(con)


@pytest.mark.parametrize("fault", ["damaged", "deleted"])
def test_a_backup_restores_everything_after_the_database_is_damaged_or_deleted(database, capsys, fault):
    before = content(database)
    assert before["lampiran_bukti"] and before["riwayat"] and before["langkah_pengumpulan"] and before["catatan"]
    code, out, err = kinerja(capsys, "cadangan", "--db", str(database))
    assert code == 0, err
    (made,) = backup.backups(database)
    assert f"Cadangan tersimpan: {made}" in out and backup.sha256(made) in backup.checksum_file(made).read_text()

    if fault == "damaged":
        with open(database, "r+b") as f:  # overwrite the database headers and the blocks after them
            f.seek(4096)
            f.write(b"\xde\xad" * 200_000)
    else:
        database.unlink()
    code, out, err = kinerja(capsys, "status", "--year", "2025", "--db", str(database))
    assert code == 1 and "Traceback" not in err and "Error" not in err
    assert f"kinerja pulihkan {made} --db {database}" in err  # what happened and which backup to restore

    code, out, err = kinerja(capsys, "pulihkan", str(made), "--db", str(database))
    assert code == 0, err
    assert content(database) == before
    if fault == "damaged":
        (kept,) = database.parent.glob("kinerja.sebelum-pulih-*.duckdb")
        assert f"disimpan sebagai {kept}" in out


def test_a_backup_taken_while_another_session_saves_is_consistent(database):
    stop = threading.Event()
    saved = []

    def keep_saving():
        with db.use(database) as con:
            indikator = con.execute("SELECT min(id) FROM indikator").fetchall()[0][0]
        n = 0
        while not stop.is_set():
            with db.use(database) as con:
                notes.save_notes(con, indikator, 2025, 3, SEKRETARIAT, ket=f"catatan {n}")
            saved.append(n)
            n += 1

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        made = [backup.backup(database, now=datetime(2026, 1, 1, 0, 0, s)) for s in range(3)]
    finally:
        stop.set()
        writer.join()
    assert saved
    for item in made:
        checked = backup.check(item.path)
        assert checked.tables["indikator"] > 0


def test_only_the_newest_backups_are_kept(database):
    for day in range(1, 5):
        backup.backup(database, keep=2, now=datetime(2026, 1, day))
    assert [b.name for b in backup.backups(database)] == ["kinerja-20260103-000000.duckdb",
                                                          "kinerja-20260104-000000.duckdb"]
    assert len(list(db.backup_folder(database).glob("*.sha256"))) == 2
    assert backup.backup_daily(database) is not None and backup.backup_daily(database) is None


def test_a_changed_backup_is_refused_and_the_database_stays(database, capsys):
    made = backup.backup(database).path
    with open(made, "r+b") as f:
        f.seek(made.stat().st_size // 2)
        f.write(b"\xde\xad" * 2048)
    before = content(database)
    code, out, err = kinerja(capsys, "pulihkan", str(made), "--db", str(database))
    assert code == 1 and "checksum SHA-256 berbeda" in err and "Pakai cadangan lain" in err
    assert content(database) == before
    code, out, err = kinerja(capsys, "pulihkan", str(database.parent / "tidak-ada.duckdb"), "--db", str(database))
    assert code == 1 and "tidak ada" in err


def test_the_download_on_the_register_page_is_a_backup_that_restores(database, monkeypatch, tmp_path):
    from kinerja.web import cache as web

    monkeypatch.setenv("KINERJA_DB", str(database))
    downloaded = tmp_path / "unduhan.duckdb"
    downloaded.write_bytes(web.backup_bytes(SEKRETARIAT))
    assert backup.check(downloaded).tables["lampiran_bukti"] == 1
    backup.restore(downloaded, tmp_path / "baru.duckdb")
    assert content(tmp_path / "baru.duckdb") == content(database)


def test_cadangan_out_writes_the_named_file_with_its_checksum(database, tmp_path, capsys):
    out = tmp_path / "salinan" / "k.duckdb"
    code, printed, err = kinerja(capsys, "cadangan", "--out", str(out), "--db", str(database))
    assert code == 0, err
    assert backup.sha256(out) in printed and backup.check(out).tables["lampiran_bukti"] == 1
    assert not backup.backups(database)  # the backup folder is left alone
