"""Shared fixtures: a fresh, migrated database per test."""
import os

import pytest

from kinerja.auth import Akun
from kinerja.store import db

# No background warm-up of the dashboard's caches (kinerja.web.cache.warm) racing a test for the database;
# tests/test_pemanasan.py turns it on where it is the subject.
os.environ.setdefault("KINERJA_PEMANASAN", "0")

# Accounts for the domain tests (kinerja.auth checks the account, not the database).
SEKRETARIAT = Akun("sekretariat", frozenset({"sekretariat"}))
PERENCANA = Akun("perencana", frozenset({"perencana"}))
PIMPINAN = Akun("pimpinan", frozenset({"pimpinan"}))


def operator(*units: str, nama: str | None = None) -> Akun:
    """An operator serving `units`."""
    return Akun(nama or f"operator.{units[0].lower()}", frozenset({"operator"}), frozenset(units))


# Accounts in the database for the page and browser tests: login name -> (roles, units).
ACCOUNTS = {"sekretariat": (["sekretariat"], []), "pimpinan": (["pimpinan"], []), "perencana": (["perencana"], []),
            "operator.mutasi": (["operator"], ["MUTASI"]), "operator.pembinaan": (["operator"], ["PEMBINAAN"])}
PASSWORD = "sandi-uji-yang-panjang"


def ensure_account(connection, nama: str) -> None:
    from kinerja.auth import cli_account
    from kinerja.collect import accounts

    if accounts.load(connection, nama) is None:
        peran, units = ACCOUNTS[nama]
        accounts.create(connection, cli_account("uji"), nama, PASSWORD, peran, units)


@pytest.fixture
def con(tmp_path):
    connection = db.connect(tmp_path / "kinerja.duckdb")
    yield connection
    connection.close()


TABLES = ["unit", "sasaran", "program_kegiatan", "indikator", "target", "target_renstra",
          "konvensi_target", "realisasi", "catatan", "submission", "submission_triwulan", "riwayat",
          "skala_kategori", "pengaturan", "langkah_pengumpulan", "tenggat", "lampiran", "anggaran",
          "riwayat_anggaran", "pengaturan_indikator", "riwayat_indikator", "akun", "peran_akun", "unit_akun",
          "audit", "berkas_bukti", "lampiran_bukti", "periode_renstra", "siklus_sop", "siklus_langkah",
          "siklus_tahun", "siklus_peristiwa", "siklus_dokumen", "siklus_rapat", "analisis_kinerja", "nomor_surat"]
          # sesi (logins) is not data: opening a page as a user writes one


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
    for nama in ACCOUNTS:
        ensure_account(connection, nama)
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
def closed_after_use(monkeypatch):
    """A database file is closed as soon as its use ends, as for a `kinerja` command: a test opens,
    copies and removes files in quick steps, which the dashboard's keep-open time
    (kinerja.web.cache.LINGER_SECONDS, set once any test imports the pages' module) would hold open
    in between. tests/test_concurrency.py sets a keep-open time where it is the subject."""
    monkeypatch.setitem(db.LINGER, "seconds", 0.0)


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
