"""Capaian kinerja per indicator: target and realisation to date, achievement %, kategori.

The formulas of spec/capaian.md live in queries/engine/capaian.sql only; they run set-wise and
exactly (integer arithmetic, see the query). Their result is stored per indicator, year and period
and kept by every write (kinerja.store.materialised); capaian() reads it, capaian_langsung()
computes it on the fly. This module names the columns and shapes the target cells.
"""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.engine.capaian_tabel import CONTRACT_COLUMNS
from kinerja.engine.summaries import (
    BELUM_LENGKAP,
    MEAN_COLUMNS,
    MIN_INDIKATOR_SAMA,
    TERUKUR,
    TIDAK_DIHITUNG,
    band,
    incomplete,
    like_with_like,
    measured,
    not_computable,
    off_track,
    off_track_limit,
)
from kinerja.plausibility import CAPAIAN_ATAS, CAPAIAN_BAWAH, EPSILON, KALI_TARGET, flags, is_percent
from kinerja.store.queries import run, sql
from kinerja.values import exact, hundredths_decimal, mean_persen, target_cell

# Target cells built from a pair of bound columns <cell>_bawah, <cell>_atas.
TARGET_CELLS = ["target", "target_tahunan", "target_tw1", "target_tw2", "target_tw3", "target_tw4"]

COLUMNS = CONTRACT_COLUMNS + [
    "keterangan", "indikator_id", "kode", "unit_nama", "sasaran_id", "level", "rumus_negatif",
    "konvensi", "target_bawah", "target_atas", "target_tahunan", "target_tw1", "target_tw2",
    "target_tw3", "target_tw4", "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4",
    "triwulan_realisasi", "lengkap", "status_data", "periksa", "warna", "belum_dikonfirmasi",
]


def capaian(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None,
            unit: str | None = None, *, sasaran: int | None = None, indikator: int | None = None) -> pd.DataFrame:
    """One row per indicator with a target or a realisation in `tahun` (of `unit`, of the sasaran
    with id `sasaran`, the indicator with id `indikator` when given: the same rows as the whole
    table filtered), ordered by unit, sasaran and indicator.

    triwulan 1-4: target and realisation to date at the end of that quarter; None: the whole year.
    Columns, in COLUMNS order (missing text is NaN, missing numbers NaN):
      unit (kode), unit_nama, sasaran, indikator, kode, satuan, polaritas, agregasi, level,
          rumus_negatif, konvensi (kumulatif indicators only), kategori, warna: text;
      keterangan: why capaian is empty and any flags, joined with "; " ("" when none);
      target, target_tahunan, target_tw1..4: float for a point target, text "80 - 90" for a
          range; `target` is the target to date that capaian was computed against;
      target_bawah, target_atas: float bounds of that target (equal for a point);
      realisasi: float, realisation to date (a mean shown rounded to 6 decimals);
      realisasi_tw1..4: float, the quarters as reported;
      capaian_persen: float equal to the exact value rounded half up to 2 decimals, not capped;
          NaN where it cannot be computed (the reason is in keterangan);
      triwulan_realisasi: latest quarter reported up to the one asked;
      lengkap: bool, every quarter the rule needs is reported;
      status_data: 'terukur' | 'belum_lengkap' (a quarter the rule needs is missing: its capaian
          is partial and never counted as a result) | 'tidak_dapat_dihitung' (no target, target 0);
      periksa: "" or "periksa satuan/format: …" (kinerja.plausibility), also at the end of keterangan;
      belum_dikonfirmasi: the settings in force that were only inferred, e.g. "polaritas negatif,
          agregasi nilai_akhir" ("" when none): shown with the capaian until confirmed on the
          Indikator page (the settings are those in force for `tahun`, kinerja.indikator);
      indikator_id, sasaran_id: ids.
    """
    return shaped(con, "capaian_tabel", {"tahun": tahun, "periode": triwulan or 0, "unit": unit,
                                         "sasaran": sasaran, "indikator": indikator})


def capaian_langsung(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None,
                     unit: str | None = None) -> pd.DataFrame:
    """capaian() computed on the fly by queries/engine/capaian.sql instead of read from the stored
    table (kinerja.store.materialised): the reference the stored rows are tested against. Same
    columns and order."""
    return shaped(con, "capaian", {"tahun": tahun, "periode": [triwulan or 0], "unit": unit, "indikator": None})


def saring(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, units: list[str],
           sasaran: list[str] | None = None, kategori: list[str] | None = None, cari: str = "", *, start: int = 0,
           stop: int | None = None) -> pd.DataFrame:
    """summaries.data_selection of capaian(con, tahun, triwulan) asked of the database: the rows of
    `units`, of the sasaran named `sasaran` and the kategori `kategori` as the pages show it
    (summaries.kategori_shown) when given (empty: all), with every word of `cari` in the indicator's
    name or code; rows start to stop (excluded) of those. Same columns and order as capaian()."""
    return shaped(con, "capaian_saring", selection(tahun, triwulan, units, sasaran, kategori, cari) | {
        "offset": start, "limit": None if stop is None else max(0, stop - start)})


def saring_jumlah(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, units: list[str],
                  sasaran: list[str] | None = None, kategori: list[str] | None = None, cari: str = "") -> int:
    """How many rows saring() gives without start and stop."""
    con.complete()
    params = selection(tahun, triwulan, units, sasaran, kategori, cari) | {"offset": 0, "limit": None}
    return con.execute(f"SELECT count(*) FROM ({sql('capaian_saring')})", params).fetchone()[0]


def nama(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, unit: str) -> dict[int, str]:
    """{indikator_id: indicator name} of the rows capaian(con, tahun, triwulan, unit) holds, in its
    order, read without their capaian."""
    con.complete()
    return dict(con.execute(sql("capaian_nama"), {"tahun": tahun, "periode": triwulan or 0, "unit": unit}).fetchall())


def selection(tahun: int, triwulan: int | None, units: list[str], sasaran: list[str] | None,
              kategori: list[str] | None, cari: str) -> dict:
    """capaian_saring.sql's parameters (an empty filter is no filter)."""
    return {"tahun": tahun, "periode": triwulan or 0, "unit": list(units), "sasaran": list(sasaran) if sasaran else None,
            "kategori": list(kategori) if kategori else None, "kata": cari.lower().split()}


def shaped(con: duckdb.DuckDBPyConnection, query: str, params: dict) -> pd.DataFrame:
    """The rows of `query` with the target cells and the plausibility flags, in COLUMNS."""
    # Through Arrow: its strings reach pandas without a Python object per cell (5× faster than
    # .df() for a 500k-row year); the query returns no DECIMAL, which would become Decimal objects.
    con.complete()  # run out any result the caller left pending: con.sql() refuses to start beside one
    frame = con.sql(sql(query), params=params).to_arrow_table().to_pandas()
    for cell in TARGET_CELLS:
        frame[cell] = target_cell(frame[f"{cell}_bawah"], frame[f"{cell}_atas"])
    return checked(frame)[COLUMNS]


def checked(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (capaian rows with at least realisasi, target_bawah, target_atas, capaian_persen,
    satuan, status_data, keterangan) with its plausibility flags (periksa()) in `periksa`, also at the
    end of keterangan."""
    frame["periksa"] = periksa(frame)
    flagged = frame["periksa"] != ""
    frame.loc[flagged, "keterangan"] = [f"{k}; {p}" if k else p for k, p in
                                        zip(frame.loc[flagged, "keterangan"], frame.loc[flagged, "periksa"])]
    return frame


def periksa(frame: pd.DataFrame) -> pd.Series:
    """The plausibility flag of each capaian row (kinerja.plausibility.flags: "" or "periksa
    satuan/format: …", a Series on frame's index) of `frame` with at least realisasi, target_bawah,
    target_atas, capaian_persen, satuan, status_data. A partial capaian (belum lengkap) is not judged,
    so not flagged for its size either: its realisation still is."""
    judged = frame["capaian_persen"].where(frame["status_data"] == TERUKUR)
    return flags(frame.assign(capaian_persen=judged))


MEAN_KEYS = ["tahun", "triwulan", "unit", "sasaran"]


def rata_rata(con: duckdb.DuckDBPyConnection, tahun: int | list[int], triwulan: int | None | list[int | None],
              keys: list[str], unit: str | None = None) -> pd.DataFrame:
    """summaries.mean_by of the capaian table(s) of these years and periods (triwulan 1-4 to date,
    None the whole year), read from the stored sums instead of computed from the rows: per group
    of `keys` (a subset of MEAN_KEYS; 'triwulan' is the period, 0 for the whole year) jumlah
    indicators, terukur (measured), belum_lengkap, rata_rata (float, the exact mean of the measured
    capaian rounded half up to 2 decimals; None when none is measured) and its kategori, warna.
    Columns: keys + MEAN_COLUMNS, ordered by the keys (no sasaran last). Raises ValueError for an
    unknown key."""
    if set(keys) - set(MEAN_KEYS):
        raise ValueError(f"kunci tidak dikenal: {sorted(set(keys) - set(MEAN_KEYS))}")
    years = tahun if isinstance(tahun, list) else [tahun]
    periods = [q or 0 for q in (triwulan if isinstance(triwulan, list) else [triwulan])]
    frame = run(con, "capaian_rata_rata", {"tahun": years, "periode": periods, "unit": unit, "keys": keys})
    table = frame[keys].copy()
    table["jumlah"] = frame["jumlah"].astype(int)
    table["terukur"] = frame["terukur"].astype(int)
    table["belum_lengkap"] = frame["belum_lengkap"].astype(int)
    hundredths = frame["seratusan"].astype("Int64")
    table["rata_rata"] = [None if pd.isna(v) else float(Decimal(int(v)) / 100) for v in hundredths]
    table["kategori"], table["warna"] = None, None
    # the band as summaries.band decides it, set-wise: from the lowest band up, each band takes the
    # means that reach its lower bound (compared in hundredths, exactly)
    for row in reversed(list(skala(con).itertuples())):
        bound = exact(row.batas_bawah)
        reached = hundredths.notna() if bound is None else (hundredths >= int(bound * 100)).fillna(False)
        table.loc[reached.to_numpy(dtype=bool), ["kategori", "warna"]] = [row.kategori, row.warna]
    # built from plain lists, as summaries.mean_by builds its frame: the same dtypes (missing text NaN)
    return pd.DataFrame({c: table[c].tolist() for c in [*keys, *MEAN_COLUMNS]}, columns=[*keys, *MEAN_COLUMNS])


TREN_COLUMNS = ["indikator_id", "unit", "sasaran", "indikator", "capaian_persen", "kategori", "warna", "status_data",
                "tahun"]


def tren(con: duckdb.DuckDBPyConnection, triwulan: int | None, indikator: list[int] | None = None) -> pd.DataFrame:
    """The stored capaian of every year with one, to the same period (triwulan 1-4 to date, None
    the whole year), in one read: the rows summaries.over_years makes of capaian() of each year
    (of the indicators with the ids in `indikator` when given), only TREN_COLUMNS (indikator_id,
    unit, sasaran, indikator: text; capaian_persen: float, NaN when not computed; kategori, warna,
    status_data: text; tahun), oldest year first."""
    con.complete()
    frame = con.sql(sql("capaian_tren"), params={"periode": triwulan or 0, "indikator": indikator}
                    ).to_arrow_table().to_pandas()
    return frame.astype({"tahun": "int64"})[TREN_COLUMNS]


def per_triwulan(con: duckdb.DuckDBPyConnection, tahun: int, indikator: list[int],
                 unit: str | None = None) -> dict[int, pd.DataFrame]:
    """The rows of capaian(con, tahun, q, unit) of the indicators with the ids in `indikator`, for
    each quarter q 1-4 (a quarter without any: an empty frame), read at once: columns indikator_id,
    unit, sasaran, indikator, capaian_persen, kategori, warna, status_data (enough for
    summaries.by_quarter)."""
    con.complete()
    frame = con.sql(sql("capaian_triwulan"), params={"tahun": tahun, "unit": unit, "indikator": list(indikator)}
                    ).to_arrow_table().to_pandas()
    return {q: rows.drop(columns="triwulan").reset_index(drop=True)
            for q, rows in ((q, frame[frame["triwulan"] == q]) for q in range(1, 5))}


def tren_indikator(con: duckdb.DuckDBPyConnection, triwulan: int | None, *, sasaran: str | None = None,
                   arah: list[str] | None = None, start: int = 0, stop: int | None = None) -> pd.DataFrame:
    """summaries.trend of tren(con, triwulan), read from the stored trends (capaian_tren, kept by
    kinerja.store.materialised): summaries.TREND_COLUMNS, the same rows in the same order, of the
    sasaran named `sasaran` and the directions `arah` when given, rows start to stop (excluded)."""
    con.complete()
    return con.sql(sql("capaian_tren_indikator"), params={
        "periode": triwulan or 0, "sasaran": sasaran, "arah": arah, "offset": start,
        "limit": None if stop is None else max(0, stop - start)}).to_arrow_table().to_pandas()


def tren_jumlah(con: duckdb.DuckDBPyConnection, triwulan: int | None) -> pd.DataFrame:
    """How many indicators of tren_indikator(con, triwulan) go each way per sasaran: columns sasaran
    (None: without one), arah, jumlah (int)."""
    return run(con, "capaian_tren_jumlah", {"periode": triwulan or 0})


def skala(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The active category scale, best band first: urutan, batas_bawah (NaN = lowest band),
    kategori, warna."""
    return run(con, "capaian_skala")


def kategori_for(con: duckdb.DuckDBPyConnection, nilai: Decimal | float | None) -> tuple[str, str] | None:
    """(kategori, warna) of a capaian value on the active scale, decided as the capaian table does:
    on the value rounded half up to 2 decimals. None for a missing value."""
    kategori, warna = band(nilai, skala(con))
    return None if kategori is None else (kategori, warna)


def ringkasan(frame: pd.DataFrame, con: duckdb.DuckDBPyConnection) -> dict:
    """The numbers leadership reads first, missing data apart from poor results: jumlah
    indicators; terukur (measured), belum_lengkap (a quarter missing), tidak_dapat_dihitung (no
    target); over the measured ones only: mean capaian, count per kategori, count off track
    (below the scale's second band)."""
    scale = skala(con)
    known = measured(frame)
    counts = known["kategori"].value_counts()
    return {
        "jumlah": len(frame),
        "terukur": len(known),
        "belum_lengkap": len(incomplete(frame)),
        "tidak_dapat_dihitung": len(not_computable(frame)),
        "rata_rata": mean_persen(known["capaian_persen"]),
        "per_kategori": {row.kategori: int(counts.get(row.kategori, 0)) for row in scale.itertuples()},
        "perlu_perhatian": len(off_track(frame, scale)),
    }


def ringkasan_tersimpan(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, unit: str | None = None,
                       banding: int | None = None) -> dict:
    """ringkasan(capaian(con, tahun, triwulan, unit), con) counted by the database from the stored
    capaian (queries/engine/capaian_ringkasan.sql) instead of from the rows in Python; with
    `banding` (a year), the ringkasan of the rows like_with_like keeps against that year."""
    scale = skala(con)
    rows = run(con, "capaian_ringkasan", {"tahun": tahun, "periode": triwulan or 0, "unit": unit, "banding": banding,
                                          "batas": float(off_track_limit(scale))})
    known = rows[rows["status_data"] == TERUKUR]
    terukur = int(known["jumlah"].sum())
    total = int(known["seratusan"].dropna().sum())
    counts = dict(zip(known["kategori"], known["jumlah"]))
    return {
        "jumlah": int(rows["jumlah"].sum()),
        "terukur": terukur,
        "belum_lengkap": int(rows.loc[rows["status_data"] == BELUM_LENGKAP, "jumlah"].sum()),
        "tidak_dapat_dihitung": int(rows.loc[rows["status_data"] == TIDAK_DIHITUNG, "jumlah"].sum()),
        # half up, away from zero, in integers: sign(S) × ((2|S| + N) // 2N) hundredths
        "rata_rata": hundredths_decimal((1 if total >= 0 else -1) * ((2 * abs(total) + terukur) // (2 * terukur)),
                                        total) if terukur else None,
        "per_kategori": {row.kategori: int(counts.get(row.kategori, 0)) for row in scale.itertuples()},
        "perlu_perhatian": int(known["di_bawah"].sum()),
    }


def perbandingan_tersimpan(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None,
                           unit: str | None = None) -> tuple[dict, dict | None]:
    """perbandingan(capaian(con, tahun, ...), capaian(con, tahun - 1, ...), con), counted by the
    database from the stored capaian (ringkasan_tersimpan); the same rule for too few indicators."""
    return comparable(ringkasan_tersimpan(con, tahun, triwulan, unit, banding=tahun - 1),
                      ringkasan_tersimpan(con, tahun - 1, triwulan, unit, banding=tahun))


SOROTAN_COLUMNS = ["unit", "sasaran_id", "indikator_id", "indikator", "capaian_persen", "kategori", "keterangan",
                   "periksa"]
# The lists beside Ringkasan's numbers, in the order the page shows them.
SOROTAN = ["kesenjangan", "belum_lengkap", "periksa", "tidak_dihitung"]


def sorotan_baris(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, daftar: str, start: int = 0,
                  stop: int | None = None) -> pd.DataFrame:
    """Rows start to stop (excluded; None: to the end) of one of the lists Ringkasan shows beside its
    numbers, of the period's capaian (every unit), SOROTAN_COLUMNS. `daftar`: "kesenjangan"
    (summaries.off_track, largest gap first), "belum_lengkap" (summaries.incomplete), "periksa" (the
    rows with a plausibility flag, periksa()), "tidak_dihitung" (summaries.not_computable): the same
    rows in the same order as those give of capaian(con, tahun, triwulan), read from the stored
    capaian with only the rows and columns asked (queries/engine/capaian_sorotan.sql). ValueError for
    another daftar."""
    if daftar not in SOROTAN:
        raise ValueError(f"daftar {daftar!r} bukan salah satu dari {SOROTAN}")
    params = sorotan_params(con, tahun, triwulan, daftar) | {
        "mulai": start, "jumlah": None if stop is None else max(0, stop - start)}
    con.complete()
    return checked(con.sql(sql("capaian_sorotan"), params=params).to_arrow_table().to_pandas())[SOROTAN_COLUMNS]


def sorotan_jumlah(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None,
                   summary: dict | None = None) -> dict[str, int]:
    """How many rows each list of sorotan_baris has, {daftar: int} in SOROTAN order: the gaps, the
    incomplete and the not computable are ringkasan_tersimpan's counts of them (`summary`, when the
    caller has it; read otherwise); the plausibility flags are counted by capaian_sorotan.sql."""
    summary = summary or ringkasan_tersimpan(con, tahun, triwulan)
    con.complete()
    (periksa_jumlah,) = con.execute(f"SELECT count(*) FROM ({sql('capaian_sorotan')})",
                                    sorotan_params(con, tahun, triwulan, "periksa")).fetchone()
    return {"kesenjangan": summary["perlu_perhatian"], "belum_lengkap": summary["belum_lengkap"],
            "periksa": periksa_jumlah, "tidak_dihitung": summary["tidak_dapat_dihitung"]}


def sorotan_params(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, daftar: str) -> dict:
    """capaian_sorotan.sql's parameters for every row of one list of the period: the off-track limit
    of the active scale, kinerja.plausibility's limits and, for "periksa", the percentage satuan
    among the rows its rule asks about."""
    params = {"tahun": tahun, "periode": triwulan or 0, "daftar": daftar, "batas": float(off_track_limit(skala(con))),
              "atas": CAPAIAN_ATAS, "bawah": CAPAIAN_BAWAH, "kali": float(KALI_TARGET), "faktor": 1 - EPSILON,
              "persen": [], "mulai": 0, "jumlah": None}
    if daftar == "periksa":
        found = con.execute(sql("capaian_sorotan_satuan"), {"tahun": tahun, "periode": triwulan or 0}).fetchall()
        params["persen"] = [satuan for (satuan,) in found if is_percent(satuan)]
    return params


def perbandingan(now: pd.DataFrame, before: pd.DataFrame,
                 con: duckdb.DuckDBPyConnection) -> tuple[dict, dict | None]:
    """ringkasan of this period and of last year's same period over the same indicators, those
    measured in both (like_with_like): the changes a page shows are the first minus the second.
    With fewer than MIN_INDIKATOR_SAMA such indicators (0 or 1) the years are not comparable: the
    second is None, so no change is shown, and the first's jumlah says how many there were."""
    same_now, same_before = like_with_like(now, before)
    return comparable(ringkasan(same_now, con), ringkasan(same_before, con))


def comparable(same_now: dict, same_before: dict) -> tuple[dict, dict | None]:
    """(same_now, same_before) when same_now counts at least MIN_INDIKATOR_SAMA indicators measured
    in both years, else (same_now, None): a change over 0 or 1 indicators is not the year's."""
    return same_now, same_before if same_now["jumlah"] >= MIN_INDIKATOR_SAMA else None
