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
          "skala_kategori", "pengaturan"]


def db_content(connection) -> dict:
    """Every row of every table, sorted: equal before and after means nothing was written."""
    return {
        table: sorted(map(repr, connection.execute(f"SELECT * FROM {table}").fetchall()))  # noqa: S608
        for table in TABLES
    }
