"""The capaian table kept in the database, for outputs formatted there (`kinerja capaian`): the rows
of the stored capaian (queries/engine/capaian_tabel.sql, kept from capaian.sql by
kinerja.store.materialised) with their plausibility flags, without a DataFrame (the command
line loads no pandas). kinerja.engine.capaian.capaian gives the same rows as a DataFrame.
"""
from __future__ import annotations

import duckdb

from kinerja.plausibility import reasons
from kinerja.store.queries import sql

TABLE = "capaian_hasil"

# The columns of the `kinerja capaian` contract (spec/cli.md), in this order.
CONTRACT_COLUMNS = ["unit", "sasaran", "indikator", "satuan", "polaritas", "agregasi", "target",
                    "realisasi", "capaian_persen", "kategori"]


# what the plausibility flags and the keterangan need besides the columns asked for
NEEDED = ["realisasi", "target_bawah", "target_atas", "satuan", "capaian_persen", "status_data", "keterangan"]


def capaian_tabel(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None,
                  unit: str | None = None, columns: list[str] | None = None) -> str:
    """Compute capaian into the temporary table capaian_hasil of `con` and return the SQL of a
    relation (parenthesised) over it, one row per indicator in the order of capaian():
    _baris (that order), the columns of the stored capaian (those in `columns`, when
    given, and what the flags need), with `keterangan` ending in the plausibility flags as
    capaian() has it, and periksa ("" or "periksa satuan/format: …")."""
    params = {"tahun": tahun, "periode": triwulan or 0, "unit": unit, "sasaran": None, "indikator": None}
    kept = "*" if columns is None else ", ".join(f'"{c}"' for c in dict.fromkeys(columns + NEEDED))
    # the query's ORDER BY is kept as the table's row order (rowid)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {TABLE} AS SELECT {kept} FROM ({sql('capaian_tabel')})", params)
    # a partial capaian (belum lengkap) is not judged, so not flagged for its size either
    judged = con.execute(
        f"SELECT realisasi, target_bawah, target_atas, satuan, "
        f"CASE WHEN status_data = 'terukur' THEN capaian_persen END AS capaian_persen "
        f"FROM {TABLE} ORDER BY rowid").fetchnumpy()
    con.register("capaian_periksa", {"periksa": reasons(judged)})
    return (f"(SELECT h.rowid AS _baris, h.* REPLACE ("
            f"CASE WHEN p.periksa = '' THEN h.keterangan WHEN h.keterangan = '' THEN p.periksa "
            f"ELSE h.keterangan || '; ' || p.periksa END AS keterangan), p.periksa "
            f"FROM {TABLE} h POSITIONAL JOIN capaian_periksa p)")
