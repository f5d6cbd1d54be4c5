"""Shared fixtures: a fresh, migrated database per test."""
import pytest

from kinerja import db


@pytest.fixture
def con(tmp_path):
    connection = db.connect(tmp_path / "kinerja.duckdb")
    yield connection
    connection.close()


TABLES = ["unit", "sasaran", "program_kegiatan", "indikator", "target", "target_renstra",
          "konvensi_target", "realisasi", "catatan", "submission", "submission_triwulan", "riwayat",
          "skala_kategori", "pengaturan", "anggaran", "riwayat_anggaran"]


def db_content(connection) -> dict:
    """Every row of every table, sorted: equal before and after means nothing was written."""
    return {
        table: sorted(map(repr, connection.table(table).fetchall()))
        for table in TABLES
    }


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """A demo database built once per test session through the real import path."""
    from kinerja.demo import load_demo

    folder = tmp_path_factory.mktemp("demo")
    connection = db.connect(folder / "demo.duckdb")
    load_demo(connection, folder / "berkas")
    connection.close()
    return folder / "demo.duckdb"
