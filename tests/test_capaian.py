"""Capaian kinerja (spec/capaian.md): every rule, checked on the SQL engine.

Each test seeds indicators straight into the tables (tests/seed.py) and reads the engine's row.
The Hypothesis properties at the end compare the engine with the plain-Python reference
(tests/reference_capaian.py) on random indicators.
"""
from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.engine.capaian import (
    COLUMNS,
    CONTRACT_COLUMNS,
    capaian,
    kategori_for,
    skala,
)
from tests import reference_capaian as reference
from tests import seed
from tests.seed import TAHUN


def row(con, triwulan=None, **indicator):
    """Seed one indicator and return its capaian row as a dict."""
    indikator_id = seed.indikator(con, **indicator)
    frame = capaian(con, TAHUN, triwulan)
    return frame[frame.indikator_id == indikator_id].iloc[0].to_dict()


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# --- Published checks (spec/capaian.md), exact to 2 decimals --------------------------------

@pytest.mark.parametrize("target, realisasi, expected", [
    ("93", "94.83", 101.97),   # record data base aparatur, BKD Sumbar 2015
    ("78", "75.15", 96.35),    # nilai rata-rata PPK PNS 2019
    ("0.48", "0.50", 104.17),  # Indeks Sistem Merit, KASN Wilayah I 2022
])
def test_published_checks(con, target, realisasi, expected):
    result = row(con, target=target, realisasi={4: realisasi}, agregasi="nilai_akhir")
    assert result["capaian_persen"] == expected
    assert result["keterangan"] == ""


@pytest.mark.parametrize("target, realisasi, expected", [("7", "6.5", 107.14), ("8", "9", 87.50)])
def test_published_checks_negative_formula_a(con, target, realisasi, expected):
    result = row(con, target=target, realisasi={4: realisasi}, polaritas="negatif", agregasi="nilai_akhir")
    assert result["capaian_persen"] == expected


def test_published_check_range_below_uses_lower_bound(con):
    result = row(con, target="80 - 90", realisasi={4: "70"}, agregasi="nilai_akhir")
    assert result["capaian_persen"] == 87.50
    assert result["target"] == "80 - 90"


def test_a_tie_rounds_half_up_exactly(con):
    # 203.93 / 200 × 100 = 101.965 exactly; in floating point it is 101.96499…, which rounds down.
    assert round(203.93 / 200 * 100, 2) == 101.96
    assert row(con, target="200", realisasi={4: "203.93"}, agregasi="nilai_akhir")["capaian_persen"] == 101.97


def test_kategori_is_decided_on_the_rounded_value(con):
    # 909.96 / 1000 × 100 = 90.996 → shown as 91.00, so it is Sangat Tinggi, not Tinggi.
    result = row(con, target="1000", realisasi={4: "909.96"}, agregasi="nilai_akhir")
    assert result["capaian_persen"] == 91.00
    assert result["kategori"] == "Sangat Tinggi"


# --- Formulas --------------------------------------------------------------------------------

def test_capaian_is_not_capped_at_100(con):
    assert row(con, target="50", realisasi={4: "75"}, agregasi="nilai_akhir")["capaian_persen"] == 150.00


def test_negative_formula_a_is_floored_at_0_and_flagged(con):
    result = row(con, target="8", realisasi={4: "17"}, polaritas="negatif", agregasi="nilai_akhir")
    assert result["capaian_persen"] == 0
    # capaian 0 is also below 20 %: worth a look at the unit or format (issue 13.7)
    assert result["keterangan"] == "realisasi > 2 × target, dibatasi 0; periksa satuan/format: capaian di bawah 20 %"


def test_negative_formula_a_at_exactly_twice_the_target_is_0_without_flag(con):
    result = row(con, target="8", realisasi={4: "16"}, polaritas="negatif", agregasi="nilai_akhir")
    assert result["capaian_persen"] == 0
    assert result["keterangan"] == "periksa satuan/format: capaian di bawah 20 %"  # not "dibatasi 0"


def test_negative_formula_b_divides_target_by_realisation(con):
    result = row(con, target="5", realisasi={4: "4"}, polaritas="negatif", rumus_negatif="B",
                 agregasi="nilai_akhir")
    assert result["capaian_persen"] == 125.00


def test_negative_formula_b_with_realisation_0_is_achieved_not_a_division_error(con):
    result = row(con, target="5", realisasi={4: "0"}, polaritas="negatif", rumus_negatif="B",
                 agregasi="nilai_akhir")
    assert missing(result["capaian_persen"])
    assert result["kategori"] == "Sangat Tinggi"
    assert result["keterangan"] == "tercapai (realisasi 0)"


def test_negative_formula_b_with_target_0_and_realisation_0_is_achieved(con):
    # "Jumlah ASN dijatuhi hukuman disiplin": target 0, none happened.
    result = row(con, target="0", realisasi={4: "0"}, polaritas="negatif", rumus_negatif="B",
                 agregasi="nilai_akhir")
    assert result["keterangan"] == "tercapai (realisasi 0)"


@pytest.mark.parametrize("polaritas, rumus", [("positif", "A"), ("negatif", "A"), ("negatif", "B")])
def test_target_0_cannot_be_computed(con, polaritas, rumus):
    result = row(con, target="0", realisasi={4: "3"}, polaritas=polaritas, rumus_negatif=rumus,
                 agregasi="nilai_akhir")
    assert missing(result["capaian_persen"]) and missing(result["kategori"])
    assert result["keterangan"] == "target 0: capaian tidak dapat dihitung"


# --- Range targets ---------------------------------------------------------------------------

@pytest.mark.parametrize("polaritas, rumus, target, realisasi, expected", [
    ("positif", "A", "80 - 90", "80", 100.00),     # inside, at a bound
    ("positif", "A", "80 - 90", "85", 100.00),
    ("positif", "A", "80 - 90", "70", 87.50),      # below: 70 / 80
    ("positif", "A", "80 - 90", "99", 110.00),     # above: 99 / 90
    ("negatif", "A", "10 - 20", "5", 150.00),      # below: (2 − 5/10) × 100
    ("negatif", "A", "10 - 20", "25", 75.00),      # above: (2 − 25/20) × 100
    ("negatif", "B", "10 - 20", "5", 200.00),      # below: 10 / 5
    ("negatif", "B", "10 - 20", "25", 80.00),      # above: 20 / 25
    ("negatif", "B", "0 - 5", "0", 100.00),        # inside the range comes first
])
def test_range_targets_use_the_nearer_bound_outside(con, polaritas, rumus, target, realisasi, expected):
    result = row(con, target=target, realisasi={4: realisasi}, polaritas=polaritas,
                 rumus_negatif=rumus, agregasi="nilai_akhir")
    assert result["capaian_persen"] == expected
    assert result["target"] == target


# --- Missing values are never 0 --------------------------------------------------------------

def test_no_target_gives_no_capaian_and_says_why(con):
    result = row(con, realisasi={4: "10"}, agregasi="nilai_akhir")
    assert missing(result["capaian_persen"]) and missing(result["kategori"]) and missing(result["target"])
    assert result["keterangan"] == "target belum ditetapkan"


def test_no_realisation_gives_no_capaian_and_says_why(con):
    result = row(con, target="10")
    assert missing(result["capaian_persen"]) and missing(result["realisasi"])
    assert result["keterangan"] == "realisasi belum dilaporkan"
    assert not result["lengkap"]


def test_nothing_reported_up_to_the_quarter_asked(con):
    result = row(con, triwulan=1, target="10", realisasi={3: "4"}, agregasi="nilai_akhir")
    assert missing(result["capaian_persen"])
    assert result["keterangan"] == "target triwulan belum ditetapkan; memakai target tahunan; realisasi belum dilaporkan"


def test_rows_are_the_indicators_with_values_in_that_year_of_that_unit(con):
    seed.indikator(con, "punya target", unit="MUTASI", target="1")
    seed.indikator(con, "punya realisasi", unit="MUTASI", realisasi={1: "1"})
    seed.indikator(con, "tahun lain", unit="MUTASI", tahun=TAHUN - 1, target="1")
    seed.indikator(con, "unit lain", unit="BANGKOM", target="1")
    assert list(capaian(con, TAHUN, unit="MUTASI").indikator) == ["punya target", "punya realisasi"]
    assert list(capaian(con, TAHUN).unit) == ["BANGKOM", "MUTASI", "MUTASI"]
    assert capaian(con, TAHUN + 5).empty


def test_columns_start_with_the_cli_contract(con):
    seed.indikator(con, target="1")
    frame = capaian(con, TAHUN)
    assert list(frame.columns) == COLUMNS
    assert COLUMNS[:11] == CONTRACT_COLUMNS + ["keterangan"]


def test_runs_beside_a_result_the_caller_left_unfinished(con):
    seed.indikator(con, target="1", realisasi={4: "1"})
    con.execute("SELECT * FROM indikator")  # never fetched
    assert len(capaian(con, TAHUN)) == 1


def test_rows_are_grouped_by_unit_then_sasaran_in_the_order_recorded(con):
    seed.indikator(con, "b2", unit="MUTASI", sasaran_teks="Sasaran B", target="1")
    seed.indikator(con, "a1", unit="MUTASI", sasaran_teks="Sasaran A", target="1")
    seed.indikator(con, "b1", unit="MUTASI", sasaran_teks="Sasaran B", target="1")
    seed.indikator(con, "x", unit="BANGKOM", sasaran_teks="Sasaran A", target="1")
    frame = capaian(con, TAHUN)
    assert list(frame.indikator) == ["x", "b2", "b1", "a1"]
    assert list(frame.sasaran) == ["Sasaran A", "Sasaran B", "Sasaran B", "Sasaran A"]


# --- Year to date per agregasi, quarter and convention -----------------------------------------

PER_TRIWULAN = dict(target="400", target_tw={1: "100", 2: "100", 3: "100", 4: "100"},
                    realisasi={1: "90", 2: "110", 3: "95", 4: "105"})


@pytest.mark.parametrize("triwulan, target, realisasi, expected", [
    (1, 100.0, 90.0, 90.00),
    (2, 200.0, 200.0, 100.00),
    (3, 300.0, 295.0, 98.33),
    (4, 400.0, 400.0, 100.00),
    (None, 400.0, 400.0, 100.00),
])
def test_kumulatif_sums_quarters_and_quarterly_targets(con, triwulan, target, realisasi, expected):
    result = row(con, triwulan, **PER_TRIWULAN)
    assert (result["target"], result["realisasi"], result["capaian_persen"]) == (target, realisasi, expected)
    assert result["keterangan"] == "" and result["lengkap"]


def test_kumulatif_sum_covers_reported_quarters_and_flags_the_gap(con):
    result = row(con, 3, **{**PER_TRIWULAN, "realisasi": {1: "90", 3: "95"}})
    assert (result["realisasi"], result["capaian_persen"]) == (185.0, 61.67)
    assert result["keterangan"] == "data belum lengkap: TW II belum dilaporkan"
    assert not result["lengkap"]


def test_kumulatif_whole_year_flags_missing_quarters(con):
    result = row(con, None, **{**PER_TRIWULAN, "realisasi": {1: "90", 2: "110"}})
    assert (result["target"], result["capaian_persen"]) == (400.0, 50.00)
    assert result["keterangan"] == "data belum lengkap: TW III, TW IV belum dilaporkan"


def test_kumulatif_without_quarterly_targets_uses_the_annual_target_and_says_so(con):
    result = row(con, 2, target="400", realisasi={1: "90", 2: "110"})
    assert (result["target"], result["capaian_persen"]) == (400.0, 50.00)
    assert result["keterangan"] == "target triwulan belum ditetapkan; memakai target tahunan"


def test_whole_year_without_annual_target_uses_the_quarterly_ones_and_says_so(con):
    result = row(con, None, **{**PER_TRIWULAN, "target": None})
    assert (result["target"], result["capaian_persen"]) == (400.0, 100.00)
    assert result["keterangan"] == "target tahunan belum ditetapkan; memakai target triwulan"


def test_missing_quarterly_target_up_to_the_quarter_is_named(con):
    result = row(con, 2, target="400", target_tw={1: "100", 3: "100"}, realisasi={1: "90", 2: "110"})
    assert (result["target"], result["capaian_persen"]) == (100.0, 200.00)
    assert result["keterangan"] == "target TW II belum ditetapkan; periksa satuan/format: capaian di atas 150 %"


KUMULATIF = dict(target="400", target_tw={1: "100", 2: "200", 3: "300", 4: "400"},
                 realisasi={1: "90", 2: "200", 3: "295", 4: "400"})


@pytest.mark.parametrize("triwulan, target, realisasi, expected", [
    (1, 100.0, 90.0, 90.00),
    (2, 200.0, 200.0, 100.00),
    (3, 300.0, 295.0, 98.33),
    (None, 400.0, 400.0, 100.00),
])
def test_kumulatif_in_the_cumulative_convention_reads_the_quarter_itself(con, triwulan, target, realisasi,
                                                                         expected):
    result = row(con, triwulan, konvensi="kumulatif", **KUMULATIF)
    assert (result["target"], result["realisasi"], result["capaian_persen"]) == (target, realisasi, expected)
    assert result["konvensi"] == "kumulatif"


def test_cumulative_convention_uses_the_latest_reported_value_and_says_which(con):
    result = row(con, 3, konvensi="kumulatif", **{**KUMULATIF, "realisasi": {1: "90", 2: "200"}})
    assert (result["target"], result["realisasi"], result["capaian_persen"]) == (300.0, 200.0, 66.67)
    assert result["keterangan"] == "TW III belum dilaporkan; memakai realisasi TW II"


def test_a_falling_cumulative_realisation_is_flagged(con):
    result = row(con, 3, konvensi="kumulatif", **{**KUMULATIF, "realisasi": {1: "90", 2: "80", 3: "295"}})
    assert result["keterangan"] == "realisasi kumulatif menurun"


def test_the_indicator_setting_overrides_the_detected_convention(con):
    per_quarter = row(con, 2, konvensi="kumulatif", konvensi_triwulan="per_triwulan", nama="a", **PER_TRIWULAN)
    cumulative = row(con, 2, konvensi_triwulan="kumulatif", nama="b", **KUMULATIF)
    assert (per_quarter["konvensi"], per_quarter["target"], per_quarter["realisasi"]) == ("per_triwulan", 200.0, 200.0)
    assert (cumulative["konvensi"], cumulative["target"], cumulative["realisasi"]) == ("kumulatif", 200.0, 200.0)


NILAI_AKHIR = dict(agregasi="nilai_akhir", target="85", target_tw={1: "70", 2: "75", 3: "80", 4: "85"},
                   realisasi={1: "72", 2: "74", 4: "86"})


@pytest.mark.parametrize("triwulan, target, realisasi, expected, keterangan", [
    (1, 70.0, 72.0, 102.86, ""),
    (2, 75.0, 74.0, 98.67, ""),
    (3, 80.0, 74.0, 92.50, "TW III belum dilaporkan; memakai realisasi TW II"),
    (4, 85.0, 86.0, 101.18, ""),
    (None, 85.0, 86.0, 101.18, ""),
])
def test_nilai_akhir_reads_the_latest_value_against_the_quarter_target(con, triwulan, target, realisasi,
                                                                       expected, keterangan):
    result = row(con, triwulan, **NILAI_AKHIR)
    assert (result["target"], result["realisasi"], result["capaian_persen"]) == (target, realisasi, expected)
    assert result["keterangan"] == keterangan


def test_nilai_akhir_whole_year_flags_a_missing_last_quarter(con):
    result = row(con, None, **{**NILAI_AKHIR, "realisasi": {1: "72", 2: "74"}})
    assert (result["realisasi"], result["capaian_persen"]) == (74.0, 87.06)
    assert result["keterangan"] == "TW IV belum dilaporkan; memakai realisasi TW II"
    assert result["triwulan_realisasi"] == 2 and not result["lengkap"]


def test_nilai_akhir_without_the_quarter_target_cannot_be_computed(con):
    result = row(con, 3, **{**NILAI_AKHIR, "target_tw": {1: "70", 2: "75"}})
    assert missing(result["capaian_persen"])
    assert result["keterangan"].startswith("target TW III belum ditetapkan")


RATA_RATA = dict(agregasi="rata_rata", target="25", target_tw={1: "10", 2: "20", 3: "30", 4: "40"},
                 realisasi={1: "12", 2: "18", 3: "33"})


@pytest.mark.parametrize("triwulan, target, realisasi, expected, keterangan", [
    (2, 15.0, 15.0, 100.00, ""),
    (3, 20.0, 21.0, 105.00, ""),
    (4, 25.0, 21.0, 84.00, "data belum lengkap: TW IV belum dilaporkan"),
    (None, 25.0, 21.0, 84.00, "data belum lengkap: TW IV belum dilaporkan"),
])
def test_rata_rata_compares_means(con, triwulan, target, realisasi, expected, keterangan):
    result = row(con, triwulan, **RATA_RATA)
    assert (result["target"], result["realisasi"], result["capaian_persen"]) == (target, realisasi, expected)
    assert result["keterangan"] == keterangan


def test_a_mean_stays_exact(con):
    # mean(1, 1, 2) = 4/3: 133.333… → 133.33; shown realisation rounded to 6 decimals
    result = row(con, 3, agregasi="rata_rata", target="1", realisasi={1: "1", 2: "1", 3: "2"})
    assert result["capaian_persen"] == 133.33
    assert result["realisasi"] == 1.333333


def test_a_summed_range_target_keeps_its_text(con):
    result = row(con, 2, target_tw={1: "10 - 20", 2: "10 - 20"}, realisasi={1: "10", 2: "15"})
    assert result["target"] == "20 - 40"
    assert result["capaian_persen"] == 100.00


# --- Category scale --------------------------------------------------------------------------

@pytest.mark.parametrize("realisasi, kategori", [
    ("91", "Sangat Tinggi"), ("90.99", "Tinggi"), ("90.995", "Sangat Tinggi"),
    ("76", "Tinggi"), ("75.99", "Sedang"),
    ("66", "Sedang"), ("65.99", "Rendah"),
    ("51", "Rendah"), ("50.99", "Sangat Rendah"), ("0", "Sangat Rendah"),
    ("250", "Sangat Tinggi"),
])
def test_default_scale_bands_include_their_lower_bound(con, realisasi, kategori):
    result = row(con, target="100", realisasi={4: realisasi}, agregasi="nilai_akhir")
    assert result["kategori"] == kategori
    assert kategori_for(con, Decimal(realisasi))[0] == kategori


def test_kategori_for_rounds_like_the_table(con):
    assert kategori_for(con, 90.996) == ("Sangat Tinggi", "#0072B2")
    assert kategori_for(con, Decimal("90.9949999"))[0] == "Tinggi"   # 90.99, no double rounding
    assert kategori_for(con, Decimal("-3.5"))[0] == "Sangat Rendah"
    assert kategori_for(con, None) is None


def test_the_active_scale_decides_the_kategori(con):
    seed.use_scale(con, "empat", [(1, "90", "Baik", "#000001"), (2, "70", "Cukup", "#000002"),
                                  (3, "50", "Kurang", "#000003"), (4, None, "Buruk", "#000004")])
    result = row(con, target="100", realisasi={4: "75"}, agregasi="nilai_akhir")
    assert (result["kategori"], result["warna"]) == ("Cukup", "#000002")
    assert list(skala(con).kategori) == ["Baik", "Cukup", "Kurang", "Buruk"]


# --- Properties: the engine agrees with the reference -----------------------------------------

def decimals(min_value, max_value):
    return st.decimals(min_value=min_value, max_value=max_value, places=4, allow_nan=False,
                       allow_infinity=False)


@st.composite
def target_values(draw):
    bawah = draw(decimals(0, 1000))
    if draw(st.booleans()):
        return bawah, bawah
    return bawah, bawah + draw(decimals("0.0001", 100))


@st.composite
def indicators(draw):
    slots = draw(st.sets(st.integers(0, 4)))
    return {
        "polaritas": draw(st.sampled_from(["positif", "negatif"])),
        "rumus_negatif": draw(st.sampled_from(["A", "B"])),
        "agregasi": draw(st.sampled_from(["kumulatif", "nilai_akhir", "rata_rata"])),
        "konvensi": draw(st.sampled_from([None, "per_triwulan", "kumulatif"])),
        "konvensi_triwulan": draw(st.sampled_from([None, None, "per_triwulan", "kumulatif"])),
        "target": {k: draw(target_values()) for k in slots},
        "realisasi": draw(st.dictionaries(st.integers(1, 4), decimals(0, 2000))),
    }


def seed_reference(con, number: int, ind: dict) -> int:
    return seed.indikator(
        con, f"indikator {number}", target=ind["target"].get(0),
        target_tw={k: v for k, v in ind["target"].items() if k}, realisasi=ind["realisasi"],
        konvensi=ind["konvensi"], polaritas=ind["polaritas"], rumus_negatif=ind["rumus_negatif"],
        agregasi=ind["agregasi"], konvensi_triwulan=ind["konvensi_triwulan"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(indicators(), min_size=1, max_size=25), triwulan=st.sampled_from([None, 1, 2, 3, 4]))
def test_engine_equals_reference(con, batch, triwulan):
    seed.clear(con)
    ids = [seed_reference(con, number, ind) for number, ind in enumerate(batch)]
    frame = capaian(con, TAHUN, triwulan).set_index("indikator_id")
    for indikator_id, ind in zip(ids, batch):
        if not ind["target"] and not ind["realisasi"]:
            assert indikator_id not in frame.index
            continue
        got = frame.loc[indikator_id]
        expected = reference.capaian(ind, triwulan)
        assert got["keterangan"] == expected["keterangan"], ind
        if expected["capaian_persen"] is None:
            assert missing(got["capaian_persen"]), ind
        else:
            assert got["capaian_persen"] == float(expected["capaian_persen"]), ind
        assert (missing(got["kategori"]) and expected["kategori"] is None) or got["kategori"] == expected["kategori"]
        if expected["target"] is None:
            assert missing(got["target_bawah"])
        else:
            assert got["target_bawah"] == pytest.approx(float(expected["target"][0]), abs=1e-6)
            assert got["target_atas"] == pytest.approx(float(expected["target"][1]), abs=1e-6)
        if expected["realisasi"] is None:
            assert missing(got["realisasi"])
        else:
            assert got["realisasi"] == pytest.approx(float(expected["realisasi"]), abs=1e-6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=target_values(), rumus=st.sampled_from(["A", "B"]),
       pair=st.lists(decimals("0.0001", 2000), min_size=2, max_size=2, unique=True))
def test_capaian_rises_with_realisation_for_positive_and_falls_for_negative(con, target, rumus, pair):
    seed.clear(con)
    lower, higher = sorted(pair)
    if target[0] == 0:
        target = (Decimal(1), target[1] + 1)
    for polaritas in ["positif", "negatif"]:
        for realisasi in (lower, higher):
            seed.indikator(con, f"{polaritas} {realisasi}", target=target, realisasi={4: realisasi},
                           polaritas=polaritas, rumus_negatif=rumus, agregasi="nilai_akhir")
    values = capaian(con, TAHUN).capaian_persen.tolist()
    assert values[0] <= values[1]   # positif
    assert values[2] >= values[3]   # negatif


# --- Missing is not failing: how each row counts (status_data) ----------------------------------

@pytest.mark.parametrize("triwulan, indicator, status, capaian_persen", [
    # kumulatif 400, per quarter 100: TW I-III sent, 90 + 110 + 95 = 295 of 400 = 73,75 % is partial
    (None, {**PER_TRIWULAN, "realisasi": {1: "90", 2: "110", 3: "95"}}, "belum_lengkap", 73.75),
    # the same to TW III is complete: 295 of 300 = 98,33 %
    (3, {**PER_TRIWULAN, "realisasi": {1: "90", 2: "110", 3: "95"}}, "terukur", 98.33),
    # a gap in the middle: TW II missing, TW III sent
    (3, {**PER_TRIWULAN, "realisasi": {1: "90", 3: "95"}}, "belum_lengkap", 61.67),
    # nilai akhir: TW III missing at TW IV is harmless (86 of 85 = 101,18 %); at TW III it is not
    (4, NILAI_AKHIR, "terukur", 101.18),
    (3, NILAI_AKHIR, "belum_lengkap", 92.50),  # 74 (TW II) of 80
    # nothing reported at all
    (None, {"target": "10"}, "belum_lengkap", None),
    # no target, or target 0: no data would make it computable
    (None, {"realisasi": {1: "5", 2: "5", 3: "5", 4: "5"}}, "tidak_dapat_dihitung", None),
    (None, {"target": "0", "agregasi": "nilai_akhir", "realisasi": {4: "3"}}, "tidak_dapat_dihitung", None),
    # no target and a quarter missing: the target is what blocks it
    (None, {"realisasi": {1: "5"}}, "tidak_dapat_dihitung", None),
    # negatif B, realisation 0: tercapai, measured though it has no number
    (None, {"target": "5", "agregasi": "nilai_akhir", "polaritas": "negatif", "rumus_negatif": "B",
            "realisasi": {4: "0"}}, "terukur", None),
])
def test_each_row_says_whether_it_is_measured_incomplete_or_not_computable(con, triwulan, indicator, status,
                                                                            capaian_persen):
    result = row(con, triwulan, **indicator)
    assert result["status_data"] == status
    assert (missing(result["capaian_persen"]) if capaian_persen is None
            else result["capaian_persen"] == capaian_persen)
