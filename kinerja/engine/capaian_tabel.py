"""The capaian table kept in the database, for outputs formatted there (`kinerja capaian`): the rows
of the stored capaian (queries/engine/capaian_tabel.sql, kept from capaian.sql by
kinerja.store.materialised) with their plausibility flags, without a DataFrame (the command
line loads neither pandas nor numpy). kinerja.engine.capaian.capaian gives the same rows as a
DataFrame.
"""
from __future__ import annotations

import duckdb

from kinerja import plausibility as rule
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
    # the percentage rule asks for the satuan of a handful of rows: told in Python, as reasons() does
    persen = [satuan for (satuan,) in con.execute(sql("capaian_satuan_persen")).fetchall() if rule.is_percent(satuan)]
    con.execute("CREATE OR REPLACE TEMP TABLE capaian_satuan_persen AS SELECT unnest($s::VARCHAR[]) AS satuan",
                {"s": persen})
    periksa = f"CASE WHEN h.alasan = '' THEN '' ELSE '{rule.LABEL}: ' || h.alasan END"
    return (f"(SELECT h.* EXCLUDE (alasan) REPLACE ("
            f"CASE WHEN h.alasan = '' THEN h.keterangan WHEN h.keterangan = '' THEN {periksa} "
            f"ELSE h.keterangan || '; ' || {periksa} END AS keterangan), {periksa} AS periksa "
            f"FROM (SELECT rowid AS _baris, *, {reasons()} AS alasan FROM {TABLE}) h)")


def reasons() -> str:
    """SQL of kinerja.plausibility.reasons' text after the label ("" for none) over the columns of
    capaian_hasil, in DOUBLE arithmetic as numpy's (NULL compares false as NaN does there); a
    partial capaian (belum lengkap) is not judged, so not flagged for its size either."""
    judged = "CASE WHEN status_data = 'terukur' THEN capaian_persen END"
    # (50 × bawah) × (1 − ε) as Python evaluates it; the constants exactly as doubles
    factor = f"CAST('{1 - rule.EPSILON!r}' AS DOUBLE)"
    checks = [
        (f"{judged} > {rule.CAPAIAN_ATAS}", rule.ATAS),
        (f"{judged} < {rule.CAPAIAN_BAWAH}", rule.BAWAH),
        ("realisasi > 100 AND target_atas <= 100 AND satuan IN (SELECT satuan FROM capaian_satuan_persen)",
         rule.PERSEN),
        (f"target_bawah > 0 AND realisasi >= CAST({rule.KALI_TARGET} AS DOUBLE) * target_bawah * {factor}",
         rule.KALI),
    ]
    return "concat_ws(', ', " + ", ".join(f"CASE WHEN {test} THEN '{text}' END" for test, text in checks) + ")"
