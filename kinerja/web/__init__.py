"""The only Streamlit code: cached queries, shared widgets and sidebar, the upload session."""
