"""The stored capaian (migration 0008): capaian_tersimpan, one row per indicator × tahun × periode
(0 = the whole year, 1-4 = to date), and capaian_ringkas, its counts and exact sums per unit ×
sasaran × status_data × kategori, which every mean and count of the pages adds up; and (migration
0011) capaian_tren, the trend of every indicator over the years per period (summaries.trend set-wise);
and (migration 0013) proyeksi_tersimpan, the early warning of every indicator × year × quarter
(kinerja.proyeksi, the rule in one place: computed here from the stored capaian, read by the pages).

queries/engine/capaian.sql stays the one place of the formulas: it fills these tables and is the
reference they are tested against. They are kept in the same transaction as every write that
changes an input of that query: a write function says what it touched (`touch`, `touch_settings`,
`touch_all`), and kinerja.store.db.transaction calls `flush` before it commits, which recomputes
only the indicators × years touched (every row for a change of the scale). `rebuild` recomputes all
(`kinerja hitung-ulang`, and an existing database the first time it is migrated to version 8).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import duckdb

from kinerja.store.queries import execute_script, sql
from kinerja.vocab import MIN_TREND_YEARS

PERIODS = [0, 1, 2, 3, 4]
# The migrations that create the tables (0008_capaian_tersimpan.sql, 0011_capaian_tren.sql,
# 0013_proyeksi_tersimpan.sql), and the latest change of the early warning's rule
# (0014_proyeksi_aturan.sql, always applied after 0013): the early warning is filled after that one.
VERSION = 8
TREN_VERSION = 11
PROYEKSI_RULE_VERSION = 14
QUARTERS = [1, 2, 3, 4]
# kinerja.proyeksi's columns kept in proyeksi_tersimpan (the rest is read from capaian_tersimpan)
STORED = ["triwulan", "indikator_id", "triwulan_dilaporkan", "proyeksi", "proyeksi_capaian", "status", "kekurangan",
          "sisa_triwulan", "kebutuhan", "kebutuhan_per_triwulan", "aturan", "alasan"]


@dataclass
class Touched:
    pairs: set[tuple[int, int]] = field(default_factory=set)   # (indikator_id, tahun)
    every_year: set[int] = field(default_factory=set)          # indicators whose every year may change
    settings: set[tuple[int, int]] = field(default_factory=set)  # settings rows written (indikator_id, tahun)
    all: bool = False


# What the open transaction of each connection touched; flushed before its COMMIT.
PENDING: dict[int, Touched] = {}
GUARD = threading.Lock()


def pending(con: duckdb.DuckDBPyConnection) -> Touched:
    with GUARD:
        return PENDING.setdefault(id(con), Touched())


def touch(con: duckdb.DuckDBPyConnection, indikator_ids: Iterable[int], tahun: int | Iterable[int] | None) -> None:
    """Values, conventions or the master of these indicators changed in `tahun` (a year, several,
    or None: in every year they have values, e.g. a rename or a new sasaran)."""
    ids = {int(i) for i in indikator_ids}
    state = pending(con)
    if tahun is None:
        state.every_year |= ids
    else:
        years = [tahun] if isinstance(tahun, int) else list(tahun)
        state.pairs |= {(i, int(y)) for i in ids for y in years}


def touch_settings(con: duckdb.DuckDBPyConnection, pairs: Iterable[tuple[int, int]]) -> None:
    """Settings rows (pengaturan_indikator) written for these (indikator_id, tahun): the years
    whose settings in force are such a row change too (an earlier or later year without a row of
    its own takes the nearest one, migration 0004)."""
    pending(con).settings |= {(int(i), int(y)) for i, y in pairs}


def touch_all(con: duckdb.DuckDBPyConnection) -> None:
    """The category scale (or anything every row depends on) changed."""
    pending(con).all = True


def discard(con: duckdb.DuckDBPyConnection) -> None:
    with GUARD:
        PENDING.pop(id(con), None)


def after_migration(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """What an existing database recomputes once, inside the transaction that applies migration
    `version`: the stored capaian of a database that had none (VERSION), its trends (TREN_VERSION),
    its early warning by the rule in force (PROYEKSI_RULE_VERSION; once, also for a database that
    gets the table in the same run)."""
    if version == VERSION:
        touch_all(con)
    elif version == TREN_VERSION:
        store_tren(con, None)
    elif version == PROYEKSI_RULE_VERSION:
        store_proyeksi(con, None, None)


def flush(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the stored capaian up to date with what this transaction touched (inside it)."""
    with GUARD:
        state = PENDING.pop(id(con), None)
    if state is None:
        return
    if state.all:
        rebuild(con)
        return
    rows = [(i, y, False) for i, y in state.pairs] + [(i, None, False) for i in state.every_year] \
        + [(i, y, True) for i, y in state.settings]
    if not rows:
        return
    import pandas as pd  # here: the command line reads this module without loading pandas

    con.register("sentuh", pd.DataFrame(rows, columns=["indikator_id", "tahun", "pengaturan"]).astype(
        {"indikator_id": "int64", "tahun": "Int32", "pengaturan": bool}))
    try:
        pairs = con.execute(sql("capaian_tersentuh")).fetchall()
    finally:
        con.unregister("sentuh")
    refresh(con, pairs)


def refresh(con: duckdb.DuckDBPyConnection, pairs: Iterable[tuple[int, int]]) -> None:
    """Recompute the stored capaian of these (indikator_id, tahun), all periods, and the sums of
    the groups (unit × sasaran) their rows fall in, before and after, in those years, and the
    trends of these indicators. A pair without values any more loses its rows. The sums of a
    group hold only its own rows, so groups no touched row is in stay as they are: summing the
    touched indicators' whole units instead grew with the warehouse (at 10 M rows a unit's year
    is some 160,000 stored rows and 20,000 sums, rewritten by every import)."""
    years: dict[int, set[int]] = {}
    for indikator_id, tahun in pairs:
        years.setdefault(int(tahun), set()).add(int(indikator_id))
    for tahun, ids in sorted(years.items()):
        params = {"tahun": tahun, "indikator": sorted(ids)}
        groups = set(con.execute(sql("capaian_kelompok"), params).fetchall())
        con.execute(sql("capaian_tersimpan_hapus"), params)
        store(con, tahun, params["indikator"])
        groups |= set(con.execute(sql("capaian_kelompok"), params).fetchall())
        if groups:
            kelompok = [{"unit": unit, "sasaran_id": sasaran} for unit, sasaran in groups]
            con.execute(sql("capaian_ringkas_hapus"), {"tahun": tahun, "kelompok": kelompok})
            con.execute(sql("capaian_ringkas_isi"), {"tahun": tahun, "kelompok": kelompok})
    if years:
        store_tren(con, sorted(set().union(*years.values())))
    for tahun, ids in sorted(years.items()):
        store_proyeksi(con, tahun, sorted(ids))


def store(con: duckdb.DuckDBPyConnection, tahun: int, indikator: list[int] | None) -> None:
    """Insert capaian.sql's rows of the year, every period, for these indicators (None: all)."""
    con.execute(f"INSERT INTO capaian_tersimpan BY NAME SELECT * FROM ({sql('capaian')})",
                {"tahun": tahun, "periode": PERIODS, "unit": None, "indikator": indikator})


def rebuild(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute every stored row (inside the caller's transaction); returns how many rows
    capaian_tersimpan holds afterwards."""
    execute_script(con, "capaian_kosongkan")
    for (tahun,) in con.execute(sql("capaian_tahun_bernilai")).fetchall():
        store(con, tahun, None)
        con.execute(sql("capaian_ringkas_isi"), {"tahun": tahun, "kelompok": None})
    store_tren(con, None)
    store_proyeksi(con, None, None)
    return con.execute(sql("capaian_tersimpan_jumlah")).fetchone()[0]


def store_tren(con: duckdb.DuckDBPyConnection, indikator: list[int] | None) -> None:
    """Recompute the stored trends (capaian_tren) of these indicators (None: all) from capaian_tersimpan.
    Nothing before migration 0011 (a database migrated from below version 8 rebuilds at version 8)."""
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'capaian_tren'").fetchone()[0]:
        return
    params = {"indikator": indikator}
    con.execute(sql("capaian_tren_hapus"), params)
    con.execute(sql("capaian_tren_isi"), {**params, "min_tahun": MIN_TREND_YEARS})


def store_proyeksi(con: duckdb.DuckDBPyConnection, tahun: int | None, indikator: list[int] | None) -> None:
    """Recompute the stored early warning (proyeksi_tersimpan) of these indicators (None: all) in
    `tahun` (None: every year with stored capaian), at each quarter, from capaian_tersimpan and the
    active scale, by kinerja.proyeksi.proyeksi. Nothing before migration 0013."""
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'proyeksi_tersimpan'").fetchone()[0]:
        return
    # here: pandas and numpy, which the command line does not load otherwise
    from kinerja import proyeksi

    con.execute(sql("proyeksi_tersimpan_hapus"), {"tahun": tahun, "indikator": indikator})
    scale = con.execute(sql("capaian_skala")).df()
    years = [tahun] if tahun is not None else [y for (y,) in con.execute(sql("capaian_tahun_bernilai")).fetchall()]
    # a few indicators: their four quarters in one pass; all of them: a quarter at a time (memory)
    batches = [QUARTERS] if indikator is not None else [[q] for q in QUARTERS]
    for year in years:
        for quarters in batches:
            frame = untuk_proyeksi(con, year, quarters, indikator=indikator)
            if frame.empty:
                continue
            projected = proyeksi.proyeksi(frame, scale, frame["periode"].to_numpy())
            cell = projected.pop("target_tahunan")
            text = cell.map(lambda c: c if isinstance(c, str) else None)
            stored = projected[STORED].assign(target_tahunan_teks=text.astype(object),
                                              target_tahunan_nilai=cell.where(text.isna()).astype("float64"))
            con.register("proyeksi_baru", stored)
            try:
                con.execute(sql("proyeksi_tersimpan_isi"), {"tahun": year})
            finally:
                con.unregister("proyeksi_baru")


def untuk_proyeksi(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | list[int], unit: str | None = None,
                   indikator: list[int] | None = None):
    """The columns of the stored capaian of `tahun` to date at the end of `triwulan` (1-4, or a
    list: the rows of each in turn) that kinerja.proyeksi.proyeksi reads, of `unit` / the
    indicators `indikator` (None: all), in the engine's order (unit, sasaran, indicator):
    pd.DataFrame with periode (the quarter), indikator_id, unit, unit_nama,
    sasaran_id, sasaran, indikator, satuan, polaritas, agregasi, konvensi, rumus_negatif, realisasi,
    target_tahunan and target_tw1..4 as target cells (kinerja.values.target_cell: float, or
    "bawah - atas" for a range), realisasi_tw1..4 (float, NaN when not reported)."""
    from kinerja.values import target_cell  # pandas: see store_proyeksi

    con.complete()
    quarters = [triwulan] if isinstance(triwulan, int) else list(triwulan)
    frame = con.sql(sql("capaian_proyeksi"), params={"tahun": tahun, "periode": quarters, "unit": unit,
                                                     "indikator": indikator}).to_arrow_table().to_pandas()
    for cell in ["target_tahunan", "target_tw1", "target_tw2", "target_tw3", "target_tw4"]:
        frame[cell] = target_cell(frame.pop(f"{cell}_bawah"), frame.pop(f"{cell}_atas"))
    return frame
