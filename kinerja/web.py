"""Streamlit plumbing shared by the pages: one connection, cached queries, the shared sidebar."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from kinerja import capaian as engine
from kinerja import db
from kinerja.model import ROMAN
from kinerja.queries import run

QUARTERS = {"Setahun": None, **{f"TW {ROMAN[q]}": q for q in range(1, 5)}}


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


@st.cache_data(show_spinner=False)
def units(path: str) -> pd.DataFrame:
    return run(cursor(), "units")


@st.cache_data(show_spinner="Menyusun tabel evaluasi…")
def evaluasi(path: str, tahun: int, triwulan: int | None):
    from kinerja.evaluasi import evaluasi as tables

    return tables(cursor(), tahun, triwulan)


@st.cache_data(show_spinner=False)
def ekspor(path: str, tahun: int, triwulan: int | None, suffix: str) -> bytes:
    """An export file's bytes (kinerja.export); ExportError reaches the page."""
    from kinerja.export import export_bytes

    return export_bytes(cursor(), tahun, suffix, triwulan)


def clear_caches() -> None:
    """After an import every page must show the new numbers."""
    st.cache_data.clear()


def sidebar() -> None:
    """Year and quarter for every page, kept in the URL so a view can be sent as a link."""
    available = years(database())
    st.sidebar.title("Kinerja")
    st.sidebar.caption("Data kinerja SAKIP BKPSDM Kota Samarinda")
    if not available:
        return
    asked = st.query_params.get("tahun", "")
    tahun_default = int(asked) if asked.isdigit() and int(asked) in available else available[0]
    tahun = st.sidebar.selectbox("Tahun", available, index=available.index(tahun_default), key="tahun")
    labels = list(QUARTERS)
    asked_tw = st.query_params.get("triwulan", "Setahun").replace("_", " ")
    label = st.sidebar.radio("Periode", labels, index=labels.index(asked_tw) if asked_tw in labels else 0,
                             key="periode", help="Capaian s.d. akhir triwulan, atau setahun penuh.")
    st.query_params["tahun"] = str(tahun)
    st.query_params["triwulan"] = label.replace(" ", "_")


def selection() -> tuple[int | None, int | None]:
    """(tahun, triwulan) chosen in the sidebar; tahun None when the database is empty."""
    return st.session_state.get("tahun"), QUARTERS.get(st.session_state.get("periode", "Setahun"))
