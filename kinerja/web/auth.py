"""Login for the dashboard: who is using this browser session, and what they may see.

Embedded login (default): accounts in the database (kinerja.accounts), checked with argon2; the
session lives in Streamlit's session state and ends after KINERJA_SESI_MENIT minutes without
activity (default 30), on logout, or when the page is reloaded. Every run reloads the account's
roles from the database, so a deactivated account or a changed role takes effect at once.

Office identity provider: when `.streamlit/secrets.toml` has an [auth] section, Streamlit's own
st.login (OpenID Connect) replaces the form; the provider's e-mail address must be the login name of
an account here, which gives the roles (see README, "Akun dan peran").
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta

import streamlit as st

from kinerja.auth import ROLES, Akun, Ditolak, may, require
from kinerja.collect import accounts
from kinerja.web.cache import cursor
from kinerja.web.text import plain

NAME = "akun_nama"
SEEN = "akun_aktif_pada"
CURRENT = "akun_kini"


def idle_limit() -> timedelta:
    return timedelta(minutes=int(os.environ.get("KINERJA_SESI_MENIT", "30")))


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return False


def current() -> Akun | None:
    """The logged-in account of this session with its current roles, or None (not logged in,
    expired, deactivated). Called once per run by app.py; pages use `account()`."""
    if oidc_configured():
        akun = oidc_account()
    else:
        akun = session_account()
    st.session_state[CURRENT] = akun
    return akun


def session_account() -> Akun | None:
    name, seen = st.session_state.get(NAME), st.session_state.get(SEEN)
    if not name:
        return None
    now = datetime.now()
    if seen is None or now - seen > idle_limit():
        end_session()
        st.session_state["sesi_habis"] = True
        return None
    akun = accounts.load(cursor(), name)
    if akun is None:
        end_session()
        return None
    st.session_state[SEEN] = now
    return akun


def oidc_account() -> Akun | None:
    if not st.user.is_logged_in:
        return None
    return accounts.load(cursor(), str(st.user.get("email") or "").strip().lower())


def account() -> Akun | None:
    """The account app.py found for this run."""
    return st.session_state.get(CURRENT)


def end_session() -> None:
    for key in (NAME, SEEN, CURRENT):
        st.session_state.pop(key, None)
    st.session_state.pop("rencana_unggah", None)


def login_page() -> None:
    """The only page without an account: the login form (or the identity provider's button)."""
    st.title("Masuk ke Kinerja")
    st.caption("Data kinerja SAKIP BKPSDM Kota Samarinda. Masuk dengan akun yang dibuat Sekretariat.")
    if oidc_configured():
        if st.user.is_logged_in:
            st.error("Akun Anda belum terdaftar di Kinerja. Minta Sekretariat membuat akun dengan nama "
                     "sesuai alamat surel Anda.")
            st.button("Keluar", on_click=st.logout)
        else:
            st.button("Masuk dengan akun kantor", type="primary", on_click=st.login)
        return
    if st.session_state.pop("sesi_habis", False):
        st.info("Sesi Anda berakhir karena tidak ada aktivitas. Silakan masuk lagi.")
    if not accounts.count(cursor()):
        st.warning("Belum ada akun. Buat akun Sekretariat pertama di server dengan perintah "
                   "`kinerja akun tambah --nama NAMA --peran sekretariat`, lalu masuk di sini.")
    with st.form("masuk"):
        nama = st.text_input("Nama akun", autocomplete="username")
        sandi = st.text_input("Sandi", type="password", autocomplete="current-password")
        sent = st.form_submit_button("Masuk", type="primary")
    if sent:
        try:
            akun = accounts.authenticate(cursor(), nama, sandi)
        except accounts.LoginError as exc:
            st.error(str(exc))
            return
        st.session_state[NAME] = akun.nama
        st.session_state[SEEN] = datetime.now()
        st.rerun()


def sidebar(akun: Akun) -> None:
    """Who is logged in, and the logout button."""
    roles = ", ".join(ROLES[p] for p in sorted(akun.peran))
    units = f" · {', '.join(sorted(akun.unit))}" if akun.unit else ""
    st.sidebar.caption(plain(f"Masuk sebagai {akun.nama} ({roles}{units})"))
    if oidc_configured():
        st.sidebar.button("Keluar", on_click=st.logout, icon=":material/logout:")
    elif st.sidebar.button("Keluar", icon=":material/logout:"):
        end_session()
        st.rerun()


def somewhere(akun: Akun | None, action: str) -> bool:
    """Whether the account may take `action` for all units or at least one of its own."""
    return akun is not None and (may(akun, action) or any(may(akun, action, u) for u in akun.unit))


def guard(action: str) -> Akun:
    """The top of a page that needs `action` (for some unit): the account, or the page says why
    not and stops (a page reached without the right role shows nothing else)."""
    akun = account()
    if not somewhere(akun, action):
        try:
            require(akun, action)
        except Ditolak as exc:
            st.error(plain(exc), icon=":material/block:")
        st.stop()
    return akun


def units_for(akun: Akun, action: str, units) -> list[str]:
    """The unit codes among `units` for which the account may take `action`."""
    return [u for u in units if may(akun, action, u)]
