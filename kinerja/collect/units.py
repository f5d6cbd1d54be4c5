"""Units of the agency: look a unit up by its code or its name."""
from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from kinerja.names import normalize_name
from kinerja.store.queries import sql

if TYPE_CHECKING:
    import pandas as pd

# Words before a unit's name that a sheet or a title often leaves out ("Mutasi" for "Bidang Mutasi").
TITLE_WORDS = ("bidang ", "subbagian ", "jabatan fungsional ")


class UnknownUnit(ValueError):
    """A unit text that names no unit; the message lists the known codes, in Bahasa Indonesia."""


def resolve_unit(con: duckdb.DuckDBPyConnection, text: str) -> str:
    """The unit code for a code or a name, case-insensitive ("mutasi", "Bidang Mutasi")."""
    wanted = normalize_name(text)
    units = con.execute(sql("units")).fetchall()  # (kode, nama, peran); no pandas for the command line
    for kode, nama, peran in units:
        names = {kode, nama, f"{nama} ({peran})" if peran else nama}
        if wanted in {normalize_name(n) for n in names}:
            return kode
    known = ", ".join(kode for kode, _, _ in units)
    raise UnknownUnit(f"unit '{text}' tidak dikenal. Gunakan salah satu kode: {known}.")


def units_named_in(text: str, units: pd.DataFrame) -> list[str]:
    """Codes of the units a sheet name or a title names, by code or by name with or without its
    "Bidang"/"Subbagian"/"Jabatan Fungsional" (whole words, case-insensitive), in table order.
    `units` is the units query (kode, nama, peran)."""
    words = f" {normalize_name(text)} "
    named = []
    for row in units.itertuples():
        name = normalize_name(row.nama)
        short = name
        for prefix in TITLE_WORDS:
            short = short.removeprefix(prefix)
        if any(f" {form} " in words for form in (row.kode.lower(), name, short)):
            named.append(row.kode)
    return named
