"""Tren: capaian over the years per sasaran and indicator; which improve or decline steadily."""
import streamlit as st

from kinerja.numbers import format_angka
from kinerja.present import charts
from kinerja.present.tables import ARAH, sasaran_table
from kinerja.vocab import periode_text
from kinerja.web import cache, widgets

path, tahun, triwulan = widgets.page("Tren Capaian")
counts, sasaran_names, per_sasaran, years = cache.tren(path, triwulan)
st.caption(f"Capaian tiap tahun, {periode_text(triwulan)}; pilih periode di samping untuk membandingkan "
           "triwulan yang sama antar tahun.")
if len(years) < 2:
    st.info("Tren memerlukan data minimal dua tahun. Impor data tahun-tahun sebelumnya untuk melihat tren.")
    st.stop()

st.subheader("Rata-rata capaian per sasaran")
# the sasaran lowest in the latest year are drawn; all of them are in the table below the chart
latest = per_sasaran[per_sasaran["tahun"] == years[-1]]
drawn = charts.lowest(latest, "rata_rata", charts.LINES_TOP)
widgets.drawn_of(len(drawn), latest["rata_rata"].notna().sum())
widgets.show_chart(charts.trend_lines(per_sasaran[per_sasaran["sasaran"].isin(drawn["sasaran"])], "sasaran", "Sasaran",
                                      value="rata_rata"), "tren-sasaran")
if len(drawn) < len(latest):
    with st.expander(f"Semua {len(latest)} sasaran, tiap tahun"):
        st.dataframe(sasaran_table(widgets.paged(per_sasaran, "tren-sasaran")), hide_index=True, width="stretch")

st.subheader("Indikator")
tiles = st.columns(len(ARAH))
for column, (arah, label) in zip(tiles, ARAH.items()):
    column.metric(label, format_angka(counts.get(arah, 0)), border=True)
semua = "Semua sasaran"
sasaran = widgets.choose_searched("Sasaran", {semua: semua, **dict(zip(sasaran_names, sasaran_names))}, "sasaran_tren")
arah = st.pills("Arah", list(ARAH), format_func=ARAH.get, selection_mode="multi", key="tetap-tren-arah",
                default=widgets.kept_default("tetap-tren-arah", list(ARAH)))
asked = (path, triwulan, None if sasaran == semua else sasaran, tuple(arah))
rows = widgets.page_of(cache.tren_count(*asked), "tren-indikator")
page, table = cache.tren_page(*asked, rows.start, rows.stop)
st.dataframe(table, hide_index=True, width="stretch")
names = dict(zip(page["indikator_id"].tolist(), page["indikator"]))
picked = widgets.multichoose("Indikator pada grafik", names, "tren-grafik", default=list(names)[:5], max_selections=10,
                             placeholder="Pilih indikator")
widgets.show_chart(charts.trend_lines(cache.tren_rows(path, triwulan, tuple(picked)), "indikator", "Indikator"),
                   "tren-indikator")
