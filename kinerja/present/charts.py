"""Altair charts of the dashboard, as functions of DataFrames.

Every chart colours a kategori with the active scale's colour (colour-blind safe Okabe-Ito by
default), formats numbers the Indonesian way through the Vega locale (94,83; 1.900.000), and names
the unit of each axis. The dashed line at 100 % is the target.
"""
from __future__ import annotations

import json

import altair as alt
import pandas as pd
import vl_convert

from kinerja.present.colours import ink
from kinerja.vocab import ROMAN

# Altair checks every piece of a chart against the Vega-Lite schema as it is made ("debug mode", for
# earlier tracebacks), then the whole again when converted: together about 0,1 s of each chart,
# spent again at every build. The charts here are fixed shapes over data, checked once by
# tests/test_charts.py (every builder's spec() is valid Vega-Lite); a chart object Streamlit draws
# is still checked when it converts it.
alt.utils.schemapi.disable_debug_mode()
LOCALE = {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp ", ""]}}
PERSEN = ",.2f"
# Axis labels take at most 40 % of the chart's width (360 px on a wide screen, about 140 px on a
# phone); a longer name ends in "…" and stands in full in the tooltip.
LABEL_LIMIT = {"expr": "min(360, containerSize()[0] * 0.4)"}
# Tooltip titles of the counts a summary row carries (summaries.mean_by, by_quarter).
COUNTS = {"terukur": "Indikator terukur", "belum_lengkap": "Indikator belum lengkap", "jumlah": "Jumlah indikator"}
LABEL_INK = "#222222"
LABEL_ROOM = 52  # px a bar needs to hold its label ("108,78") inside
TARGET_RULE = alt.Chart(pd.DataFrame({"target": [100]})).mark_rule(
    strokeDash=[4, 4], color="#555").encode(x=alt.X("target:Q"), tooltip=[alt.Tooltip("target:Q", title="Target (%)")])


def kategori_color(scale: pd.DataFrame, title: str = "Kategori") -> alt.Color:
    return alt.Color("kategori:N", title=title,
                     scale=alt.Scale(domain=list(scale["kategori"]), range=list(scale["warna"])),
                     legend=kategori_legend())


def kategori_legend() -> alt.Legend:
    """Below the plot, in rows of two so no kategori is cut at any width (Vega does not wrap a
    legend by itself)."""
    return alt.Legend(orient="bottom", direction="horizontal", columns=2, labelLimit=120)


def finish(chart: alt.TopLevelMixin, height: int) -> alt.TopLevelMixin:
    """Configuration every chart shares, and its `height` (px): Indonesian number locale, no frame around the plot, the
    width of the page (Streamlit's default "fit" would squeeze the plot into the given height,
    legend and axis labels included). No ARIA descriptions of marks, axes and legends: Vega writes
    them in English with the data's field names ("Y-axis for a discrete scale…", "rata_rata: 84,2");
    a screen reader finds the same numbers in the page's tables."""
    chart.height = height
    chart.autosize = alt.AutoSizeParams(type="fit-x", contains="padding")
    # a little room at the sides: Vega sizes rotated axis titles by estimate, and the browser's font
    # can be a pixel or two wider
    chart.padding = {"left": 8, "right": 8, "top": 5, "bottom": 5}
    # set on the chart the caller has just built: properties() and configure() would copy it, data
    # and layers included, once each (most of a chart's build time)
    chart.config = alt.Config(locale=LOCALE, aria=False, view=alt.ViewConfig(stroke=None))
    return chart


# A chart of many indicators or sasaran draws this many (the lowest capaian first); the rest are in
# the page's table, a click away.
CHART_TOP = 30
LINES_TOP = 10  # lines of a trend chart


def lowest(frame: pd.DataFrame, value: str, n: int = CHART_TOP) -> pd.DataFrame:
    """The `n` rows with the lowest `value` (missing left out, ties in table order): what a chart of
    many rows draws."""
    # a column of means with no value at all arrives as objects (None), which nsmallest refuses
    numbers = frame.assign(**{value: pd.to_numeric(frame[value], errors="coerce")})
    return numbers.dropna(subset=[value]).nsmallest(n, value, keep="first")


def capaian_bars(frame: pd.DataFrame, scale: pd.DataFrame, by: str, title: str,
                 value: str = "rata_rata") -> alt.TopLevelMixin:
    """One horizontal bar of capaian (%) per `by` (sasaran, indikator, unit), coloured by kategori,
    against the dashed 100 % target line, lowest first so what is off track stands out. The
    tooltip names every field in Bahasa Indonesia, with the counts (COUNTS) the frame carries."""
    # only what the chart draws: mixed text/number columns (range targets) do not travel to the browser
    keep = [c for c in [by, value, "kategori", "terukur", "belum_lengkap", "jumlah"] if c in frame.columns]
    data = frame.dropna(subset=[value])[keep].copy()
    data["label"] = data[value]
    colours = dict(zip(scale["kategori"], scale["warna"]))
    data["tinta"] = [ink(colours.get(k)) or LABEL_INK for k in data["kategori"]]
    order = list(data.sort_values(value)[by])
    y = alt.Y(f"{by}:N", title=None, sort=order, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    tooltip = [alt.Tooltip(f"{by}:N", title=title),
               alt.Tooltip(f"{value}:Q", title="Capaian (%)", format=PERSEN),
               alt.Tooltip("kategori:N", title="Kategori"),
               *(alt.Tooltip(f"{c}:Q", title=t) for c, t in COUNTS.items() if c in data.columns)]
    bars = alt.Chart().mark_bar().encode(
        x=alt.X(f"{value}:Q", title="Capaian (%)"), y=y, color=kategori_color(scale), tooltip=tooltip)
    # A label stays clear of the 100 % line: below 100 it is written inside the bar's end (in the ink
    # that reads on its colour), from 100 on after the end, past the line; a bar too short to hold
    # it has it after the end too.
    inside = f"datum.label < 100 && scale('x', datum.label) - scale('x', 0) > {LABEL_ROOM}"
    text = bars.mark_text(align={"expr": f"{inside} ? 'right' : 'left'"}, dx={"expr": f"{inside} ? -4 : 4"}).encode(
        text=alt.Text("label:Q", format=PERSEN),
        color=alt.condition(inside, alt.Color("tinta:N", scale=None), alt.value(LABEL_INK)))
    return finish(alt.layer(bars, text, TARGET_RULE, data=data), height=max(80, 34 * len(data)))


def heatmap(frame: pd.DataFrame, scale: pd.DataFrame, row: str, title: str) -> alt.TopLevelMixin:
    """`row` × quarter, each cell coloured by the kategori of its mean capaian to date
    (summaries.by_quarter: a quarter with nothing measured has no row, so its cell stays empty)."""
    data = frame.copy()
    data["tw"] = [f"TW {ROMAN[q]}" for q in data["triwulan"]]
    data["tinta"] = [ink(w) for w in data["warna"]]
    base = alt.Chart().encode(
        x=alt.X("tw:N", title="Triwulan (capaian s.d. akhir triwulan)", sort=[f"TW {ROMAN[q]}" for q in range(1, 5)],
                axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y(f"{row}:N", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        tooltip=[alt.Tooltip(f"{row}:N", title=title), alt.Tooltip("tw:N", title="Triwulan"),
                 alt.Tooltip("rata_rata:Q", title="Rata-rata capaian (%)", format=PERSEN),
                 alt.Tooltip("kategori:N", title="Kategori"),
                 alt.Tooltip("terukur:Q", title="Indikator terukur"),
                 alt.Tooltip("belum_lengkap:Q", title="Indikator belum lengkap")])
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(color=kategori_color(scale))
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("rata_rata:Q", format=",.1f"),
        color=alt.Color("tinta:N", scale=None))
    return finish(alt.layer(cells, text, data=data), height=max(120, 34 * data[row].nunique()))


def quarters(detail: pd.DataFrame, satuan: str | None) -> alt.TopLevelMixin:
    """One indicator through the year: each quarter's target and realisation as bars, and the
    realisation to date (what capaian is computed on) as a line."""
    unit = f" ({satuan})" if satuan else ""
    data = detail.copy()
    data["tw"] = [f"TW {ROMAN[q]}" for q in data["triwulan"]]
    bars = data.melt(id_vars=["tw"], value_vars=["target_tw", "realisasi_tw"], var_name="ukuran",
                     value_name="nilai").dropna(subset=["nilai"])
    bars["ukuran"] = bars["ukuran"].map({"target_tw": "Target triwulan", "realisasi_tw": "Realisasi triwulan"})
    order = [f"TW {ROMAN[q]}" for q in range(1, 5)]
    x = alt.X("tw:N", title="Triwulan", sort=order, axis=alt.Axis(labelAngle=0))
    color = alt.Color("ukuran:N", title="", scale=alt.Scale(
        domain=["Target triwulan", "Realisasi triwulan", "Realisasi s.d. triwulan", "Target s.d. triwulan"],
        range=["#BBBBBB", "#0072B2", "#D55E00", "#555555"]), legend=alt.Legend(orient="bottom", columns=1))
    bar = alt.Chart(bars).mark_bar().encode(
        x=x, xOffset="ukuran:N", y=alt.Y("nilai:Q", title=f"Nilai{unit}"), color=color,
        tooltip=[alt.Tooltip("tw:N", title="Triwulan"), alt.Tooltip("ukuran:N", title="Ukuran"),
                 alt.Tooltip("nilai:Q", title=f"Nilai{unit}", format=",")])
    lines = data.melt(id_vars=["tw"], value_vars=["realisasi_sd", "target_sd"], var_name="ukuran",
                      value_name="nilai").dropna(subset=["nilai"])
    lines["ukuran"] = lines["ukuran"].map({"realisasi_sd": "Realisasi s.d. triwulan",
                                           "target_sd": "Target s.d. triwulan"})
    line = alt.Chart(lines).mark_line(point=True).encode(
        x=x, y="nilai:Q", color=color, strokeDash=alt.condition(
            alt.datum.ukuran == "Target s.d. triwulan", alt.value([4, 4]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("tw:N", title="Triwulan"), alt.Tooltip("ukuran:N", title="Ukuran"),
                 alt.Tooltip("nilai:Q", title=f"Nilai{unit}", format=",")])
    return finish(alt.layer(bar, line), height=300)


def years(history: pd.DataFrame, satuan: str | None, renstra: float | None = None,
          renstra_tahun: int | None = None) -> alt.TopLevelMixin:
    """One indicator over the Renstra years: annual target and realisation side by side, and the
    Renstra end target as a line."""
    unit = f" ({satuan})" if satuan else ""
    data = history.melt(id_vars=["tahun"], value_vars=["target", "realisasi"], var_name="ukuran",
                        value_name="nilai")
    data["nilai"] = pd.to_numeric(data["nilai"], errors="coerce")  # a range target's text has no bar
    data = data.dropna(subset=["nilai"])
    data["ukuran"] = data["ukuran"].map({"target": "Target", "realisasi": "Realisasi"})
    data["tahun"] = data["tahun"].astype(str)
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("tahun:N", title="Tahun", axis=alt.Axis(labelAngle=0)), xOffset="ukuran:N",
        y=alt.Y("nilai:Q", title=f"Nilai{unit}"),
        color=alt.Color("ukuran:N", title="", scale=alt.Scale(domain=["Target", "Realisasi"],
                                                              range=["#BBBBBB", "#0072B2"]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("tahun:N", title="Tahun"), alt.Tooltip("ukuran:N", title="Ukuran"),
                 alt.Tooltip("nilai:Q", title=f"Nilai{unit}", format=",")])
    if renstra is None:
        return finish(chart, height=280)
    label = f"Target akhir Renstra {renstra_tahun}"
    rule_data = pd.DataFrame({"nilai": [renstra], "label": [label]})
    rule = alt.Chart(rule_data).mark_rule(color="#009E73", strokeDash=[6, 3], size=2).encode(
        y="nilai:Q", tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("nilai:Q", title=f"Nilai{unit}", format=",")])
    text = rule.mark_text(align="left", dy=-6, x=4, color="#009E73").encode(text="label:N")
    return finish(alt.layer(chart, rule, text), height=280)


def trend_lines(frame: pd.DataFrame, series: str, title: str, value: str = "capaian_persen") -> alt.TopLevelMixin:
    """Capaian (%) per year, one line per `series` (indikator or sasaran), with the 100 % target."""
    data = frame.dropna(subset=[value])[[series, "tahun", value]].copy()
    data["tahun"] = data["tahun"].astype(str)
    lines = alt.Chart(data).mark_line(point=True).encode(
        x=alt.X("tahun:N", title="Tahun", axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{value}:Q", title="Capaian (%)", scale=alt.Scale(zero=False)),
        color=alt.Color(f"{series}:N", title=title, legend=alt.Legend(
            orient="bottom", columns=1, labelLimit={"expr": "min(600, containerSize()[0] - 110)"})),
        tooltip=[alt.Tooltip(f"{series}:N", title=title), alt.Tooltip("tahun:N", title="Tahun"),
                 alt.Tooltip(f"{value}:Q", title="Capaian (%)", format=PERSEN)])
    target = alt.Chart(pd.DataFrame({"target": [100]})).mark_rule(strokeDash=[4, 4], color="#555").encode(y="target:Q")
    return finish(alt.layer(lines, target), height=320)


# Width of an exported chart: the page's width does not exist outside the browser.
EXPORT_WIDTH = 900


def spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite specification as Streamlit draws it (st.vega_lite_chart), its data inline
    (at most 5,000 rows: Altair's limit): built once, it can be kept in a cache, where a chart object
    is converted and validated again at every page view. Not validated against the schema (see
    disable_debug_mode above: the tests do). Altair's default theme size is left out, as Streamlit
    leaves it out of st.altair_chart."""
    result = chart.to_dict(validate=False)
    view = result.get("config", {}).get("view", {})
    view.pop("continuousWidth", None)
    view.pop("continuousHeight", None)
    return result


def exported(chart: alt.TopLevelMixin | dict) -> str:
    """A chart (or its spec()) as Vega-Lite JSON at the export width."""
    return json.dumps({**(chart if isinstance(chart, dict) else spec(chart)), "width": EXPORT_WIDTH})


def to_png(chart: alt.TopLevelMixin | dict) -> bytes:
    """The chart (or its spec()) as a PNG at twice screen resolution, for reports."""
    return vl_convert.vegalite_to_png(exported(chart), scale=2)


def to_svg(chart: alt.TopLevelMixin | dict) -> str:
    return vl_convert.vegalite_to_svg(exported(chart))
