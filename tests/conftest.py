"""Shared fixtures: a fresh, migrated database per test."""
import pytest

from kinerja import db


@pytest.fixture
def con(tmp_path):
    connection = db.connect(tmp_path / "kinerja.duckdb")
    yield connection
    connection.close()
