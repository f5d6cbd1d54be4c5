"""Chart builders: one colour per kategori everywhere, Indonesian numbers, axes that say the unit."""
import re

import pandas as pd
import pytest

from kinerja.engine import summaries
from kinerja.engine.capaian import skala
from kinerja.present import charts


@pytest.fixture
def scale(con):
    return skala(con)


def per_sasaran(scale) -> pd.DataFrame:
    frame = pd.DataFrame({"sasaran": ["Meningkatnya profesionalitas ASN", "Meningkatnya akuntabilitas"],
                          "capaian_persen": [101.97, 62.5], "status_data": ["terukur", "terukur"]})
    return summaries.mean_by(frame, ["sasaran"], scale)


def spec(chart) -> dict:
    return chart.to_dict()


def colour_scales(node) -> list[dict]:
    """Every colour encoding's scale anywhere in a (layered) spec."""
    found = []
    if isinstance(node, dict):
        colour = node.get("encoding", {}).get("color", {})
        if isinstance(colour, dict) and "scale" in colour:
            found.append(colour["scale"])
        for value in node.values():
            found += colour_scales(value)
    elif isinstance(node, list):
        for value in node:
            found += colour_scales(value)
    return found


def test_kategori_colours_come_from_the_active_scale_on_every_chart(scale):
    bars = charts.capaian_bars(per_sasaran(scale), scale, "sasaran", "Sasaran")
    quarters = pd.DataFrame({"unit": ["A", "A"], "triwulan": [1, 2], "rata_rata": [95.0, 60.0],
                             "kategori": ["Sangat Tinggi", "Rendah"], "warna": ["#0072B2", "#E69F00"],
                             "terukur": [3, 3], "belum_lengkap": [0, 1]})
    heat = charts.heatmap(quarters, scale, "unit", "Unit")
    expected = {"domain": list(scale["kategori"]), "range": list(scale["warna"])}
    for chart in (bars, heat):
        assert expected in colour_scales(spec(chart))


def test_numbers_are_formatted_the_indonesian_way(scale):
    chart = charts.capaian_bars(per_sasaran(scale), scale, "sasaran", "Sasaran")
    assert spec(chart)["config"]["locale"]["number"]["decimal"] == ","
    svg = charts.to_svg(chart)
    labels = re.findall(r">([0-9.,]+)<", svg)
    assert "101,97" in labels and "62,50" in labels
    assert "101.97" not in svg


def test_axes_name_the_unit_of_measure():
    detail = pd.DataFrame({"triwulan": [1, 2], "target_tw": [10.0, 10.0], "realisasi_tw": [8.0, 12.0],
                           "target_sd": [10.0, 20.0], "realisasi_sd": [8.0, 20.0]})
    svg = charts.to_svg(charts.quarters(detail, "orang"))
    assert "Nilai (orang)" in svg and "TW II" in svg
    history = pd.DataFrame({"tahun": [2024, 2025], "target": [1_900_000_000.0, "80 - 90"],
                            "realisasi": [1_500_000_000.0, 85.0]})
    svg = charts.to_svg(charts.years(history, "Rp", renstra=2_000_000_000.0, renstra_tahun=2026))
    assert "Nilai (Rp)" in svg and "Target akhir Renstra 2026" in svg
    assert ">1.800.000.000<" in svg  # the axis groups thousands with dots


def test_a_chart_exports_to_png_and_svg(scale):
    chart = charts.capaian_bars(per_sasaran(scale), scale, "sasaran", "Sasaran")
    assert charts.to_png(chart)[:8] == b"\x89PNG\r\n\x1a\n"
    assert charts.to_svg(chart).lstrip().startswith("<svg")


def test_every_chart_is_valid_vega_lite(scale):
    """The charts are built and converted without Altair's checks (charts.spec): the schema is checked here."""
    import altair as alt

    quarters = pd.DataFrame({"unit": ["A", "A"], "triwulan": [1, 2], "rata_rata": [95.0, 60.0],
                             "kategori": ["Sangat Tinggi", "Rendah"], "warna": ["#0072B2", "#E69F00"],
                             "terukur": [3, 3], "belum_lengkap": [0, 1]})
    detail = pd.DataFrame({"triwulan": [1, 2], "target_tw": [10.0, 10.0], "realisasi_tw": [8.0, 12.0],
                           "target_sd": [10.0, 20.0], "realisasi_sd": [8.0, 20.0]})
    history = pd.DataFrame({"tahun": [2024, 2025], "target": [100.0, "80 - 90"], "realisasi": [90.0, 85.0]})
    lines = pd.DataFrame({"indikator": ["a", "a", "b"], "tahun": [2024, 2025, 2025], "capaian_persen": [90.0, 95.0, 70.0]})
    built = [charts.capaian_bars(per_sasaran(scale), scale, "sasaran", "Sasaran"),
             charts.heatmap(quarters, scale, "unit", "Unit"), charts.quarters(detail, "orang"),
             charts.years(history, "%"), charts.years(history, "%", renstra=100.0, renstra_tahun=2026),
             charts.trend_lines(lines, "indikator", "Indikator")]
    for chart in built:
        alt.Root.validate(charts.spec(chart))
    with pytest.raises(alt.utils.schemapi.jsonschema.ValidationError):  # the check does check
        alt.Root.validate({**charts.spec(built[0]), "autosize": {"type": "tidak-ada"}})


def test_missing_capaian_draws_no_bar_rather_than_a_zero(scale):
    frame = pd.DataFrame({"indikator": ["a", "b"], "rata_rata": [90.0, float("nan")], "kategori": ["Tinggi", None]})
    values = spec(charts.capaian_bars(frame, scale, "indikator", "Indikator"))["datasets"]
    rows = [row for dataset in values.values() for row in dataset if "indikator" in row]
    assert [row["indikator"] for row in rows] == ["a"]


def test_text_on_a_kategori_colour_is_whichever_reads_better_for_any_scale():
    from kinerja.present.colours import ink
    from kinerja.present.tables import kategori_css

    assert ink("#0072B2") == ink("#D55E00") == ink("#333333") == "#FFFFFF"   # dark fills, a user's own too
    assert ink("#56B4E9") == ink("#F0E442") == ink("#EEEEEE") == "#000000"
    assert ink(None) is None and ink("biru") is None
    css = kategori_css(pd.DataFrame({"warna": ["#333333", None], "status_data": ["terukur", "belum_lengkap"]}))
    assert css == ["background-color: #333333; color: #FFFFFF", ""]
