"""Data: every value of the year in one table, filtered as the user needs, downloadable as filtered."""
import streamlit as st

from kinerja.engine import summaries
from kinerja.present.output import to_csv
from kinerja.present.tables import data_table, kategori_css
from kinerja.vocab import periode_text
from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets

akun = web_auth.account()
path, tahun, triwulan = widgets.page("Data Kinerja")
frame = widgets.year_capaian(path, tahun, triwulan)
# An operator reads (and downloads) its own units' values only.
frame = frame[frame["unit"].isin(web_auth.units_for(akun, "baca_unit", frame["unit"].unique()))]
scale = cache.skala(path)

filters = st.columns([1, 2, 1, 1])
units = filters[0].multiselect("Unit", sorted(frame["unit"].unique()), placeholder="Semua unit", key="tetap-data-unit")
sasaran = filters[1].multiselect("Sasaran", sorted(frame["sasaran"].dropna().unique()), placeholder="Semua sasaran", key="tetap-data-sasaran")
kategori = filters[2].multiselect("Kategori", [*scale["kategori"], summaries.INCOMPLETE, summaries.UNMEASURED],
                                  placeholder="Semua kategori", key="tetap-data-kategori")
cari = filters[3].text_input("Cari indikator atau kode", placeholder="mis. indeks", key="tetap-data-cari")
rows = summaries.data_rows(frame, units, sasaran, kategori, cari)
shown = frame.loc[rows.index]

st.caption(f"Tahun {tahun}, {periode_text(triwulan)}: {len(rows)} dari {len(frame)} indikator. Target dan "
           "realisasi s.d. periode adalah nilai yang dipakai menghitung capaian.")
st.dataframe(data_table(rows).style.apply(lambda _: kategori_css(shown), subset=["Kategori"]), hide_index=True,
             width="stretch", column_config={
                 "Indikator": st.column_config.TextColumn(width="large", pinned=True),
                 "Sasaran": st.column_config.TextColumn(width="medium"),
                 "Capaian": st.column_config.TextColumn(help="Capaian s.d. periode, dibulatkan 2 desimal"),
                 "Selisih": st.column_config.TextColumn(help="Realisasi dikurangi target s.d. periode"),
             })
st.download_button("Unduh CSV (sesuai saringan)", to_csv(rows), mime="text/csv", icon=":material/download:",
                   file_name=f"data-kinerja-{tahun}-{'setahun' if triwulan is None else f'tw{triwulan}'}.csv",
                   help="Angka memakai titik desimal agar terbaca oleh program lain.")
