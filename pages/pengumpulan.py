"""Pengumpulan: who has sent what for which quarter, who is late, and the Sekretariat's steps:
verify, reopen with a reason, versions with their files, differences and rollback, notes."""
from datetime import date

import streamlit as st

from kinerja import vocab
from kinerja.collect import notes, versions, workflow
from kinerja.store import renstra
from kinerja.numbers import format_persen
from kinerja.present.tables import (
    STATUS,
    changes_table,
    register_matrix,
    renstra_periods_table,
    version_labels,
)
from kinerja.vocab import ROMAN
from kinerja.web import cache, widgets

path, tahun, triwulan = widgets.page("Pengumpulan Data")
register = cache.register(path, tahun)
text, css = register_matrix(register, date.today())
due = register[register["jumlah_indikator"] > 0]
tiles = st.columns(4)
for column, status in zip(tiles, ["belum", "diajukan", "diverifikasi", "dibuka_kembali"]):
    column.metric(STATUS[status], int((due["status"] == status).sum()), border=True,
                  help="Jumlah triwulan unit (unit yang memiliki indikator) pada tahun ini.")
st.dataframe(text.style.apply(lambda _: css, axis=None), width="stretch")
deadlines = cache.deadlines(path, tahun)
st.caption("Tenggat: " + ", ".join(f"TW {ROMAN[r.triwulan]} {r.tanggal:%d-%m-%Y}" for r in deadlines.itertuples())
           + ". Terlambat: dikirim sesudah tenggat, atau belum dikirim padahal tenggat sudah lewat.")

units = cache.units(path)
left, right = st.columns(2)
with left:
    unit = widgets.choose("Unit", dict(zip(units["kode"], units["nama"])), "unit")
with right:
    quarter = widgets.choose("Triwulan", {q: f"TW {ROMAN[q]}" for q in range(1, 5)}, "tw", default=triwulan or 1)
row = register[(register["unit"] == unit) & (register["triwulan"] == quarter)].iloc[0]
oleh = st.text_input("Nama Anda (tercatat pada setiap langkah)", placeholder="mis. Andi, Sekretariat")

status_tab, versions_tab, notes_tab, deadline_tab, renstra_tab = st.tabs(
    ["Status & verifikasi", "Versi berkas", "Catatan", "Tenggat", "Periode Renstra"])
with status_tab:
    st.markdown(f"**{STATUS[row['status']]}** · kelengkapan {format_persen(row['kelengkapan_persen'])} "
                f"({row['terisi']}/{row['jumlah_indikator']} indikator)")
    if isinstance(row["alasan"], str) and row["status"] == "dibuka_kembali":
        st.warning(f"Dibuka kembali: {row['alasan']}")
    allowed = sorted(workflow.TRANSITIONS[row["status"]])
    reason = st.text_area("Alasan membuka kembali (wajib untuk Buka kembali)") if "dibuka_kembali" in allowed else None
    buttons = st.columns(max(len(allowed), 1))
    labels = {"diajukan": "Ajukan", "diverifikasi": "Verifikasi", "dibuka_kembali": "Buka kembali"}
    for column, step in zip(buttons, allowed):
        if column.button(labels[step], disabled=not oleh.strip(), key=f"langkah-{step}"):
            refused = cache.write(workflow.set_status, unit, tahun, quarter, step, oleh.strip(), reason)
            if refused:
                st.error(refused)
            else:
                st.rerun()
    if not allowed:
        st.info("Belum ada data untuk triwulan ini. Unit mengunggah lewat halaman Unggah.")
    history = cache.steps(path, tahun, unit)
    history = history[history["triwulan"] == quarter]
    if len(history):
        st.dataframe(history[["pada", "status", "oleh", "alasan"]].rename(columns={
            "pada": "Waktu", "status": "Status", "oleh": "Oleh", "alasan": "Alasan"}).iloc[::-1],
            hide_index=True, width="stretch", column_config={"Waktu": st.column_config.DatetimeColumn(
                format="DD-MM-YYYY HH:mm")})

with versions_tab:
    listed = cache.versions(path, unit, tahun)
    if listed.empty:
        st.info("Unit ini belum mengirim berkas untuk tahun ini.")
    else:
        chosen = widgets.choose("Versi", version_labels(listed), "versi")
        st.download_button("Unduh berkas asli versi ini", lambda: versions.original(cache.cursor(), chosen)[1],
                           file_name=listed.set_index("id").at[chosen, "nama_berkas"], icon=":material/download:",
                           on_click="ignore")
        newest = cache.latest_version(path, chosen)
        if newest == chosen:
            st.caption("Ini versi terbaru; pilih versi yang lebih lama untuk melihat perbedaannya.")
        else:
            difference = cache.version_diff(path, chosen, newest)
            st.markdown(f"**{len(difference)} nilai berbeda** antara versi ini dan versi terbaru:")
            st.dataframe(changes_table(difference.rename(columns={"sebelum": "lama", "sesudah": "baru"}).assign(
                status="berubah")), hide_index=True, width="stretch")
            sure = st.checkbox("Saya yakin: kembalikan nilai seperti pada versi ini (tercatat sebagai versi baru).")
            if st.button("Pulihkan versi ini", disabled=not (sure and oleh.strip()), icon=":material/history:"):
                refused = cache.write(versions.rollback, chosen, oleh.strip())
                if refused:
                    st.error(refused)
                else:
                    st.rerun()

with notes_tab:
    st.write("Catatan per indikator untuk triwulan terpilih; dipakai pada Formulir E.81 dan draf LKjIP.")
    frame = cache.capaian(path, tahun, quarter, unit)
    if frame.empty:
        st.info("Unit ini belum memiliki indikator untuk tahun ini.")
    else:
        names = dict(zip(frame["indikator_id"], frame["indikator"]))
        indikator = widgets.choose("Indikator", names, "indikator")
        catatan = cache.query(path, "catatan_nilai", indikator=int(indikator), tahun=tahun, triwulan=quarter)
        current = catatan.iloc[0].to_dict() if len(catatan) else {}
        with st.form("catatan"):
            typed = {name: (st.text_input if name == "bukti_dukung" else st.text_area)(label, current.get(name) or "")
                     for name, label in vocab.NOTES.items()}
            lampiran = st.file_uploader("atau lampirkan berkas bukti dukung")
            if st.form_submit_button("Simpan catatan", disabled=not oleh.strip()):
                cache.write(notes.save_notes, int(indikator), tahun, quarter, **typed)
                if lampiran is not None:
                    cache.write(notes.attach, int(indikator), tahun, quarter, lampiran.name, lampiran.getvalue(),
                              oleh.strip())
                st.success("Catatan tersimpan.")

with deadline_tab:
    st.write("Tenggat bawaan SOP: tanggal 10 bulan berikutnya setelah triwulan berakhir. Ubah bila Sekretariat "
             "menetapkan lain.")
    with st.form("tenggat"):
        chosen_dates = {r.triwulan: st.date_input(f"Tenggat TW {ROMAN[r.triwulan]}", r.tanggal.date(),
                                                  format="DD-MM-YYYY") for r in deadlines.itertuples()}
        if st.form_submit_button("Simpan tenggat"):
            for q, tanggal in chosen_dates.items():
                cache.write(workflow.set_deadline, tahun, q, tanggal)
            st.rerun()

with renstra_tab:
    st.write("Periode Renstra menentukan target akhir dan tahun-tahun yang dibandingkan (E.81 kolom 5, 6, 13, 14 "
             "dan LKjIP). RPJMD baru memulai Renstra baru: tambahkan periodenya di sini.")
    with st.form("periode_renstra"):
        first, last = st.columns(2)
        awal = first.number_input("Tahun awal", min_value=2000, max_value=2100, value=tahun + 1, step=1)
        akhir = last.number_input("Tahun akhir", min_value=2000, max_value=2100, value=tahun + 5, step=1)
        if st.form_submit_button("Tambah periode", disabled=not oleh.strip()):
            refused = cache.write(renstra.add_period, int(awal), int(akhir), oleh.strip())
            if refused:
                st.error(refused)
            else:
                st.success(f"Periode Renstra {int(awal)}-{int(akhir)} tercatat.")
    if not oleh.strip():
        st.caption("Isi nama Anda di atas untuk menambah periode.")
    st.dataframe(renstra_periods_table(cache.renstra_periods(path)), hide_index=True)  # after a change: the new list
