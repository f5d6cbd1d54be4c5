"""Kinerja: the dashboard's entry point: login, then navigation over the pages the account's roles
may open (kinerja.auth), and the shared sidebar. A page left out of the navigation cannot be reached
by its URL either; the restricted pages check the role again themselves (web_auth.guard)."""
import streamlit as st

from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets

st.set_page_config(page_title="Kinerja", page_icon=":material/monitoring:", layout="wide")


def main() -> None:
    """Login, then the pages the account's roles may open, and the shared sidebar."""
    widgets.style()
    akun = web_auth.current()
    web_auth.sync_cookie()
    if akun is None:
        st.navigation([st.Page(web_auth.login_page, title="Masuk", icon=":material/login:")]).run()
        st.stop()

    def allowed(action: str) -> bool:
        return web_auth.somewhere(akun, action)

    sections = {
        "Capaian": [
            st.Page("pages/ringkasan.py", title="Ringkasan", icon=":material/dashboard:", default=True),
            st.Page("pages/sasaran.py", title="Sasaran & Indikator", icon=":material/target:"),
            st.Page("pages/unit.py", title="Unit", icon=":material/groups:"),
            st.Page("pages/tren.py", title="Tren", icon=":material/trending_up:"),
            st.Page("pages/data.py", title="Data", icon=":material/table_chart:"),
        ],
        "Pengumpulan": [
            *([st.Page("pages/unggah.py", title="Unggah", icon=":material/upload_file:")] if allowed("unggah") else []),
            st.Page("pages/pengumpulan.py", title="Register", icon=":material/fact_check:"),
            *([st.Page("pages/indikator.py", title="Indikator", icon=":material/tune:")]
              if allowed("pengaturan_indikator") else []),
        ],
        "Evaluasi": [
            *([st.Page("pages/ekspor.py", title="Ekspor", icon=":material/download:")] if allowed("ekspor") else []),
            *([st.Page("pages/siklus.py", title="Siklus LKjIP", icon=":material/timeline:")]
              if allowed("baca_siklus") else []),
        ],
        "Pengelolaan": [
            *([st.Page("pages/akun.py", title="Akun", icon=":material/manage_accounts:")] if allowed("akun") else []),
            *([st.Page("pages/audit.py", title="Audit", icon=":material/history:")] if allowed("baca_audit") else []),
            st.Page("pages/profil.py", title="Akun saya", icon=":material/person:"),
        ],
    }
    navigation = st.navigation({name: pages for name, pages in sections.items() if pages})
    widgets.sidebar()
    web_auth.sidebar(akun)
    navigation.run()


try:
    main()
except cache.FAULTS as exc:  # a damaged, missing, full or busy database: say what to do, no traceback
    cache.fault(exc)
