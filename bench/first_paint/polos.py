"""First-paint floor (bench/bench_first_paint.py --app polos): a bare Streamlit app, a title and one
line, on the same Streamlit and .streamlit/config.toml as Kinerja: Streamlit's own start in a tab."""
import streamlit as st

st.title("Polos")
st.write("Satu baris teks.")
