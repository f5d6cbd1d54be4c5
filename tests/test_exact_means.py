"""Exact means without a Python call per value: the integer micro-unit path (values.micro_units,
mean_persen, summaries.mean_by) gives exactly what the Decimal path gives, half up to 2 decimals."""
from decimal import Decimal

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.engine import summaries
from kinerja.values import exact, half_up, mean_persen, micro_units

SCALE = pd.DataFrame({"urutan": [1, 2, 3, 4, 5], "batas_bawah": [91, 76, 66, 51, None],
                      "kategori": ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"],
                      "warna": ["a", "b", "c", "d", "e"]})


def decimal_mean(values) -> Decimal | None:
    """The reference: each value as the decimal it was, summed, divided, rounded half up."""
    known = [v for v in (exact(x) for x in values) if v is not None]
    return half_up(sum(known) / len(known)) if known else None


def capaian_values(places: int):
    return st.decimals(min_value=-500, max_value=99999, places=places, allow_nan=False).map(float)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(capaian_values(2), capaian_values(6), st.just(float("nan"))), max_size=40))
def test_the_vectorised_mean_is_the_decimal_mean(values):
    assert micro_units(pd.Series(values, dtype=float)) is not None
    assert mean_persen(pd.Series(values, dtype=float)) == decimal_mean(values)
    assert str(mean_persen(values)) == str(decimal_mean(values))


def test_ties_round_half_up_and_other_inputs_take_the_decimal_path():
    assert mean_persen([101.965, 101.965]) == Decimal("101.97")
    assert mean_persen([-0.005]) == Decimal("-0.01")        # half up: away from zero, as Decimal does
    assert mean_persen([0.1, 0.2]) == Decimal("0.15")
    assert mean_persen([1 / 3]) == Decimal("0.33")            # more than 6 decimals: the Decimal path
    assert mean_persen([Decimal("94.835")]) == Decimal("94.84")
    assert mean_persen([2e7, 1.0]) == Decimal("10000000.50")  # beyond FAST_LIMIT: the Decimal path
    assert mean_persen([]) is None and mean_persen([float("nan")]) is None


def old_mean_by(frame, keys, scale):
    """mean_by as it was: a Python loop over the groups, Decimal per value."""
    rows = []
    for key, group in frame.groupby(keys, sort=True, dropna=False):
        known = summaries.measured(group)
        mean = decimal_mean(known["capaian_persen"])
        rows.append([*(key if isinstance(key, tuple) else (key,)), len(group),
                     int(known["capaian_persen"].notna().sum()),
                     int((group["status_data"] == summaries.BELUM_LENGKAP).sum()),
                     None if mean is None else float(mean), *summaries.band(mean, scale)])
    return pd.DataFrame(rows, columns=[*keys, *summaries.MEAN_COLUMNS])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C", None]), st.sampled_from([2024, 2025]),
                          st.one_of(capaian_values(2), st.just(float("nan"))),
                          st.sampled_from(["terukur", "belum_lengkap", "tidak_dapat_dihitung"])),
                min_size=1, max_size=60))
def test_mean_by_is_the_group_loop_it_replaces(rows):
    frame = pd.DataFrame(rows, columns=["sasaran", "tahun", "capaian_persen", "status_data"])
    for keys in (["sasaran"], ["tahun", "sasaran"]):
        new, old = summaries.mean_by(frame, keys, SCALE), old_mean_by(frame, keys, SCALE)
        pd.testing.assert_frame_equal(new, old, check_dtype=False)


def test_band_on_the_rounded_value():
    assert summaries.band(90.995, SCALE) == ("Sangat Tinggi", "a")   # 91.00 after rounding
    assert summaries.band(90.994, SCALE) == ("Tinggi", "b")
    assert summaries.band(None, SCALE) == (None, None)
    assert list(summaries.bands(np.array([9100, 9099, 5000, -100]), SCALE)[0]) == \
        ["Sangat Tinggi", "Tinggi", "Sangat Rendah", "Sangat Rendah"]
