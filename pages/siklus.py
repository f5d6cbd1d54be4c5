"""Siklus LKjIP: the SOP's eleven steps of the year at one glance (where the LKjIP is, what is late
against the plan and the report's due date), and the Sekretariat's and Jafung Perencana's actions
on each step: documents, the analysis, the meeting, the draft, the signature, the surat pengantar."""
from datetime import date

import streamlit as st

from kinerja.auth import may
from kinerja.collect import siklus
from kinerja.present import siklus as tampil
from kinerja.reports import siklus as dokumen_siklus
from kinerja.reports.lkjip import TemplateError
from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets
from kinerja.web.text import plain

akun = web_auth.guard("baca_siklus")
path, tahun, _ = widgets.page("Siklus LKjIP")
today = date.today()
steps, posisi, pengaturan = cache.siklus(path, tahun, today)
glance = tampil.ringkas(steps, posisi, today)


def done(refused: str | None, success: str, advance: bool = False) -> None:
    """Say why a write was refused, or rerun with the new state (`advance`: the step chooser then
    shows the step that is now current)."""
    if refused:
        st.error(refused, icon=":material/block:")
    else:
        st.session_state["siklus_pesan"] = success
        if advance:
            widgets.forget_choice("langkah")
        st.rerun()


# --------------------------------------------------------------------------- the glance
tiles = st.columns(3)
tiles[0].metric("Posisi sekarang", glance["sekarang"], border=True)
tiles[1].metric("Langkah selesai", glance["kemajuan"], border=True)
tiles[2].metric(f"Tenggat laporan {tahun}", glance["tenggat"], border=True,
                help="Bawaan: dua bulan setelah tahun anggaran berakhir (PP 8/2006, PermenPAN-RB 53/2014); "
                     "Sekretariat dapat mengaturnya.")
st.markdown(f"**{plain(glance['uraian'])}**" + (f" · tenggat {glance['sisa']}" if glance["sisa"] else ""))
st.progress(posisi["selesai"] / len(steps))
if glance["ditandatangani"]:
    st.success(plain(f"LKjIP {tahun} {glance['ditandatangani'][0].lower()}{glance['ditandatangani'][1:]}. "
                     f"Data tahun {tahun} hanya dapat dibaca."), icon=":material/lock:")
if posisi["lewat_tenggat"]:
    st.error(f"Tenggat laporan {tampil.tanggal(posisi['tenggat_laporan'])} sudah lewat dan siklus belum selesai.",
             icon=":material/alarm:")
for line in glance["terlambat"]:
    st.warning(plain(f"Terlambat dari rencana: {line}"), icon=":material/schedule:")
if "siklus_pesan" in st.session_state:
    st.success(st.session_state.pop("siklus_pesan"))
timeline = tampil.timeline(steps, posisi, pengaturan["satuan_waktu"])
# The key columns in the table, every one visible at 1366 px; on a phone (style.css: "layar-hp" instead
# of "layar-lebar") the three that fit 390 px; the SOP's details below it, on request.
every_step = 35 * (len(steps) + 1) + 3  # every step without scrolling
with st.container(key="layar-lebar"):
    st.dataframe(timeline[tampil.TIMELINE_KEY], hide_index=True, width="stretch", height=every_step,
                 column_config={"No": st.column_config.NumberColumn(width=40), "Keadaan": st.column_config.TextColumn(
                     width=80), "Langkah": st.column_config.TextColumn(width="large"),
                     "Dokumen": st.column_config.NumberColumn(width=80)})
with st.container(key="layar-hp"):
    st.dataframe(timeline[tampil.TIMELINE_PHONE], hide_index=True, width="stretch", height=every_step,
                 column_config={"No": st.column_config.NumberColumn(width=36), "Keadaan": st.column_config.TextColumn(
                     width=76), "Langkah": st.column_config.TextColumn(width=200)})
    st.caption("Kolom Rencana, Selesai, Oleh dan Dokumen tampil di layar yang lebih lebar; tanggal selesai dan "
               "pencatatnya juga pada langkah yang dipilih di bawah.")
with st.expander("Pelaksana dan mutu baku tiap langkah (SOP)"):
    st.dataframe(timeline[tampil.TIMELINE_SOP], hide_index=True, width="stretch",
                 column_config={"No": st.column_config.NumberColumn(width=40)})

# --------------------------------------------------------------------------- acting on the steps
names = {int(n): f"{n}. {u}" for n, u in zip(steps["nomor"], steps["uraian"])}
step_tab, analysis_tab, meeting_tab, docs_tab, settings_tab = st.tabs(
    ["Langkah", "Analisis kinerja", "Rapat finalisasi", "Dokumen", "Pengaturan"])

with step_tab:
    nomor = int(widgets.choose("Langkah", names, "langkah", default=posisi["sekarang"] or 11))
    row = steps.set_index("nomor").loc[nomor]
    acts = may(akun, siklus.AKSI[nomor])
    st.markdown(f"**{plain(row['uraian'])}** · pelaksana: {tampil.pelaksana_text(row['pelaksana'])}")
    if row["status"] == "selesai":
        st.success(plain(f"Selesai {tampil.tanggal(row['pada'])} oleh {row['oleh']}"
                         + (f" — {row['catatan']}" if row["catatan"] else "")))
    elif row["status"] == "dibuka_kembali":
        st.warning(plain(f"Dibuka kembali oleh {row['oleh']}: {row['catatan']}"))
    if not acts:
        st.caption("Langkah ini dicatat oleh Sekretariat" + (" atau Jafung Perencana." if siklus.AKSI[nomor] == "siklus"
                                                            else " atau Pimpinan."))
    elif nomor == 2:
        st.write("Membuat format pengumpulan setiap unit untuk tahun ini sebagai satu berkas zip, menyimpannya "
                 "sebagai dokumen langkah ini, lalu menandai langkah selesai.")
        if st.button("Buat format semua unit dan selesaikan", icon=":material/folder_zip:",
                     disabled=row["status"] == "selesai"):
            done(cache.write(dokumen_siklus.sampaikan_format, tahun, akun), "Format semua unit tersimpan.", True)
    elif nomor == 11:
        tujuan = st.text_area("Tujuan surat", dokumen_siklus.TUJUAN)
        tanggal_surat = st.date_input("Tanggal surat", today, format="DD-MM-YYYY")
        if st.button("Buat surat pengantar bernomor", icon=":material/mail:", disabled=row["status"] == "selesai"):
            done(cache.write(dokumen_siklus.buat_surat_pengantar, tahun, akun, tanggal_surat, tujuan,
                             errors=(TemplateError,)), "Surat pengantar bernomor tersimpan.", True)
    else:
        if nomor == 5:
            st.write("Draft Bab III berisi tabel capaian dan analisis Jafung Perencana; setiap pembuatan menjadi "
                     "versi baru.")
            if st.button("Buat draft Bab III (versi baru)", icon=":material/description:"):
                done(cache.write(dokumen_siklus.buat_draf, tahun, akun, errors=(TemplateError,)),
                     "Draft Bab III tersimpan sebagai versi baru.")
        kinds = siklus.DOKUMEN[nomor]
        with st.form(f"dokumen-{nomor}", clear_on_submit=True):
            jenis = st.selectbox("Jenis dokumen", list(kinds), format_func=siklus.DOKUMEN_TEKS.get)
            berkas = st.file_uploader("Salinan lunak", type=sorted({t for ts in kinds.values() for t in ts}))
            komentar = st.text_area("Komentar koreksi (wajib)" if nomor == 6 else "Komentar")
            if st.form_submit_button("Lampirkan dokumen") and berkas is not None:
                done(cache.write(siklus.lampirkan, tahun, nomor, jenis, berkas.name, berkas.getvalue(), akun,
                                 komentar), "Dokumen tersimpan.")
    if acts and nomor not in (2, 11) and row["status"] != "selesai":
        reason = cache.siklus_alasan(path, tahun, nomor)
        if reason:
            st.info(plain(reason), icon=":material/info:")
        catatan = st.text_input("Catatan (mis. nomor surat)", key=f"catatan-{nomor}")
        if st.button("Tandai langkah selesai", disabled=bool(reason), icon=":material/task_alt:"):
            done(cache.write(siklus.selesaikan, tahun, nomor, akun, catatan), f"Langkah {nomor} selesai.", True)
    if posisi["ditandatangani"] and may(akun, "buka_tahun"):
        with st.expander("Buka kembali LKjIP yang sudah ditandatangani"):
            alasan = st.text_area("Alasan (wajib, tercatat)", key="alasan-buka")
            if st.button("Buka kembali tahun ini", icon=":material/lock_open:"):
                done(cache.write(siklus.buka_kembali, tahun, akun, alasan), f"Data {tahun} dapat diubah lagi.", True)

with analysis_tab:
    indicators, written = cache.siklus_analisis(path, tahun)
    if indicators.empty:
        st.info(f"Belum ada indikator dengan target tahun {tahun}.")
    else:
        st.caption(f"{int(indicators['penyebab'].notna().sum())} dari {len(indicators)} indikator sudah dianalisis. "
                   "Analisis masuk ke draft Bab III menggantikan penanda analisis.")
        sasaran = widgets.choose("Sasaran", {s: s for s in dict.fromkeys(indicators["sasaran"])}, "sasaran_analisis")
        own = indicators[indicators["sasaran"] == sasaran]
        targets = {0: "Analisis sasaran ini"} | {int(i): f"{u} · {n}" for i, u, n in
                                                  zip(own["indikator_id"], own["unit"], own["indikator"])}
        target = int(widgets.choose("Indikator", targets, "indikator_analisis"))
        if target:
            current = own.set_index("indikator_id").loc[target].to_dict()
        else:
            mine = written[(written["sasaran"] == sasaran) & written["indikator_id"].isna()]
            current = mine.iloc[0].to_dict() if len(mine) else {}
        editable = may(akun, "analisis")
        with st.form("analisis"):
            typed = {k: st.text_area(label, current.get(k) if isinstance(current.get(k), str) else "",
                                     disabled=not editable) for k, label in siklus.ANALISIS_TEKS.items()}
            if st.form_submit_button("Simpan analisis", disabled=not editable):
                done(cache.write(siklus.simpan_analisis, tahun, sasaran, target or None, akun, **typed),
                     "Analisis tersimpan.")
        if isinstance(current.get("oleh"), str):
            st.caption(plain(f"Terakhir ditulis oleh {current['oleh']} pada {tampil.tanggal(current['pada'])}."))
        if not editable:
            st.caption("Analisis ditulis oleh Jafung Perencana.")

with meeting_tab:
    st.write("Rapat finalisasi (langkah 7) hanya dapat diselesaikan bila semua triwulan sudah diverifikasi.")
    if may(akun, "siklus"):
        with st.form("rapat", clear_on_submit=True):
            tanggal_rapat = st.date_input("Tanggal rapat", today, format="DD-MM-YYYY")
            notulen = st.text_area("Notulen")
            hadir = st.text_area("Daftar hadir (satu nama per baris)")
            if st.form_submit_button("Catat rapat"):
                done(cache.write(siklus.catat_rapat, tahun, tanggal_rapat, notulen, hadir, akun), "Rapat tercatat.")
    for meeting in cache.siklus_rapat(path, tahun).itertuples():
        with st.expander(plain(f"Rapat {tampil.tanggal(meeting.tanggal)} · dicatat oleh {meeting.oleh}")):
            st.text(meeting.notulen)
            st.caption("Hadir: " + plain(", ".join(meeting.hadir.splitlines())))

with docs_tab:
    docs = cache.siklus_dokumen(path, tahun)
    if docs.empty:
        st.info("Belum ada dokumen untuk siklus tahun ini.")
    else:
        st.dataframe(tampil.dokumen_table(docs), hide_index=True, width="stretch")
        for item in docs.itertuples():
            st.download_button(plain(f"Unduh langkah {item.nomor} · {item.nama_berkas} (versi {item.versi})"),
                               lambda item=item: cache.siklus_isi(akun, item.id), file_name=item.nama_berkas,
                               mime=item.mime, icon=":material/download:", on_click="ignore", key=f"dok-{item.id}")
    letters = cache.nomor_surat(path, tahun)
    if len(letters):
        st.caption("Register nomor surat " + str(tahun) + ": "
                   + plain("; ".join(f"{r.nomor} ({r.perihal})" for r in letters.itertuples())))

with settings_tab:
    editable = may(akun, "siklus_atur")
    with st.form("pengaturan_siklus"):
        tenggat = st.date_input("Tenggat laporan", pengaturan["tenggat_laporan"], format="DD-MM-YYYY",
                                disabled=not editable)
        satuan = st.selectbox("Satuan waktu mutu baku", [None, *siklus.SATUAN_WAKTU],
                              index=([None, *siklus.SATUAN_WAKTU]).index(pengaturan["satuan_waktu"]),
                              format_func=lambda s: s or "(belum diatur)", disabled=not editable)
        if st.form_submit_button("Simpan pengaturan", disabled=not editable):
            chosen = None if tenggat == siklus.tenggat_bawaan(tahun) else tenggat
            done(cache.write(siklus.atur_tahun, tahun, akun, chosen, satuan), "Pengaturan tersimpan.")
    edit = int(widgets.choose("Ubah langkah", names, "ubah_langkah"))
    current = steps.set_index("nomor").loc[edit]
    with st.form("ubah_langkah_form"):
        fields = {
            "uraian": st.text_input("Uraian", current["uraian"], disabled=not editable),
            "pelaksana": ",".join(st.multiselect(
                "Pelaksana", list(siklus.PELAKSANA), [c for c in current["pelaksana"].split(",") if c],
                format_func=siklus.PELAKSANA.get, disabled=not editable)),
            "kelengkapan": st.text_input("Kelengkapan", current["kelengkapan"] or "", disabled=not editable),
            "waktu": st.number_input("Waktu", min_value=0, value=int(current["waktu"]), step=1, disabled=not editable),
            "output": st.text_input("Output", current["output"] or "", disabled=not editable),
            "rencana_mulai": st.date_input("Rencana mulai", tampil.date_or_none(current["rencana_mulai"]),
                                           format="DD-MM-YYYY", disabled=not editable),
            "rencana_selesai": st.date_input("Rencana selesai", tampil.date_or_none(current["rencana_selesai"]),
                                             format="DD-MM-YYYY", disabled=not editable),
            "arsip_fisik": st.text_input("Letak arsip fisik (hard copy)", current["arsip_fisik"] or "",
                                         disabled=not editable),
        }
        if st.form_submit_button("Simpan langkah", disabled=not editable):
            done(cache.write(siklus.ubah_langkah, tahun, edit, akun, **fields), f"Langkah {edit} tersimpan.")
    if not editable:
        st.caption("Langkah, rencana dan tenggat diatur oleh Sekretariat.")
