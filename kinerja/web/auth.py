"""Login for the dashboard: who is using this browser session, and what they may see.

Embedded login (default): accounts in the database (kinerja.collect.accounts), checked with
argon2. A login starts a session in the database whose random token the browser keeps in a cookie
(SameSite=Strict; Secure over HTTPS), so a reload or a link keeps the login; it ends after
KINERJA_SESI_MENIT minutes without activity (default 30), after 12 hours, on logout, or when the
password changes or the account is deactivated. Every run reloads the account's roles from the
database, so a changed role takes effect at once.

Office identity provider: when `.streamlit/secrets.toml` has an [auth] section, Streamlit's own
st.login (OpenID Connect) replaces the form; the provider's e-mail address must be the login name of
an account here, which gives the roles (see README, "Akun dan peran").
"""
from __future__ import annotations

import json
import os
from datetime import timedelta

import streamlit as st

from kinerja.auth import ROLES, Akun, Ditolak, may, require
from kinerja.collect import accounts
from kinerja.web.cache import using
from kinerja.web.text import plain

TOKEN = "sesi_token"
CURRENT = "akun_kini"
COOKIE = "kinerja_sesi"


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


def browser_cookie() -> str | None:
    cookie = st.context.cookies.get(COOKIE)
    return cookie if isinstance(cookie, str) else None  # no browser (AppTest) has no cookies


def session_account() -> Akun | None:
    cookie = browser_cookie()
    # The browser's cookies are read when the page opens: after a logout, the old one is ignored.
    token = st.session_state.get(TOKEN) or (cookie if cookie != st.session_state.get("cookie_lama") else None)
    if not token:
        return None
    akun = using(accounts.resume_session, token, idle_limit())
    if akun is None:
        end_session()
        st.session_state["sesi_habis"] = True
        return None
    st.session_state[TOKEN] = token
    return akun


def oidc_account() -> Akun | None:
    if not st.user.is_logged_in:
        return None
    return using(accounts.load, str(st.user.get("email") or "").strip().lower())


def account() -> Akun | None:
    """The account app.py found for this run."""
    return st.session_state.get(CURRENT)


def end_session() -> None:
    """Forget this browser's session (the database row too) and clear the cookie on the next run."""
    token = st.session_state.pop(TOKEN, None) or browser_cookie()
    if token:
        using(accounts.end_session, token)
        st.session_state["cookie"] = None
        st.session_state["cookie_lama"] = token
    for key in (CURRENT, "rencana_unggah"):
        st.session_state.pop(key, None)


def sync_cookie() -> None:
    """Write or clear the session cookie that a login or logout of the previous run asked for
    (a script in the page, in a container style.css hides: Streamlit gives the page no other way to set
    a cookie, so it cannot be HttpOnly)."""
    if "cookie" not in st.session_state:
        return
    token = st.session_state.pop("cookie")
    value = json.dumps(f"{COOKIE}={token or ''}; path=/; SameSite=Strict; max-age="
                       f"{int(accounts.LONGEST.total_seconds()) if token else 0}")
    with st.container(key="kuki"):
        st.html(f"<script>document.cookie = {value} + (location.protocol === 'https:' ? '; Secure' : '');"
                "</script>", unsafe_allow_javascript=True)


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
        st.info("Sesi Anda berakhir (lama tidak ada aktivitas, atau sandi diganti). Silakan masuk lagi.")
    if not using(accounts.count):
        st.warning("Belum ada akun. Buat akun Sekretariat pertama di server dengan perintah "
                   "`kinerja akun tambah --nama NAMA --peran sekretariat`, lalu masuk di sini.")
    with st.form("masuk"):
        nama = st.text_input("Nama akun", autocomplete="username")
        sandi = st.text_input("Sandi", type="password", autocomplete="current-password")
        sent = st.form_submit_button("Masuk", type="primary")
    if sent:
        try:
            akun = using(accounts.authenticate, nama, sandi)
        except accounts.LoginError as exc:
            st.error(plain(exc))
            return
        token = using(accounts.start_session, akun)
        st.session_state[TOKEN] = st.session_state["cookie"] = token
        st.session_state.pop("sesi_habis", None)
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
        st.session_state.pop("sesi_habis", None)
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
