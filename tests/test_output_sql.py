"""The command line's tables formatted by DuckDB read exactly as the per-value formatting reads:
Indonesian numbers for people, dot decimals for machines, missing never 0, formula-like text
quoted, control characters removed."""
import json
import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.present.output import cell_kinds, render, to_csv, to_json, to_table

NASTY = ["", "MUTASI", "=HYPERLINK(\"x\")", "+62 812", "-", "@a", "a,b", 'kata "kutip"', "baris\ndua",
         "\x1b[31mmerah\x1b[0m", "bel\x07", "tab\tdi", "é ≥ 90 %", "\r\nawal", " spasi ", "#1 a#b"]
NUMBERS = [0.0, -0.0, 62.0, 73.94, 101.97, -5.25, 1e-06, 1.5e-05, 0.1 + 0.2, 1 / 3, 1900000000.0,
           123456789012.5, 1e16, 1.2345678901234567e19, 99999999999999999999.0, float("nan")]


def frame() -> pd.DataFrame:
    n = len(NUMBERS)
    return pd.DataFrame({
        "teks": (NASTY * 2)[:n],
        "angka": NUMBERS,
        "persen": [round(x, 2) if not math.isnan(x) else x for x in NUMBERS],
        "bulat": list(range(-3, n - 3)),
        "ya": [i % 3 == 0 for i in range(n)],
        "target": [x if i % 4 else "80 - 90" for i, x in enumerate(NUMBERS)],
    })


def per_value(frame: pd.DataFrame, fmt: str, decimals: dict) -> str:
    if fmt == "csv":
        return to_csv(frame, decimals)
    return to_json(frame) + "\n" if fmt == "json" else to_table(frame, decimals) + "\n"


def test_every_kind_of_cell_reads_as_the_per_value_formatting():
    table = frame()
    assert set(cell_kinds(table).values()) == {"teks", "angka", "bulat", "ya", "campur"}
    assert render(table, "csv", {"persen": 2}) == per_value(table, "csv", {"persen": 2})
    # json: the same values (DuckDB escapes a control character as \u001B, Python as \u001b)
    assert json.loads(render(table, "json")) == json.loads(per_value(table, "json", {}))
    # the table for people: same cells (pandas' layout breaks lines inside a cell differently)
    one_line = table[~table["teks"].str.contains("[\n\r]")]
    assert render(one_line, "table", {"persen": 2}) == per_value(one_line, "table", {"persen": 2})


def test_machine_formats_keep_dots_and_missing_empty_people_get_indonesian_numbers():
    table = pd.DataFrame({"capaian_persen": [94.83, float("nan")], "nilai": [1900000000.0, 0.5]})
    assert render(table, "csv", {"capaian_persen": 2}) == "capaian_persen,nilai\n94.83,1900000000\n,0.5\n"
    assert json.loads(render(table, "json")) == [{"capaian_persen": 94.83, "nilai": 1900000000.0},
                                                 {"capaian_persen": None, "nilai": 0.5}]
    shown = render(table, "table", {"capaian_persen": 2})
    assert "94,83" in shown and "1.900.000.000" in shown and "0,5" in shown and "–" in shown


def test_an_empty_table_says_so():
    empty = pd.DataFrame({"unit": pd.Series([], dtype=object), "capaian_persen": pd.Series([], dtype=float)})
    assert render(empty, "table") == "(tidak ada baris)\n"
    assert render(empty, "json") == "[]\n"
    assert render(empty, "csv") == "unit,capaian_persen\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=8),
                          st.one_of(st.floats(allow_infinity=False, min_value=-1e19, max_value=1e19),
                                    st.decimals(min_value=-10**9, max_value=10**9, places=6,
                                                allow_nan=False).map(float))),
                min_size=1, max_size=20))
def test_random_cells_read_alike(rows):
    table = pd.DataFrame(rows, columns=["teks", "angka"])
    assert render(table, "csv") == per_value(table, "csv", {})
    assert json.loads(render(table, "json")) == json.loads(per_value(table, "json", {}))
