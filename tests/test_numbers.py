"""Indonesian numbers: what units type is read exactly; what people read is formatted their way."""
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.numbers import (
    HALF_UP,
    NumberError,
    detect_decimal,
    format_angka,
    format_persen,
    from_excel_number,
    parse_number,
    parse_target,
)

D = Decimal
decimals = st.decimals(min_value=-10**12, max_value=10**12, places=6, allow_nan=False, allow_infinity=False)


@given(decimals)
def test_formatting_then_parsing_round_trips_exactly(value):
    assert parse_number(format_angka(value)) == value


@given(decimals, st.sampled_from(["", "Rp ", "Rp. "]), st.sampled_from(["", "%", " %"]))
def test_indonesian_text_with_prefix_and_suffix_parses_back(value, prefix, suffix):
    text = format_angka(abs(value))
    assert parse_number(f"{prefix}{text}{suffix}") == abs(value)


@pytest.mark.parametrize("text, expected", [
    ("94,83", "94.83"), ("77.668", "77668"), ("1.900.000.000,00", "1900000000"), ("93%", "93"),
    ("93 %", "93"), ("Rp 1.900.000", "1900000"), ("Rp1.900.000,50", "1900000.5"), ("0.48", "0.48"),
    ("12.5", "12.5"), ("1.234", "1234"), ("-2,5", "-2.5"), ("1 900 000", "1900000"),
])
def test_texts_units_type(text, expected):
    assert parse_number(text) == D(expected)


@pytest.mark.parametrize("text", ["-", "", "  ", "n/a", "N/A", "belum ada data", "tidak ada", "–"])
def test_missing_markers_mean_no_value_not_zero(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["dua puluh", "80-90", "12,5,0", "1,2.3,4", "1.23.4", "Rp", "9 dokumen", "1,"])
def test_anything_else_is_an_error(text):
    with pytest.raises(NumberError):
        parse_number(text)


def test_an_ambiguous_thousands_dot_is_an_error_in_a_file_with_dot_decimals():
    assert parse_number("1.234", "koma") == 1234
    with pytest.raises(NumberError, match="titik"):
        parse_number("1.234", "titik")


def test_the_convention_is_decided_by_unambiguous_text_only():
    assert detect_decimal(["94,83", "1.234", "100"]) == "koma"
    assert detect_decimal(["1.234", "0.48"]) == "titik"
    assert detect_decimal([]) == "koma"


def test_range_targets_keep_both_bounds_and_their_text():
    assert parse_target("80 - 90") .canonical() == "80 - 90"
    assert parse_target("80,5–90") .bawah == D("80.5")
    assert parse_target("93%").is_range is False
    with pytest.raises(NumberError):
        parse_target("90 - 80")


def test_excel_numbers_are_read_as_shown_without_float_noise():
    assert from_excel_number(0.9483, percent_format=True) == D("94.83")
    assert from_excel_number(0.85, percent_format=True) == 85
    assert from_excel_number(94.83) == D("94.83")
    assert from_excel_number(1 / 3) == D("0.333333")


def test_display_formats_are_indonesian():
    assert format_angka(1900000000) == "1.900.000.000"
    assert format_angka(D("94.830000")) == "94,83"
    assert format_angka(101.965, 2) == "101,97"
    assert format_persen(D("94.83")) == "94,83 %"
    assert format_angka(None) == "–" and format_persen(float("nan")) == "–"


def test_money_with_a_dash_for_zero_cents_and_non_breaking_spaces():
    assert parse_number("Rp 1.500.000,-") == 1500000
    assert parse_number("1\xa0900\xa0000") == 1900000


# -- spaces inside digits: only a thousands separator between groups of three (issue 12, kind 7)

@pytest.mark.parametrize("text, expected", [
    ("1 200", "1200"), ("1\u00a0200", "1200"), ("1\u2009200", "1200"), ("1\u202f200", "1200"),
    ("12 345 678", "12345678"), ("1 200,5", "1200.5"), ("Rp 1 900 000,-", "1900000"), ("-1 200", "-1200"),
    ("1 200 %", "1200"), ("1\u00a0200\u00a0000,25", "1200000.25"),
])
def test_a_space_between_groups_of_three_digits_is_a_thousands_separator(text, expected):
    assert parse_number(text) == D(expected)


@pytest.mark.parametrize("text", [
    "2 95", "33 0", "94, 83", "94 ,83", "94 , 83", "1 2345", "12 34", "1 200 00", "1 20", "1\u00a020",
    "1\u2009 200", "1  200", "1 200.000", "1.200 000", "0, 5", "9 5 %", "Rp 1 90",
])
def test_any_other_space_inside_a_number_is_an_error(text):
    with pytest.raises(NumberError, match="spasi di tengah angka|bukan angka") as caught:
        parse_number(text)
    assert caught.value.kind in ("spasi_angka", "angka")


@given(st.lists(st.sampled_from(["94,83", "1.234", "100", "0.48", "1 200.5", "3,5", "-", "80 - 90", "1.5%"]), max_size=6))
def test_the_convention_is_titik_exactly_when_a_text_writes_its_decimals_with_a_dot(texts):
    # a text without a dot is skipped unparsed: only "0.48" and "1.5%" write decimals with a dot
    assert detect_decimal(texts) == ("titik" if {"0.48", "1.5%"} & set(texts) else "koma")


def test_a_file_with_space_grouped_numbers_keeps_the_comma_convention():
    assert detect_decimal(["1 200.5", "3,5"]) == "koma"


# -- what the database and capaian cannot hold is an error, never a crash half-way

@pytest.mark.parametrize("value", [1e22, 1e20, -1e20, float("nan"), float("inf"), float("-inf"), 10**25])
def test_excel_numbers_beyond_what_is_stored_exactly_are_errors(value):
    with pytest.raises(NumberError) as caught:
        from_excel_number(value)
    assert caught.value.kind == "angka_di_luar_batas"


@pytest.mark.parametrize("text", ["1" + "0" * 40, "1" + "0" * 20, "100.000.000.000.000.000.000", "1e22", "NaN",
                                  "inf", "-Infinity", "1E+22"])
def test_text_numbers_beyond_what_is_stored_exactly_are_errors(text):
    with pytest.raises(NumberError):
        parse_number(text)


def test_the_largest_number_still_accepted_is_twenty_digits():
    assert parse_number("9" * 20) == D("9" * 20)
    assert from_excel_number(1e19) == D(10) ** 19
    assert parse_target("99999999999999999999 - 99999999999999999999").bawah == D("9" * 20)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**20, max_value=10**20),
       st.sampled_from([Decimal("0.01"), Decimal("0.000001"), Decimal("1")]))
def test_half_up_rounds_as_the_rounding_keyword_does(value, exponent):
    assert HALF_UP.quantize(value, exponent) == value.quantize(exponent, rounding=ROUND_HALF_UP)
    assert HALF_UP.quantize(Decimal("2.345"), Decimal("0.01")) == Decimal("2.35")
    assert HALF_UP.quantize(Decimal("-2.345"), Decimal("0.01")) == Decimal("-2.35")
