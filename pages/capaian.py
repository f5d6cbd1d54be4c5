"""Capaian: every indicator of the year (or to a quarter) with target, realisation and category."""
import streamlit as st

from kinerja import web
from kinerja.capaian import ringkasan
from kinerja.display import capaian_table, kategori_css
from kinerja.numbers import format_persen
from kinerja.output import to_csv

st.title("Capaian Kinerja")
tahun, triwulan = web.selection()
if tahun is None:
    st.info("Belum ada data. Jalankan `make run` untuk memuat data demo, atau impor lembar kerja unit "
            "dengan `kinerja import BERKAS --unit UNIT --year TAHUN`.")
    st.stop()

units = web.units(web.database())
choice = st.selectbox("Unit", ["Semua unit", *units["kode"]],
                      format_func=lambda kode: dict(zip(units["kode"], units["nama"])).get(kode, kode))
unit = None if choice == "Semua unit" else choice
frame = web.capaian(web.database(), tahun, triwulan, unit)
periode = "setahun" if triwulan is None else f"s.d. triwulan {triwulan}"
if frame.empty:
    st.info(f"Belum ada target atau realisasi untuk tahun {tahun}. Pilih tahun lain atau impor data unit.")
    st.stop()

summary = ringkasan(frame, web.cursor())
table = capaian_table(frame)
columns = st.columns(2 + len(summary["per_kategori"]))
columns[0].metric("Indikator terukur", f"{summary['terukur']}/{summary['jumlah']}")
columns[1].metric("Rata-rata capaian", format_persen(summary["rata_rata"]))
for column, (kategori, jumlah) in zip(columns[2:], summary["per_kategori"].items()):
    column.metric(kategori, jumlah)
st.caption(f"Tahun {tahun}, {periode}. Capaian dihitung menurut rumus Permendagri 86/2017 dan "
           "PermenPAN-RB 6/2022; sel kosong berarti belum dapat dihitung (lihat Keterangan).")
st.dataframe(table.style.apply(lambda _: kategori_css(frame), subset=["Kategori"]),
             hide_index=True, width="stretch")
st.download_button("Unduh CSV", to_csv(frame), file_name=f"capaian-{tahun}-{triwulan or 'setahun'}.csv",
                   mime="text/csv", icon=":material/download:")
