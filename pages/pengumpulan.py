"""Pengumpulan: who has sent what for which quarter, who is late, and the Sekretariat's steps:
verify, reopen with a reason, versions with their files, differences and rollback, notes."""
from datetime import date

import streamlit as st

from kinerja import vocab
from kinerja.auth import may
from kinerja.collect import bukti, notes, reminders, renstra, versions, workflow
from kinerja.engine import summaries
from kinerja.numbers import format_persen
from kinerja.present.tables import (
    STATUS,
    changes_table,
    register_matrix,
    reminder_table,
    renstra_periods_table,
    version_labels,
)
from kinerja.vocab import ROMAN
from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets
from kinerja.web.text import plain

akun = web_auth.account()
path, tahun, triwulan = widgets.page("Register Pengumpulan")
register = cache.register(path, tahun)
text, css = register_matrix(register, date.today())
counts = summaries.status_counts(register)
tiles = st.columns(4)
for column, status in zip(tiles, ["belum", "diajukan", "diverifikasi", "dibuka_kembali"]):
    column.metric(STATUS[status], counts[status], border=True,
                  help="Jumlah triwulan unit pada tahun ini, dari unit yang wajib mengirim data tahun ini (juga unit "
                       "yang belum pernah mengirim apa pun).")
# st.table, not st.dataframe: its cells wrap, so a phone shows every quarter's status (style.css)
st.table(text.fillna("").style.apply(lambda _: css, axis=None))
deadlines = cache.deadlines(path, tahun)
st.caption("Tenggat: " + ", ".join(f"TW {ROMAN[r.triwulan]} {r.tanggal:%d-%m-%Y}" for r in deadlines.itertuples())
           + ". Terlambat: dikirim sesudah tenggat, atau belum dikirim padahal tenggat sudah lewat.")

st.subheader("Pengingat tenggat")
today = date.today()
to_remind = cache.pengingat(path, tahun)  # the same list Ringkasan names the late units from
if to_remind.empty:
    st.success(f"Tidak ada unit yang terlambat atau bertenggat dalam {reminders.DUE_DAYS} hari untuk tahun {tahun}.")
else:
    st.caption(f"Unit yang belum mengirim (atau baru menyimpan draf) triwulan yang tenggatnya sudah lewat atau "
               f"jatuh dalam {reminders.DUE_DAYS} hari. Salin teks pengingat (tombol salin di pojok kanan teks) "
               "atau bagikan lewat WhatsApp.")
    st.table(reminder_table(to_remind), hide_index=True)
    for row in to_remind.itertuples():
        with st.expander(plain(f"Pengingat untuk {row.unit_nama}")):
            st.code(row.teks, language=None, wrap_lines=True)
            st.link_button("Bagikan lewat WhatsApp", row.tautan_wa, icon=":material/share:")
    if (to_remind["keadaan"] == reminders.TERLAMBAT).any():
        st.download_button("Unduh surat pengingat untuk unit yang terlambat (.docx)",
                           lambda: cache.reminder_letter(path, tahun, today),
                           file_name=f"surat-pengingat-kinerja-{tahun}.docx", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           on_click="ignore")

units = cache.units(path)
# Operators read the details (files, notes) of the units they serve only.
units = units[units["kode"].isin(web_auth.units_for(akun, "baca_unit", units["kode"]))]
left, right = st.columns(2)
with left:
    unit = widgets.choose("Unit", dict(zip(units["kode"], units["nama"])), "unit", default=min(akun.unit, default=None))
with right:
    quarter = widgets.choose("Triwulan", {q: f"TW {ROMAN[q]}" for q in range(1, 5)}, "tw", default=triwulan or 1)
row = register[(register["unit"] == unit) & (register["triwulan"] == quarter)].iloc[0]
st.caption(plain(f"Setiap langkah tercatat atas nama akun {akun.nama}."))

# Only the open tab runs and is drawn (the tab is in the URL, ?tab=Catatan): the others held a form,
# a table and a select each that every visit computed and the browser drew unseen.
status_tab, versions_tab, notes_tab, deadline_tab, renstra_tab = st.tabs(
    ["Status & verifikasi", "Versi berkas", "Catatan", "Tenggat", "Periode Renstra"], key="tab", bind="query-params")
with status_tab:
    if status_tab.open:
        st.markdown(f"**{STATUS[row['status']]}** · kelengkapan {format_persen(row['kelengkapan_persen'])} "
                    f"({row['terisi']}/{row['jumlah_indikator']} indikator)")
        if isinstance(row["alasan"], str) and row["status"] == "dibuka_kembali":
            st.warning(plain(f"Dibuka kembali: {row['alasan']}"))
        possible = sorted(workflow.TRANSITIONS[row["status"]])
        allowed = [step for step in possible if may(akun, workflow.STEP_ACTIONS[step], unit)]
        reason = (st.text_area("Alasan membuka kembali (wajib untuk Buka kembali)") if "dibuka_kembali" in allowed
                  else None)
        buttons = st.columns(max(len(allowed), 1))
        labels = {"diajukan": "Ajukan", "diverifikasi": "Verifikasi", "dibuka_kembali": "Buka kembali"}
        for column, step in zip(buttons, allowed):
            if column.button(labels[step], key=f"langkah-{step}"):
                refused = cache.write(workflow.set_status, unit, tahun, quarter, step, akun, reason)
                if refused:
                    st.error(refused)
                else:
                    st.rerun()
        if not possible:
            st.info("Belum ada data untuk triwulan ini. Unit mengunggah lewat halaman Unggah.")
        elif not allowed:
            st.caption("Langkah berikutnya (verifikasi, buka kembali) diambil oleh Sekretariat (Unit Pengelola Data).")
        history = cache.steps(path, tahun, unit)
        history = history[history["triwulan"] == quarter]
        if len(history):
            shown = history[["pada", "status", "oleh", "alasan"]].fillna({"alasan": ""}).replace({"status": STATUS})
            st.table(shown.assign(pada=shown["pada"].dt.strftime("%d-%m-%Y %H:%M")).rename(columns={
                "pada": "Waktu", "status": "Status", "oleh": "Oleh", "alasan": "Alasan"}).iloc[::-1], hide_index=True)

with versions_tab:
    if versions_tab.open:
        listed = cache.versions(path, unit, tahun)
        if listed.empty:
            st.info("Unit ini belum mengirim berkas untuk tahun ini.")
        else:
            chosen = widgets.choose("Versi", version_labels(listed), "versi")
            st.download_button("Unduh berkas asli versi ini", lambda: cache.using(versions.original, chosen)[1],
                               file_name=listed.set_index("id").at[chosen, "nama_berkas"], icon=":material/download:",
                               on_click="ignore")
            newest = cache.latest_version(path, chosen)
            if newest != chosen:
                difference = cache.version_diff(path, chosen, newest)
                st.markdown(f"**{len(difference)} nilai berbeda** antara versi ini dan versi terbaru:")
                st.dataframe(changes_table(difference.rename(columns={"sebelum": "lama", "sesudah": "baru"}).assign(
                    status="berubah")), hide_index=True, width="stretch")
            preview = cache.rollback_preview(path, chosen)
            if preview.empty:
                st.caption("Nilai tersimpan sama dengan yang ditinggalkan versi ini; tidak ada yang dipulihkan.")
            else:
                st.markdown(f"**Pemulihan ke versi ini** mengubah {len(preview)} nilai tersimpan (kolom 'Sekarang' → "
                            "'Dipulihkan'):")
                if preview["konflik"].any():
                    st.warning("Sebagian nilai diubah kemudian oleh berkas lain (kolom 'Diubah oleh'). Nilai itu tetap "
                               "kecuali Anda mencentang 'Timpa'.", icon=":material/warning:")
                answers = st.data_editor(
                    preview.assign(timpa=False), key=f"pemulihan-{chosen}", hide_index=True, width="stretch",
                    column_order=["indikator", "jenis", "triwulan", "sekarang", "dipulihkan", "diubah_oleh", "timpa"],
                    disabled=["indikator", "jenis", "triwulan", "sekarang", "dipulihkan", "diubah_oleh"],
                    column_config={"indikator": "Indikator", "jenis": "Jenis", "triwulan": "TW", "sekarang": "Sekarang",
                                   "dipulihkan": "Dipulihkan", "diubah_oleh": "Diubah oleh",
                                   "timpa": st.column_config.CheckboxColumn("Timpa", help="Hanya untuk baris yang "
                                                                           "diubah kemudian oleh berkas lain.")})
                sure = may(akun, "pulihkan", unit) and st.checkbox(
                    "Saya yakin: kembalikan nilai seperti pada versi ini (tercatat sebagai versi baru).")
                if may(akun, "pulihkan", unit) and st.button("Pulihkan versi ini", disabled=not sure,
                                                             icon=":material/history:"):
                    refused = cache.write(versions.rollback, chosen, akun,
                                          timpa=versions.chosen_conflicts(preview, answers["timpa"]))
                    if refused:
                        st.error(refused)
                    else:
                        st.rerun()

with notes_tab:
    if notes_tab.open:
        st.write("Catatan per indikator untuk triwulan terpilih; dipakai pada Formulir E.81 dan draf LKjIP.")
        names = cache.indicator_names(path, tahun, quarter, unit)
        if not names:
            st.info("Unit ini belum memiliki indikator untuk tahun ini.")
        else:
            indikator = widgets.choose_searched("Indikator", names, "indikator")
            catatan = cache.query(path, "catatan_nilai", indikator=int(indikator), tahun=tahun, triwulan=quarter)
            current = catatan.iloc[0].to_dict() if len(catatan) else {}
            editable = may(akun, "catatan", unit)
            with st.form("catatan"):
                typed = {name: (st.text_input if name == "bukti_dukung" else st.text_area)(
                    label, current.get(name) or "", disabled=not editable) for name, label in vocab.NOTES.items()}
                lampiran = st.file_uploader(f"atau lampirkan berkas bukti dukung (PDF, PNG, JPG, XLSX, DOCX; maks. "
                                            f"{bukti.MAX_BYTES // bukti.MEGABYTE} MB)", type=list(bukti.TYPES),
                                            max_upload_size=bukti.MAX_BYTES // bukti.MEGABYTE,
                                            disabled=not editable)
                if st.form_submit_button("Simpan catatan", disabled=not editable):
                    refused = cache.write(notes.save_notes, int(indikator), tahun, quarter, akun, **typed)
                    if not refused and lampiran is not None:
                        refused = cache.write(bukti.attach, int(indikator), tahun, quarter, lampiran.name,
                                            lampiran.getvalue(), akun)
                    if refused:
                        st.error(f"Catatan TIDAK tersimpan: {refused}", icon=":material/block:")
                    else:
                        st.success("Catatan tersimpan.")
            attached = cache.using(bukti.attachments, akun, int(indikator), tahun, quarter)
            for item in attached.itertuples():
                st.download_button(plain(f"Unduh {item.nama_berkas} · {item.diunggah_oleh}"),
                                   lambda item=item: cache.using(bukti.content, akun, item.id)[1],
                                   file_name=item.nama_berkas, mime=item.jenis, icon=":material/attach_file:",
                                   on_click="ignore", key=f"bukti-{item.id}")

with deadline_tab:
    if deadline_tab.open:
        st.write("Tenggat bawaan SOP: tanggal 10 bulan berikutnya setelah triwulan berakhir. Ubah bila Sekretariat "
                 "menetapkan lain.")
        with st.form("tenggat"):
            editable = may(akun, "tenggat")
            chosen_dates = {r.triwulan: st.date_input(f"Tenggat TW {ROMAN[r.triwulan]}", r.tanggal.date(),
                                                      format="DD-MM-YYYY", disabled=not editable)
                            for r in deadlines.itertuples()}
            if st.form_submit_button("Simpan tenggat", disabled=not editable):
                refused = [cache.write(workflow.set_deadline, tahun, q, tanggal, akun)
                           for q, tanggal in chosen_dates.items()]
                if any(refused):
                    st.error(f"Tenggat TIDAK tersimpan: {next(r for r in refused if r)}", icon=":material/block:")
                else:
                    st.rerun()

with renstra_tab:
    if renstra_tab.open:
        st.write("Periode Renstra menentukan target akhir dan tahun-tahun yang dibandingkan (E.81 kolom 5, 6, 13, 14 "
                 "dan LKjIP). RPJMD baru memulai Renstra baru: tambahkan periodenya di sini.")
        with st.form("periode_renstra"):
            editable = may(akun, "pengaturan")
            first, last = st.columns(2)
            awal = first.number_input("Tahun awal", min_value=2000, max_value=2100, value=tahun + 1, step=1,
                                      disabled=not editable)
            akhir = last.number_input("Tahun akhir", min_value=2000, max_value=2100, value=tahun + 5, step=1,
                                      disabled=not editable)
            if st.form_submit_button("Tambah periode", disabled=not editable):
                refused = cache.write(renstra.add_period, int(awal), int(akhir), akun, errors=(renstra.PeriodError,))
                if refused:
                    st.error(f"Periode TIDAK tersimpan: {refused}", icon=":material/block:")
                else:
                    st.success(f"Periode Renstra {int(awal)}-{int(akhir)} tercatat.")
        if not editable:
            st.caption("Hanya Sekretariat yang dapat menambah periode Renstra.")
        # after a change: the new list
        st.dataframe(renstra_periods_table(cache.renstra_periods(path)), hide_index=True)

if may(akun, "pengaturan"):
    with st.expander("Cadangan basis data", icon=":material/backup:"):
        st.write("Salinan utuh basis data, dibuat saat tombol ditekan (tetap utuh walau ada yang sedang menyimpan). "
                 "Simpan di tempat aman; pulihkan dengan `kinerja pulihkan BERKAS`. Cadangan harian otomatis ada di "
                 "folder `data/cadangan/` server.")
        st.download_button("Unduh cadangan (.duckdb)", lambda: cache.backup_bytes(akun),
                           file_name=f"kinerja-cadangan-{date.today():%Y%m%d}.duckdb", mime="application/octet-stream",
                           icon=":material/download:", on_click="ignore")
