"""Akun saya: the logged-in account and its password change."""
import streamlit as st

from kinerja.auth import ROLES
from kinerja.collect import accounts
from kinerja.web import auth as web_auth
from kinerja.web import cache
from kinerja.web.text import plain

akun = web_auth.account()
st.title("Akun Saya")
st.write(plain(f"Nama akun: {akun.nama}. Peran: {', '.join(ROLES[p] for p in sorted(akun.peran))}"
                   + (f". Unit: {', '.join(sorted(akun.unit))}." if akun.unit else ".")))
with st.form("ganti_sandi", clear_on_submit=True):
    lama = st.text_input("Sandi sekarang", type="password", autocomplete="current-password")
    baru = st.text_input("Sandi baru (minimal 10 karakter)", type="password", autocomplete="new-password")
    ulang = st.text_input("Ulangi sandi baru", type="password", autocomplete="new-password")
    if st.form_submit_button("Ganti sandi", type="primary"):
        if baru != ulang:
            st.error("Sandi baru dan ulangannya berbeda.")
        else:
            refused = cache.write(accounts.change_password, akun, lama, baru, errors=(accounts.AccountError,))
            if refused:
                st.error(refused)
            else:
                st.success("Sandi diganti.")
