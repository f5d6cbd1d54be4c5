"""Unit: one unit's indicators and capaian, and what it has and has not sent per quarter."""
import streamlit as st

from kinerja import analisis, charts, web
from kinerja.capaian import ringkasan
from kinerja.display import indicator_table, kategori_css, periode_text, register_table
from kinerja.numbers import format_persen

path, tahun, triwulan = web.page("Kinerja Unit")
units = web.units(path)
names = dict(zip(units["kode"], units["nama"]))
unit = web.choose("Unit", names, "unit")
frame = web.capaian(path, tahun, triwulan, unit)
scale = web.skala(path)
if frame.empty:
    st.info(f"Unit ini belum memiliki target atau realisasi untuk tahun {tahun}. Unduh format dari halaman "
            "Unggah, isi, lalu unggah kembali.")
else:
    summary = ringkasan(frame, web.cursor())
    st.caption(f"Tahun {tahun}, {periode_text(triwulan)}.")
    tiles = st.columns(3)
    tiles[0].metric("Indikator terukur", f"{summary['terukur']}/{summary['jumlah']}", border=True)
    tiles[1].metric("Rata-rata capaian", format_persen(summary["rata_rata"]), border=True)
    tiles[2].metric("Perlu perhatian", summary["perlu_perhatian"], border=True)

st.subheader(f"Pengumpulan data {tahun}")
register = web.register(path, tahun)
st.dataframe(register_table(register[register["unit"] == unit]), hide_index=True, width="stretch")
if frame.empty:
    st.stop()

st.subheader("Indikator")
notes = analisis.notes(web.query(path, "indikator_catatan", tahun=tahun, unit=unit), triwulan)
st.dataframe(indicator_table(frame, notes).drop(columns=["Unit"]).style.apply(
    lambda _: kategori_css(frame), subset=["Kategori"]), hide_index=True, width="stretch")
left, right = st.columns(2)
with left:
    web.show_chart(charts.capaian_bars(frame, scale, "indikator", "Indikator", value="capaian_persen"),
                   f"capaian-{unit}-{tahun}")
with right:
    per_indicator = analisis.by_quarter(web.quarters(path, tahun, unit), ["indikator"], scale)
    web.show_chart(charts.heatmap(per_indicator, scale, "indikator", "Indikator"), f"triwulan-{unit}-{tahun}")
