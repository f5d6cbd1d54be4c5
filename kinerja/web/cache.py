"""Streamlit plumbing shared by the pages: one connection, cached queries, the shared sidebar."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import streamlit as st

from kinerja.collect import register as collect_register
from kinerja.collect import versions as collect_versions
from kinerja.collect import workflow
from kinerja.engine import capaian as engine
from kinerja.engine import renstra as engine_renstra
from kinerja.engine import summaries
from kinerja.store import db
from kinerja.store import renstra as store_renstra
from kinerja.store.queries import run


@st.cache_resource(show_spinner=False)
def connection(path: str):
    """One DuckDB connection per database file for the whole server; pages use cursors of it."""
    return db.connect(path)


def database() -> str:
    return str(db.db_path())


def cursor():
    return connection(database()).cursor()


@st.cache_data(show_spinner=False)
def years(path: str) -> list[int]:
    return run(cursor(), "web_tahun")["tahun"].tolist()


@st.cache_data(show_spinner="Menghitung capaian…")
def capaian(path: str, tahun: int, triwulan: int | None, unit: str | None) -> pd.DataFrame:
    return engine.capaian(cursor(), tahun, triwulan, unit)


def engine_runs(path: str, periods: list[tuple[int, int | None, str | None]]) -> list[pd.DataFrame]:
    """capaian(tahun, triwulan, unit) of several periods at once, each on its own cursor: DuckDB
    plans and runs them in parallel, so a page that needs five periods waits for about two."""
    cursors = [connection(path).cursor() for _ in periods]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda run: engine.capaian(run[0], *run[1]), zip(cursors, periods)))


@st.cache_data(show_spinner=False)
def quarters(path: str, tahun: int, unit: str | None = None) -> dict[int, pd.DataFrame]:
    """The capaian table to date at the end of each quarter of the year."""
    return dict(zip(range(1, 5), engine_runs(path, [(tahun, q, unit) for q in range(1, 5)])))


@st.cache_data(show_spinner="Menghitung capaian tahun-tahun sebelumnya…")
def over_years(path: str, triwulan: int | None) -> pd.DataFrame:
    """The capaian tables of every year with data (to the same quarter), with a `tahun` column."""
    available = years(path)
    return summaries.over_years(dict(zip(available, engine_runs(path, [(t, triwulan, None) for t in available]))))


@st.cache_data(show_spinner=False)
def renstra_periods(path: str) -> list[store_renstra.Periode]:
    return store_renstra.periods(cursor())


@st.cache_data(show_spinner="Membandingkan dengan target akhir Renstra…")
def renstra(path: str, tahun: int, triwulan: int | None) -> pd.DataFrame:
    """kinerja.engine.renstra.compare for the year (this year to the period asked, the period's
    earlier years whole), as the E.81 and the LKjIP draft compute it."""
    periode = store_renstra.period_of(cursor(), tahun)
    years = periode.years_to(tahun) if periode else [tahun]
    runs = engine_runs(path, [(y, triwulan if y == tahun else None, None) for y in years])
    return engine_renstra.compare(cursor(), tahun, dict(zip(years, runs)))


@st.cache_data(show_spinner=False)
def skala(path: str) -> pd.DataFrame:
    return engine.skala(cursor())


@st.cache_data(show_spinner=False)
def register(path: str, tahun: int) -> pd.DataFrame:
    return collect_register.register(cursor(), tahun)


@st.cache_data(show_spinner=False)
def query(path: str, name: str, **params) -> pd.DataFrame:
    """Any query of queries/ by name, cached by its parameters."""
    return run(cursor(), name, params)


@st.cache_data(show_spinner=False)
def units(path: str) -> pd.DataFrame:
    return run(cursor(), "units")


@st.cache_data(show_spinner="Menyusun tabel evaluasi…")
def evaluasi(path: str, tahun: int, triwulan: int | None):
    from kinerja.reports.evaluasi import evaluasi as tables

    return tables(cursor(), tahun, triwulan)


@st.cache_data(show_spinner=False)
def ekspor(path: str, tahun: int, triwulan: int | None, suffix: str) -> bytes:
    """An export file's bytes (kinerja.export); the page's default template cannot fail to load."""
    from kinerja.reports.export import export_bytes

    return export_bytes(cursor(), tahun, suffix, triwulan)


def export_file(tahun: int, triwulan: int | None, suffix: str):
    """A callable for st.download_button: the file is built on click, then cached."""
    path = database()
    return lambda: ekspor(path, tahun, triwulan, suffix)


def clear_caches() -> None:
    """After an import every page must show the new numbers."""
    st.cache_data.clear()


# --------------------------------------------------------------------------- uploads


# --------------------------------------------------------------------------- the register

@st.cache_data(show_spinner=False)
def steps(path: str, tahun: int, unit: str) -> pd.DataFrame:
    return workflow.steps(cursor(), tahun, unit)


@st.cache_data(show_spinner=False)
def versions(path: str, unit: str, tahun: int) -> pd.DataFrame:
    return collect_versions.versions(cursor(), unit, tahun)


@st.cache_data(show_spinner=False)
def latest_version(path: str, submission_id: int) -> int:
    return collect_versions.latest(cursor(), submission_id)


@st.cache_data(show_spinner=False)
def version_diff(path: str, dari: int, ke: int) -> pd.DataFrame:
    return collect_versions.diff(cursor(), dari, ke)


@st.cache_data(show_spinner=False)
def deadlines(path: str, tahun: int) -> pd.DataFrame:
    return workflow.deadlines(cursor(), tahun)


def write(action, *args, **kwargs) -> str | None:
    """Run one of kinerja's write functions for a page; the other pages show the result at once.
    Returns the user's message when the workflow refuses the step."""
    try:
        action(cursor(), *args, **kwargs)
    except (workflow.WorkflowError, store_renstra.PeriodError) as exc:
        return str(exc)
    clear_caches()
    return None
