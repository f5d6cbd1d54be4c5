"""Unit: one unit's indicators and capaian, and what it has and has not sent per quarter."""
from datetime import date

import streamlit as st

from kinerja import proyeksi
from kinerja.numbers import format_angka, format_persen
from kinerja.present import charts
from kinerja.present.tables import register_table
from kinerja.vocab import periode_text, triwulan_berakhir
from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets

akun = web_auth.account()
path, tahun, triwulan = widgets.page("Kinerja Unit")
units = cache.units(path)
# An operator reads its own units here (the agency overview is on Ringkasan).
readable = web_auth.units_for(akun, "baca_unit", units["kode"])
names = {kode: nama for kode, nama in zip(units["kode"], units["nama"]) if kode in readable}
unit = widgets.choose_searched("Unit", names, "unit", default=min(akun.unit, default=None))
summary = cache.ringkasan(path, tahun, triwulan, unit)
scale = cache.skala(path)
if not summary["jumlah"]:
    st.info(f"Unit ini belum memiliki target atau realisasi untuk tahun {tahun}. Unduh format dari halaman "
            "Unggah, isi, lalu unggah kembali.")
else:
    st.caption(f"Tahun {tahun}, {periode_text(triwulan)}.")
    tiles = st.columns(5)
    tiles[0].metric("Indikator terukur", f"{summary['terukur']}/{summary['jumlah']}", border=True)
    tiles[1].metric("Belum lengkap", summary["belum_lengkap"], border=True,
                    help="Ada triwulan yang belum dilaporkan: capaiannya belum dinilai.")
    tiles[2].metric("Belum dapat dihitung", summary["tidak_dapat_dihitung"], border=True,
                    help="Target belum ditetapkan atau bernilai 0.")
    tiles[3].metric("Rata-rata capaian", format_persen(summary["rata_rata"]), border=True,
                    help="Rata-rata indikator terukur.")
    tiles[4].metric("Perlu perhatian", summary["perlu_perhatian"], border=True)

st.subheader(f"Pengumpulan data {tahun}")
register = cache.register(path, tahun)
st.dataframe(register_table(register[register["unit"] == unit], date.today()), hide_index=True, width="stretch")
if not summary["jumlah"]:
    st.stop()

st.subheader("Indikator")
rows = widgets.page_of(summary["jumlah"], "unit-indikator")
table, kategori_column = widgets.kategori_cells(
    cache.indicator_page(path, tahun, triwulan, unit, rows.start, rows.stop).drop(columns=["Unit"]), scale)
st.dataframe(table, hide_index=True, width="stretch", column_config={**kategori_column, **widgets.key_columns()})
# The charts draw the indicators with the lowest capaian; every one is in the table above.
drawn, measured = cache.lowest(path, tahun, triwulan, unit)
widgets.drawn_of(len(drawn), measured)
left, right = st.columns(2)
with left:
    widgets.show_chart(charts.capaian_bars(drawn, scale, "indikator", "Indikator", value="capaian_persen"),
                       f"capaian-{unit}-{tahun}")
with right:
    per_indicator = cache.per_quarter(path, tahun, "indikator", unit, tuple(drawn["indikator_id"].tolist()))
    widgets.show_chart(charts.heatmap(per_indicator, scale, "indikator", "Indikator"), f"triwulan-{unit}-{tahun}")

st.subheader("Peringatan dini")
counts = cache.proyeksi_jumlah(path, tahun, triwulan, unit)
st.caption(proyeksi.rule_text(scale))
with st.expander("Aturan proyeksi"):
    st.write(proyeksi.rule_text(scale, full=True))
if counts["semua"] == counts["tanpa"]:  # nothing projected yet is no all-clear
    st.info("Belum ada indikator unit ini yang dapat diproyeksikan pada periode ini: proyeksi dibuat dari "
            "triwulan yang sudah dilaporkan.")
elif not counts["berisiko"]:
    st.success("Tidak ada indikator unit ini yang diperkirakan meleset dari target akhir tahun.")
else:
    st.warning(f"{format_angka(counts['berisiko'])} indikator unit ini berisiko tidak mencapai target akhir tahun.")
rows = widgets.page_of(counts["semua"], "unit-proyeksi")
st.dataframe(cache.proyeksi_rows(path, tahun, triwulan, unit, "semua", rows.start, rows.stop,
                                 triwulan_berakhir(tahun)).drop(columns=["Unit"]),
             hide_index=True, width="stretch", column_config=widgets.proyeksi_columns())
