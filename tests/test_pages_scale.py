"""The pages on a large generated database (bench/generate.py's fill over the seeded units, 15,000
indicators over two years: above the 12 k where pandas' Styler refused the Data page): every page renders, long
tables are paged, long lists are searched instead of listed, charts draw a bounded number of rows,
and what a page asks the engine for (one sasaran, one indicator) is the same as the whole table
filtered."""
import importlib.util
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

from kinerja.engine import summaries
from kinerja.engine.capaian import capaian
from kinerja.numbers import format_persen
from kinerja.present import charts
from kinerja.store import db
from kinerja.web import widgets
from tests.conftest import ACCOUNTS, ensure_account
from tests.test_pages import open_page

INDIKATOR = 15_000
TAHUN = 2022  # the fill's years: 2021 and 2022


def generator():
    """bench/generate.py's generate(path, indikator, years, first): the bench databases' fill."""
    path = Path(__file__).resolve().parent.parent / "bench" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("besar") / "besar.duckdb"
    generator()(path, INDIKATOR, years=2, first=TAHUN - 1)
    with closing(db.connect(path)) as con:
        for nama in ACCOUNTS:
            ensure_account(con, nama)
    return path


def engine(path, *args, **kwargs) -> pd.DataFrame:
    with closing(db.connect(path)) as con:
        return capaian(con, *args, **kwargs)


@pytest.mark.parametrize("page", ["pages/ringkasan.py", "pages/sasaran.py", "pages/unit.py", "pages/tren.py",
                                  "pages/data.py", "pages/indikator.py", "pages/ekspor.py"])
def test_every_page_renders_fifteen_thousand_indicators(monkeypatch, big_db, page):
    app = open_page(monkeypatch, big_db, page, tahun=str(TAHUN))
    assert not app.exception and not app.error
    assert all(len(table.value) <= widgets.PAGE_ROWS for table in app.dataframe)
    assert all(len(box.options) <= widgets.CHOICES_LIMIT + 1 for box in app.selectbox)
    assert all(len(box.options) <= widgets.CHOICES_LIMIT + 10 for box in app.multiselect)


def test_the_data_page_shows_a_thousand_rows_at_a_time_and_searches_all(monkeypatch, big_db):
    app = open_page(monkeypatch, big_db, "pages/data.py", tahun=str(TAHUN))
    assert any(f"{INDIKATOR} dari {INDIKATOR} indikator" in c.value for c in app.caption)
    halaman = next(box for box in app.number_input if box.label.startswith("Halaman"))
    assert halaman.label == "Halaman (dari 15)"
    first = app.dataframe[0].value
    assert len(first) == 1000 and first["Indikator"].iloc[0] != ""
    halaman.set_value(15).run()
    assert "Baris 14.001–15.000 dari 15.000." in [c.value for c in app.caption]
    last = app.dataframe[0].value
    assert len(last) == 1000 and not set(last["Indikator"]) & set(first["Indikator"])
    # a search over every row, not only the page shown; the page goes back to the first
    next(box for box in app.text_input if box.label.startswith("Cari ind")).set_value("Indikator 1234").run()
    found = app.dataframe[0].value
    expected = summaries.data_rows(engine(big_db, TAHUN), cari="Indikator 1234")
    assert 1 < len(expected) < widgets.PAGE_ROWS
    assert list(found["Indikator"]) == list(expected["indikator"])
    assert list(found["Capaian"]) == [format_persen(v) for v in expected["capaian_persen"]]
    assert not [box for box in app.number_input if box.label.startswith("Halaman")]


def test_the_sasaran_page_searches_its_hundreds_of_sasaran_and_shows_the_engines_rows(monkeypatch, big_db):
    app = open_page(monkeypatch, big_db, "pages/sasaran.py", tahun=str(TAHUN))
    shown = app.selectbox(key="pilihan-sasaran").value
    search = next(box for box in app.text_input if box.label == "Cari sasaran")
    search.set_value("sasaran 37").run()
    pick = app.selectbox(key="pilihan-sasaran")
    # the matches, and the sasaran shown until another is chosen
    assert {o for o in pick.options if "37" in o} == {f"Sasaran {n}" for n in range(1, INDIKATOR // 40 + 2)
                                                      if "37" in str(n)}
    assert {o for o in pick.options if "37" not in o} == {shown}
    pick.set_value("Sasaran 37").run()
    rows = app.dataframe[0].value
    whole = engine(big_db, TAHUN)
    expected = whole[whole["sasaran"] == "Sasaran 37"]
    assert list(rows["Indikator"]) == list(expected["indikator"])
    assert list(rows["Capaian"]) == [format_persen(v) for v in expected["capaian_persen"]]
    # the kategori as a label in its colour (one-label cells)
    assert [list(k) for k in rows["Kategori"]] == [[k] for k in summaries.kategori_shown(expected)]


def test_asking_the_engine_for_a_sasaran_or_an_indicator_gives_the_rows_of_the_whole_table(big_db):
    for triwulan in (None, 2):
        whole = engine(big_db, TAHUN, triwulan)
        sasaran = engine(big_db, TAHUN, triwulan, sasaran=37)
        pd.testing.assert_frame_equal(sasaran, whole[whole["sasaran_id"] == 37].reset_index(drop=True))
        one = engine(big_db, TAHUN, triwulan, indikator=1234)
        pd.testing.assert_frame_equal(one, whole[whole["indikator_id"] == 1234].reset_index(drop=True))
        both = engine(big_db, TAHUN, triwulan, "UMPEG", sasaran=37)
        assert both.empty == (whole[(whole["sasaran_id"] == 37) & (whole["unit"] == "UMPEG")]).empty


def test_asking_the_engine_for_the_data_pages_selection_gives_the_rows_of_the_whole_table_filtered(big_db):
    from kinerja.engine.capaian import saring, saring_jumlah

    whole = engine(big_db, TAHUN, 2)
    units = sorted(whole["unit"].unique())
    two = whole.drop_duplicates("sasaran")["sasaran"].dropna().tolist()[5:7]
    asked = [(units, [], [], ""), (units, two, [], ""), (sorted(whole[whole["sasaran"] == two[0]]["unit"])[:1], two, [], ""),
             (units, [], ["Belum lengkap", "Belum dapat dihitung", *whole["kategori"].dropna().unique()[:1]], ""),
             (units, [], [], "indikator 12"), (units[1:], [], ["Belum lengkap"], "1 2")]
    with closing(db.connect(big_db)) as con:
        for filters in asked:
            expected = summaries.data_selection(whole, *filters).reset_index(drop=True)
            assert saring_jumlah(con, TAHUN, 2, *filters) == len(expected) > 0
            pd.testing.assert_frame_equal(saring(con, TAHUN, 2, *filters), expected)
            pd.testing.assert_frame_equal(saring(con, TAHUN, 2, *filters, start=2, stop=5),
                                          expected.iloc[2:5].reset_index(drop=True))


def test_the_registers_notes_offer_the_units_indicators_through_a_search(monkeypatch, big_db):
    from kinerja.engine.capaian import nama

    whole = engine(big_db, TAHUN, 3, "MUTASI")
    with closing(db.connect(big_db)) as con:
        assert nama(con, TAHUN, 3, "MUTASI") == dict(zip(whole["indikator_id"], whole["indikator"]))
    assert len(whole) > widgets.CHOICES_LIMIT
    app = open_page(monkeypatch, big_db, "pages/pengumpulan.py", tahun=str(TAHUN), unit="MUTASI", tw="3",
                    tab="Catatan")
    (chosen,) = [s for s in app.selectbox if s.label == "Indikator"]
    assert chosen.options == list(whole["indikator"][:widgets.CHOICES_LIMIT])
    app.text_input(key="cari-indikator").input(whole["indikator"].iloc[-1]).run()
    (chosen,) = [s for s in app.selectbox if s.label == "Indikator"]
    assert whole["indikator"].iloc[-1] in chosen.options and len(chosen.options) <= widgets.CHOICES_LIMIT


def test_the_unit_page_pages_its_indicators_and_bounds_its_charts(monkeypatch, big_db):
    app = open_page(monkeypatch, big_db, "pages/unit.py", tahun=str(TAHUN), unit="MUTASI")
    whole = engine(big_db, TAHUN, None, "MUTASI")
    assert len(whole) > widgets.PAGE_ROWS
    assert f"dari {len(whole):,}.".replace(",", ".") in " ".join(c.value for c in app.caption)
    table = next(t.value for t in app.dataframe if "Selisih" in t.value.columns)
    assert list(table["Indikator"]) == list(whole["indikator"][:widgets.PAGE_ROWS])
    drawn = charts.lowest(summaries.measured(whole), "capaian_persen")
    assert len(drawn) == charts.CHART_TOP
    assert any(c.value.startswith(f"Grafik memuat {charts.CHART_TOP} dengan capaian terendah") for c in app.caption)


def test_the_tren_page_offers_a_bounded_choice_of_indicators(monkeypatch, big_db):
    app = open_page(monkeypatch, big_db, "pages/tren.py", tahun=str(TAHUN))
    picked = app.multiselect(key="tren-grafik")
    assert len(picked.value) == 5
    assert len(picked.options) <= widgets.CHOICES_LIMIT + 5
    table = next(t.value for t in app.dataframe if "Arah" in t.value.columns)
    assert len(table) == widgets.PAGE_ROWS
    years = pd.concat([engine(big_db, t).assign(tahun=t) for t in (TAHUN - 1, TAHUN)], ignore_index=True)
    expected = summaries.trend(years)
    assert list(table["Indikator"]) == list(expected["indikator"][:widgets.PAGE_ROWS])
    latest = years[years["tahun"] == TAHUN].set_index("indikator_id")["capaian_persen"]
    assert list(table[str(TAHUN)]) == [format_persen(latest.get(i)) for i in expected["indikator_id"][:widgets.PAGE_ROWS]]


def test_the_ekspor_page_offers_the_files_and_previews_a_large_year_only_when_asked(monkeypatch, big_db):
    app = open_page(monkeypatch, big_db, "pages/ekspor.py", tahun=str(TAHUN))
    assert len(app.get("download_button")) == 5  # .xlsx, .docx, .csv, -excel.csv, .parquet: built on click
    toggle = app.toggle(key="ekspor-pratinjau")
    assert toggle.label == "Tampilkan pratinjau (15.000 indikator; perlu waktu)" and not toggle.value
    assert not app.dataframe


def test_a_login_sessions_activity_keeps_every_cached_result(tmp_path):
    """Every transaction advanced the revision that makes the pages drop their caches, so a
    session's activity, touched once a minute per user, recomputed every page for everyone."""
    from datetime import datetime, timedelta

    from kinerja.auth import cli_account
    from kinerja.collect import accounts

    path = tmp_path / "sesi.duckdb"
    with closing(db.connect(path)) as con:
        ensure_account(con, "sekretariat")
        before = db.revision(path)
        token = accounts.start_session(con, accounts.load(con, "sekretariat"))
        later = datetime.now() + accounts.TOUCH + timedelta(seconds=1)
        assert accounts.resume_session(con, token, waktu=later).nama == "sekretariat"
        accounts.end_session(con, token)
        assert db.revision(path) == before
        accounts.create(con, cli_account("uji"), "perencana.baru", "sandi-uji-yang-panjang", ["perencana"])
        assert db.revision(path) > before


def test_the_indikator_list_is_asked_a_page_at_a_time_with_the_same_rows(big_db):
    from kinerja.collect import indikator

    with closing(db.connect(big_db)) as con:
        for unit in (None, "MUTASI"):
            whole = indikator.daftar(con, TAHUN, unit)
            assert indikator.jumlah(con, TAHUN, unit) == (len(whole), int((whole["belum_dikonfirmasi"] != "").sum()))
            for start in (0, 1000, len(whole) - 10):
                page = indikator.daftar(con, TAHUN, unit, start=start, stop=start + 1000)
                expected = whole.iloc[start:start + 1000].reset_index(drop=True)
                # a column empty on the page comes as None, in the whole list as NaN of a text column
                assert page.astype(object).where(page.notna(), None).values.tolist() == \
                    expected.astype(object).where(expected.notna(), None).values.tolist()
