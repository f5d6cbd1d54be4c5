"""What the dashboard reads off the capaian table: off-track indicators, gaps, means per sasaran,
unit and quarter, multi-year trends. Plain functions of the engine's DataFrames (kinerja.capaian),
exact in Decimal, so every page shows the same number for the same question.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd

from kinerja.collect.reminders import fallen_due
from kinerja.values import (
    MICRO,
    exact,
    half_up,
    half_up_hundredths,
    is_missing,
    mean_persen,
    micro_units,
    off_track_limit,
)
from kinerja.vocab import MIN_TREND_YEARS, ROMAN, STATUS

# How a row of the capaian table counts (its status_data column, queries/capaian.sql).
TERUKUR, BELUM_LENGKAP, TIDAK_DIHITUNG = "terukur", "belum_lengkap", "tidak_dapat_dihitung"
UNMEASURED = "Belum dapat dihitung"
INCOMPLETE = "Belum lengkap"
STATUS_DATA = {TERUKUR: "Terukur", BELUM_LENGKAP: INCOMPLETE, TIDAK_DIHITUNG: UNMEASURED}


def band(value, scale: pd.DataFrame) -> tuple[str | None, str | None]:
    """(kategori, warna) of a capaian on the scale (best band first), decided on the value rounded
    half up to 2 decimals as the capaian table does; (None, None) for a missing value."""
    shown = half_up(exact(value))
    if shown is None:
        return None, None
    for lowest, kategori, warna in zip(scale["batas_bawah"], scale["kategori"], scale["warna"]):
        lowest = exact(lowest)  # None: the lowest band
        if lowest is None or shown >= lowest:
            return kategori, warna
    return None, None


def bands(hundredths: np.ndarray, scale: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """band() of many capaian values given as integer hundredths (rounded already): (kategori,
    warna) object arrays, None where no band applies."""
    kategori = np.full(len(hundredths), None, dtype=object)
    warna = np.full(len(hundredths), None, dtype=object)
    open_ = np.ones(len(hundredths), dtype=bool)
    for lowest, name, colour in zip(scale["batas_bawah"], scale["kategori"], scale["warna"]):
        lowest = exact(lowest)
        hit = open_ & (True if lowest is None else hundredths >= int(lowest * 100))
        kategori[hit], warna[hit] = name, colour
        open_ &= ~hit
    return kategori, warna


def measured(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows whose capaian rests on every quarter its rule needs (status_data 'terukur'): the only
    ones that count in means, kategori counts and gaps. An incomplete row is missing data, not a
    poor result (spec/capaian.md, "Missing is not failing")."""
    return frame[frame["status_data"] == TERUKUR]


def incomplete(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with a quarter the rule needs not reported (status_data 'belum_lengkap'), by unit."""
    return frame[frame["status_data"] == BELUM_LENGKAP].sort_values(["unit", "indikator"], kind="stable")


def not_computable(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows whose capaian cannot be computed whatever is reported: no target, or target 0."""
    return frame[frame["status_data"] == TIDAK_DIHITUNG]


def kategori_shown(frame: pd.DataFrame) -> pd.Series:
    """The kategori as the pages show it: the band of a measured row, "Belum lengkap" for an
    incomplete one (its partial capaian is never given a band), "Belum dapat dihitung" else."""
    return frame["kategori"].where(frame["status_data"] == TERUKUR,
                                   frame["status_data"].map(STATUS_DATA)).fillna(UNMEASURED)


def off_track(frame: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    """Measured indicators whose capaian is below the off-track limit, the largest gap first.
    Incomplete ones are never here: they are listed apart (incomplete)."""
    limit = float(off_track_limit(scale))
    rows = measured(frame)
    rows = rows[rows["capaian_persen"] < limit]
    return rows.sort_values(["capaian_persen", "indikator"])


# A change against last year is shown only over at least this many indicators measured in both
# years: over none there is nothing to compare, over one the "change" is that indicator's, not the
# year's (engine.capaian.perbandingan).
MIN_INDIKATOR_SAMA = 2


def like_with_like(now: pd.DataFrame, before: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two capaian tables restricted to the indicators measured in both (by indikator_id), so
    that a change against last year compares the same indicators, never a complete year with an
    incomplete one."""
    both = set(measured(now)["indikator_id"]) & set(measured(before)["indikator_id"])
    return now[now["indikator_id"].isin(both)], before[before["indikator_id"].isin(both)]


def selisih(frame: pd.DataFrame) -> pd.Series:
    """Realisation minus target to date, exact; for a range target 0 inside it, else the distance
    to the nearer bound (negative below). Missing where either side is missing."""
    realisasi, bawah, atas = (frame[c].to_numpy(dtype=float, na_value=np.nan)
                              for c in ("realisasi", "target_bawah", "target_atas"))
    known = ~(np.isnan(realisasi) | np.isnan(bawah))
    micro = [micro_units(column[known]) for column in (realisasi, bawah, atas)]
    if any(m is None for m in micro):
        return selisih_decimal(frame)
    r, b, a = micro  # exact integer micro-units; one division per value gives the float of the decimal
    gap = np.where(r < b, r - b, np.where(a != b, np.maximum(r - a, 0), r - b))
    result = np.full(len(frame), np.nan)
    result[known] = gap / MICRO
    return pd.Series(result, index=frame.index, dtype="float64")


def selisih_decimal(frame: pd.DataFrame) -> pd.Series:
    """selisih in Decimal per value, for values beyond the integer path (values.micro_units)."""
    def gap(realisasi, bawah, atas) -> float:
        realisasi, bawah, atas = exact(realisasi), exact(bawah), exact(atas)
        if realisasi is None or bawah is None:
            return float("nan")
        if realisasi < bawah:
            return float(realisasi - bawah)
        return float(max(realisasi - atas, Decimal(0)) if atas != bawah else realisasi - bawah)

    return pd.Series([gap(*row) for row in zip(frame["realisasi"], frame["target_bawah"], frame["target_atas"])],
                     index=frame.index, dtype="float64")


MEAN_COLUMNS = ["jumlah", "terukur", "belum_lengkap", "rata_rata", "kategori", "warna"]


def mean_by(frame: pd.DataFrame, keys: list[str], scale: pd.DataFrame) -> pd.DataFrame:
    """Per group: jumlah indicators, terukur (measured), belum_lengkap (a quarter missing), the
    rata_rata capaian of the measured ones (None when none is) and its band."""
    counted = (frame["status_data"] == TERUKUR) & frame["capaian_persen"].notna()
    micro = micro_units(frame["capaian_persen"].where(counted))
    if micro is None:  # values beyond the integer path: a mean per group in Decimal
        return mean_by_decimal(frame, keys, scale)
    parts = frame[keys].assign(_terukur=counted.astype(np.int64), _belum=(frame["status_data"] == BELUM_LENGKAP)
                               .astype(np.int64), _mikro=0)
    parts.loc[counted, "_mikro"] = micro
    table = parts.groupby(keys, sort=True, dropna=False).agg(
        jumlah=("_terukur", "size"), terukur=("_terukur", "sum"), belum_lengkap=("_belum", "sum"),
        total=("_mikro", "sum")).reset_index()
    has = table["terukur"].to_numpy() > 0
    total = table["total"].to_numpy(dtype=np.int64)
    hundredths = half_up_hundredths(total, np.where(has, table["terukur"], 1))
    # a float of the rounded decimal: an integer of hundredths divided once by 100
    # (-0.00 as the Decimal mean gives a tiny negative one; float64 with NaN, or None when no group has one)
    means = np.where(has, np.copysign(hundredths / 100, np.where(total < 0, -1.0, 1.0)), np.nan)
    table["rata_rata"] = pd.Series(np.where(has, means, None).tolist(), index=table.index)
    kategori, warna = bands(hundredths, scale)
    table["kategori"], table["warna"] = np.where(has, kategori, None), np.where(has, warna, None)
    return table[[*keys, *MEAN_COLUMNS]]


def mean_by_decimal(frame: pd.DataFrame, keys: list[str], scale: pd.DataFrame) -> pd.DataFrame:
    """mean_by with a Decimal mean per group, for values beyond the integer path."""
    rows = []
    for key, group in frame.groupby(keys, sort=True, dropna=False):
        known = measured(group)
        mean = mean_persen(known["capaian_persen"])
        rows.append([*(key if isinstance(key, tuple) else (key,)), len(group),
                     int(known["capaian_persen"].notna().sum()), int((group["status_data"] == BELUM_LENGKAP).sum()),
                     None if mean is None else float(mean), *band(mean, scale)])
    return pd.DataFrame(rows, columns=[*keys, *MEAN_COLUMNS])


def by_quarter(frames: dict[int, pd.DataFrame], keys: list[str], scale: pd.DataFrame) -> pd.DataFrame:
    """mean_by for each quarter's to-date table, one frame with a `triwulan` column. A group with
    nothing measured at a quarter (e.g. a unit that did not send it) has no row there: its cell is
    empty, never the value of an earlier quarter carried forward."""
    parts = [mean_by(frame, keys, scale).assign(triwulan=q) for q, frame in frames.items() if not frame.empty]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*keys, *MEAN_COLUMNS, "triwulan"])
    return table[table["rata_rata"].notna()].reset_index(drop=True)


def over_years(frames: dict[int, pd.DataFrame]) -> pd.DataFrame:
    """The capaian tables of several years, one frame with a `tahun` column, oldest year first."""
    parts = [frame.assign(tahun=tahun) for tahun, frame in sorted(frames.items()) if not frame.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


TREND_COLUMNS = ["indikator_id", "unit", "sasaran", "indikator", "tahun_awal", "capaian_awal", "tahun_akhir",
                 "capaian_akhir", "perubahan_terakhir", "arah"]


def trend(years: pd.DataFrame) -> pd.DataFrame:
    """Per indicator over the years: capaian of the first and last year, the latest year-over-year
    change and the direction: 'naik konsisten' / 'turun konsisten' (every year better / worse, at
    least MIN_TREND_YEARS years of capaian), 'berfluktuasi', or 'data kurang'. One row per
    indicator in the order they first appear (years: over_years, oldest year first); set-wise,
    the latest change exact in Decimal."""
    keys = ["indikator_id", "unit", "indikator", "sasaran"]
    if years.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    groups = years[keys].drop_duplicates().set_index(keys)
    known = years.loc[years["capaian_persen"].notna(), [*keys, "tahun", "capaian_persen"]]
    by = known.groupby(keys, sort=False, dropna=False)
    # a step's sign is that of the later value minus the earlier (float order is exact order)
    previous = by["capaian_persen"].shift()
    steps = known.assign(naik=known["capaian_persen"] > previous, turun=known["capaian_persen"] < previous,
                         langkah=previous.notna(), sebelumnya=previous)
    per = steps.groupby(keys, sort=False, dropna=False).agg(
        n=("capaian_persen", "size"), tahun_awal=("tahun", "first"), capaian_awal=("capaian_persen", "first"),
        tahun_akhir=("tahun", "last"), capaian_akhir=("capaian_persen", "last"), sebelumnya=("sebelumnya", "last"),
        naik=("naik", "sum"), turun=("turun", "sum"), langkah=("langkah", "sum"))
    per = groups.join(per)
    n = per["n"].fillna(0)
    per["arah"] = "berfluktuasi"
    per.loc[(per["naik"] == per["langkah"]) & (n >= MIN_TREND_YEARS), "arah"] = "naik konsisten"
    per.loc[(per["turun"] == per["langkah"]) & (n >= MIN_TREND_YEARS), "arah"] = "turun konsisten"
    per.loc[n < MIN_TREND_YEARS, "arah"] = "data kurang"
    per["perubahan_terakhir"] = [None if is_missing(a) or n_ < 2 else float(exact(b) - exact(a))
                                 for a, b, n_ in zip(per["sebelumnya"], per["capaian_akhir"], n)]
    return per.reset_index()[TREND_COLUMNS]


def submissions_due(register: pd.DataFrame, triwulan: int | None, today: date) -> tuple[int, int]:
    """(sent, due): of the unit quarters up to the one asked (all four for the year) that have
    fallen due on `today` (the unit owes them and their own deadline has come:
    kinerja.collect.reminders.fallen_due), how many have been sent (any status but belum), and
    how many there are. A quarter whose deadline is ahead is not counted, sent or not.
    register: kinerja.collect.register.register(con, tahun)."""
    due = register[fallen_due(register, today) & (register["triwulan"] <= (triwulan or 4))]
    return int((due["status"] != "belum").sum()), len(due)


def status_counts(register: pd.DataFrame) -> dict[str, int]:
    """{status: how many unit quarters of the year have it}, counting the quarters of the units
    that owe the year's data only (the register's wajib), every status of vocab.STATUS present."""
    owed = register.loc[register["wajib"].astype(bool), "status"]
    return {status: int((owed == status).sum()) for status in STATUS}


def quarter_detail(frames: dict[int, pd.DataFrame], indikator_id: int) -> pd.DataFrame:
    """One indicator through the year: per quarter its own target and realisation as reported, the
    target and realisation to date, capaian and kategori to date. Range targets (text) are left
    out of the numeric target columns."""
    rows = []
    for q, frame in sorted(frames.items()):
        row = frame[frame["indikator_id"] == indikator_id]
        if row.empty:
            continue
        row = row.iloc[0]
        rows.append({"triwulan": q, "target_tw": number(row[f"target_tw{q}"]),
                     "realisasi_tw": number(row[f"realisasi_tw{q}"]), "target_sd": number(row["target"]),
                     "realisasi_sd": number(row["realisasi"]), "capaian_persen": row["capaian_persen"],
                     "kategori": row["kategori"], "keterangan": row["keterangan"]})
    return pd.DataFrame(rows, columns=["triwulan", "target_tw", "realisasi_tw", "target_sd", "realisasi_sd",
                                       "capaian_persen", "kategori", "keterangan"])


def number(value) -> float:
    """A numeric cell of the capaian table; NaN for a range target's text."""
    return float("nan") if isinstance(value, str) or value is None else float(value)


NOTE_LABELS = {"ket": "", "faktor_pendorong": "pendorong: ", "faktor_penghambat": "penghambat: ",
               "tindak_lanjut_triwulan": "tindak lanjut: ", "tindak_lanjut_renja": "tindak lanjut Renja: ",
               "bukti_dukung": "bukti: "}


def notes(catatan: pd.DataFrame, triwulan: int | None) -> dict[int, str]:
    """Per indicator its notes (KET, faktor pendorong/penghambat, tindak lanjut, bukti dukung) of
    the quarters up to the one asked, one text."""
    kept = catatan[catatan["triwulan"] <= (triwulan or 4)]
    joined: dict[int, list[str]] = {}
    for row in kept.to_dict(orient="records"):
        where = "" if row["triwulan"] == 0 else f"TW {ROMAN[row['triwulan']]}: "
        parts = [label + row[column] for column, label in NOTE_LABELS.items()
                 if column in row and not is_missing(row[column])]
        joined.setdefault(row["indikator_id"], []).append(where + "; ".join(parts))
    return {k: " | ".join(v) for k, v in joined.items()}


DATA_COLUMNS = ["unit", "sasaran", "kode", "indikator", "satuan", "polaritas", "agregasi", "target_tahunan",
                "target_tw1", "target_tw2", "target_tw3", "target_tw4", "realisasi_tw1", "realisasi_tw2",
                "realisasi_tw3", "realisasi_tw4", "target", "realisasi", "selisih", "capaian_persen",
                "kategori", "status_data", "keterangan"]


def data_rows(frame: pd.DataFrame, units: list[str] | None = None, sasaran: list[str] | None = None,
              kategori: list[str] | None = None, cari: str = "") -> pd.DataFrame:
    """Every value of the capaian table (with the gap), filtered as the user asks: units, sasaran,
    kategori as kategori_shown gives it ("Belum lengkap", "Belum dapat dihitung" included) and
    words of the indicator's name or code. Columns DATA_COLUMNS."""
    return with_selisih(data_selection(frame, units, sasaran, kategori, cari))


def with_selisih(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of the capaian table with their gap (selisih), columns DATA_COLUMNS: a page computes it
    for the rows it shows only."""
    return rows.assign(selisih=selisih(rows))[DATA_COLUMNS]


def data_selection(frame: pd.DataFrame, units: list[str] | None = None, sasaran: list[str] | None = None,
                   kategori: list[str] | None = None, cari: str = "") -> pd.DataFrame:
    """The rows of the capaian table data_rows keeps (every column of the table, no gap yet)."""
    rows = frame
    keep = pd.Series(True, index=rows.index)
    if units:
        keep &= rows["unit"].isin(units)
    if sasaran:
        keep &= rows["sasaran"].isin(sasaran)
    if kategori:
        keep &= kategori_shown(rows).isin(kategori)
    for word in cari.lower().split():
        keep &= (rows["indikator"].str.lower().str.contains(word, regex=False)
                 | rows["kode"].fillna("").str.lower().str.contains(word, regex=False))
    return rows.loc[keep]
