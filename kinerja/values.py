"""Exact decimals and missing values: the one path every number takes before it is shown or judged.

The engine gives capaian as floats of values stored as DECIMAL(38,6); `exact` turns them back into
the decimal they were, so means and bands are decided exactly (capaian.md: rounded half up to two
decimals, the kategori decided on the rounded value).
"""
from __future__ import annotations

import math
import numbers
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

CENT = Decimal("0.01")


def is_missing(value) -> bool:
    """True for None, pandas' NA and NaT, and a float NaN: a value nobody reported (never zero)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def exact(value) -> Decimal | None:
    """The engine's float as the decimal it was stored as (repr is the shortest text that reads back);
    a Decimal as it is; None for anything missing or not a number (NaN, None, a range's text)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and value == value:
        return Decimal(repr(float(value)))
    return None


def half_up(value: Decimal | None) -> Decimal | None:
    """A percentage as it is shown and judged: rounded half up to 2 decimals."""
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


def mean_persen(values) -> Decimal | None:
    """Mean of capaian values, exact, rounded half up to 2 decimals; None when none is computed."""
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
