"""Kinerja: the dashboard's entry point: navigation over the pages and the shared sidebar."""
import streamlit as st

from kinerja.web import cache, widgets

st.set_page_config(page_title="Kinerja", page_icon=":material/monitoring:", layout="wide")
navigation = st.navigation({
    "Capaian": [
        st.Page("pages/ringkasan.py", title="Ringkasan", icon=":material/dashboard:", default=True),
        st.Page("pages/sasaran.py", title="Sasaran & Indikator", icon=":material/target:"),
        st.Page("pages/unit.py", title="Unit", icon=":material/groups:"),
        st.Page("pages/tren.py", title="Tren", icon=":material/trending_up:"),
        st.Page("pages/data.py", title="Data", icon=":material/table_chart:"),
    ],
    "Pengumpulan": [
        st.Page("pages/unggah.py", title="Unggah", icon=":material/upload_file:"),
        st.Page("pages/pengumpulan.py", title="Register", icon=":material/fact_check:"),
        st.Page("pages/indikator.py", title="Indikator", icon=":material/tune:"),
    ],
    "Evaluasi": [
        st.Page("pages/ekspor.py", title="Ekspor", icon=":material/download:"),
    ],
})
try:
    widgets.sidebar()
    navigation.run()
except cache.FAULTS as exc:  # a damaged, missing, full or busy database: say what to do, no traceback
    cache.fault(exc)
