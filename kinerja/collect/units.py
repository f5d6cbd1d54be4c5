"""Units of the agency: look a unit up by its code or its name."""
from __future__ import annotations

import duckdb

from kinerja.names import normalize_name
from kinerja.store.queries import run


class UnknownUnit(ValueError):
    pass


def resolve_unit(con: duckdb.DuckDBPyConnection, text: str) -> str:
    """The unit code for a code or a name, case-insensitive ("mutasi", "Bidang Mutasi")."""
    wanted = normalize_name(text)
    units = run(con, "units")
    for row in units.itertuples():
        names = {row.kode, row.nama, f"{row.nama} ({row.peran})" if row.peran else row.nama}
        if wanted in {normalize_name(n) for n in names}:
            return row.kode
    known = ", ".join(units["kode"])
    raise UnknownUnit(f"unit '{text}' tidak dikenal. Gunakan salah satu kode: {known}.")
