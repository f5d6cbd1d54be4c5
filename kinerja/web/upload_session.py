"""The Unggah page's session: a plan per chosen file kept across reruns, settings editor, confirm."""
from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import streamlit as st

from kinerja import vocab
from kinerja.auth import Ditolak
from kinerja.ingest import upload
from kinerja.ingest.plan import ImportResult
from kinerja.model import Problem
from kinerja.present.tables import setting_label
from kinerja.store import db
from kinerja.web.cache import clear_caches, database, using, years


@st.cache_data(show_spinner=False)
def upload_years(path: str) -> list[int]:
    """Years a unit may upload for: those with data and the current and next year, newest first."""
    this_year = date.today().year
    return sorted(set(years(path)) | {this_year, this_year + 1}, reverse=True)


def plan_upload(file_id: str, data: bytes, filename: str, unit: str, tahun: int, triwulan: int | None):
    """upload.plan_upload, kept per user session (a plan holds the file): reruns of the page do
    not read the file again. An UploadError is kept and raised again."""
    plans = st.session_state.setdefault("rencana_unggah", {})
    key = (file_id, unit, tahun, triwulan)
    if key not in plans:
        try:
            plans[key] = using(upload.plan_upload, data, filename, unit, tahun, triwulan)
        except upload.UploadError as exc:
            plans[key] = exc
    if isinstance(plans[key], upload.UploadError):
        raise plans[key]
    return plans[key]


def settings_editor(plan, key: str, editable: bool = True) -> pd.DataFrame:
    """The indicator settings of a plan in a table (editable for accounts that may set them);
    returns the table as edited."""
    return st.data_editor(
        upload.settings(plan), key=key, hide_index=True, width="stretch",
        disabled=["indikator", "satuan", "asal_polaritas", "asal_agregasi"] if editable else True,
        column_config={
            "indikator": st.column_config.TextColumn("Indikator", width="large"),
            "satuan": "Satuan",
            "polaritas": st.column_config.SelectboxColumn("Polaritas", options=vocab.POLARITAS, required=True,
                                                          format_func=lambda v: setting_label("polaritas", v)),
            "agregasi": st.column_config.SelectboxColumn("Agregasi", options=vocab.AGREGASI, required=True,
                                                         format_func=lambda v: setting_label("agregasi", v),
                                                         help="Cara menghitung nilai setahun dari nilai triwulan."),
            "asal_polaritas": st.column_config.TextColumn("Asal polaritas", width="medium"),
            "asal_agregasi": "Asal agregasi",
            "konvensi": st.column_config.SelectboxColumn("Konvensi target triwulan", options=vocab.KONVENSI,
                                                         format_func=lambda v: setting_label("konvensi", v),
                                                         help="Apakah kolom target triwulan berisi target tiap "
                                                              "triwulan atau s.d. triwulan (hanya indikator "
                                                              "kumulatif)."),
        })


def renames_editor(plan, key: str):
    """The preview's "same indicator, renamed?" questions as a table with a checkbox per row;
    returns the plan with the rows the user marked taken as renames."""
    answers = st.data_editor(
        upload.renames(plan), key=key, hide_index=True, width="stretch", disabled=["indikator", "tersimpan"],
        column_order=["indikator", "tersimpan", "sama"],
        column_config={"indikator": st.column_config.TextColumn("Indikator di berkas", width="large"),
                       "tersimpan": st.column_config.TextColumn("Indikator tersimpan", width="large"),
                       "sama": st.column_config.CheckboxColumn("Sama (berganti nama)?")})
    return using(upload.with_renames, plan, answers)


def confirm_uploads(edited: list, akun, draf: bool) -> list:
    """Write each previewed file with the user's settings as `akun`, then let every page show the
    new numbers."""
    results = [confirm_upload(upload.with_settings(plan, table), akun, draf) for plan, table in edited]
    st.session_state.pop("rencana_unggah", None)
    clear_caches()
    return results


def confirm_upload(plan, akun, draf: bool):
    """upload.confirm as `akun`, tried again on a collision; a database that cannot take the save,
    or an account that may not make it, gives a result that is refused with the reason (nothing
    written)."""
    try:
        with db.writing(database()) as con:
            return db.retrying(upload.confirm, con, plan, akun, draf)
    except (db.StoreError, Ditolak) as exc:
        return ImportResult(dataclasses.replace(plan, problems=plan.problems + [
            Problem(plan.filename, None, None, None, str(exc), kind="basis_data")]))
