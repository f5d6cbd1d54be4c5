"""Streamlit plumbing shared by the pages: the database file held only while used (kinerja.store.db.use,
so the `kinerja` command runs beside the dashboard), cached queries cleared when the database
changes (here or in another process)."""
from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import date

import duckdb
import pandas as pd
import streamlit as st
from streamlit import runtime

from kinerja.auth import Ditolak, require
from kinerja.collect import indikator as collect_indikator
from kinerja.collect import register as collect_register
from kinerja.collect import reminders, workflow
from kinerja.collect import siklus as collect_siklus
from kinerja.collect import versions as collect_versions
from kinerja.engine import capaian as engine
from kinerja.engine import proyeksi as engine_proyeksi
from kinerja.engine import renstra as engine_renstra
from kinerja.engine import summaries
from kinerja.present import charts
from kinerja.present import tables as present_tables
from kinerja.reports import ringkasan_pdf
from kinerja.store import backup, db
from kinerja.store import renstra as store_renstra
from kinerja.store.queries import run
from kinerja.web.text import plain

# Streamlit collects garbage after every script run (runner.postScriptGC); a full collection walks
# every object alive, most of them the modules imported once (Altair's schema, pandas, Streamlit):
# 0,3-0,4 s of each page view on this machine. Those stay for the life of the process, so they are
# set aside (gc.freeze) once, when the pages first import this module; what a page run leaves is
# still collected.
gc.freeze()
# The file stays open this long after a page's last query, so the page views of a few seconds
# (a fresh tab, a click to the next page) open it once: opening costs 20-160 ms, before a page can
# draw anything (the login is read first). A `kinerja` command waiting for it gets it as soon as
# the running queries end, or within db.IDLE_POLL seconds when none runs.
LINGER_SECONDS = 10.0
db.keep_open(LINGER_SECONDS)
SEEN_REVISION: dict[str, int] = {}
LOG = logging.getLogger(__name__)
# What app.py shows as a message instead of a traceback: the database cannot be used right now.
FAULTS = (db.StoreError, duckdb.Error)


def fault(exc: Exception) -> None:
    """The message of a database fault (kinerja.store.db.fault) on the page, then stop the page."""
    st.error(str(db.fault(exc, db.db_path())), icon=":material/error:")
    st.stop()


def database() -> str:
    return str(db.db_path())


def using(action, *args, **kwargs):
    """action(cursor, *args, **kwargs) with the database held for the call."""
    with db.use(database()) as con:
        return action(con, *args, **kwargs)


@st.cache_resource(show_spinner=False)
def daily_backups(path: str) -> threading.Thread:
    """A backup a day while the server runs (`make run` sets KINERJA_CADANGAN_HARIAN=1)."""
    def loop():
        while True:
            try:
                backup.backup_daily(path)
            except db.StoreError as exc:  # busy or a full disk: said in the server log, tried again in an hour
                print(f"Cadangan harian gagal: {exc}", file=sys.stderr, flush=True)
            time.sleep(3600)

    thread = threading.Thread(target=loop, name="cadangan-harian", daemon=True)
    thread.start()
    return thread


def backup_bytes(akun) -> bytes:
    """A backup made now (kinerja.store.backup), as the bytes of its file, for a download by an
    account that may change the agency's settings (the Sekretariat); auth.Ditolak otherwise."""
    require(akun, "pengaturan")
    return backup.backup(database()).path.read_bytes()


def refresh(path: str) -> None:
    """Drop every cached result when the database changed since this server last looked (a
    `kinerja import` beside the dashboard), so each interaction shows what is stored. Starts the
    daily backups when asked to."""
    if os.environ.get("KINERJA_CADANGAN_HARIAN") == "1":
        daily_backups(path)
    now = db.revision(path)
    if SEEN_REVISION.get(path) != now:
        SEEN_REVISION[path] = now
        clear_caches()


@st.cache_data(show_spinner=False)
def years(path: str) -> list[int]:
    return using(run, "web_tahun")["tahun"].tolist()


@st.cache_data(show_spinner="Menghitung capaian…")
def capaian(path: str, tahun: int, triwulan: int | None, unit: str | None, sasaran: int | None = None,
            indikator: int | None = None) -> pd.DataFrame:
    """engine.capaian of the period, of the unit, sasaran or indicator asked (None: all)."""
    return using(engine.capaian, tahun, triwulan, unit, sasaran=sasaran, indikator=indikator)


@st.cache_data(show_spinner=False)
def capaian_rows(path: str, tahun: int, triwulan: int | None, unit: str | None, start: int, stop: int) -> pd.DataFrame:
    """Rows start to stop (excluded) of capaian(path, tahun, triwulan, unit): a page of a table,
    without copying the whole table out of the cache on every rerun."""
    return capaian(path, tahun, triwulan, unit).iloc[start:stop]


@st.cache_data(show_spinner=False)
def indicator_names(path: str, tahun: int, triwulan: int | None, unit: str) -> dict[int, str]:
    """{indikator_id: name} of the unit's rows of capaian(path, tahun, triwulan, unit) (engine.capaian.nama)."""
    return using(engine.nama, tahun, triwulan, unit)


@st.cache_data(show_spinner=False)
def indicator_page(path: str, tahun: int, triwulan: int | None, unit: str | None, start: int, stop: int) -> pd.DataFrame:
    """present.tables.indicator_table of capaian_rows(...) with their notes (cache.notes)."""
    rows = capaian_rows(path, tahun, triwulan, unit, start, stop)
    return present_tables.indicator_table(rows, notes(path, tahun, triwulan, tuple(rows["indikator_id"])))


@st.cache_data(show_spinner=False)
def lowest(path: str, tahun: int, triwulan: int | None, unit: str | None) -> tuple[pd.DataFrame, int]:
    """(charts.lowest of the measured rows of capaian(path, tahun, triwulan, unit): what a chart
    draws, how many rows are measured)."""
    known = summaries.measured(capaian(path, tahun, triwulan, unit))
    return charts.lowest(known, "capaian_persen"), len(known)


@st.cache_data(show_spinner=False)
def ringkasan(path: str, tahun: int, triwulan: int | None, unit: str | None) -> dict:
    """engine.capaian.ringkasan of the period's capaian: the numbers leadership reads first, counted
    by the database (engine.capaian.ringkasan_tersimpan)."""
    return using(engine.ringkasan_tersimpan, tahun, triwulan, unit)


@st.cache_data(show_spinner=False)
def perbandingan(path: str, tahun: int, triwulan: int | None, unit: str | None) -> tuple[dict, dict | None]:
    """engine.capaian.perbandingan of the period and the same period of last year: ringkasan of
    both over the indicators measured in both years (the changes a page shows; the second None
    when fewer than two are), counted by the database (engine.capaian.perbandingan_tersimpan)."""
    return using(engine.perbandingan_tersimpan, tahun, triwulan, unit)


def engine_runs(path: str, periods: list[tuple[int, int | None, str | None]], **filters) -> list[pd.DataFrame]:
    """capaian(tahun, triwulan, unit, **filters) of several periods at once, each on its own
    cursor: DuckDB plans and runs them in parallel, so a page that needs five periods waits for
    about two."""
    def one(cursor, period):
        return engine.capaian(cursor, *period, **filters)

    with db.use(path) as con, ExitStack() as cursors:
        own = [cursors.enter_context(con.cursor()) for _ in periods]
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(lambda run: one(*run), zip(own, periods)))


@st.cache_data(show_spinner=False)
def quarters(path: str, tahun: int, unit: str | None = None, indikator: int | None = None) -> dict[int, pd.DataFrame]:
    """The capaian table to date at the end of each quarter of the year (of one indicator when
    `indikator` is given)."""
    return dict(zip(range(1, 5), engine_runs(path, [(tahun, q, unit) for q in range(1, 5)], indikator=indikator)))


@st.cache_data(show_spinner="Menghitung capaian tahun-tahun sebelumnya…")
def over_years(path: str, triwulan: int | None, indikator: int | None = None) -> pd.DataFrame:
    """The capaian tables of every year with data (to the same quarter), with a `tahun` column;
    of one indicator when `indikator` is given."""
    available = years(path)
    runs = engine_runs(path, [(t, triwulan, None) for t in available], indikator=indikator)
    return summaries.over_years(dict(zip(available, runs)))


@st.cache_data(show_spinner=False)
def tren(path: str, triwulan: int | None) -> tuple[dict[str, int], list[str], pd.DataFrame, list[int]]:
    """What the Tren page shows above its table, from the stored trends and sums (no year's rows
    are read): (how many indicators go each way, {arah: count}; the sasaran named, sorted;
    summaries.mean_by per tahun and sasaran (engine.capaian.rata_rata, an indicator without a
    sasaran under "(tanpa sasaran)"); the years with a measured mean, so that a new year with targets
    only or its first quarter not yet measured is no trend's latest year), to the same quarter."""
    jumlah = using(engine.tren_jumlah, triwulan)
    per_sasaran = named(using(engine.rata_rata, years(path), triwulan, ["tahun", "sasaran"]), ["tahun", "sasaran"])
    counts = {arah: int(n) for arah, n in jumlah.groupby("arah")["jumlah"].sum().items()}
    measured = per_sasaran.loc[per_sasaran["rata_rata"].notna(), "tahun"]
    return counts, sorted(jumlah["sasaran"].dropna().unique()), per_sasaran, sorted(measured.unique().tolist())


@st.cache_data(show_spinner=False)
def tren_count(path: str, triwulan: int | None, sasaran: str | None, arah: tuple[str, ...]) -> int:
    """How many indicators of the sasaran named `sasaran` (None: every one) go one of the ways `arah`."""
    jumlah = using(engine.tren_jumlah, triwulan)
    chosen = jumlah["arah"].isin(arah)
    if sasaran is not None:
        chosen &= jumlah["sasaran"] == sasaran
    return int(jumlah.loc[chosen, "jumlah"].sum())


@st.cache_data(show_spinner=False)
def tren_page(path: str, triwulan: int | None, sasaran: str | None, arah: tuple[str, ...], start: int,
              stop: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows start to stop (excluded) of the stored trends of the sasaran named `sasaran` (None: every
    one) going one of the ways `arah` (engine.capaian.tren_indikator): (those trends, their
    present.tables.trend_table)."""
    trends = using(engine.tren_indikator, triwulan, sasaran=sasaran, arah=list(arah), start=start, stop=stop)
    return trends, present_tables.trend_table(trends, tren_rows(path, triwulan, tuple(trends["indikator_id"])))


@st.cache_data(show_spinner=False)
def tren_rows(path: str, triwulan: int | None, indikator: tuple[int, ...]) -> pd.DataFrame:
    """The stored capaian of every year (engine.capaian.tren, TREN_COLUMNS) of the indicators with the ids in `indikator`."""
    return using(engine.tren, triwulan, [int(i) for i in indikator])


# --------------------------------------------------------------------------- what the pages draw
# The Python work after a cached query is cached too, keyed by the same parameters, so a rerun
# (another widget touched) costs the page's layout only; cleared with the rest after a write.

TANPA_SASARAN = "(tanpa sasaran)"


def named(means: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """engine.capaian.rata_rata's rows with an indicator without a sasaran under "(tanpa sasaran)",
    ordered by `keys` as summaries.mean_by orders the groups of a frame filled the same way."""
    return means.fillna({"sasaran": TANPA_SASARAN}).sort_values(keys, kind="stable").reset_index(drop=True)


@st.cache_data(show_spinner=False)
def per_sasaran(path: str, tahun: int, triwulan: int | None) -> pd.DataFrame:
    """summaries.mean_by per sasaran of the period's capaian, every unit (an indicator without a
    sasaran under "(tanpa sasaran)"), from the stored sums (engine.capaian.rata_rata)."""
    return named(using(engine.rata_rata, tahun, triwulan, ["sasaran"]), ["sasaran"])


@st.cache_data(show_spinner=False)
def per_quarter(path: str, tahun: int, key: str, unit: str | None = None,
                indikator: tuple[int, ...] | None = None) -> pd.DataFrame:
    """summaries.by_quarter by `key` ("unit", "sasaran", "indikator") of the quarters' tables of the
    year (of `unit`; of the indicators with the ids in `indikator` when given): columns key,
    summaries.MEAN_COLUMNS, triwulan; only the groups with a mean. Per unit or sasaran from the
    stored sums (engine.capaian.rata_rata), per indicator from the quarters' tables."""
    if key in ("unit", "sasaran") and indikator is None:
        means = using(engine.rata_rata, tahun, [1, 2, 3, 4], [key, "triwulan"], unit=unit)
        means = means[means["rata_rata"].notna()]
        return named(means, ["triwulan", key])[[key, *summaries.MEAN_COLUMNS, "triwulan"]]
    if indikator is not None:  # a chart of a few indicators: their rows only
        frames = using(engine.per_triwulan, tahun, [int(i) for i in indikator], unit)
    else:
        frames = quarters(path, tahun, unit)
    return summaries.by_quarter(frames, [key], skala(path))


@st.cache_data(show_spinner=False)
def sorotan_jumlah(path: str, tahun: int, triwulan: int | None) -> dict[str, int]:
    """engine.capaian.sorotan_jumlah: how many rows each list Ringkasan shows beside its numbers has
    (every unit), from the period's ringkasan the page has read already."""
    return using(engine.sorotan_jumlah, tahun, triwulan, ringkasan(path, tahun, triwulan, None))


@st.cache_data(show_spinner=False)
def sorotan_baris(path: str, tahun: int, triwulan: int | None, daftar: str, start: int, stop: int | None
                  ) -> pd.DataFrame:
    """Rows start to stop (excluded) of one list Ringkasan shows beside its numbers
    (engine.capaian.sorotan_baris, every unit): its first cards, the PDF's, a page of its table."""
    return using(engine.sorotan_baris, tahun, triwulan, daftar, start, stop)


def data_selection(path: str, tahun: int, triwulan: int | None, units: tuple[str, ...], sasaran: tuple[str, ...],
                   kategori: tuple[str, ...], cari: str) -> pd.DataFrame:
    """summaries.data_selection of the period's capaian asked of the database (engine.capaian.saring):
    the rows of `units` (every one the reader may read, chosen or not), filtered by sasaran,
    kategori and the words of `cari`, for a download built on click (not cached: the whole
    selection is held only while it is written out)."""
    return using(engine.saring, tahun, triwulan, list(units), list(sasaran), list(kategori), cari)


@st.cache_data(show_spinner=False)
def data_page(path: str, tahun: int, triwulan: int | None, units: tuple[str, ...], sasaran: tuple[str, ...],
              kategori: tuple[str, ...], cari: str, start: int, stop: int) -> pd.DataFrame:
    """Rows start to stop (excluded) of data_selection as the Data page shows them
    (present.tables.data_table, the gap computed for them only)."""
    shown = using(engine.saring, tahun, triwulan, list(units), list(sasaran), list(kategori), cari, start=start,
                  stop=stop)
    return present_tables.data_table(summaries.with_selisih(shown))


@st.cache_data(show_spinner=False)
def data_count(path: str, tahun: int, triwulan: int | None, units: tuple[str, ...], sasaran: tuple[str, ...],
               kategori: tuple[str, ...], cari: str) -> int:
    """len(data_selection(...)), counted by the database."""
    return using(engine.saring_jumlah, tahun, triwulan, list(units), list(sasaran), list(kategori), cari)


def data_total(path: str, tahun: int, triwulan: int | None, units: tuple[str, ...]) -> int:
    """How many rows of the period's capaian belong to `units` (what data_selection chooses from)."""
    return data_count(path, tahun, triwulan, units, (), (), "")


@st.cache_data(show_spinner=False)
def renstra_periods(path: str) -> list[store_renstra.Periode]:
    return using(store_renstra.periods)


@st.cache_data(show_spinner=False)
def renstra_period(path: str, tahun: int) -> store_renstra.Periode | None:
    """The Renstra period containing `tahun`; None outside every recorded one."""
    return using(store_renstra.period_of, tahun)


@st.cache_data(show_spinner="Membandingkan dengan target akhir Renstra…")
def renstra(path: str, tahun: int, triwulan: int | None, indikator: int | None = None) -> pd.DataFrame:
    """kinerja.engine.renstra.compare for the year (this year to the period asked, the period's
    earlier years whole), as the E.81 and the LKjIP draft compute it; of one indicator when
    `indikator` is given."""
    periode = renstra_period(path, tahun)
    years = periode.years_to(tahun) if periode else [tahun]
    runs = engine_runs(path, [(y, triwulan if y == tahun else None, None) for y in years], indikator=indikator)
    return using(engine_renstra.compare, tahun, dict(zip(years, runs)))


@st.cache_data(show_spinner=False)
def skala(path: str) -> pd.DataFrame:
    return using(engine.skala)


@st.cache_data(show_spinner=False)
def proyeksi_jumlah(path: str, tahun: int, triwulan: int | None, unit: str | None) -> dict:
    """engine.proyeksi.jumlah of the early warning made at `triwulan` (the whole year: at TW IV)."""
    return using(engine_proyeksi.jumlah, tahun, triwulan or 4, unit)


@st.cache_data(show_spinner=False)
def proyeksi_rows(path: str, tahun: int, triwulan: int | None, unit: str | None, pilihan: str, start: int,
                  stop: int, selesai: int) -> pd.DataFrame:
    """Rows start to stop (excluded) of the early warning made at `triwulan` (the whole year: at TW
    IV), of `unit` or every unit, of `pilihan` (engine.proyeksi.baris), as
    present.tables.proyeksi_table shows them (`selesai`: the quarters of the year ended today,
    kinerja.vocab.triwulan_berakhir): a page of a table."""
    return present_tables.proyeksi_table(proyeksi_baris(path, tahun, triwulan, unit, pilihan, start, stop), selesai)


@st.cache_data(show_spinner=False)
def proyeksi_baris(path: str, tahun: int, triwulan: int | None, unit: str | None, pilihan: str, start: int,
                   stop: int | None) -> pd.DataFrame:
    """engine.proyeksi.baris of the early warning made at `triwulan` (the whole year: at TW IV):
    Ringkasan's at-risk cards, its PDF, the indicators without a projection."""
    return using(engine_proyeksi.baris, tahun, triwulan or 4, unit, pilihan, start, stop)


@st.cache_data(show_spinner=False)
def notes(path: str, tahun: int, triwulan: int | None, indikator: tuple[int, ...]) -> dict[int, str]:
    """summaries.notes of the indicators with the ids in `indikator` (those a page shows), of `tahun`
    up to the period asked."""
    return summaries.notes(using(run, "indikator_catatan", {"tahun": tahun, "indikator": [int(i) for i in indikator]}),
                           triwulan)


@st.cache_data(show_spinner=False)
def ringkasan_grafik(path: str, tahun: int, triwulan: int | None) -> dict:
    """Ringkasan's two charts as charts.spec() (built once per period, not at every page view):
    "sasaran" (charts.capaian_bars of the lowest charts.CHART_TOP sasaran of per_sasaran), "digambar"
    (how many it draws), "terukur" (how many sasaran have a mean), "unit" (charts.heatmap of the units'
    per_quarter up to `triwulan`)."""
    scale = skala(path)
    means = per_sasaran(path, tahun, triwulan)
    drawn = charts.lowest(means, "rata_rata")
    units = per_quarter(path, tahun, "unit")
    if triwulan:
        units = units[units["triwulan"] <= triwulan]
    return {"sasaran": charts.spec(charts.capaian_bars(drawn, scale, "sasaran", "Sasaran")), "digambar": len(drawn),
            "terukur": int(means["rata_rata"].notna().sum()),
            "unit": charts.spec(charts.heatmap(units, scale, "unit", "Unit"))}


@st.cache_data(show_spinner=False)
def register(path: str, tahun: int) -> pd.DataFrame:
    return using(collect_register.register, tahun)


@st.cache_data(show_spinner=False, ttl=3600)
def pengingat_pada(path: str, tahun: int, today) -> pd.DataFrame:
    return reminders.reminders(register(path, tahun), units(path), tahun, today)


def pengingat(path: str, tahun: int) -> pd.DataFrame:
    """kinerja.collect.reminders.reminders of the year as of today (cached per day)."""
    return pengingat_pada(path, tahun, date.today())


@st.cache_data(show_spinner=False)
def query(path: str, name: str, **params) -> pd.DataFrame:
    """Any query of queries/ by name, cached by its parameters."""
    return using(run, name, params)


@st.cache_data(show_spinner=False)
def units(path: str) -> pd.DataFrame:
    return using(run, "units")


@st.cache_data(show_spinner="Menyusun tabel evaluasi…")
def evaluasi(path: str, tahun: int, triwulan: int | None):
    from kinerja.reports.evaluasi import evaluasi as tables

    return using(tables, tahun, triwulan)


@st.cache_data(show_spinner=False)
def ekspor(path: str, tahun: int, triwulan: int | None, suffix: str) -> bytes:
    """An export file's bytes (kinerja.export); the page's default template cannot fail to load."""
    from kinerja.reports.export import export_bytes

    return using(export_bytes, tahun, suffix, triwulan)


@st.cache_data(show_spinner=False)
def demo(path: str) -> bool:
    """Whether the database holds the demo data (kinerja.reports.evaluasi.is_demo): the exports are marked so."""
    from kinerja.reports.evaluasi import is_demo

    return using(is_demo)


def export_file(tahun: int, triwulan: int | None, suffix: str):
    """A callable for st.download_button (with on_click="ignore"): the file is built on click, then
    cached. A failure is logged by Streamlit and shown under the button (style.css words it)."""
    path = database()
    return lambda: ekspor(path, tahun, triwulan, suffix)


# Bumped by every clear_caches: a warm-up that began before it may have read the old data.
GENERATION = [0]


def clear_caches() -> None:
    """After an import every page must show the new numbers; the default view (Ringkasan of the
    latest year) is computed again at once in the background (warm), so its next visitor waits
    for none of it."""
    with GUARD:
        GENERATION[0] += 1
    st.cache_data.clear()
    warm(database())


GUARD = threading.Lock()


def together(calls: list[tuple]) -> None:
    """Run independent cached reads, each (function, *args), side by side and wait for them all:
    DuckDB runs one's queries while Python shapes another's result, so a page that needs them all
    waits for about the longest rather than their sum. A read's error is raised as its own."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        for done in [pool.submit(call[0], *call[1:]) for call in calls]:
            done.result()


def ringkasan_reads(path: str, tahun: int, triwulan: int | None) -> None:
    """Fill at once (together) the caches of what Ringkasan reads for the period: its numbers, last
    year's comparison, the lists' counts and first cards, the charts, the early warning, the register
    and the late units."""
    calls = [(ringkasan, path, tahun, triwulan, None), (ringkasan_grafik, path, tahun, triwulan),
             (sorotan_jumlah, path, tahun, triwulan),
             (sorotan_baris, path, tahun, triwulan, "kesenjangan", 0, ringkasan_pdf.LIMIT),
             (proyeksi_jumlah, path, tahun, triwulan, None),
             (proyeksi_baris, path, tahun, triwulan, None, "berisiko", 0, ringkasan_pdf.LIMIT),
             (register, path, tahun), (pengingat, path, tahun)]
    if tahun - 1 in years(path):
        calls.insert(1, (perbandingan, path, tahun, triwulan, None))
    together(calls)


def serving() -> bool:
    """Whether this process is a running Streamlit server (not a script or AppTest)."""
    return runtime.exists()


def warm(path: str) -> threading.Thread | None:
    """Fill, in a background thread, the caches Ringkasan of the latest year and the whole year
    (what a fresh tab opens) reads. Caches are keyed by the data's parameters, so a warmed entry is
    what a page would compute; one that a write may have made stale while it was computed
    (clear_caches ran meanwhile) is dropped again. Only in a running server (not under AppTest,
    whose benchmarks time cold renders); KINERJA_PEMANASAN=0 turns it off (the tests: a page run
    there must not race a warm-up for the database). Returns the thread, None when off."""
    if os.environ.get("KINERJA_PEMANASAN", "1") == "0" or not serving():
        return None
    with GUARD:
        generation = GENERATION[0]

    def fill():
        try:
            available = years(path)
            if available:
                ringkasan_reads(path, available[0], None)
        except Exception as exc:  # noqa: BLE001 (a warm-up never fails a page: the page computes it itself)
            LOG.warning("Pemanasan cache gagal: %s", exc)
        with GUARD:
            if GENERATION[0] != generation:  # rare: everything it may have cached on the way goes
                st.cache_data.clear()

    thread = threading.Thread(target=fill, name="pemanasan-cache", daemon=True)
    thread.start()
    return thread


# --------------------------------------------------------------------------- uploads


# --------------------------------------------------------------------------- the register

@st.cache_data(show_spinner=False)
def steps(path: str, tahun: int, unit: str) -> pd.DataFrame:
    return using(workflow.steps, tahun, unit)


@st.cache_data(show_spinner=False)
def versions(path: str, unit: str, tahun: int) -> pd.DataFrame:
    return using(collect_versions.versions, unit, tahun)


@st.cache_data(show_spinner=False)
def latest_version(path: str, submission_id: int) -> int:
    return using(collect_versions.latest, submission_id)


@st.cache_data(show_spinner=False)
def version_diff(path: str, dari: int, ke: int) -> pd.DataFrame:
    return using(collect_versions.diff, dari, ke)


@st.cache_data(show_spinner=False)
def indikator_daftar(path: str, tahun: int, unit: str | None, start: int, stop: int) -> pd.DataFrame:
    """Rows start to stop (excluded) of collect.indikator.daftar."""
    return using(collect_indikator.daftar, tahun, unit, start=start, stop=stop)


@st.cache_data(show_spinner=False)
def indikator_jumlah(path: str, tahun: int, unit: str | None) -> tuple[int, int]:
    return using(collect_indikator.jumlah, tahun, unit)


@st.cache_data(show_spinner=False)
def indikator_riwayat(path: str, indikator_id: int) -> pd.DataFrame:
    return using(collect_indikator.history, indikator_id)


@st.cache_data(show_spinner=False)
def rollback_preview(path: str, submission_id: int) -> pd.DataFrame:
    return using(collect_versions.rollback_preview, submission_id)


@st.cache_data(show_spinner=False)
def deadlines(path: str, tahun: int) -> pd.DataFrame:
    return using(workflow.deadlines, tahun)


def instansi(path: str) -> str | None:
    """The agency's name as set (nama_instansi), for documents' headings."""
    return using(db.setting, "nama_instansi")


def reminder_letter(path: str, tahun: int, today) -> bytes:
    """The reminder letters (.docx) to the units late with a quarter of `tahun` on `today`."""
    from kinerja.reports.pengingat import surat_pengingat

    quarters = reminders.pending_quarters(register(path, tahun), units(path), today)
    return surat_pengingat(quarters, tahun, today, using(db.setting, "nama_instansi"))


def write(action, *args, errors: tuple = (), **kwargs) -> str | None:
    """Run one of kinerja's write functions for a page (tried again when it collides with
    another save); the other pages show the result at once. Returns the user's message (plain
    text for st.error) when the workflow, the account's permissions (auth.Ditolak), the database
    or one of `errors` refuse the step; None when it is stored."""
    try:
        with db.writing(database()) as con:
            db.retrying(action, con, *args, **kwargs)
    except (workflow.WorkflowError, db.StoreError, Ditolak, *errors) as exc:
        return plain(exc)
    clear_caches()
    return None


# --------------------------------------------------------------------------- the LKjIP cycle


@st.cache_data(show_spinner=False)
def siklus(path: str, tahun: int, hari_ini) -> tuple[pd.DataFrame, dict, dict]:
    """(steps, position, settings) of the year's cycle (kinerja.collect.siklus.langkah, posisi,
    pengaturan) as of `hari_ini`."""
    return using(lambda con: (collect_siklus.langkah(con, tahun, hari_ini), collect_siklus.posisi(con, tahun, hari_ini),
                              collect_siklus.pengaturan(con, tahun)))


@st.cache_data(show_spinner=False)
def siklus_dokumen(path: str, tahun: int) -> pd.DataFrame:
    return using(collect_siklus.dokumen, tahun)


def siklus_isi(akun, dokumen_id: int) -> bytes:
    """The bytes of a cycle document, for a download button."""
    return using(collect_siklus.isi_dokumen, akun, dokumen_id)[1]


@st.cache_data(show_spinner=False)
def siklus_rapat(path: str, tahun: int) -> pd.DataFrame:
    return using(collect_siklus.rapat, tahun)


@st.cache_data(show_spinner=False)
def siklus_analisis(path: str, tahun: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every indicator of the year with its analysis, the analysis in force of every key)."""
    return using(lambda con: (collect_siklus.indikator_analisis(con, tahun), collect_siklus.analisis(con, tahun)))


@st.cache_data(show_spinner=False)
def siklus_alasan(path: str, tahun: int, nomor: int) -> str | None:
    """Why step `nomor` cannot be completed now (collect.siklus.alasan_belum_bisa), or None."""
    return using(collect_siklus.alasan_belum_bisa, tahun, nomor)


@st.cache_data(show_spinner=False)
def nomor_surat(path: str, tahun: int) -> pd.DataFrame:
    return using(collect_siklus.nomor_surat, tahun)
