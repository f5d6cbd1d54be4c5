"""Every dashboard page through Streamlit's AppTest, on the demo database and on an empty one.
The numbers a page shows are checked against the engine (kinerja.capaian, kinerja.analisis)."""
import html
from contextlib import closing
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import proyeksi
from kinerja.collect import accounts, workflow
from kinerja.collect.register import register
from kinerja.collect.register import status as register_status
from kinerja.engine import summaries
from kinerja.engine.capaian import (
    capaian,
    capaian_langsung,
    perbandingan,
    ringkasan,
    skala,
)
from kinerja.numbers import format_angka, format_persen
from kinerja.present.tables import poin
from kinerja.store import db
from kinerja.web import auth as web_auth
from tests import seed
from tests.conftest import ensure_account

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/ringkasan.py", "pages/sasaran.py", "pages/unit.py", "pages/tren.py", "pages/data.py"]


def open_page(monkeypatch, path, page: str | None = None, akun: str | None = "sekretariat", **query) -> AppTest:
    """The app as a browser opens it: app.py first (login, navigation, sidebar), then the page;
    logged in as `akun` (None: not logged in)."""
    monkeypatch.setenv("KINERJA_DB", str(path))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params.update(query)
    if akun:
        app.session_state[web_auth.TOKEN] = session_token(path, akun)
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def rendered(markdown: str) -> str:
    """What a reader sees of markdown whose user text was escaped (kinerja.web.text.plain): the text itself."""
    return html.unescape(markdown).replace("\u2060", "")


def session_token(path, nama: str) -> str:
    """A live dashboard session of the account (created when missing), as after logging in."""
    with closing(db.connect(path)) as con:
        ensure_account(con, nama)
        return accounts.start_session(con, accounts.load(con, nama))


def metrics(app) -> dict:
    return {m.label: m.value for m in app.metric}


def engine(path, function, *args):
    with closing(db.connect(path)) as con:
        return function(con, *args)


def table(app, index: int = 0):
    return app.dataframe[index].value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_an_empty_database_says_what_to_do(monkeypatch, tmp_path, page):
    app = open_page(monkeypatch, tmp_path / "kosong.duckdb", page)
    assert "Belum ada data" in app.info[0].value
    assert not app.dataframe


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_the_demo_with_charts_or_tables(monkeypatch, demo_db, page):
    app = open_page(monkeypatch, demo_db, page)
    assert app.sidebar.selectbox[0].value == 2025
    assert app.get("vega_lite_chart") or app.dataframe
    assert not app.error


def test_a_link_to_a_year_without_data_says_so_and_shows_the_latest(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, tahun="2019")
    assert "Tahun 2019 belum memiliki data" in app.sidebar.warning[0].value
    assert app.sidebar.selectbox[0].value == 2025 and app.query_params["tahun"] == "2025"


# --------------------------------------------------------------------------- Ringkasan

def expected_tiles(path, tahun, triwulan=None) -> dict:
    def compute(con):
        summary = ringkasan(capaian(con, tahun, triwulan), con)
        sent, due = summaries.submissions_due(register(con, tahun), triwulan, date.today())
        return {"Indikator terukur": f"{summary['terukur']}/{summary['jumlah']}",
                "Belum lengkap": str(summary["belum_lengkap"]),
                "Belum dapat dihitung": str(summary["tidak_dapat_dihitung"]),
                "Rata-rata capaian": format_persen(summary["rata_rata"]),
                "Perlu perhatian": str(summary["perlu_perhatian"]),
                "Pengumpulan data": f"{sent}/{due}",
                **{k: str(v) for k, v in summary["per_kategori"].items()}}
    return engine(path, compute)


def test_ringkasan_tiles_are_the_engines_numbers_and_follow_year_and_quarter(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db)
    assert app.title[0].value == "Ringkasan Kinerja"
    assert metrics(app) == expected_tiles(demo_db, 2025)
    # a quarter counts once its data are in (a draft too), however many values are empty: the tile says so
    collected = next(m for m in app.metric if m.label == "Pengumpulan data")
    assert "draf" in collected.help and "belum tentu lengkap" in collected.help
    app.sidebar.selectbox[0].set_value(2022).run()
    assert metrics(app) == expected_tiles(demo_db, 2022) != expected_tiles(demo_db, 2025)
    app.sidebar.radio[0].set_value("TW II").run()
    assert metrics(app) == expected_tiles(demo_db, 2022, 2)
    assert (app.query_params["tahun"], app.query_params["triwulan"]) == ("2022", "TW_II")


def test_ringkasan_compares_with_the_same_period_last_year(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, tahun="2024", triwulan="TW_III")
    now, before = engine(demo_db, lambda con: perbandingan(capaian(con, 2024, 3), capaian(con, 2023, 3), con))
    tile = next(m for m in app.metric if m.label == "Rata-rata capaian")
    assert tile.delta == poin(now["rata_rata"] - before["rata_rata"])
    tile = next(m for m in app.metric if m.label == "Perlu perhatian")
    assert tile.delta == str(now["perlu_perhatian"] - before["perlu_perhatian"])


def test_ringkasan_counts_units_that_sent_nothing_and_a_quarter_only_from_its_deadline(monkeypatch, tmp_path):
    """A fresh-user trial: only MUTASI had sent anything; the seven units that sent nothing were not
    due nor late, and Setahun counted TW IV as due before its deadline in January."""
    tahun, path = date.today().year, tmp_path / "k.duckdb"
    with closing(db.connect(path)) as con:
        seed.indikator(con, "Indikator Mutasi", unit="MUTASI", tahun=tahun, target=90)
        passed = sum(tenggat.date() <= date.today() for tenggat in workflow.deadlines(con, tahun)["tanggal"])
    assert passed < 4, "TW IV's deadline is in January of the next year"
    app = open_page(monkeypatch, path, tahun=str(tahun))
    assert metrics(app)["Pengumpulan data"] == f"0/{len(db.UNITS) * passed}"
    late = [e.proto.label for e in app.get("page_link") if "Terlambat mengirim data" in e.proto.label]
    assert all(nama in " ".join(late) for _, nama, _ in db.UNITS) if passed else not late


def test_ringkasan_gives_no_all_clear_while_nothing_is_measured(monkeypatch, tmp_path):
    """A fresh-user trial: in a new year with targets only, "Kesenjangan terbesar" said in green that
    no indicator was below the second band (and the early warning that none would miss), and the
    sasaran chart drew empty axes."""
    path = tmp_path / "k.duckdb"
    with closing(db.connect(path)) as con:
        seed.indikator(con, "Indikator Mutasi", unit="MUTASI", tahun=2025, target=90)
    app = open_page(monkeypatch, path, tahun="2025")
    assert metrics(app)["Indikator terukur"] == "0/1"
    assert not app.success
    assert any(i.value.startswith("Belum ada indikator terukur pada periode ini") for i in app.info)
    assert any(i.value.startswith("Belum ada indikator yang dapat diproyeksikan") for i in app.info)
    assert "Belum ada sasaran dengan capaian terukur pada periode ini." in [c.value for c in app.caption]


def test_ringkasan_does_not_compare_years_that_share_one_indicator(monkeypatch, tmp_path):
    """The change over one indicator measured in both years was shown as the year's change."""
    path = tmp_path / "k.duckdb"
    with closing(db.connect(path)) as con:
        seed.over_years(con, {"Dipakai kedua tahun": {2023: "90", 2024: "95"}, "Hanya 2023": {2023: "50"},
                        "Hanya 2024": {2024: "60"}})
    app = open_page(monkeypatch, path, tahun="2024")
    assert metrics(app)["Indikator terukur"] == "2/2"
    captions = " ".join(c.value for c in app.caption)
    assert ("Tidak dapat dibandingkan dengan periode yang sama tahun 2023: hanya 1 indikator yang sama terukur pada "
            "kedua tahun (perlu minimal 2).") in captions
    assert "perubahan dibandingkan" not in captions
    assert [m.label for m in app.metric if m.delta] == [], "no tile shows a change"


def test_ringkasan_separates_measured_incomplete_and_not_computable(monkeypatch, demo_db):
    """2025: MUTASI, BANGKOM and KEUANGAN sent no TW IV. Before, the page said 33/33 terukur and
    9 perlu perhatian, 8 of them indicators of those units; now 20 are measured, 13 wait for data
    (listed apart, with what is missing) and 1 measured indicator is off track."""
    app = open_page(monkeypatch, demo_db)
    shown = metrics(app)
    assert (shown["Indikator terukur"], shown["Belum lengkap"], shown["Belum dapat dihitung"],
            shown["Perlu perhatian"]) == ("20/33", "13", "0", "1")
    # the one gap links first; the early warning's links (Peringatan dini) follow
    assert rendered(indicator_links(app)[0].value) == "Persentase data SIASN yang mutakhir"
    assert not [t for t in app.dataframe if "Yang kurang" in t.value.columns]  # folded until opened
    app.session_state["buka-ringkasan-belum-lengkap"] = True
    app.run()
    waiting = next(t.value for t in app.dataframe if "Yang kurang" in t.value.columns)
    assert len(waiting) == 13 and set(waiting["Unit"]) == {"MUTASI", "BANGKOM", "KEUANGAN"}
    assert list(waiting.columns) == ["Indikator", "Yang kurang", "Unit"]  # what is missing beside the name on a phone
    assert "Jumlah ASN mengikuti pelatihan kepemimpinan" in set(waiting["Indikator"])
    assert waiting["Yang kurang"].str.contains("TW IV belum dilaporkan").all()
    # the same year to TW III: everything was sent, so nothing waits
    app.sidebar.radio[0].set_value("TW III").run()
    assert metrics(app)["Belum lengkap"] == "0"
    assert not [t for t in app.dataframe if "Yang kurang" in t.value.columns]


def test_ringkasan_heatmap_leaves_quarters_not_sent_empty(monkeypatch, demo_db):
    """Before, MUTASI, BANGKOM and KEUANGAN had a 2025 TW IV cell (their TW III data carried on)."""
    import pyarrow as pa

    app = open_page(monkeypatch, demo_db)
    heat = next(c for c in app.get("vega_lite_chart") if "Triwulan (capaian s.d. akhir triwulan)" in c.proto.spec)
    cells = pa.ipc.open_stream(heat.proto.datasets[0].data.data).read_all().to_pandas()
    sent_tw4 = {"PEMBINAAN", "PENGADAAN", "PERENCANAAN", "SEKRETARIAT", "UMPEG"}
    assert set(cells.loc[cells["tw"] == "TW IV", "unit"]) == sent_tw4
    assert set(cells.loc[cells["tw"] == "TW III", "unit"]) == sent_tw4 | {"MUTASI", "BANGKOM", "KEUANGAN"}


@pytest.mark.parametrize("tahun, triwulan", [(2025, None), (2024, 2)])
def test_ringkasan_means_per_sasaran_and_unit_are_mean_by_of_the_engines_rows(monkeypatch, demo_db, tahun, triwulan):
    """Ringkasan reads its means from the stored sums (engine.capaian.rata_rata): the same frames
    summaries.mean_by and by_quarter compute from the capaian rows computed on the fly."""
    from kinerja.web import cache

    def compute(con):
        scale, rows = skala(con), capaian_langsung(con, tahun, triwulan)
        return (summaries.mean_by(rows.fillna({"sasaran": "(tanpa sasaran)"}), ["sasaran"], scale),
                summaries.by_quarter({q: capaian_langsung(con, tahun, q) for q in range(1, 5)}, ["unit"], scale))

    per_sasaran, per_unit = engine(demo_db, compute)
    monkeypatch.setenv("KINERJA_DB", str(demo_db))
    assert per_sasaran["rata_rata"].notna().any() and len(per_unit)
    pd.testing.assert_frame_equal(cache.per_sasaran(str(demo_db), tahun, triwulan), per_sasaran, check_dtype=False)
    pd.testing.assert_frame_equal(cache.per_quarter(str(demo_db), tahun, "unit"), per_unit, check_dtype=False)


def test_a_units_chart_per_quarter_reads_only_its_indicators_with_the_engines_numbers(monkeypatch, demo_db):
    """The Unit page's quarter chart of its lowest indicators (cache.per_quarter with ids) is
    summaries.by_quarter of the quarters' whole tables filtered to those indicators."""
    from kinerja.web import cache

    def compute(con):
        frames = {q: capaian_langsung(con, 2025, q, "MUTASI") for q in range(1, 5)}
        ids = frames[4]["indikator_id"].tolist()[1:4]
        return ids, summaries.by_quarter({q: f[f["indikator_id"].isin(ids)] for q, f in frames.items()}, ["indikator"],
                                         skala(con))

    ids, expected = engine(demo_db, compute)
    monkeypatch.setenv("KINERJA_DB", str(demo_db))
    assert len(expected) > 3
    got = cache.per_quarter(str(demo_db), 2025, "indikator", "MUTASI", tuple(ids))
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def indicator_links(app) -> list:
    """The page's links to an indicator (the drill-down), not those to other pages (Register)."""
    return [link for link in app.get("page_link") if "sasaran" in link.proto.page]


def test_ringkasan_lists_the_largest_gaps_with_links_into_the_drill_down(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, tahun="2025", triwulan="TW_III")
    gaps = engine(demo_db, lambda con: summaries.off_track(capaian(con, 2025, 3), skala(con)))
    links = indicator_links(app)
    assert len(gaps) >= 3, "the demo has indicators off track"
    assert [rendered(link.value) for link in links][:len(gaps[:8])] == list(gaps["indikator"][:8])

    first = links[0].proto
    app.query_params.update(dict(parse_qsl(first.query_string)))
    app.switch_page("pages/sasaran.py").run()
    assert not app.exception
    assert rendered(app.subheader[0].value) == gaps["indikator"].iloc[0]
    assert metrics(app)["Capaian"] == format_persen(gaps["capaian_persen"].iloc[0])



def test_ringkasan_sends_the_chart_downloads_and_the_projection_rule_only_once_opened(monkeypatch, demo_db):
    """A fresh tab's first paint carries what leadership reads (bench/bench_first_paint.py): the charts'
    PNG and SVG buttons and the full projection rule are built when their popover or expander opens."""
    rule = proyeksi.RULE[:40]
    app = open_page(monkeypatch, demo_db, tahun="2025")
    assert [b.label for b in app.get("download_button")] == ["Unduh ringkasan untuk rapat (PDF, 1 halaman)"]
    assert not [m for m in app.markdown if m.value.startswith(rule)]
    app.session_state["unduh-capaian-sasaran-2025"] = True
    app.session_state["buka-ringkasan-aturan"] = True
    app.run()
    assert [b.label for b in app.get("download_button")][1:] == ["PNG", "SVG"]
    assert [m for m in app.markdown if m.value.startswith(rule)]


# --------------------------------------------------------------------------- Sasaran & Indikator

def test_sasaran_shows_its_indicators_and_changing_it_changes_the_table(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/sasaran.py")
    frame = engine(demo_db, capaian, 2025)
    shown_sasaran = set()
    for index, choice in enumerate(app.selectbox[0].options):
        app.selectbox[0].select_index(index).run()
        rows = frame[frame["sasaran"] == choice]
        shown_sasaran.add(choice)
        shown = table(app)
        assert list(shown["Indikator"]) == list(rows["indikator"])
        assert list(shown["Capaian"]) == [format_persen(v) for v in rows["capaian_persen"]]
    assert shown_sasaran == set(frame["sasaran"].dropna())


def test_an_indicator_detail_shows_quarters_years_and_history(monkeypatch, demo_db):
    frame = engine(demo_db, capaian, 2024, 2)
    row = frame[frame["indikator"] == "Indeks Sistem Merit"].iloc[0]
    view = dict(tahun="2024", triwulan="TW_II", sasaran=str(int(row["sasaran_id"])), indikator=str(row["indikator_id"]))
    app = open_page(monkeypatch, demo_db, "pages/sasaran.py", **view)
    assert rendered(app.subheader[0].value) == "Indeks Sistem Merit"
    assert metrics(app) == {"Target s.d. periode": format_angka(row["target"]),
                            "Realisasi s.d. periode": format_angka(row["realisasi"]),
                            "Capaian": format_persen(row["capaian_persen"]), "Kategori": row["kategori"]}
    assert len(app.get("vega_lite_chart")) == 2  # the sasaran's indicators, this one's quarters

    # the other tabs are computed only when opened, and the open tab is part of the link
    app = open_page(monkeypatch, demo_db, "pages/sasaran.py", rincian="Tahun-tahun Renstra", **view)
    assert list(table(app, 1)["Tahun"]) == ["2021", "2022", "2023", "2024", "2025"]
    app = open_page(monkeypatch, demo_db, "pages/sasaran.py", rincian="Riwayat perubahan", **view)
    history = table(app, 1)
    assert len(history) and set(history["Jenis"]) <= {"Target", "Realisasi", "Target Renstra"}


def test_the_renstra_end_target_is_shown_where_the_unit_gave_it(monkeypatch, demo_db):
    frame = engine(demo_db, capaian, 2025)
    row = frame[frame["unit"] == "UMPEG"].iloc[0]
    app = open_page(monkeypatch, demo_db, "pages/sasaran.py", sasaran=str(int(row["sasaran_id"])),
                    indikator=str(row["indikator_id"]), rincian="Tahun-tahun Renstra")
    assert metrics(app)["Target akhir Renstra"] != "belum ada"
    assert any("Periode Renstra 2021-2026" in c.value for c in app.caption)


def test_a_count_indicator_is_compared_with_the_periods_total_target(monkeypatch, demo_db):
    """BANGKOM's JP: Renstra targets 12.000, 13.000, … 17.000 (2021-2026) total 87.000; realisation
    2021-2025 63.126 (2025 without TW IV): 72,56 %. Before: 63.126 over the 2026 target 17.000,
    371,33 %, in the E.81 column 14 and the LKjIP draft."""
    frame = engine(demo_db, capaian, 2025)
    row = frame[frame["indikator"] == "Jumlah JP pengembangan kompetensi yang difasilitasi"].iloc[0]
    app = open_page(monkeypatch, demo_db, "pages/sasaran.py", sasaran=str(int(row["sasaran_id"])),
                    indikator=str(row["indikator_id"]), rincian="Tahun-tahun Renstra")
    shown = metrics(app)
    assert (shown["Target akhir Renstra"], shown["Realisasi s.d. 2025"], shown["Tingkat capaian Renstra"]) == (
        "87.000", "63.126", "72,56 %")
    assert any("jumlah realisasi 2021-2025 dibanding jumlah target Renstra 2021-2026" in c.value for c in app.caption)
    assert "realisasi 2025 belum lengkap" in app.info[0].value


def test_the_register_lists_the_renstra_periods_and_adds_one(monkeypatch, demo_db, tmp_path):
    import shutil

    path = tmp_path / "salinan.duckdb"
    shutil.copy(demo_db, path)
    app = open_page(monkeypatch, path, "pages/pengumpulan.py", tab="Periode Renstra")
    periods = next(t.value for t in app.dataframe if "Periode" in t.value.columns)
    assert list(periods["Periode"]) == ["2021-2026", "2027-2031"]  # the demo's next period
    # the form's default (2026-2030) overlaps: refused in Bahasa Indonesia, nothing written
    next(b for b in app.button if b.label == "Tambah periode").click().run()
    assert "bertumpang tindih dengan periode Renstra 2021-2026" in rendered(app.error[0].value)
    app.number_input[0].set_value(2032)
    app.number_input[1].set_value(2036)
    next(b for b in app.button if b.label == "Tambah periode").click().run()
    assert not app.exception and "Periode Renstra 2032-2036 tercatat." in [s.value for s in app.success]
    periods = next(t.value for t in app.dataframe if "Periode" in t.value.columns)
    assert list(periods["Periode"]) == ["2021-2026", "2027-2031", "2032-2036"]


# --------------------------------------------------------------------------- Unit

def test_unit_page_shows_the_units_indicators_and_register(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/unit.py")
    for unit in ["MUTASI", "KEUANGAN"]:
        app.selectbox[0].set_value(engine(demo_db, lambda con: con.sql(
            "SELECT nama FROM unit WHERE kode = $kode", params={"kode": unit}).fetchall()[0][0])).run()
        frame = engine(demo_db, capaian, 2025, None, unit)
        register = engine(demo_db, register_status, 2025)
        register = register[register["unit"] == unit]
        shown_register, indicators = table(app, 0), table(app, 1)
        assert list(shown_register["Status"].str.lower()) == list(register["status"])
        assert shown_register["Status"].iloc[3] == "Belum", "2025 TW IV of MUTASI and KEUANGAN was not sent"
        assert list(indicators["Indikator"]) == list(frame["indikator"])
        assert app.query_params["unit"] == unit


# --------------------------------------------------------------------------- Tren

def test_tren_draws_the_years_measured_when_a_new_year_has_targets_only(monkeypatch, tmp_path):
    """A fresh-user trial: once a unit sent its first file of a new year, the sasaran chart took that
    year (nothing measured yet) as the latest and drew no line."""
    path = tmp_path / "k.duckdb"
    with closing(db.connect(path)) as con:
        seed.over_years(con, {"Dipakai kedua tahun": {2023: "90", 2024: "95"}})
        seed.indikator(con, "Baru tahun ini", unit="MUTASI", tahun=2025, target=90)
    app = open_page(monkeypatch, path, "pages/tren.py", tahun="2024")
    chart = next(c for c in app.get("vega_lite_chart") if "Sasaran" in c.proto.spec)
    drawn = [pa.ipc.open_stream(d.data.data).read_all() for d in chart.proto.datasets]
    assert sorted(y for table in drawn if "tahun" in table.column_names for y in table["tahun"].to_pylist()) == [
        "2023", "2024"], "a line through both measured years"


def test_tren_names_the_steady_decline_and_rise(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/tren.py")
    trends = table(app)
    direction = dict(zip(trends["Indikator"], trends["Arah"]))
    assert direction["Jumlah ASN mengikuti pelatihan kepemimpinan"] == "Turun konsisten"
    assert direction["Indeks Sistem Merit"] == "Naik konsisten"
    counts = {m.label: int(m.value) for m in app.metric}
    assert sum(counts.values()) == 33


@pytest.mark.parametrize("triwulan", [None, 3])
def test_tren_reads_the_stored_trends_with_the_engines_numbers(monkeypatch, demo_db, triwulan):
    """Tren reads the stored trends and the stored sums: the same trends, counts and means per tahun
    and sasaran as from an engine table per year."""
    from kinerja.engine.capaian import tren_indikator
    from kinerja.web import cache

    def compute(con):
        years = sorted(con.sql("SELECT DISTINCT tahun FROM target").df()["tahun"].tolist())
        rows = summaries.over_years({t: capaian(con, t, triwulan) for t in years})
        means = summaries.mean_by(rows.fillna({"sasaran": "(tanpa sasaran)"}), ["tahun", "sasaran"], skala(con))
        return summaries.trend(rows), means, years, tren_indikator(con, triwulan)

    trends, means, years, stored = engine(demo_db, compute)
    pd.testing.assert_frame_equal(stored, trends, check_dtype=False)
    monkeypatch.setenv("KINERJA_DB", str(demo_db))
    counts, sasaran, got_means, got_years = cache.tren(str(demo_db), triwulan)
    assert got_years == years and len(years) >= 3
    assert counts == trends["arah"].value_counts().to_dict()
    assert sasaran == sorted(trends["sasaran"].dropna().unique())
    pd.testing.assert_frame_equal(got_means, means, check_dtype=False)
    one = sasaran[1]
    chosen = trends[(trends["sasaran"] == one) & trends["arah"].isin(["naik konsisten", "berfluktuasi"])]
    assert cache.tren_count(str(demo_db), triwulan, one, ("naik konsisten", "berfluktuasi")) == len(chosen)
    page, _ = cache.tren_page(str(demo_db), triwulan, one, ("naik konsisten", "berfluktuasi"), 1, 3)
    assert page["indikator_id"].tolist() == chosen["indikator_id"].tolist()[1:3]


# --------------------------------------------------------------------------- Data

def test_data_filters_and_downloads_what_is_shown(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/data.py")
    assert len(table(app)) == 33
    app.multiselect[0].set_value(["MUTASI"]).run()
    assert set(table(app)["Unit"]) == {"MUTASI"} and len(table(app)) == 5
    app.multiselect[0].set_value([]).run()
    app.multiselect[2].set_value(["Sedang", "Belum lengkap"]).run()
    frame = engine(demo_db, capaian, 2025)
    # an incomplete row's partial capaian has no band: it is found as "Belum lengkap" (13), never as
    # Sedang, which holds the one measured indicator there
    low = frame[((frame["kategori"] == "Sedang") & (frame["status_data"] == "terukur"))
                | (frame["status_data"] == "belum_lengkap")]
    assert len(low) == 14
    assert list(table(app)["Indikator"]) == list(low["indikator"])
    assert f"{len(low)} dari 33 indikator" in app.caption[0].value


def test_an_indicator_whose_settings_were_guessed_says_so_in_words(monkeypatch, demo_db):
    frame = engine(demo_db, capaian, 2025)
    row = frame[frame["keterangan"].fillna("").str.contains("nilai_akhir|rata_rata|per_triwulan")].iloc[0]
    view = dict(tahun="2025", triwulan="Setahun", sasaran=str(int(row["sasaran_id"])),
                indikator=str(row["indikator_id"]))
    app = open_page(monkeypatch, demo_db, "pages/sasaran.py", **view)
    said = " ".join(rendered(w.value) for w in app.warning)
    assert "ditebak" in said and "_" not in said
