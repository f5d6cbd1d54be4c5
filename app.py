"""Kinerja: the dashboard's entry point: navigation over the pages and the shared sidebar."""
import streamlit as st

from kinerja import web

st.set_page_config(page_title="Kinerja", page_icon=":material/monitoring:", layout="wide")
navigation = st.navigation([
    st.Page("pages/capaian.py", title="Capaian", icon=":material/table_chart:", default=True),
    st.Page("pages/ekspor.py", title="Ekspor", icon=":material/download:"),
])
web.sidebar()
navigation.run()
