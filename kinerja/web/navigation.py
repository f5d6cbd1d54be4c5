"""The dashboard's pages per section, and which of them the navigation lists for an account.

Every page is registered for every session, listed or not: Streamlit answers a URL it has no page
for with its own English "Page not found" dialog. A page the account may not open is registered
hidden, and its own guard (kinerja.web.auth.guard) refuses in Indonesian, naming who may open it;
without an account every URL shows the login form, and after logging in the page asked for.
"""
from __future__ import annotations

import streamlit as st

from kinerja.auth import Akun
from kinerja.web import auth as web_auth

# section: [(file under pages/, title, Material icon, the action the page needs or None)]
SECTIONS = {
    "Capaian": [
        ("ringkasan", "Ringkasan", "dashboard", None),
        ("sasaran", "Sasaran & Indikator", "target", None),
        ("unit", "Unit", "groups", None),
        ("tren", "Tren", "trending_up", None),
        ("data", "Data", "table_chart", None),
    ],
    "Pengumpulan": [
        ("unggah", "Unggah", "upload_file", "unggah"),
        ("pengumpulan", "Register", "fact_check", None),
        ("indikator", "Indikator", "tune", "pengaturan_indikator"),
    ],
    "Evaluasi": [
        ("ekspor", "Ekspor", "download", "ekspor"),
        ("siklus", "Siklus LKjIP", "timeline", "baca_siklus"),
    ],
    "Pengelolaan": [
        ("akun", "Akun", "manage_accounts", "akun"),
        ("audit", "Audit", "history", "baca_audit"),
        ("profil", "Akun saya", "person", None),
    ],
}
DEFAULT = "ringkasan"


def listed(akun: Akun, action: str | None) -> bool:
    """Whether the navigation lists a page needing `action` (None: every account) for the account."""
    return action is None or web_auth.somewhere(akun, action)


def offered(akun: Akun) -> set[str]:
    """The names (files under pages/, no suffix) of the pages the navigation lists for the account."""
    return {name for pages in SECTIONS.values() for name, _, _, action in pages if listed(akun, action)}


def navigation(akun: Akun | None):
    """st.navigation over every page: the account's pages listed by section, the others hidden;
    without an account, the login form at every page's URL. Returns the page to run."""
    if akun is None:
        return st.navigation([st.Page(web_auth.login_page, title="Masuk", icon=":material/login:", default=True),
                              *[st.Page(web_auth.login_page, title="Masuk", url_path=name, visibility="hidden")
                                for pages in SECTIONS.values() for name, *_ in pages if name != DEFAULT]])
    sections = {
        section: [st.Page(f"pages/{name}.py", title=title, icon=f":material/{icon}:", default=name == DEFAULT,
                          visibility="visible" if listed(akun, action) else "hidden")
                  for name, title, icon, action in pages]
        for section, pages in SECTIONS.items()
    }
    # expanded: every listed page, no English "View 3 more" button after the tenth
    return st.navigation(sections, expanded=True)
