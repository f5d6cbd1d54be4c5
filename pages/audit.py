"""Audit: every change in the database, who made it (a real account, or the command line), when,
and old -> new; filtered by unit, year, account and action, and downloadable as .xlsx. Read only."""
import streamlit as st

from kinerja.collect import audit
from kinerja.reports.audit import audit_xlsx
from kinerja.web import auth as web_auth
from kinerja.web import cache

akun = web_auth.guard("baca_audit")
st.title("Jejak Audit")
st.caption("Setiap perubahan tercatat dengan akun yang masuk; catatan audit tidak dapat diubah atau dihapus.")
everything = cache.using(audit.trail, akun)
ALL = "Semua"
columns = st.columns(4)
with columns[0]:
    unit = st.selectbox("Unit", [ALL, *sorted(everything["unit"].dropna().unique())], key="audit_unit")
with columns[1]:
    tahun = st.selectbox("Tahun", [ALL, *sorted(everything["tahun"].dropna().astype(int).unique(), reverse=True)],
                         key="audit_tahun")
with columns[2]:
    nama = st.selectbox("Akun", [ALL, *sorted(everything["akun"].unique())], key="audit_akun")
with columns[3]:
    aksi = st.selectbox("Aksi", [ALL, *audit.ACTIONS], format_func=lambda a: audit.ACTIONS.get(a, a),
                        key="audit_aksi")
chosen = cache.using(audit.trail, akun, None if unit == ALL else unit, None if tahun == ALL else int(tahun),
                     None if nama == ALL else nama, None if aksi == ALL else aksi)
st.caption(f"{len(chosen)} perubahan")
shown = chosen.assign(aksi=chosen["aksi"].map(lambda a: audit.ACTIONS.get(a, a)), sumber=chosen["sumber"].str.upper())
st.dataframe(shown.drop(columns=["id"]).rename(columns={
    "pada": "Waktu", "akun": "Akun", "sumber": "Dari", "aksi": "Aksi", "unit": "Unit", "tahun": "Tahun",
    "triwulan": "TW", "objek": "Objek", "lama": "Lama", "baru": "Baru"}), hide_index=True, width="stretch",
    column_config={"Waktu": st.column_config.DatetimeColumn(format="DD-MM-YYYY HH:mm:ss"),
                   "Tahun": st.column_config.NumberColumn(format="%d")})
st.download_button("Unduh (.xlsx)", lambda: audit_xlsx(chosen), file_name="audit-kinerja.xlsx",
                   icon=":material/download:", on_click="ignore")
