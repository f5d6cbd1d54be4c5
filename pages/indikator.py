"""Indikator (Jafung Perencana, Sekretariat): the master of each indicator and its settings per year,
inferred ones first; confirm or correct them with a reason. Every change is recorded (who, when,
why) and every page shows the recomputed capaian at once."""
import streamlit as st

from kinerja import vocab
from kinerja.collect import indikator
from kinerja.numbers import format_angka
from kinerja.present.tables import setting_label, settings_history_table, settings_text
from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets
from kinerja.web.text import plain

akun = web_auth.guard("pengaturan_indikator")
path, tahun, triwulan = widgets.page("Indikator")
units = cache.units(path)
unit = widgets.choose_searched("Unit", {"": "Semua unit", **dict(zip(units["kode"], units["nama"]))}, "unit")
total, waiting = cache.indikator_jumlah(path, tahun, unit or None)
periode = cache.renstra_period(path, tahun)
end_year = periode.akhir if periode else "periode belum tercatat"
if not total:
    st.info("Belum ada indikator untuk unit ini.")
    st.stop()
st.caption(f"Pengaturan yang berlaku untuk tahun {tahun}. {format_angka(waiting)} dari {format_angka(total)} indikator punya pengaturan "
           "yang ditebak dari nama/satuan dan belum dikonfirmasi (di atas). Capaiannya ditandai \"belum dikonfirmasi\" "
           "di semua halaman dan ekspor sampai dikonfirmasi di sini.")
rows = widgets.page_of(total, "indikator")
listed = cache.indikator_daftar(path, tahun, unit or None, rows.start, rows.stop)
st.dataframe(settings_text(listed), hide_index=True, width="stretch", column_order=[
    "belum_dikonfirmasi", "unit", "kode", "nama", "satuan", "polaritas", "rumus_negatif", "agregasi",
    "konvensi_triwulan", "target_renstra", "target_akhir", "definisi_operasional", "sumber_data"],
    column_config={"belum_dikonfirmasi": "Belum dikonfirmasi", "unit": "Unit", "kode": "Kode",
                   "nama": st.column_config.TextColumn("Indikator", width="large"), "satuan": "Satuan",
                   "polaritas": "Polaritas", "rumus_negatif": "Rumus negatif", "agregasi": "Agregasi",
                   "konvensi_triwulan": "Konvensi target triwulan", "target_renstra": "Target Renstra per tahun",
                   "target_akhir": f"Target akhir Renstra ({end_year})",
                   "definisi_operasional": "Definisi operasional", "sumber_data": "Sumber data"})

st.divider()
# the indicators of the table's page shown above (another page of the table offers others)
indikator_id = widgets.choose_searched("Indikator", dict(zip(listed["indikator_id"], listed["nama"])), "indikator")
row = widgets.row_of(listed, listed["indikator_id"] == indikator_id)
st.subheader(plain(row["nama"]))
if row["belum_dikonfirmasi"]:
    st.warning(f"Belum dikonfirmasi: {plain(row['belum_dikonfirmasi'])} (ditebak dari nama dan satuan). Periksa, ubah bila "
               "keliru, lalu simpan untuk mengonfirmasi.", icon=":material/help:")
with st.form("indikator"):
    left, right = st.columns(2)
    with left:
        st.markdown("**Data indikator**")
        master = {"kode": st.text_input("Kode", row["kode"] or ""),
                  "nama": st.text_area("Nama indikator", row["nama"]),
                  "satuan": st.text_input("Satuan", row["satuan"] or ""),
                  "definisi_operasional": st.text_area("Definisi operasional", row["definisi_operasional"] or ""),
                  "sumber_data": st.text_input("Sumber data", row["sumber_data"] or "")}
    with right:
        st.markdown(f"**Pengaturan capaian** (berlaku untuk tahun {tahun})")
        konvensi = [None, *vocab.KONVENSI]
        settings = {
            "polaritas": st.radio("Polaritas", vocab.POLARITAS, vocab.POLARITAS.index(row["polaritas"]),
                                  horizontal=True, format_func=lambda v: setting_label("polaritas", v)),
            "rumus_negatif": st.radio("Rumus indikator negatif", ["A", "B"], ["A", "B"].index(row["rumus_negatif"]),
                                      horizontal=True, help="A: (2 − realisasi/target) × 100 %; B: target/realisasi "
                                                            "× 100 %"),
            "agregasi": st.selectbox("Agregasi", vocab.AGREGASI, vocab.AGREGASI.index(row["agregasi"]),
                                     format_func=lambda v: setting_label("agregasi", v)),
            "konvensi_triwulan": st.selectbox("Konvensi target triwulan", konvensi,
                                              konvensi.index(row["konvensi_triwulan"]),
                                              format_func=lambda k: setting_label("konvensi", k)),
        }
        dari = st.number_input("Berlaku mulai tahun", min_value=2000, max_value=2100, value=tahun,
                               help="Tahun ini dan tahun-tahun sesudahnya yang punya pengaturan sendiri. Tahun yang "
                                    "triwulannya sudah diverifikasi tidak dapat diubah.")
    alasan = st.text_input("Alasan perubahan (wajib)")
    if st.form_submit_button("Simpan dan konfirmasi", type="primary"):
        refused = cache.write(indikator.change_master, indikator_id, master, akun, alasan)
        refused = refused or cache.write(indikator.change_settings, indikator_id, int(dari), settings, akun,
                                         alasan)
        if refused:
            st.error(refused)
        else:
            st.success("Tersimpan. Capaian dihitung ulang dengan pengaturan ini.")

st.markdown("**Riwayat perubahan**")
history = cache.indikator_riwayat(path, indikator_id)
if history.empty:
    st.caption("Belum ada perubahan tercatat.")
else:
    st.dataframe(settings_history_table(history), hide_index=True, width="stretch")
