"""Ringkasan: what leadership reads in five seconds: how many indicators are off track, and where."""
from datetime import date

import streamlit as st

from kinerja import proyeksi
from kinerja.engine import summaries
from kinerja.numbers import format_angka, format_persen
from kinerja.present.tables import (
    PROYEKSI_STATUS,
    angka,
    gap_table,
    late_text,
    perbandingan_text,
    peringatan_text,
    sasaran_table,
)
from kinerja.reports.ringkasan_pdf import LIMIT, ringkasan_pdf
from kinerja.vocab import periode_text, triwulan_berakhir
from kinerja.web import cache, widgets
from kinerja.web.text import plain

path, tahun, triwulan = widgets.page("Ringkasan Kinerja")
cache.ringkasan_reads(path, tahun, triwulan)  # every read below at once; the page then draws from the caches
scale = cache.skala(path)
summary = cache.ringkasan(path, tahun, triwulan, None)
if not summary["jumlah"]:
    widgets.no_data_for(tahun)
previous_year = tahun - 1 if tahun - 1 in cache.years(path) else None
# changes compare like with like: the indicators measured in both years
same, before = cache.perbandingan(path, tahun, triwulan, None) if previous_year else (None, None)
sent, due = summaries.submissions_due(cache.register(path, tahun), triwulan, date.today())

st.caption(f"Tahun {tahun}, {periode_text(triwulan)}" + perbandingan_text(previous_year, same, before))
pdf_box = st.container()
# On a phone (style.css) the tiles are compact, three to a row, so the answer below is near the top.
tiles_box = st.container(key="ubin-ringkas")
tiles = tiles_box.columns(3)
tiles[0].metric("Indikator terukur", f"{summary['terukur']}/{summary['jumlah']}", border=True,
                help="Indikator yang semua triwulan yang diperlukan sudah dilaporkan dan capaiannya dapat dihitung.")
tiles[1].metric("Belum lengkap", summary["belum_lengkap"], border=True,
                help="Ada triwulan yang belum dilaporkan: capaiannya belum dinilai dan tidak dihitung sebagai "
                     "kinerja rendah.")
tiles[2].metric("Belum dapat dihitung", summary["tidak_dapat_dihitung"], border=True,
                help="Target belum ditetapkan atau bernilai 0.")
tiles = tiles_box.columns(3)
tiles[0].metric("Rata-rata capaian", format_persen(summary["rata_rata"]), border=True,
                delta=widgets.delta_persen(same and same["rata_rata"], before and before["rata_rata"]),
                help="Rata-rata indikator terukur.")
tiles[1].metric("Perlu perhatian", summary["perlu_perhatian"], border=True, delta_color="inverse",
                delta=widgets.delta_count(same and same["perlu_perhatian"], before and before["perlu_perhatian"]),
                help=f"Indikator terukur dengan capaian di bawah {angka(float(summaries.off_track_limit(scale)))} % "
                     "(di bawah kategori kedua skala).")
tiles[2].metric("Pengumpulan data", f"{sent}/{due}", border=True,
                help="Triwulan unit yang datanya sudah masuk (draf, diajukan, diverifikasi, atau dibuka kembali), "
                     "dari yang sudah jatuh tempo pada periode ini (tenggatnya sudah tiba; unit yang belum pernah "
                     "mengirim apa pun ikut dihitung). Masuk belum tentu lengkap: kelengkapan tiap "
                     "triwulan ada di halaman Register.")
late = late_text(cache.pengingat(path, tahun))
if late:
    st.page_link("pages/pengumpulan.py", label=f"Terlambat mengirim data: {late}", icon=":material/schedule:",
                 query_params={"tahun": str(tahun)})

# On a phone (style.css) the right column, the answer (gaps, then at risk), comes before the left
# one, the detail (indicators per kategori, the charts).
left, right = st.container(key="jawaban-dulu").columns([3, 2])
with right:
    gaps_box, risk_box = st.container(), st.container()
with left:
    st.subheader("Indikator per kategori")
    bands = st.container(key="ubin-ringkas-kategori").columns(len(summary["per_kategori"]))
    for column, (kategori, jumlah) in zip(bands, summary["per_kategori"].items()):
        column.metric(kategori, jumlah, delta_color="off",
                      delta=widgets.delta_count(same and same["per_kategori"][kategori],
                                                before and before["per_kategori"][kategori]))
    st.subheader("Capaian per sasaran")
    drawings = cache.ringkasan_grafik(path, tahun, triwulan)
    per_sasaran = cache.per_sasaran(path, tahun, triwulan)
    widgets.drawn_of(drawings["digambar"], drawings["terukur"])
    if drawings["terukur"]:
        widgets.show_chart(drawings["sasaran"], f"capaian-sasaran-{tahun}")
    else:
        st.caption("Belum ada sasaran dengan capaian terukur pada periode ini.")
    if drawings["digambar"] < len(per_sasaran):
        with widgets.folded(f"Semua {len(per_sasaran)} sasaran", "buka-ringkasan-sasaran") as open_:
            if open_:
                st.dataframe(sasaran_table(widgets.paged(per_sasaran, "ringkasan-sasaran")), hide_index=True,
                             width="stretch")
    st.subheader("Capaian unit per triwulan")
    st.caption("Sel kosong: belum ada indikator terukur pada triwulan itu (data belum dilaporkan).")
    widgets.show_chart(drawings["unit"], f"unit-triwulan-{tahun}")
with gaps_box:
    st.subheader("Kesenjangan terbesar")
    lists = cache.sorotan_jumlah(path, tahun, triwulan)
    gaps = cache.sorotan_baris(path, tahun, triwulan, "kesenjangan", 0, LIMIT)
    if not summary["terukur"]:  # nothing measured yet is no all-clear
        st.info("Belum ada indikator terukur pada periode ini: kesenjangan dinilai setelah triwulan yang "
                "diperlukan dilaporkan.")
    elif gaps.empty:
        st.success("Tidak ada indikator terukur di bawah batas kategori kedua.")

    def gap_card(row) -> None:
        st.markdown(f"**{format_persen(row.capaian_persen)}** · {plain(row.kategori)} · {plain(row.unit)}")
        st.page_link("pages/sasaran.py", label=plain(row.indikator), icon=":material/arrow_forward:",
                     query_params=widgets.link_params(sasaran=row.sasaran_id, indikator=row.indikator_id))

    def rows_of(daftar: str):
        """The rows of a page (a slice) of one of the lists, read when its table is open."""
        return lambda shown: cache.sorotan_baris(path, tahun, triwulan, daftar, shown.start, shown.stop)

    widgets.cards(gaps, gap_card, "ringkasan-kesenjangan", "kesenjangan", total=lists["kesenjangan"],
                  table=lambda shown: gap_table(rows_of("kesenjangan")(shown)))
with right:
    waiting = lists["belum_lengkap"]
    if waiting:
        st.subheader("Belum lengkap")
        st.caption(f"{waiting} indikator menunggu data triwulan yang belum dilaporkan; capaiannya belum dinilai.")
        # folded like the other lists: no table grid to load and draw before the page is complete
        with widgets.folded(f"Lihat {waiting} indikator dan triwulan yang kurang",
                            "buka-ringkasan-belum-lengkap") as open_:
            if open_:
                widgets.indicator_rows(rows_of("belum_lengkap"), waiting, "ringkasan-belum-lengkap", "keterangan",
                                       "Yang kurang")
    suspect = lists["periksa"]
    if suspect:
        with widgets.folded(f"{suspect} indikator perlu diperiksa satuan/formatnya", "buka-ringkasan-periksa",
                            icon=":material/warning:") as open_:
            if open_:
                widgets.indicator_rows(rows_of("periksa"), suspect, "ringkasan-periksa", "periksa", "Yang janggal")
    missing = lists["tidak_dihitung"]
    if missing:
        with widgets.folded(f"{missing} indikator belum dapat dihitung", "buka-ringkasan-tidak-dihitung") as open_:
            if open_:
                widgets.indicator_rows(rows_of("tidak_dihitung"), missing, "ringkasan-tidak-dihitung", "keterangan",
                                       "Alasan")

with risk_box:
    st.subheader("Peringatan dini")
    counts = cache.proyeksi_jumlah(path, tahun, triwulan, None)
    risky = cache.proyeksi_baris(path, tahun, triwulan, None, "berisiko", 0, LIMIT)
    st.caption(proyeksi.rule_text(scale))
    with widgets.folded("Aturan proyeksi", "buka-ringkasan-aturan") as open_:
        if open_:
            st.write(proyeksi.rule_text(scale, full=True))
    if counts["semua"] == counts["tanpa"]:  # nothing projected yet is no all-clear
        st.info("Belum ada indikator yang dapat diproyeksikan pada periode ini: proyeksi dibuat dari triwulan "
                "yang sudah dilaporkan.")
    elif risky.empty:
        st.success("Tidak ada indikator yang diperkirakan meleset dari target akhir tahun."
                   if counts["tersisa"]
                   else "Tidak ada yang perlu diproyeksikan: indikator sudah dilaporkan sampai TW IV.")

    def risk_card(row) -> None:
        st.markdown(f"**{PROYEKSI_STATUS[row.status]}** · proyeksi {format_persen(row.proyeksi_capaian)}"
                    f" · {plain(row.unit)}")
        st.page_link("pages/sasaran.py", label=plain(row.indikator), icon=":material/arrow_forward:",
                     query_params=widgets.link_params(sasaran=row.sasaran_id, indikator=row.indikator_id))
        st.caption(plain(peringatan_text(row, selesai)))

    selesai = triwulan_berakhir(tahun)
    widgets.cards(risky, risk_card, "ringkasan-berisiko", "indikator berisiko", total=counts["berisiko"],
                  table=lambda shown: cache.proyeksi_rows(path, tahun, triwulan, None, "berisiko", shown.start,
                                                          shown.stop, selesai),
                  column_config=widgets.proyeksi_columns())
    if counts["tanpa"]:
        with widgets.folded(f"{format_angka(counts['tanpa'])} indikator belum dapat diproyeksikan",
                            "buka-ringkasan-tanpa-proyeksi") as open_:
            if open_:
                widgets.indicator_rows(lambda shown: cache.proyeksi_baris(path, tahun, triwulan, None, "tanpa",
                                                                          shown.start, shown.stop),
                                       counts["tanpa"], "ringkasan-tanpa-proyeksi", "alasan", "Alasan")

with pdf_box:
    st.download_button("Unduh ringkasan untuk rapat (PDF, 1 halaman)", lambda: ringkasan_pdf(
        tahun, triwulan, summary, gaps, risky, sent, due, cache.instansi(path), demo=cache.demo(path),
        risky_total=counts["berisiko"], gaps_total=lists["kesenjangan"]),
        icon=":material/picture_as_pdf:",
        file_name=f"ringkasan-kinerja-{tahun}-{'setahun' if triwulan is None else f'tw{triwulan}'}.pdf",
        mime="application/pdf", on_click="ignore")
