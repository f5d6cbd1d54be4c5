"""Unggah: a unit sends its spreadsheet, sees every problem at its cell, fixes it, and confirms.
Nothing is written before the confirm button."""
import io
from datetime import date

import streamlit as st

from kinerja.auth import may
from kinerja.ingest import upload
from kinerja.ingest.annotate import annotate_errors
from kinerja.ingest.plan import ImportResult
from kinerja.present.tables import changes_table
from kinerja.reports.template import template_bytes
from kinerja.vocab import ROMAN, STATUS
from kinerja.web import auth as web_auth
from kinerja.web import cache, upload_session, widgets
from kinerja.web.text import plain

akun = web_auth.guard("unggah")
st.title("Unggah Data Unit")
path = cache.database()
units = cache.units(path)
units = units[units["kode"].isin(web_auth.units_for(akun, "unggah", units["kode"]))]
years = upload_session.upload_years(path)
left, middle, right = st.columns([2, 1, 1])
with left:
    # An operator sees only the units it serves, its own preselected.
    unit = widgets.choose("Unit", dict(zip(units["kode"], units["nama"])), "unit", default=min(akun.unit, default=None))
with middle:
    tahun = widgets.choose("Tahun", {t: str(t) for t in years}, "tahun_unggah",
                       default=widgets.selection()[0] or date.today().year)
with right:
    triwulan = widgets.choose("Triwulan yang dilaporkan", {0: "Sesuai kolom berkas", **{q: f"TW {ROMAN[q]}" for q in
                                                                                    range(1, 5)}},
                          "triwulan_unggah", help="Wajib bila berkas hanya punya satu kolom REALISASI.") or None

register = cache.register(path, tahun)
own = register[register["unit"] == unit].set_index("triwulan")
st.caption("Status pengumpulan " + ", ".join(f"TW {ROMAN[q]}: {STATUS[own.at[q, 'status']].lower()}" for q in own.index)
           + ". Triwulan yang sudah diverifikasi terkunci; Sekretariat dapat membukanya kembali.")

with st.expander("Belum punya format? Unduh template SOP unit ini", icon=":material/description:"):
    st.write("Template berisi indikator dan target unit yang sudah tercatat; isi kolom realisasi, simpan, "
             "lalu unggah di bawah.")
    st.download_button("Unduh template (.xlsx)", lambda: cache.using(template_bytes, unit, tahun, triwulan),
                       file_name=f"template-{unit.lower()}-{tahun}{f'-tw{triwulan}' if triwulan else ''}.xlsx",
                       icon=":material/download:", on_click="ignore")

done = st.session_state.pop("hasil_unggah", None)
if done:
    for result in done:
        if not result.ok:  # refused at Simpan: the quarter was locked or the data changed meanwhile
            st.error(plain(f"{result.plan.filename}: TIDAK tersimpan.\n\n{upload.refusal_text(result.plan.errors)}"),
                     icon=":material/block:")
            continue
        if result.written:
            st.success("\n\n".join(map(plain, result.summary_lines())), icon=":material/check_circle:")
        else:
            st.info("\n\n".join(map(plain, result.summary_lines())), icon=":material/info:")
        changed = result.plan.changes_frame()
        changed = changed[changed["status"] != "sama"]
        if len(changed):  # an empty table would show Streamlit's English "empty"
            st.dataframe(changes_table(changed), hide_index=True, width="stretch")
    st.page_link("pages/ringkasan.py", label="Lihat capaian terbaru di Ringkasan", icon=":material/dashboard:")

files = st.file_uploader(f"Berkas lembar kerja (.xlsx, .xlsm, .xls, .ods, .csv; boleh beberapa; maks. "
                         f"{upload.MAX_BYTES // upload.MEGABYTE} MB per berkas)", type=upload.TYPES,
                         accept_multiple_files=True, max_upload_size=upload.MAX_BYTES // upload.MEGABYTE,
                         key=f"berkas-{st.session_state.get('putaran_unggah', 0)}")
if not files:
    st.info("Pilih unit, tahun dan triwulan, lalu seret berkas ke kotak di atas. Berkas diperiksa dulu; "
            "tidak ada yang tersimpan sebelum Anda menekan Simpan.")
    st.stop()

plans, failed = [], []
progress = st.progress(0.0, text="Membaca berkas…")
for number, berkas in enumerate(files, 1):
    progress.progress((number - 1) / len(files), text=f"Membaca {berkas.name} ({number}/{len(files)})…")
    try:
        plans.append(upload_session.plan_upload(berkas.file_id, berkas.getvalue(), berkas.name, unit, tahun, triwulan))
    except upload.UploadError as exc:
        failed.append(plain(exc))
progress.empty()

for message in failed:
    st.error(message, icon=":material/block:")
edited = []
for number, plan in enumerate(plans):
    st.subheader(plain(plan.filename))
    st.caption(plain(" · ".join(ImportResult(plan).summary_lines()[1:])))
    if upload.refusals(plan.errors):  # a locked quarter, another unit's or year's file: not a cell to fix
        st.error(plain(f"Unggahan ditolak.\n\n{upload.refusal_text(plan.errors)}"), icon=":material/block:")
    if upload.cell_errors(plan.errors):
        errors = upload.cell_errors(plan.errors)
        st.error(f"{len(errors)} kesalahan: berkas ini belum dapat disimpan. Perbaiki sel yang ditandai, "
                 "lalu unggah ulang.", icon=":material/error:")
        widgets.problems_table(upload.problems_frame(errors))
        marked = io.BytesIO()
        annotate_errors(plan.data, plan.filename, plan.problems, marked)
        st.download_button("Unduh berkas dengan sel bermasalah ditandai", marked.getvalue(),
                           file_name=f"perbaiki-{plan.filename.rsplit('.', 1)[0]}.xlsx", type="primary",
                           icon=":material/download:", on_click="ignore", key=f"tandai-{number}")
    if plan.warnings:
        st.warning(f"{len(plan.warnings)} peringatan: tidak menghalangi penyimpanan, tetapi periksa dulu.",
                   icon=":material/warning:")
        widgets.problems_table(upload.problems_frame(plan.warnings))
    if plan.ok and plan.near:
        st.info("Beberapa nama indikator mirip dengan indikator yang sudah tersimpan. Centang 'Sama' hanya bila "
                "indikatornya memang sama dan berganti nama; selain itu disimpan sebagai indikator baru.",
                icon=":material/help:")
        plan = upload_session.renames_editor(plan, key=f"ganti-nama-{number}")
    if plan.ok:
        changes, settings = st.tabs(["Yang akan ditulis", "Pengaturan indikator"])
        with changes:
            frame = plan.changes_frame()
            counts = frame["status"].value_counts()
            st.caption(", ".join(f"{counts.get(s, 0)} {s}" for s in ["baru", "berubah", "dihapus", "sama"]))
            st.dataframe(changes_table(frame), hide_index=True, width="stretch")
        with settings:
            editable = may(akun, "pengaturan_indikator", unit)
            st.caption("Periksa polaritas, cara akumulasi (agregasi) dan konvensi target triwulan; ubah bila "
                       "tebakan dari satuan keliru." if editable else
                       "Pengaturan indikator ditetapkan Perencana atau Sekretariat; beri tahu mereka bila keliru.")
            edited.append((plan, upload_session.settings_editor(plan, key=f"pengaturan-{number}", editable=editable)))

ready = bool(plans) and not failed and all(p.ok for p in plans)
draf = st.toggle("Simpan sebagai draf (belum diajukan ke Sekretariat)")
st.caption(plain(f"Tercatat sebagai pengunggah: {akun.nama}"))
if st.button("Simpan", type="primary", disabled=not ready, icon=":material/save:",
             help=None if ready else "Perbaiki semua kesalahan dulu."):
    st.session_state["hasil_unggah"] = upload_session.confirm_uploads(edited, akun, draf)
    st.session_state["putaran_unggah"] = st.session_state.get("putaran_unggah", 0) + 1
    st.rerun()
