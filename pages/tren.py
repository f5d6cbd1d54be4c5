"""Tren: capaian over the years per sasaran and indicator; which improve or decline steadily."""
import streamlit as st

from kinerja.engine import summaries
from kinerja.present import charts
from kinerja.present.tables import ARAH, trend_table
from kinerja.vocab import periode_text
from kinerja.web import cache, widgets

path, tahun, triwulan = widgets.page("Tren Capaian")
years = cache.over_years(path, triwulan)
scale = cache.skala(path)
st.caption(f"Capaian tiap tahun, {periode_text(triwulan)}; pilih periode di samping untuk membandingkan "
           "triwulan yang sama antar tahun.")
if years["tahun"].nunique() < 2:
    st.info("Tren memerlukan data minimal dua tahun. Impor data tahun-tahun sebelumnya untuk melihat tren.")
    st.stop()

st.subheader("Rata-rata capaian per sasaran")
per_sasaran = summaries.mean_by(years.fillna({"sasaran": "(tanpa sasaran)"}), ["tahun", "sasaran"], scale)
widgets.show_chart(charts.trend_lines(per_sasaran, "sasaran", "Sasaran", value="rata_rata"), "tren-sasaran")

st.subheader("Indikator")
trends = summaries.trend(years)
counts = trends["arah"].value_counts()
tiles = st.columns(len(ARAH))
for column, (arah, label) in zip(tiles, ARAH.items()):
    column.metric(label, int(counts.get(arah, 0)), border=True)
sasaran_names = ["Semua sasaran", *sorted(trends["sasaran"].dropna().unique())]
sasaran = widgets.choose("Sasaran", dict(zip(sasaran_names, sasaran_names)), "sasaran_tren")
shown = trends if sasaran == "Semua sasaran" else trends[trends["sasaran"] == sasaran]
arah = st.pills("Arah", list(ARAH), format_func=ARAH.get, selection_mode="multi", default=list(ARAH))
shown = shown[shown["arah"].isin(arah)]
st.dataframe(trend_table(shown, years), hide_index=True, width="stretch")
picked = st.multiselect("Indikator pada grafik", list(shown["indikator"]), default=list(shown["indikator"][:5]),
                        max_selections=10, placeholder="Pilih indikator")
widgets.show_chart(charts.trend_lines(years[years["indikator"].isin(picked)], "indikator", "Indikator"),
               "tren-indikator")
