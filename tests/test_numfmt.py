"""Number formats read as Excel reads them (ECMA-376 18.8.31): a percentage only through an unquoted,
unescaped % in the section that shows the number; a date only through date codes outside literals."""
import pytest

from kinerja.ingest.numfmt import is_date, is_percent, sections


@pytest.mark.parametrize("code", [
    "0%", "0.00%", "#,##0.0%", "[Red]0.00%", "0.00%;[Red]-0.00%", "0.0 %", "[$-421]0.00%", '"Capaian "0.00%',
])
def test_an_unquoted_percent_sign_shows_the_number_times_a_hundred(code):
    assert is_percent(code, 0.9483)


@pytest.mark.parametrize("code", [
    '0.00"%"', "0.00\\%", '0.0" %"', '#,##0.00" persen %"', "0.0_%", "0.0*%", "[$%-421]0.00", "General",
    "0.00", "@", None, "", '"%"0',
])
def test_a_quoted_escaped_or_bracketed_percent_sign_is_literal_text(code):
    assert not is_percent(code, 94.83)


def test_each_section_decides_for_its_own_numbers():
    code = '0.0"%";-0.0"%"'
    assert sections(code) == (("0", ".", "0", '"%"'), ("-", "0", ".", "0", '"%"'))
    assert not is_percent(code, 94.83) and not is_percent(code, -5.0)
    mixed = '0.0%;-0.0"%";"nol"'
    assert is_percent(mixed, 0.5)
    assert not is_percent(mixed, -5.0)
    assert not is_percent(mixed, 0)


def test_a_semicolon_inside_quotes_or_after_a_backslash_does_not_split_sections():
    assert sections('0.0";"%') == (("0", ".", "0", '";"', "%"),)
    assert is_percent('0.0";"%', 0.5)
    assert sections("0\\;0%") == (("0", "\\;", "0", "%"),)


def test_conditions_choose_the_section():
    code = "[<1]0.00%;0.00"
    assert is_percent(code, 0.5)
    assert not is_percent(code, 94.83)


@pytest.mark.parametrize("code", [
    "dd/mm/yyyy", "d-mmm", "mm-dd-yy", "[$-421]dd mmmm yyyy", "h:mm", "[h]:mm:ss", "yyyy-mm-dd hh:mm",
    "d/m/yyyy;@",
])
def test_date_codes_make_a_date(code):
    assert is_date(code, 45560)


@pytest.mark.parametrize("code", [
    "General", "0.00", '0.00" hari"', '"Rp "#,##0', "0.00E+00", "0\\d", "0_m", '0" bulan"', "#,##0;[Red]-#,##0",
])
def test_letters_in_literals_and_exponents_are_not_dates(code):
    assert not is_date(code, 5)
