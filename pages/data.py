"""Data: every value of the year in one table, filtered as the user needs, downloadable as filtered."""
import streamlit as st

from kinerja.engine import summaries
from kinerja.present.output import to_csv
from kinerja.vocab import periode_text
from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets

akun = web_auth.account()
path, tahun, triwulan = widgets.page("Data Kinerja")
# An operator reads (and downloads) its own units' values only.
readable = tuple(web_auth.units_for(akun, "baca_unit", cache.units(path)["kode"]))
total = cache.data_total(path, tahun, triwulan, readable)
if not total:
    widgets.no_data_for(tahun)
scale = cache.skala(path)

filters = st.columns([1, 2, 1, 1])
with filters[0]:
    units = widgets.multichoose("Unit", sorted(readable), "tetap-data-unit", placeholder="Semua unit")
with filters[1]:
    sasaran = widgets.multichoose("Sasaran", cache.query(path, "sasaran_tahun", tahun=tahun)["sasaran"].tolist(),
                                  "tetap-data-sasaran", placeholder="Semua sasaran")
kategori = filters[2].multiselect("Kategori", [*scale["kategori"], summaries.INCOMPLETE, summaries.UNMEASURED],
                                  placeholder="Semua kategori", key="tetap-data-kategori")
cari = filters[3].text_input("Cari indikator atau kode", placeholder="mis. indeks", key="tetap-data-cari")
asked = (path, tahun, triwulan, tuple(units) or readable, tuple(sasaran), tuple(kategori), cari)
count = cache.data_count(*asked)

st.caption(f"Tahun {tahun}, {periode_text(triwulan)}: {count} dari {total} indikator. Target dan "
           "realisasi s.d. periode adalah nilai yang dipakai menghitung capaian.")
rows = widgets.page_of(count, "data")
table, kategori_column = widgets.kategori_cells(cache.data_page(*asked, rows.start, rows.stop), scale)
st.dataframe(table, hide_index=True, width="stretch", column_config={**kategori_column,
                 "Indikator": st.column_config.TextColumn(width="large", pinned=True),
                 "Sasaran": st.column_config.TextColumn(width="medium"),
                 "Capaian": st.column_config.TextColumn(help="Capaian s.d. periode, dibulatkan 2 desimal"),
                 "Selisih": st.column_config.TextColumn(help="Realisasi dikurangi target s.d. periode"),
             })
# built when clicked: the whole selection, not just the page shown
st.download_button("Unduh CSV (sesuai saringan)", lambda: to_csv(summaries.with_selisih(cache.data_selection(*asked))), mime="text/csv",
                   icon=":material/download:", on_click="ignore",
                   file_name=f"data-kinerja-{tahun}-{'setahun' if triwulan is None else f'tw{triwulan}'}.csv",
                   help="Angka memakai titik desimal agar terbaca oleh program lain.")
