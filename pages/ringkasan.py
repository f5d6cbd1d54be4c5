"""Ringkasan: what leadership reads in five seconds: how many indicators are off track, and where."""
import streamlit as st

from kinerja.engine import proyeksi, summaries
from kinerja.numbers import format_persen
from kinerja.present import charts
from kinerja.present.tables import (
    PROYEKSI_STATUS,
    angka,
    dalam_satuan,
    kebutuhan_text,
    proyeksi_table,
)
from kinerja.vocab import periode_text
from kinerja.web import cache, widgets
from kinerja.web.text import plain

path, tahun, triwulan = widgets.page("Ringkasan Kinerja")
frame = widgets.year_capaian(path, tahun, triwulan)
scale = cache.skala(path)
summary = cache.ringkasan(path, tahun, triwulan, None)
previous_year = tahun - 1 if tahun - 1 in cache.years(path) else None
before = cache.ringkasan(path, previous_year, triwulan, None) if previous_year else None
sent, due = summaries.submissions_due(cache.register(path, tahun), triwulan)

st.caption(f"Tahun {tahun}, {periode_text(triwulan)}"
           + (f"; perubahan dibandingkan periode yang sama tahun {previous_year}." if previous_year else "."))
tiles = st.columns(4)
tiles[0].metric("Indikator terukur", f"{summary['terukur']}/{summary['jumlah']}", border=True,
                help="Indikator yang capaiannya dapat dihitung (ada target dan realisasi).")
tiles[1].metric("Rata-rata capaian", format_persen(summary["rata_rata"]), border=True,
                delta=widgets.delta_persen(summary["rata_rata"], before and before["rata_rata"]))
tiles[2].metric("Perlu perhatian", summary["perlu_perhatian"], border=True, delta_color="inverse",
                delta=widgets.delta_count(summary["perlu_perhatian"], before and before["perlu_perhatian"]),
                help=f"Capaian di bawah {angka(float(summaries.off_track_limit(scale)))} % "
                     "(di bawah kategori kedua skala).")
tiles[3].metric("Pengumpulan data", f"{sent}/{due}", border=True,
                help="Triwulan unit yang sudah mengirim data, dari yang sudah jatuh tempo pada periode ini.")
bands = st.columns(len(summary["per_kategori"]))
for column, (kategori, jumlah) in zip(bands, summary["per_kategori"].items()):
    column.metric(kategori, jumlah,
                  delta=widgets.delta_count(jumlah, before and before["per_kategori"].get(kategori)),
                  delta_color="off")

left, right = st.columns([3, 2])
with left:
    st.subheader("Capaian per sasaran")
    per_sasaran = summaries.mean_by(frame.fillna({"sasaran": "(tanpa sasaran)"}), ["sasaran"], scale)
    widgets.show_chart(charts.capaian_bars(per_sasaran, scale, "sasaran", "Sasaran", extra_tooltip=[
        "terukur:Q", "jumlah:Q"]), f"capaian-sasaran-{tahun}")
    st.subheader("Capaian unit per triwulan")
    per_unit = summaries.by_quarter(cache.quarters(path, tahun), ["unit"], scale)
    if triwulan:
        per_unit = per_unit[per_unit["triwulan"] <= triwulan]
    widgets.show_chart(charts.heatmap(per_unit, scale, "unit", "Unit"), f"unit-triwulan-{tahun}")
with right:
    st.subheader("Kesenjangan terbesar")
    gaps = summaries.off_track(frame, scale)
    if gaps.empty:
        st.success("Tidak ada indikator di bawah batas kategori kedua. Semua indikator terukur berjalan baik.")
    for row in gaps.head(8).itertuples():
        with st.container(border=True):
            st.markdown(f"**{format_persen(row.capaian_persen)}** · {plain(row.kategori)} · {plain(row.unit)}")
            st.page_link("pages/sasaran.py", label=plain(row.indikator), icon=":material/arrow_forward:",
                         query_params=widgets.link_params(sasaran=row.sasaran_id, indikator=row.indikator_id))
    missing = frame[frame["capaian_persen"].isna()]
    if len(missing):
        with st.expander(f"{len(missing)} indikator belum dapat dihitung"):
            st.dataframe(missing[["unit", "indikator", "keterangan"]].rename(
                columns={"unit": "Unit", "indikator": "Indikator", "keterangan": "Alasan"}),
                hide_index=True, width="stretch")

with right:
    st.subheader("Peringatan dini")
    projected = cache.proyeksi(path, tahun, triwulan, None)
    risky = proyeksi.at_risk(projected)
    st.caption(proyeksi.rule_text(scale))
    with st.expander("Aturan proyeksi"):
        st.write(proyeksi.rule_text(scale, full=True))
    if risky.empty:
        st.success("Tidak ada indikator yang diperkirakan meleset dari target akhir tahun."
                   if (projected["sisa_triwulan"].fillna(0) > 0).any()
                   else "Tidak ada yang perlu diproyeksikan: indikator sudah dilaporkan sampai TW IV.")
    for row in risky.head(8).itertuples():
        with st.container(border=True):
            st.markdown(f"**{PROYEKSI_STATUS[row.status]}** · proyeksi {format_persen(row.proyeksi_capaian)}"
                        f" · {plain(row.unit)}")
            st.page_link("pages/sasaran.py", label=plain(row.indikator), icon=":material/arrow_forward:",
                         query_params=widgets.link_params(sasaran=row.sasaran_id, indikator=row.indikator_id))
            st.caption(plain(f"Kurang {dalam_satuan(row.kekurangan, row.satuan)} dari target; "
                             f"perlu {kebutuhan_text(row)}."))
    if len(risky) > 8:
        with st.expander(f"Lihat semua {len(risky)} indikator berisiko"):
            st.dataframe(proyeksi_table(risky), hide_index=True, width="stretch")
    unprojected = projected[projected["status"].isna()]
    if len(unprojected):
        with st.expander(f"{len(unprojected)} indikator belum dapat diproyeksikan"):
            st.dataframe(unprojected[["unit", "indikator", "alasan"]].rename(
                columns={"unit": "Unit", "indikator": "Indikator", "alasan": "Alasan"}),
                hide_index=True, width="stretch")
