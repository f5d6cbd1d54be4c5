"""Kinerja: the dashboard's entry point: login, then the navigation listing the pages the account's
roles may open (kinerja.web.navigation), and the shared sidebar. Every page has its URL for every
account; a page the account may not open refuses in Indonesian itself (web_auth.guard)."""
import streamlit as st

from kinerja.web import auth as web_auth
from kinerja.web import cache, widgets
from kinerja.web import navigation as web_navigation

st.set_page_config(page_title="Kinerja", page_icon=":material/monitoring:", layout="wide")


def main() -> None:
    """Login, then the pages the account's roles may open, and the shared sidebar."""
    widgets.style()
    akun = web_auth.current()
    web_auth.sync_cookie()
    navigation = web_navigation.navigation(akun)
    if akun is None:
        navigation.run()
        st.stop()
    widgets.sidebar()
    web_auth.sidebar(akun)
    navigation.run()


try:
    main()
except cache.FAULTS as exc:  # a damaged, missing, full or busy database: say what to do, no traceback
    cache.fault(exc)
