"""First-paint floor (bench/bench_first_paint.py --app kosong): Kinerja's shell as app.py draws it
(page set-up, style sheet and bahasa.js, login by the session cookie, the navigation listing the
account's pages, the sidebar's year and period, the logout button) around an empty page: a title,
nothing read for it. Ringkasan's time above this is the page's own."""
import streamlit as st

from kinerja.web import auth as web_auth
from kinerja.web import navigation as web_navigation
from kinerja.web import widgets

st.set_page_config(page_title="Kinerja", page_icon=":material/monitoring:", layout="wide")
widgets.style()
akun = web_auth.current()
web_auth.sync_cookie()
web_navigation.navigation(akun)  # the menu as app.py lists it; its page is not run
widgets.sidebar()
web_auth.sidebar(akun)
st.title("Kosong")
