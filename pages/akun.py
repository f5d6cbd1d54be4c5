"""Akun: the Sekretariat creates accounts, sets their roles and units, resets passwords and
deactivates accounts. Every change is checked again in kinerja.accounts and audited."""
import streamlit as st

from kinerja.auth import ROLES
from kinerja.collect import accounts
from kinerja.web import auth as web_auth
from kinerja.web import cache
from kinerja.web.text import plain

akun = web_auth.guard("akun")
st.title("Akun Pengguna")
path = cache.database()
units = cache.units(path)
unit_names = dict(zip(units["kode"], units["nama"]))
listed = cache.using(accounts.accounts)
st.dataframe(listed.rename(columns={
    "nama": "Nama akun", "nama_lengkap": "Nama lengkap", "peran": "Peran", "unit": "Unit", "aktif": "Aktif",
    "terkunci_sampai": "Terkunci sampai", "dibuat_pada": "Dibuat", "dibuat_oleh": "Dibuat oleh"}),
    hide_index=True, width="stretch",
    column_config={c: st.column_config.DatetimeColumn(format="DD-MM-YYYY HH:mm") for c in ("Terkunci sampai",
                                                                                            "Dibuat")})


def done(message: str) -> None:
    st.session_state["akun_pesan"] = message
    st.rerun()


def attempt(action, *args, message: str) -> None:
    refused = cache.write(action, *args, errors=(accounts.AccountError,))
    if refused:
        st.error(refused)
    else:
        done(message)


if "akun_pesan" in st.session_state:
    st.success(plain(st.session_state.pop("akun_pesan")))

new_tab, change_tab = st.tabs(["Tambah akun", "Ubah akun"])
with new_tab:
    with st.form("akun_baru", clear_on_submit=False):
        nama = st.text_input("Nama akun (untuk masuk)", help="Huruf kecil, angka, titik, garis bawah, tanda hubung.")
        lengkap = st.text_input("Nama lengkap dan jabatan")
        peran = st.multiselect("Peran", list(ROLES), format_func=ROLES.get, placeholder="Pilih peran")
        unit = st.multiselect("Unit (untuk operator)", list(unit_names), format_func=unit_names.get)
        sandi = st.text_input("Sandi awal (minimal 10 karakter; sampaikan langsung kepada pemilik akun)",
                              type="password", autocomplete="new-password")
        if st.form_submit_button("Buat akun", type="primary"):
            attempt(accounts.create, akun, nama.strip().lower(), sandi, peran, unit, lengkap,
                    message=f"Akun {nama.strip().lower()} dibuat.")

with change_tab:
    if listed.empty:
        st.info("Belum ada akun.")
    else:
        chosen = st.selectbox("Akun", listed["nama"].tolist())
        row = listed.set_index("nama").loc[chosen]
        current_roles, current_units = cache.using(accounts.roles_of, chosen)
        with st.form("akun_peran"):
            peran = st.multiselect("Peran", list(ROLES), default=sorted(current_roles), format_func=ROLES.get,
                                   placeholder="Pilih peran")
            unit = st.multiselect("Unit (untuk operator)", list(unit_names), default=sorted(current_units),
                                  format_func=unit_names.get)
            if st.form_submit_button("Simpan peran dan unit"):
                attempt(accounts.set_roles, akun, chosen, peran, unit, message=f"Peran akun {chosen} diperbarui.")
        with st.form("akun_sandi"):
            sandi = st.text_input("Sandi baru (juga membuka kunci akun)", type="password", autocomplete="new-password")
            if st.form_submit_button("Atur ulang sandi"):
                attempt(accounts.reset_password, akun, chosen, sandi, message=f"Sandi akun {chosen} diatur ulang.")
        if bool(row["aktif"]):
            if st.button("Nonaktifkan akun", icon=":material/person_off:"):
                attempt(accounts.set_active, akun, chosen, False, message=f"Akun {chosen} dinonaktifkan.")
        elif st.button("Aktifkan kembali", icon=":material/person:"):
            attempt(accounts.set_active, akun, chosen, True, message=f"Akun {chosen} diaktifkan.")
