"""Shared widgets: the sidebar's year and period, choices kept in the URL, charts, page set-up."""
from __future__ import annotations

import copy
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from kinerja.engine import summaries
from kinerja.numbers import format_angka
from kinerja.present import charts
from kinerja.present.tables import poin
from kinerja.values import exact, is_missing
from kinerja.vocab import ROMAN
from kinerja.web.cache import capaian, database, refresh, years
from kinerja.web.text import plain

QUARTERS = {"Setahun": None, **{f"TW {ROMAN[q]}": q for q in range(1, 5)}}
KEEP, KEPT, LINKED = "tetap-", "disimpan-", "dari-tautan-"  # session-state key prefixes (keep_widgets, choose)


@cache
def _asset(name: str) -> str:
    return (Path(__file__).with_name(name)).read_text(encoding="utf-8")


def style() -> None:
    """Kinerja's style sheet (style.css: Indonesian texts where Streamlit draws English, no English
    element toolbars, a phone layout) and bahasa.js (Indonesian for the labels Streamlit writes in
    English into attributes, and its connection texts). Drawn by app.py before every page, the login
    form included; takes no space (the script's element is in a container style.css hides)."""
    st.html(f"<style>{_asset('style.css')}</style>")
    with st.container(key="bahasa"):
        st.html(f"<script>{_asset('bahasa.js')}</script>", unsafe_allow_javascript=True)


def sidebar() -> None:
    """Year and quarter for every page, kept in the URL so a view can be sent as a link."""
    keep_widgets()
    refresh(database())
    available = years(database())
    st.sidebar.title("Kinerja")
    st.sidebar.caption("Data kinerja SAKIP BKPSDM Kota Samarinda")
    if not available:
        return
    asked = st.query_params.get("tahun", "")
    tahun_default = int(asked) if asked.isdigit() and int(asked) in available else available[0]
    if asked and "tahun" not in st.session_state and tahun_default != (int(asked) if asked.isdigit() else None):
        st.sidebar.warning(plain(f"Tahun {asked} belum memiliki data; yang ditampilkan tahun {tahun_default}."))
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
    key, kept = f"pilihan-{param}", f"{KEPT}pilihan-{param}"
    # When the page opens (the widget's state is gone after visiting another page) the URL decides,
    # else the choice made when the page was last open (kept in the session), else `default`;
    # after that the widget's own state does, so every change sticks.
    if st.session_state.get(key) not in labels:
        asked = st.query_params.get(param)
        texts = [str(v) for v in values]
        st.session_state[f"{LINKED}{param}"] = asked in texts
        before = st.session_state.get(kept)
        start = (texts.index(asked) if asked in texts else values.index(before) if before in values
                 else values.index(default) if default in values else 0)
        st.session_state[key] = labels[start]
    chosen = values[labels.index(st.selectbox(label, labels, key=key, **kwargs))]
    st.session_state[kept] = chosen
    st.query_params[param] = str(chosen)
    return chosen


def forget_choice(param: str) -> None:
    """Drop what choose(..., param) remembers (the widget's state, the choice kept for the next
    visit, the URL), so its next run starts at its `default`."""
    st.session_state.pop(f"pilihan-{param}", None)
    st.session_state.pop(f"{KEPT}pilihan-{param}", None)
    st.query_params.pop(param, None)


# A select offers at most this many options (a browser sends and lists every one); with more, a
# search box narrows them first. Tables show this many rows a page.
CHOICES_LIMIT = 200
PAGE_ROWS = 1000


def search_box(label: str, key: str, count: int) -> list[str]:
    """A "Cari …" box over a long list of options: the words typed, lower case."""
    return st.text_input(f"Cari {label.lower()}", key=f"cari-{key}", placeholder="ketik sebagian nama atau kode",
                         help=f"Ada {format_angka(count)} pilihan; ketik kata-katanya untuk mempersempit."
                         ).lower().split()


def matching(options: dict, words: list[str]) -> list:
    """The values of {value: label} whose label holds every word; a caption when more than
    CHOICES_LIMIT or none match."""
    matches = ([value for value, text in options.items() if all(word in str(text).lower() for word in words)]
               if words else list(options))
    if len(matches) > CHOICES_LIMIT:
        st.caption(f"{format_angka(len(matches))} cocok; {CHOICES_LIMIT} yang pertama ada di daftar. Perjelas "
                   "pencarian untuk yang lain." if words else
                   f"Daftar memuat {CHOICES_LIMIT} yang pertama dari {format_angka(len(matches))}; cari untuk yang lain.")
    elif not matches:
        st.caption("Tidak ada yang cocok dengan pencarian.")
    return matches[:CHOICES_LIMIT]


def choose_searched(label: str, options: dict, param: str, default=None, **kwargs):
    """choose() over a list that may hold thousands of options: up to CHOICES_LIMIT it is a plain
    select; with more, a search box ("Cari …", words of the label) narrows the select to the first
    CHOICES_LIMIT matches (the current choice always stays in it). Returns the chosen value."""
    if len(options) <= CHOICES_LIMIT:
        return choose(label, options, param, default, **kwargs)
    listed = matching(options, search_box(label, param, len(options)))
    current = st.query_params.get(param)
    if current is not None and current not in map(str, listed):  # else a scan of every option
        listed += [value for value in options if str(value) == current][:1]
    return choose(label, {value: options[value] for value in listed} or options, param, default, **kwargs)


def multichoose(label: str, options: dict | list, key: str, default: list | None = None, **kwargs) -> list:
    """st.multiselect over `options` ({value: label}, or values shown as they are); with more than
    CHOICES_LIMIT, a search box narrows the list first (what is chosen stays chosen). Returns the
    chosen values."""
    options = options if isinstance(options, dict) else dict(zip(options, map(str, options)))
    listed = list(options)
    if len(options) > CHOICES_LIMIT:
        kept = st.session_state.get(key, default or [])
        listed = list(dict.fromkeys([*kept, *matching(options, search_box(label, key, len(options)))]))
    if key in st.session_state:  # what was chosen among options that have since gone is dropped
        st.session_state[key] = [value for value in st.session_state[key] if value in options]
    default = kept_default(key, [value for value in default or [] if value in options])
    return st.multiselect(label, listed, default=default, key=key, format_func=options.get, **kwargs)


def paged(rows: pd.DataFrame, key: str, size: int = PAGE_ROWS) -> pd.DataFrame:
    """The rows of the page the user is on: all of them up to `size`, else `size` at a time with a
    page number above the table (back to the first page when the rows shrink)."""
    return rows.iloc[page_of(len(rows), key, size)]


def page_of(count: int, key: str, size: int = PAGE_ROWS) -> slice:
    """Which of `count` rows the user is on (paged() for a page that builds its table for those
    rows only)."""
    pages = max(1, -(-count // size))
    if pages == 1:
        return slice(0, count)
    key = f"halaman-{key}"
    if st.session_state.get(key, 1) > pages:
        st.session_state[key] = 1
    halaman = st.number_input(f"Halaman (dari {format_angka(pages)})", min_value=1, max_value=pages, step=1,
                              key=key, width=200)
    start = (halaman - 1) * size
    stop = min(start + size, count)
    st.caption(f"Baris {format_angka(start + 1)}–{format_angka(stop)} dari {format_angka(count)}.")
    return slice(start, stop)


def kategori_cells(table: pd.DataFrame, scale: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """`table` with its Kategori column shown as a label in the scale's colour, and the
    column_config for st.dataframe that does it (a read-only multiselect column: pandas' Styler,
    the other way to colour a cell, takes seconds for a thousand rows and refuses large tables).
    "Belum lengkap" and "Belum dapat dihitung" are grey."""
    options = [*scale["kategori"], summaries.INCOMPLETE, summaries.UNMEASURED]
    colours = [*scale["warna"], "#EEEEEE", "#EEEEEE"]
    shown = table.assign(Kategori=[[k] if isinstance(k, str) and k else [] for k in table["Kategori"]])
    return shown, {"Kategori": st.column_config.MultiselectColumn("Kategori", options=options, color=colours,
                                                                  width=KATEGORI_WIDTH)}


def indicator_rows(rows_of, total: int, key: str, column: str, heading: str) -> None:
    """A paged table of `total` indicators: Indikator, `column` titled `heading` (the reason or what
    is missing) and Unit of rows_of(shown), the rows of the page the user is on (page_of(total, key),
    a slice), so only that page is read. Indikator and the reason first, so a phone shows both."""
    st.dataframe(rows_of(page_of(total, key))[["indikator", column, "unit"]].rename(
        columns={"unit": "Unit", "indikator": "Indikator", column: heading}), hide_index=True, width="stretch",
        column_config=key_columns())


# A list of cards (Ringkasan's gaps and at-risk indicators) shows this many, on a phone fewer, so the
# list after it is still near the top; the rest are in the list's "Lihat semua" table.
CARDS, CARDS_PHONE = 8, 3


def cards(rows: pd.DataFrame, card, key: str, noun: str, table, total: int | None = None,
          column_config: dict | None = None) -> None:
    """The first CARDS rows of `rows` as bordered cards, card(row) drawing one (a row of
    itertuples); on a phone (style.css: "layar-lebar", "layar-hp") only the first CARDS_PHONE.
    `total`: how many rows the list has (default len(rows); `rows` may hold only its first CARDS).
    Rows left out on the screen at hand are in a folded expander "Lihat semua N `noun`" holding,
    once opened, table(shown) for the rows of the page the user is on (page_of(total, key), a slice),
    with `column_config` (st.dataframe's)."""
    total = len(rows) if total is None else total
    listed = list(rows.head(CARDS).itertuples())
    for part, rows_of in [(None, listed[:CARDS_PHONE]), (f"layar-lebar-{key}", listed[CARDS_PHONE:])]:
        if rows_of:
            with st.container(key=part) if part else st.container():
                for row in rows_of:
                    with st.container(border=True, key=f"kartu-{key}-{row.Index}"):  # compact on a phone
                        card(row)
    if total > CARDS_PHONE:
        # up to CARDS rows the wide screen shows every card: the table is for the phone only
        with st.container(key=f"layar-hp-{key}") if total <= CARDS else st.container():
            with folded(f"Lihat semua {format_angka(total)} {noun}", f"buka-{key}") as open_:
                if open_:
                    st.dataframe(table(page_of(total, key)), hide_index=True, width="stretch",
                                 column_config=column_config)


def drawn_of(drawn: int, total: int) -> None:
    """Says, above charts bounded to charts.CHART_TOP rows, how many they draw of how many."""
    if drawn < total:
        st.caption(f"Grafik memuat {drawn} dengan capaian terendah dari {format_angka(int(total))}; semuanya ada di "
                   "tabel.")


@contextmanager
def folded(label: str, key: str, **kwargs):
    """An expander whose content is built and sent only while it is open (opening it reruns the
    page), so a page's first paint carries no hidden tables: `with folded(...) as open_:` then draw
    when `open_` holds. `kwargs` go to st.expander (icon)."""
    box = st.expander(label, key=key, on_change="rerun", **kwargs)
    with box:
        yield bool(box.open)


def opened_by_link(param: str) -> bool:
    """Whether the page was opened with `param` in its URL (a link naming, e.g., an indicator)
    rather than by the user choosing on the page; read after choose(..., param)."""
    return bool(st.session_state.get(f"{LINKED}{param}"))


def scroll_to(anchor: str) -> None:
    """Bring the heading with id `anchor` to the top of the window once the page is drawn (charts
    above it change the height while they draw); stops as soon as the user scrolls."""
    st.html(f"""<script>
(() => {{
  let stop = false;
  const quit = () => {{ stop = true; }};
  ["wheel", "touchmove", "keydown"].forEach(e => window.addEventListener(e, quit, {{once: true}}));
  const go = () => {{
    const target = document.getElementById({anchor!r});
    if (!stop && target) target.scrollIntoView({{block: "start"}});
  }};
  [100, 600, 1500, 3000].forEach(ms => setTimeout(go, ms));
}})();
</script>""", unsafe_allow_javascript=True, width=1)


def keep_widgets() -> None:
    """Widgets keyed "tetap-…" keep their value when the user visits another page and comes back
    (Streamlit forgets a widget's state once a run leaves it out): each run copies their values
    aside, and sets every one again as a value of the session (what a widget drawn anew starts
    from). Called at the start of every run, before any widget."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(KEEP)]:
        st.session_state[f"{KEPT}{key}"] = st.session_state[key]
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(f"{KEPT}{KEEP}")]:
        st.session_state[key[len(KEPT):]] = st.session_state[key]


def kept_default(key: str, default):
    """The `default=` for a widget keyed "tetap-…" (keep_widgets): `default` when the session has no
    value for it yet, else None, since the kept value is then set in the session and Streamlit warns
    (in English) about a widget given both."""
    return None if key in st.session_state else default


def row_of(frame: pd.DataFrame, where) -> dict:
    """The first row of `frame` where the mask `where` holds, as {column: value} with missing values
    (NaN, NaT, pd.NA) as None, so a form shows an empty box, never "nan"."""
    return {column: None if is_missing(value) else value
            for column, value in frame[where].iloc[0].to_dict().items()}


# Widths (px) of the key columns of an indicator table (key_columns, kategori_cells): with Capaian
# (about 70 px) they fit the 356 px a phone (390 px) gives a table, so all three show whole there.
INDIKATOR_WIDTH, KATEGORI_WIDTH = 150, 120


def key_columns() -> dict:
    """Column settings of a table that starts with Indikator, Capaian, Kategori
    (present.tables.indicator_table, with kategori_cells): Indikator narrow enough that a phone
    shows Capaian and Kategori beside it; a cell shows the whole name when touched or pointed at."""
    return {"Indikator": st.column_config.TextColumn(width=INDIKATOR_WIDTH)}


# Widths (px) of the key columns of an early-warning table after Indikator (proyeksi_columns): with
# it they fit the 356 px a phone gives a table.
STATUS_WIDTH, PROYEKSI_WIDTH = 100, 95


def proyeksi_columns() -> dict:
    """Column settings of an early-warning table (present.tables.proyeksi_table: Indikator, Status,
    Proyeksi first), so a phone shows those three side by side; the short header "Proyeksi" fits its
    width whole (a phone clipped "Capaian proyeksi"), its help gives the full name."""
    return {**key_columns(),
            "Status": st.column_config.TextColumn(width=STATUS_WIDTH,
                                                  help="Perkiraan dari proyeksi akhir tahun: tercapai, berisiko, "
                                                       "atau tidak tercapai."),
            "Proyeksi": st.column_config.TextColumn(width=PROYEKSI_WIDTH,
                                                    help="Capaian proyeksi: capaian proyeksi akhir tahun terhadap "
                                                         "target tahunan.")}


def problems_table(frame: pd.DataFrame) -> None:
    """A table of import problems (ingest.upload.problems_frame): Baris, Kolom and Masalah first, so
    a phone shows where and what to do side by side; Isi sel and Lembar after them."""
    st.dataframe(frame, hide_index=True, width="stretch", column_order=["baris", "kolom", "masalah", "isi", "lembar"],
                 column_config={"baris": st.column_config.TextColumn("Baris", width=50),
                                "kolom": st.column_config.TextColumn("Kolom", width=100),
                                "masalah": st.column_config.TextColumn("Masalah", width="large"),
                                "isi": st.column_config.TextColumn("Isi sel"),
                                "lembar": st.column_config.TextColumn("Lembar")})


def show_chart(chart, name: str) -> None:
    """A chart (an Altair chart, or its charts.spec() kept in a cache) with PNG and SVG downloads
    for reports (drawn only when asked for). The download buttons are built and sent only while their
    popover is open (opening it reruns the page), so a page's first paint carries none of them."""
    if isinstance(chart, dict):
        st.vega_lite_chart(copy.deepcopy(chart), width="stretch")  # Streamlit takes the data out of the dict
    else:
        st.altair_chart(chart, width="stretch")
    box = st.popover("Unduh grafik", icon=":material/download:", key=f"unduh-{name}", on_change="rerun")
    if not box.open:
        return
    with box:
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
    return poin(exact(now) - exact(before))


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
    if PagesManager.uses_pages_directory:
        # A deep link opened before anyone opened the root page after a restart: Streamlit's legacy
        # pages/-folder mode (left when app.py first calls st.navigation) ran this page alone,
        # without app.py's sidebar. Leave that mode and run the page again through app.py.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state.get("tahun"), QUARTERS.get(st.session_state.get("periode", "Setahun"))
