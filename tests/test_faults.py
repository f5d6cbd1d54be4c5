"""Faults of the database file: a damaged file, a full disk, a read-only folder, a missing file, a
path that keeps nothing. Each ends with one message in Bahasa Indonesia that says what happened
and what to do, never a traceback or DuckDB's English, and nothing committed is lost."""
import shutil
import subprocess
import uuid

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from kinerja.store import backup
from kinerja.web import auth as web_auth
from tests.test_cli import ROWS, kinerja, sop_file
from tests.test_pages import APP, session_token

ENGLISH = ("Error", "Traceback", "Exception", "IO ", "Catalog", "exception")


def clean(err: str) -> bool:
    return err.startswith("Galat") and not any(word in err for word in ENGLISH)


@pytest.mark.parametrize("path", [":memory:", ":MEMORY:", "md:kinerja", "/dev/null", "s3://ember/k.duckdb"])
def test_a_path_that_keeps_nothing_is_refused(tmp_path, capsys, path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["init"], ["status", "--year", "2025"],
                 ["import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI", "--year", "2025"]):
        code, out, err = kinerja(capsys, *args, "--db", path)
        assert code == 1 and clean(err) and "bukan berkas basis data yang menyimpan data" in err
        assert "Tersimpan" not in out
    assert list(tmp_path.iterdir()) == [tmp_path / "m.xlsx"]


def test_a_missing_file_is_not_created_by_a_command_that_reads(tmp_path, capsys):
    typo = tmp_path / "kinerj.duckdb"
    for args in (["status", "--year", "2025"], ["capaian", "--year", "2025"],
                 ["export", "--year", "2025", "--out", str(tmp_path / "x.xlsx")]):
        code, out, err = kinerja(capsys, *args, "--db", str(typo))
        assert code == 1 and clean(err) and f"Basis data tidak ditemukan: {typo}." in err
        assert f"kinerja init --db {typo}" in err
    assert not typo.exists()


def test_a_damaged_database_on_a_page_is_a_message_with_the_backup_to_restore(tmp_path, demo_db, monkeypatch):
    path = tmp_path / "kinerja.duckdb"
    shutil.copy(demo_db, path)
    made = backup.backup(path)
    token = session_token(path, "sekretariat")  # logged in before the file was damaged
    path.write_bytes(b"bukan basis data" * 1000)
    monkeypatch.setenv("KINERJA_DB", str(path))
    app = AppTest.from_file(APP, default_timeout=60)
    app.session_state[web_auth.TOKEN] = token
    app.run()
    assert not app.exception
    (message,) = [e.value for e in app.error]
    assert "rusak" in message and f"kinerja pulihkan {made.path}" in message


@pytest.mark.parametrize("error, said, not_said", [
    (duckdb.CatalogException("Catalog Error: Table with name x does not exist!"), "Galat tak terduga", "pulihkan"),
    (duckdb.OutOfMemoryException("Out of Memory Error: could not allocate"), "Memori tidak cukup", "pulihkan"),
    (duckdb.IOException("IO Error: Corrupt database file"), "rusak", "Galat tak terduga"),
])
def test_only_a_file_that_cannot_be_read_is_called_damaged(tmp_path, demo_db, capsys, monkeypatch, error, said,
                                                          not_said):
    """A failed query or too little memory must not send the user to restore an older backup."""
    path = tmp_path / "kinerja.duckdb"
    shutil.copy(demo_db, path)

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr("kinerja.collect.register.status", failing)
    code, out, err = kinerja(capsys, "status", "--year", "2024", "--db", str(path))
    assert code == 1 and clean(err) and said in err and not_said not in err


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB file system of its own (tmpfs; needs root), so the disk can be filled for real."""
    folder = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("a small file system cannot be mounted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder, leave=0):
    import os

    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize - leave
    with open(folder / "pengisi", "wb") as f:
        try:
            f.write(b"x" * max(free, 0))
        except OSError:
            pass


def test_a_full_disk_refuses_the_save_and_keeps_what_was_stored(small_disk, demo_db, tmp_path, capsys):
    path = small_disk / "kinerja.duckdb"
    shutil.copy(demo_db, path)
    assert kinerja(capsys, "status", "--year", "2025", "--db", str(path))[0] == 0
    before = kinerja(capsys, "capaian", "--year", "2025", "--format", "csv", "--db", str(path))[1]
    fill(small_disk)
    rows = [list(r) for r in ROWS]
    code, out, err = kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx", rows=rows)), "--unit", "MUTASI",
                             "--year", "2031", "--db", str(path))
    assert code == 1 and clean(err.splitlines()[-1]) and "Disk penuh" in err and "tetap utuh" in err
    (small_disk / "pengisi").unlink()
    assert kinerja(capsys, "capaian", "--year", "2025", "--format", "csv", "--db", str(path))[1] == before
    code, out, err = kinerja(capsys, "capaian", "--year", "2031", "--format", "csv", "--db", str(path))
    assert out.count("\n") == 1  # the header only: nothing of the refused import


def test_a_read_only_folder_is_a_message_not_a_crash(small_disk, demo_db, tmp_path, capsys):
    path = small_disk / "kinerja.duckdb"
    shutil.copy(demo_db, path)
    assert kinerja(capsys, "status", "--year", "2025", "--db", str(path))[0] == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code, out, err = kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI",
                             "--year", "2031", "--db", str(path))
    assert code == 1 and clean(err) and "tidak dapat ditulisi" in err and "izin tulis" in err
