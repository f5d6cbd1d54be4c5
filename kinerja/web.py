"""Streamlit plumbing shared by the pages: one connection, cached queries, the shared sidebar."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pandas as pd
import streamlit as st

from kinerja import analisis, charts, db, pengumpulan, status, unggah, versi
from kinerja import capaian as engine
from kinerja.model import ROMAN
from kinerja.display import poin
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
    return analisis.over_years(dict(zip(available, engine_runs(path, [(t, triwulan, None) for t in available]))))


@st.cache_data(show_spinner=False)
def skala(path: str) -> pd.DataFrame:
    return engine.skala(cursor())


@st.cache_data(show_spinner=False)
def register(path: str, tahun: int) -> pd.DataFrame:
    return status.register(cursor(), tahun)


@st.cache_data(show_spinner=False)
def query(path: str, name: str, **params) -> pd.DataFrame:
    """Any query of queries/ by name, cached by its parameters."""
    return run(cursor(), name, params)


@st.cache_data(show_spinner=False)
def units(path: str) -> pd.DataFrame:
    return run(cursor(), "units")


@st.cache_data(show_spinner="Menyusun tabel evaluasi…")
def evaluasi(path: str, tahun: int, triwulan: int | None):
    from kinerja.evaluasi import evaluasi as tables

    return tables(cursor(), tahun, triwulan)


@st.cache_data(show_spinner=False)
def ekspor(path: str, tahun: int, triwulan: int | None, suffix: str) -> bytes:
    """An export file's bytes (kinerja.export); the page's default template cannot fail to load."""
    from kinerja.export import export_bytes

    return export_bytes(cursor(), tahun, suffix, triwulan)


def export_file(tahun: int, triwulan: int | None, suffix: str):
    """A callable for st.download_button: the file is built on click, then cached."""
    path = database()
    return lambda: ekspor(path, tahun, triwulan, suffix)


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
    if asked and "tahun" not in st.session_state and tahun_default != (int(asked) if asked.isdigit() else None):
        st.sidebar.warning(f"Tahun {asked} belum memiliki data; yang ditampilkan tahun {tahun_default}.")
    tahun = st.sidebar.selectbox("Tahun", available, index=available.index(tahun_default), key="tahun")
    labels = list(QUARTERS)
    asked_tw = st.query_params.get("triwulan", "Setahun").replace("_", " ")
    label = st.sidebar.radio("Periode", labels, index=labels.index(asked_tw) if asked_tw in labels else 0,
                             key="periode", help="Capaian s.d. akhir triwulan, atau setahun penuh.")
    st.query_params["tahun"] = str(tahun)
    st.query_params["triwulan"] = label.replace(" ", "_")


def choose(label: str, options: dict, param: str, default=None, **kwargs):
    """A selectbox over {value: label} whose value lives in the URL (?param=value), so a view can
    be sent as a link; without one it starts at `default` (else the first option). Returns the
    chosen value; None when there is nothing to choose."""
    if not options:
        return None
    values, labels = list(options), list(options.values())
    key = f"pilihan-{param}"
    # The URL decides when the page opens (the widget's state is gone after visiting another page);
    # after that the widget's own state does, so every change sticks.
    if st.session_state.get(key) not in labels:
        asked = st.query_params.get(param)
        texts = [str(v) for v in values]
        start = texts.index(asked) if asked in texts else values.index(default) if default in values else 0
        st.session_state[key] = labels[start]
    chosen = values[labels.index(st.selectbox(label, labels, key=key, **kwargs))]
    st.query_params[param] = str(chosen)
    return chosen


def show_chart(chart, name: str) -> None:
    """A chart with PNG and SVG downloads for reports (drawn only when asked for)."""
    st.altair_chart(chart, width="stretch")
    with st.popover("Unduh grafik", icon=":material/download:"):
        st.download_button("PNG", lambda: charts.to_png(chart), file_name=f"{name}.png", mime="image/png",
                           icon=":material/image:", on_click="ignore", key=f"png-{name}")
        st.download_button("SVG", lambda: charts.to_svg(chart), file_name=f"{name}.svg",
                           mime="image/svg+xml", icon=":material/draw:", on_click="ignore", key=f"svg-{name}")


def link_params(**params) -> dict:
    """Query parameters of a link to another page: the shared year and period plus `params`
    (missing values left out)."""
    return {"tahun": st.query_params.get("tahun", ""), "triwulan": st.query_params.get("triwulan", "Setahun"),
            **{k: str(int(v) if isinstance(v, float) else v) for k, v in params.items() if v is not None and v == v}}


def delta_persen(now, before) -> str | None:
    """Change of a capaian in percentage points, Indonesian style ("+1,25 poin"); None without both."""
    if now is None or before is None:
        return None
    return poin(analisis.exact(now) - analisis.exact(before))


def delta_count(now: int, before: int | None) -> int | None:
    return None if before is None else now - before


def no_data() -> None:
    """An empty database: say what to do, and stop the page."""
    st.info("Belum ada data. Jalankan `make run` untuk memuat data demo, unggah lembar kerja unit di halaman "
            "Unggah, atau impor dengan `kinerja import BERKAS --unit UNIT --year TAHUN`.")
    st.stop()


def no_data_for(tahun: int) -> None:
    st.info(f"Belum ada target atau realisasi untuk tahun {tahun}. Pilih tahun lain di samping, "
            "atau unggah data unit untuk tahun ini.")
    st.stop()


def page(title: str) -> tuple[str, int, int | None]:
    """A page's title, then (database path, tahun, triwulan) of the shared sidebar; on an empty
    database the page says what to do and stops."""
    st.title(title)
    tahun, triwulan = selection()
    if tahun is None:
        no_data()
    return database(), tahun, triwulan


def year_capaian(path: str, tahun: int, triwulan: int | None) -> pd.DataFrame:
    """The capaian table of every unit; a year without targets or realisation stops the page."""
    frame = capaian(path, tahun, triwulan, None)
    if frame.empty:
        no_data_for(tahun)
    return frame


def selection() -> tuple[int | None, int | None]:
    """(tahun, triwulan) chosen in the sidebar; tahun None when the database is empty."""
    return st.session_state.get("tahun"), QUARTERS.get(st.session_state.get("periode", "Setahun"))


# --------------------------------------------------------------------------- uploads

@st.cache_data(show_spinner=False)
def upload_years(path: str) -> list[int]:
    """Years a unit may upload for: those with data and the current and next year, newest first."""
    this_year = date.today().year
    return sorted(set(years(path)) | {this_year, this_year + 1}, reverse=True)


def plan_upload(file_id: str, data: bytes, filename: str, unit: str, tahun: int, triwulan: int | None):
    """unggah.plan_upload, kept per user session (a plan holds the file): reruns of the page do
    not read the file again. An UploadError is kept and raised again."""
    plans = st.session_state.setdefault("rencana_unggah", {})
    key = (file_id, unit, tahun, triwulan)
    if key not in plans:
        try:
            plans[key] = unggah.plan_upload(cursor(), data, filename, unit, tahun, triwulan)
        except unggah.UploadError as exc:
            plans[key] = exc
    if isinstance(plans[key], unggah.UploadError):
        raise plans[key]
    return plans[key]


def settings_editor(plan, key: str) -> pd.DataFrame:
    """The indicator settings of a plan in an editable table; returns the table as edited."""
    return st.data_editor(
        unggah.settings(plan), key=key, hide_index=True, width="stretch", disabled=["indikator", "satuan",
                                                                                      "asal_agregasi"],
        column_config={
            "indikator": st.column_config.TextColumn("Indikator", width="large"),
            "satuan": "Satuan",
            "polaritas": st.column_config.SelectboxColumn("Polaritas", options=unggah.POLARITAS, required=True),
            "agregasi": st.column_config.SelectboxColumn("Agregasi", options=unggah.AGREGASI, required=True,
                                                         help="kumulatif: dijumlah; nilai_akhir: nilai terakhir; "
                                                              "rata_rata: dirata-rata"),
            "asal_agregasi": "Asal agregasi",
            "konvensi": st.column_config.SelectboxColumn("Konvensi target triwulan", options=unggah.KONVENSI,
                                                         help="per_triwulan: target tiap triwulan; kumulatif: "
                                                              "target s.d. triwulan (hanya indikator kumulatif)"),
        })


def confirm_uploads(edited: list, oleh: str, draf: bool) -> list:
    """Write each previewed file with the user's settings, then let every page show the new numbers."""
    results = [unggah.confirm(cursor(), unggah.with_settings(plan, table), oleh, draf) for plan, table in edited]
    st.session_state.pop("rencana_unggah", None)
    clear_caches()
    return results


# --------------------------------------------------------------------------- the register

@st.cache_data(show_spinner=False)
def steps(path: str, tahun: int, unit: str) -> pd.DataFrame:
    return pengumpulan.steps(cursor(), tahun, unit)


@st.cache_data(show_spinner=False)
def versions(path: str, unit: str, tahun: int) -> pd.DataFrame:
    return versi.versions(cursor(), unit, tahun)


@st.cache_data(show_spinner=False)
def latest_version(path: str, submission_id: int) -> int:
    return versi.latest(cursor(), submission_id)


@st.cache_data(show_spinner=False)
def version_diff(path: str, dari: int, ke: int) -> pd.DataFrame:
    return versi.diff(cursor(), dari, ke)


@st.cache_data(show_spinner=False)
def deadlines(path: str, tahun: int) -> pd.DataFrame:
    return pengumpulan.deadlines(cursor(), tahun)


def write(action, *args, **kwargs) -> str | None:
    """Run one of kinerja's write functions for a page; the other pages show the result at once.
    Returns the user's message when the workflow refuses the step."""
    try:
        action(cursor(), *args, **kwargs)
    except pengumpulan.WorkflowError as exc:
        return str(exc)
    clear_caches()
    return None
