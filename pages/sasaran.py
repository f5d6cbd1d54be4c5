"""Sasaran & Indikator: a sasaran's indicators, then one indicator through the quarters, the Renstra
years and its history of changes."""
import streamlit as st

from kinerja.engine import summaries
from kinerja.numbers import format_persen
from kinerja.present import charts
from kinerja.present.tables import (
    angka,
    history_table,
    indicator_table,
    readable,
    renstra_target_text,
    setting_label,
    years_table,
)
from kinerja.vocab import periode_text
from kinerja.web import cache, widgets
from kinerja.web.text import plain

path, tahun, triwulan = widgets.page("Sasaran & Indikator")
scale = cache.skala(path)

# Only the chosen sasaran's indicators are computed.
sasaran = cache.query(path, "sasaran_tahun", tahun=tahun)
if sasaran.empty:
    widgets.no_data_for(tahun)
sasaran_id = widgets.choose_searched("Sasaran", dict(zip(sasaran["sasaran_id"], sasaran["sasaran"])), "sasaran")
rows = cache.capaian(path, tahun, triwulan, None, sasaran=int(sasaran_id))
st.caption(f"Tahun {tahun}, {periode_text(triwulan)}. {len(rows)} indikator; capaian kosong berarti belum dapat "
           "dihitung, kategori \"Belum lengkap\" berarti ada triwulan yang belum dilaporkan (lihat Keterangan). "
           "Grafik hanya memuat indikator terukur.")
shown = widgets.paged(rows, "sasaran")
notes = cache.notes(path, tahun, triwulan, tuple(shown["indikator_id"]))
table, kategori_column = widgets.kategori_cells(indicator_table(shown, notes).drop(columns=["Sasaran"]), scale)
st.dataframe(table, hide_index=True, width="stretch",
             column_config={**kategori_column, **widgets.key_columns(), "Catatan": st.column_config.TextColumn(width="large")})
widgets.show_chart(charts.capaian_bars(summaries.measured(rows), scale, "indikator", "Indikator",
                                       value="capaian_persen"), f"capaian-indikator-{tahun}-{sasaran_id}")

st.divider()
names = dict(zip(rows["indikator_id"], rows["indikator"]))
indikator_id = int(widgets.choose_searched("Indikator", names, "indikator"))
row = rows[rows["indikator_id"] == indikator_id].iloc[0]
st.subheader(plain(row["indikator"]), anchor="indikator-terpilih")
if widgets.opened_by_link("indikator"):  # a gap or at-risk card named this indicator: land on it
    widgets.scroll_to("indikator-terpilih")
st.caption(plain(f"Unit {row['unit_nama']} · satuan {row['satuan'] or '–'} · polaritas "
                 f"{setting_label('polaritas', row['polaritas']).lower()} · agregasi "
                 f"{setting_label('agregasi', row['agregasi']).lower()}"))
tiles = st.columns(4)
tiles[0].metric("Target s.d. periode", angka(row["target"]), border=True)
tiles[1].metric("Realisasi s.d. periode", angka(row["realisasi"]), border=True)
tiles[2].metric("Capaian", format_persen(row["capaian_persen"]), border=True)
tiles[3].metric("Kategori", summaries.kategori_shown(rows).loc[row.name], border=True)
if row["keterangan"]:
    st.warning(plain(readable(row["keterangan"])))

# Only the open tab is computed (the Renstra years need every year's capaian); the tab is in the URL.
quarters, years, history = st.tabs(["Per triwulan", "Tahun-tahun Renstra", "Riwayat perubahan"], key="rincian",
                                   on_change="rerun", bind="query-params")
with quarters:
    if quarters.open:
        detail = summaries.quarter_detail(cache.quarters(path, tahun, indikator=indikator_id), indikator_id)
        widgets.show_chart(charts.quarters(detail, row["satuan"]), f"triwulan-{indikator_id}-{tahun}")
with years:
    if years.open:
        end = cache.renstra(path, tahun, triwulan, indikator_id).iloc[0]
        periode = next((p for p in cache.renstra_periods(path) if p.label == end["periode"]), None)
        own = cache.over_years(path, None, indikator_id)
        if periode is None:
            st.info(f"Tahun {tahun} tidak termasuk periode Renstra yang tercatat. Sekretariat menambahkan periode "
                    "di halaman Register (tab Periode Renstra).")
        else:
            own = own[own["tahun"].isin(periode.years)]
            st.caption(f"Periode Renstra {periode.label}; pembanding: {end['aturan']}.")
            tiles = st.columns(3)
            tiles[0].metric("Target akhir Renstra", renstra_target_text(end["target_akhir"], end["target_akhir_atas"]),
                            border=True)
            tiles[1].metric(f"Realisasi s.d. {tahun}", angka(end["realisasi_sd"]), border=True)
            tiles[2].metric("Tingkat capaian Renstra", format_persen(end["tingkat_capaian"]), border=True)
            if end["keterangan"]:
                st.info(plain(readable(end["keterangan"])))
        # a level's end target is a line over the yearly bars; a kumulatif one is a period total, not a year's
        line = end["target_akhir"] if row["agregasi"] != "kumulatif" and end["target_akhir"] is not None else None
        widgets.show_chart(charts.years(own, row["satuan"], None if line is None else float(line),
                                        periode.akhir if periode else None), f"tahunan-{indikator_id}")
        st.dataframe(years_table(own), hide_index=True, width="stretch")
with history:
    if history.open:
        changes = cache.query(path, "indikator_riwayat", indikator=int(indikator_id))
        if changes.empty:
            st.info("Belum ada perubahan tercatat untuk indikator ini.")
        else:
            st.dataframe(history_table(changes), hide_index=True, width="stretch")
