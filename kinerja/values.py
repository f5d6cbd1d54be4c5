"""Exact decimals and missing values: the one path every number takes before it is shown or judged.

The engine gives capaian as floats of values stored as DECIMAL(38,6); `exact` turns them back into
the decimal they were, so means and bands are decided exactly (capaian.md: rounded half up to two
decimals, the kategori decided on the rounded value).
"""
from __future__ import annotations

import math
import numbers
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from kinerja.model import fmt_plain

CENT = Decimal("0.01")
MICRO = 10 ** 6
# Below this size a value with at most 6 decimals is exactly its micro-units as a float (the float
# nearest to k / 10^6 is the only one within its rounding interval), and 10^6 of them sum in int64.
FAST_LIMIT = 1e6


def is_missing(value) -> bool:
    """True for None, pandas' NA and NaT, and a float NaN: a value nobody reported (never zero)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def exact(value) -> Decimal | None:
    """The engine's float as the decimal it was stored as (repr is the shortest text that reads back);
    a Decimal as it is; None for anything missing or not a number (NaN, None, a range's text)."""
    if type(value) is float:  # the engine's values: asked first, without the abstract-class checks below
        return Decimal(repr(value)) if value == value else None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and value == value:
        return Decimal(repr(float(value)))
    return None


def half_up(value: Decimal | None) -> Decimal | None:
    """A percentage as it is shown and judged: rounded half up to 2 decimals."""
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


def micro_units(values) -> np.ndarray | None:
    """Floats of decimals with at most 6 places (NaN missing, dropped) as exact int64 micro-units,
    without a Python call per value; None when a value is not such a float (a Decimal, text, more
    decimals, or |value| >= FAST_LIMIT): the caller takes the Decimal path then."""
    if isinstance(values, pd.Series):
        if not pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
            return None
        floats = values.to_numpy(dtype=float, na_value=np.nan)
    elif isinstance(values, np.ndarray) and values.dtype.kind in "fiu":
        floats = values.astype(float)
    else:
        values = list(values)
        if not all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in values):
            return None
        floats = np.array([np.nan if v is None else v for v in values], dtype=float)
    floats = floats[~np.isnan(floats)]
    if floats.size and not np.all(np.abs(floats) < FAST_LIMIT):
        return None
    micro = np.rint(floats * MICRO)
    if not np.array_equal(micro / MICRO, floats):
        return None
    return micro.astype(np.int64)


def half_up_hundredths(total: np.ndarray, count: np.ndarray) -> np.ndarray:
    """total / count micro-units in hundredths, rounded half up (away from zero) exactly with
    integer division: sign(P) × ((2|P| + Q) // 2Q) with P = total, Q = count × 10^4; count > 0."""
    q = np.asarray(count, dtype=np.int64) * (MICRO // 100)
    p = np.asarray(total, dtype=np.int64)
    return np.sign(p) * ((2 * np.abs(p) + q) // (2 * q))


def hundredths_decimal(hundredths: int, total: int) -> Decimal:
    """The Decimal half_up gives for hundredths (its sign that of total: -0.00 for a tiny negative)."""
    shown = Decimal(hundredths).scaleb(-2)
    return shown.copy_negate() if hundredths == 0 and total < 0 else shown


def mean_persen(values) -> Decimal | None:
    """Mean of capaian values, exact, rounded half up to 2 decimals; None when none is computed.
    Vectorised on integer micro-units (micro_units); Decimal per value only for what that refuses."""
    micro = micro_units(values)
    if micro is not None:
        return None if not micro.size else hundredths_decimal(int(half_up_hundredths(micro.sum(), micro.size)),
                                                              int(micro.sum()))
    known = [v for v in (exact(x) for x in values) if v is not None]
    return half_up(sum(known) / len(known)) if known else None


def capaian_nilai(realisasi: Decimal | None, bawah: Decimal | None, atas: Decimal | None, polaritas: str,
                  rumus: str | None) -> Decimal | None:
    """Capaian (%) of one realisation against a target, by spec/capaian.md, for values computed
    outside the capaian query (queries/engine/capaian.sql): a projection, a Renstra comparison, the
    import preview; exact, rounded half up to 2 decimals. A range target (bawah < atas): inside it
    100, outside it the nearer bound is the target; `atas` None is a single target. None where it
    cannot be computed: either side missing, target 0, or formula B with realisation 0 (a perfect
    result: the caller says "tercapai")."""
    if realisasi is None or bawah is None:
        return None
    atas = bawah if atas is None else atas
    if bawah != atas and bawah <= realisasi <= atas:
        return Decimal(100)
    target = atas if realisasi > atas else bawah
    if target == 0:
        return None
    if polaritas == "negatif":
        if rumus == "B":
            return half_up(target / realisasi * 100) if realisasi else None
        return max(half_up((2 - realisasi / target) * 100), Decimal(0))  # formula A, floored at 0
    return half_up(realisasi / target * 100)


def off_track_limit(scale: pd.DataFrame) -> Decimal:
    """Capaian below the second band's lower bound is off track (below "Tinggi", 76, on the
    Permendagri scale): leadership acts on Sedang and worse."""
    bounds = scale["batas_bawah"].dropna()
    return exact(bounds.iloc[1] if len(bounds) > 1 else bounds.iloc[0])


def target_cell(bawah: pd.Series, atas: pd.Series) -> pd.Series:
    """The bound for a point target, "bawah - atas" (dot decimals) for a range."""
    cell = bawah.astype(object)
    is_range = bawah.notna() & (bawah != atas)
    if is_range.any():
        # few distinct bounds even in a large year: format each once
        text = {value: plain(value) for value in pd.concat([bawah[is_range], atas[is_range]]).unique()}
        cell[is_range] = bawah[is_range].map(text) + " - " + atas[is_range].map(text)
    return cell


def plain(value: float) -> str:
    return fmt_plain(exact(value))
