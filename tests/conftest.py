"""Shared fixtures: a fresh, migrated database per test."""
import pytest

from kinerja.store import db


@pytest.fixture
def con(tmp_path):
    connection = db.connect(tmp_path / "kinerja.duckdb")
    yield connection
    connection.close()


TABLES = ["unit", "sasaran", "program_kegiatan", "indikator", "target", "target_renstra",
          "konvensi_target", "realisasi", "catatan", "submission", "submission_triwulan", "riwayat",
          "skala_kategori", "pengaturan", "langkah_pengumpulan", "tenggat", "lampiran", "anggaran",
          "riwayat_anggaran", "periode_renstra"]


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


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test sees its own database: Streamlit caches live for the whole process."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch):
    """The app calls st.navigation, so the server drops the legacy pages/-folder mode after its
    first run. AppTest resets that flag before every run and would run a page file alone, without
    app.py's sidebar; keep the flag off as the server does."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
