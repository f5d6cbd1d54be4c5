"""Ekspor: the evaluation documents of the year (or to a quarter) for download, with previews."""
import streamlit as st

from kinerja.numbers import format_angka, format_persen
from kinerja.present.tables import e81_table, efisiensi_table
from kinerja.vocab import periode_text
from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets

FILES = [
    (".xlsx", "Buku kerja evaluasi (.xlsx)", "Capaian, Formulir E.81, tabel LKjIP Bab III, Analisis Kinerja, Data",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (".docx", "Draf LKjIP Bab III (.docx)", "Tabel dan paragraf per sasaran, siap disunting",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (".csv", "Data panjang (.csv)", "Satu baris per indikator × periode × ukuran; titik desimal, koma antarkolom "
     "(untuk program lain, Python, R)", "text/csv"),
    ("-excel.csv", "Data panjang untuk Excel (.csv)", "Sama dengan CSV, dengan koma desimal dan titik koma "
     "antarkolom: langsung terbaca Excel berbahasa Indonesia", "text/csv"),
    (".parquet", "Data panjang (.parquet)", "Sama dengan CSV, bertipe", "application/octet-stream"),
]

PREVIEW_LIMIT = 5000  # indicators of the year previewed without asking

web_auth.guard("ekspor")
st.title("Ekspor Dokumen Evaluasi")
tahun, triwulan = widgets.selection()
if tahun is None:
    st.info("Belum ada data untuk diekspor. Impor lembar kerja unit dulu (`kinerja import BERKAS --unit UNIT "
            "--year TAHUN`), atau jalankan `make run` untuk data demo.")
    st.stop()

periode = periode_text(triwulan, tahun)
st.caption(f"Dokumen {periode}. Angka di setiap berkas sama dengan angka di halaman Capaian.")

demo = cache.demo(cache.database())
if demo:
    st.warning("Basis data ini berisi **data demo**: setiap dokumen bertanda DATA DEMO dan nama berkasnya "
               "berakhiran -demo.", icon=":material/science:")
stem = f"evaluasi-{tahun}-{f'tw{triwulan}' if triwulan else 'setahun'}{'-demo' if demo else ''}"
# Files are built when their button is clicked: building all four up front took seconds per render.
# No rerun on click: a rerun renews every button's file id, and a second button clicked meanwhile
# asked for an id the rerun had just dropped (no file came).
for column, (suffix, label, help_text, mime) in zip(st.columns(len(FILES)), FILES):
    column.download_button(label, cache.export_file(tahun, triwulan, suffix), file_name=f"{stem}{suffix}",
                           mime=mime, help=help_text, icon=":material/download:", key=f"unduh{suffix}",
                           on_click="ignore")

# A large year's tables take long to compute: previewed when asked (the files do not need it).
jumlah = int(cache.query(cache.database(), "indikator_tahun_jumlah", tahun=tahun)["jumlah"].iloc[0])
if jumlah > PREVIEW_LIMIT and not st.toggle(f"Tampilkan pratinjau ({format_angka(jumlah)} indikator; perlu waktu)",
                                            key="ekspor-pratinjau"):
    st.stop()
ev = cache.evaluasi(cache.database(), tahun, triwulan)
st.subheader("Pratinjau Formulir E.81")
if ev.e81.empty:
    st.info(f"Belum ada target atau realisasi untuk {periode}.")
else:
    st.dataframe(e81_table(widgets.paged(ev.e81, "ekspor-e81")), hide_index=True, width="stretch")
    predikat = ev.predikat[0] if ev.predikat else "–"
    st.caption(f"Rata-rata capaian kinerja {format_persen(ev.rata_rata)} (predikat {predikat}).")
    if ev.catatan_data:
        st.warning("Catatan data (tercetak juga di bawah Formulir E.81 dan di draf LKjIP):")
        st.text("\n".join(ev.catatan_data))  # plain text: indicator names are user text, never markdown

st.subheader("Capaian kinerja dan serapan anggaran")
if ev.efisiensi.empty:
    st.info(f"Belum ada pagu atau realisasi anggaran untuk {periode}. Tambahkan kolom PAGU ANGGARAN dan "
            "REALISASI ANGGARAN TW I-IV pada baris program/kegiatan di lembar kerja unit, lalu impor ulang.")
else:
    left, right = st.columns(2)
    left.metric("Rata-rata capaian kinerja", format_persen(ev.rata_rata))
    right.metric("Rata-rata serapan anggaran", format_persen(ev.rata_serapan))
    st.dataframe(efisiensi_table(widgets.paged(ev.efisiensi, "ekspor-efisiensi")), hide_index=True, width="stretch")
