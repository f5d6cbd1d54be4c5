"""Kinerja: the domain core of the SAKIP performance dashboard (no Streamlit here)."""
