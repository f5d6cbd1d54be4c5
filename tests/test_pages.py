"""Every page through Streamlit's AppTest, on the demo database and on an empty one."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kinerja import db
from kinerja.capaian import capaian, ringkasan
from kinerja.numbers import format_persen

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_app(monkeypatch, path) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", str(path))
    app = AppTest.from_file(APP, default_timeout=60).run()
    assert not app.exception, app.exception
    return app


def metrics(app) -> dict:
    return {m.label: m.value for m in app.metric}


def expected(path, tahun, triwulan=None) -> dict:
    con = db.connect(path)
    try:
        summary = ringkasan(capaian(con, tahun, triwulan), con)
    finally:
        con.close()
    return {"Indikator terukur": f"{summary['terukur']}/{summary['jumlah']}",
            "Rata-rata capaian": format_persen(summary["rata_rata"]),
            **{k: str(v) for k, v in summary["per_kategori"].items()}}


def test_an_empty_database_says_what_to_do(monkeypatch, tmp_path):
    app = open_app(monkeypatch, tmp_path / "kosong.duckdb")
    assert "Belum ada data" in app.info[0].value
    assert not app.dataframe


def test_capaian_shows_the_latest_year_with_the_engines_numbers(monkeypatch, demo_db):
    app = open_app(monkeypatch, demo_db)
    assert app.sidebar.selectbox[0].value == 2025
    assert metrics(app) == expected(demo_db, 2025)
    table = app.dataframe[0].value
    assert len(table) == 33
    assert all(value.endswith(" %") or value == "–" for value in table["Capaian"])


def test_changing_the_year_and_quarter_changes_the_numbers(monkeypatch, demo_db):
    app = open_app(monkeypatch, demo_db)
    setahun = metrics(app)
    app.sidebar.selectbox[0].set_value(2022).run()
    assert metrics(app) == expected(demo_db, 2022) != setahun
    app.sidebar.radio[0].set_value("TW II").run()
    assert metrics(app) == expected(demo_db, 2022, 2)
    assert (app.query_params["tahun"], app.query_params["triwulan"]) == ("2022", "TW_II")


def test_the_unit_filter_shows_only_that_units_indicators(monkeypatch, demo_db):
    app = open_app(monkeypatch, demo_db)
    app.selectbox[0].set_value("MUTASI").run()
    table = app.dataframe[0].value
    assert set(table["Unit"]) == {"MUTASI"} and len(table) == 5


def test_a_link_with_year_and_quarter_opens_that_view(monkeypatch, demo_db):
    monkeypatch.setenv("KINERJA_DB", str(demo_db))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["tahun"] = "2023"
    app.query_params["triwulan"] = "TW_III"
    app.run()
    assert metrics(app) == expected(demo_db, 2023, 3)


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
    first run. AppTest resets that flag before every run and would rerun pages/capaian.py alone;
    keep the flag off as the server does."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
