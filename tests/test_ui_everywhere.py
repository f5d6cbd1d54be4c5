"""The dashboard speaks the user's language, fits any screen and keeps the user's place
(issue 17): configuration, labels, chart tooltips, choices kept across pages, a link landing on
the indicator it names, every shortened list with a way to see the rest."""
import json
import re
import tomllib
from pathlib import Path

import pandas as pd

from kinerja.engine.capaian import capaian, skala
from kinerja.ingest import upload
from kinerja.present import charts
from kinerja.present.tables import (
    gap_table,
    indicator_table,
    setting_label,
    settings_text,
)
from tests.test_pages import engine, open_page

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"\b(nilai_akhir|rata_rata|per_triwulan|None)\b")


def html_bodies(app) -> str:
    return "\n".join(e.proto.body for e in app.get("html"))


def test_the_upload_limit_is_configured_and_shown_as_the_reader_enforces_it():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    limit = upload.MAX_BYTES // upload.MEGABYTE
    assert config["server"]["maxUploadSize"] == limit == 20
    # no Streamlit menu left: its items (Rerun, Settings, Print, Record a screencast) are English
    assert config["client"]["toolbarMode"] == "minimal"


def test_the_uploader_names_its_limit_and_the_style_sheet_replaces_streamlits_english(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/unggah.py")
    assert "maks. 20 MB per berkas" in app.get("file_uploader")[0].label
    style = html_bodies(app)
    assert "stElementToolbar" in style and "display: none" in style
    assert "Seret berkas ke sini" in style and "Pilih berkas" in style


def test_setting_codes_are_shown_as_labels(monkeypatch, demo_db):
    assert setting_label("agregasi", "nilai_akhir") == "Nilai akhir (nilai terakhir)"
    assert setting_label("konvensi", None) == setting_label("konvensi", float("nan")) == "Dideteksi per tahun"
    frame = pd.DataFrame({"agregasi": ["rata_rata"], "konvensi_triwulan": ["per_triwulan"], "polaritas": ["negatif"]})
    assert not CODE.search(settings_text(frame).to_string())

    app = open_page(monkeypatch, demo_db, "pages/indikator.py")
    listed = app.dataframe[0].value[["agregasi", "konvensi_triwulan", "polaritas"]]
    assert not CODE.search(listed.to_string()), listed
    assert all(not CODE.search(o) for box in app.selectbox for o in box.options)
    assert all(not CODE.search(o) for radio in app.radio for o in radio.options)
    sasaran = open_page(monkeypatch, demo_db, "pages/sasaran.py")
    assert not CODE.search(" ".join(c.value for c in sasaran.caption))


def tooltips(spec) -> list:
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "tooltip":
                found += value if isinstance(value, list) else [value]
            else:
                found += tooltips(value)
    elif isinstance(spec, list):
        for value in spec:
            found += tooltips(value)
    return found


def test_every_tooltip_field_has_an_indonesian_title_and_no_legend_is_cut(demo_db):
    frame = engine(demo_db, capaian, 2025)
    scale = engine(demo_db, skala)
    summary = pd.DataFrame({"sasaran": ["S"], "rata_rata": [95.0], "kategori": ["Tinggi"], "terukur": [3],
                            "belum_lengkap": [1], "jumlah": [4]})
    for chart in [charts.capaian_bars(summary, scale, "sasaran", "Sasaran"),
                  charts.capaian_bars(frame.dropna(subset=["capaian_persen"]), scale, "indikator", "Indikator",
                                      value="capaian_persen")]:
        spec = chart.to_dict()
        shown = tooltips(spec)
        assert shown and all(t.get("title") for t in shown), shown
        text = json.dumps(spec)
        assert '"columns": 2' in text  # the kategori legend wraps in rows of two
        assert "containerSize()" in text  # axis labels shorten with the width
    titles = [t["title"] for t in tooltips(charts.capaian_bars(summary, scale, "sasaran", "Sasaran").to_dict())]
    assert {"Indikator terukur", "Indikator belum lengkap", "Jumlah indikator"} <= set(titles)


def test_tables_put_the_key_columns_first(demo_db):
    frame = engine(demo_db, capaian, 2025)
    assert list(indicator_table(frame, {}).columns[:3]) == ["Indikator", "Capaian", "Kategori"]


def test_on_a_phone_the_answer_comes_before_the_charts(monkeypatch, demo_db):
    from kinerja.engine import summaries
    from kinerja.web import widgets

    app = open_page(monkeypatch, demo_db)
    style = html_bodies(app)
    assert "@media (max-width: 640px)" in style and "st-key-jawaban-dulu" in style and "order: -1" in style
    # the answer is the right column of the keyed container: gaps first, then at risk
    headings = [h.value for h in app.subheader]
    assert headings.index("Kesenjangan terbesar") < headings.index("Peringatan dini") < headings.index(
        "Belum lengkap")
    # a phone shows three cards of each list (style.css: "layar-lebar" holds the rest); what it leaves
    # out is under "Lihat semua", which a wide screen with every card shown needs only beyond 8
    tahun = app.selectbox(key="tahun").value
    gaps = engine(demo_db, lambda con: summaries.off_track(capaian(con, tahun, None), skala(con)))
    assert "st-key-ubin-ringkas" in style and "st-key-layar-lebar" in style
    expected = f"Lihat semua {len(gaps)} kesenjangan"
    assert (expected in [e.label for e in app.expander]) == (len(gaps) > widgets.CARDS_PHONE)


def test_the_sasaran_and_indicator_survive_a_visit_to_another_page(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/sasaran.py")
    sasaran = app.selectbox(key="pilihan-sasaran")
    sasaran.select(sasaran.options[-1]).run()
    indikator = app.selectbox(key="pilihan-indikator")
    indikator.select(indikator.options[-1]).run()
    chosen = (app.selectbox(key="pilihan-sasaran").value, app.selectbox(key="pilihan-indikator").value)
    app.query_params.clear()  # the sidebar's links carry no choice
    app.switch_page("pages/ringkasan.py").run()
    app.query_params.clear()
    app.switch_page("pages/sasaran.py").run()
    assert not app.exception
    assert (app.selectbox(key="pilihan-sasaran").value, app.selectbox(key="pilihan-indikator").value) == chosen
    assert "indikator-terpilih" not in html_bodies(app)  # chosen on the page: no jump


def test_the_data_search_survives_a_visit_to_another_page(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/data.py")
    app.text_input(key="tetap-data-cari").input("indeks").run()
    shown = len(app.dataframe[0].value)
    app.switch_page("pages/tren.py").run()
    app.switch_page("pages/data.py").run()
    assert app.text_input(key="tetap-data-cari").value == "indeks"
    assert len(app.dataframe[0].value) == shown


def test_the_trends_direction_survives_a_visit_to_another_page(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/tren.py")
    arah = app.button_group(key="tetap-tren-arah")
    every = list(arah.value)
    arah.unselect(every[0]).run()
    shown = len(app.dataframe[-1].value)
    app.switch_page("pages/ringkasan.py").run()
    app.switch_page("pages/tren.py").run()
    assert not app.exception and not app.warning, [w.value for w in app.warning]
    assert app.button_group(key="tetap-tren-arah").value == every[1:]
    assert len(app.dataframe[-1].value) == shown


def test_a_gap_card_lands_on_the_indicator_it_names(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, tahun="2025", triwulan="TW_III")
    link = next(e.proto for e in app.get("page_link") if "sasaran" in e.proto.page)  # the first gap card
    app.query_params.clear()
    app.query_params.update(dict(pair.split("=") for pair in link.query_string.split("&")))
    app.switch_page("pages/sasaran.py").run()
    assert "indikator-terpilih" in html_bodies(app) and "scrollIntoView" in html_bodies(app)


def test_the_gap_list_shows_eight_and_offers_all(monkeypatch, demo_db):
    from decimal import Decimal

    from kinerja.engine import capaian as engine_capaian
    from kinerja.engine import summaries

    # every measured indicator counted as a gap (the limit above any capaian): more than the eight cards
    for module in (summaries, engine_capaian):
        monkeypatch.setattr(module, "off_track_limit", lambda scale: Decimal(10_000))
    app = open_page(monkeypatch, demo_db)
    gaps = summaries.off_track(engine(demo_db, capaian, 2025), engine(demo_db, skala))
    assert len(gaps) > 8
    label = f"Lihat semua {len(gaps)} kesenjangan"
    assert label in [e.label for e in app.expander]
    # the whole list is built only once the user opens it: the first paint carries no hidden table
    assert not [t for t in app.dataframe if len(t.value) == len(gaps)]
    app.session_state["buka-ringkasan-kesenjangan"] = True
    app.run()
    assert [t for t in app.dataframe if len(t.value) == len(gaps)]
    assert len(gap_table(gaps)) == len(gaps)


def test_ringkasan_names_the_units_late_with_their_data_and_links_to_the_register(monkeypatch, demo_db):
    from datetime import date

    from kinerja.collect import reminders
    from kinerja.collect.register import register
    from kinerja.store.queries import run

    app = open_page(monkeypatch, demo_db)
    tahun = app.sidebar.selectbox[0].value
    due = engine(demo_db, lambda con: reminders.reminders(register(con, tahun), run(con, "units", {}), tahun,
                                                          date.today()))
    late = due[due["keadaan"] == reminders.TERLAMBAT]
    links = [e for e in app.get("page_link") if "Terlambat mengirim data" in e.proto.label]
    assert len(late)  # the demo's latest year has quarters never sent, their deadlines past
    (link,) = links
    assert all(name in link.proto.label for name in late["unit_nama"]) and "pengumpulan" in link.proto.page
