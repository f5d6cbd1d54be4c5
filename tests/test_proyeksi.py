"""Early warning (kinerja.proyeksi): the year-end projection from the quarters reported so
far, its status, the shortfall in the indicator's unit and what the rest of the year must bring.
Indicators are written straight into the tables (tests/seed.py) and read through the engine."""
import json
import math
from datetime import date

import pandas as pd
import pytest

from kinerja import proyeksi as p
from kinerja.engine.capaian import capaian, skala
from kinerja.present.tables import kebutuhan_text, kekurangan_text, peringatan_text, proyeksi_table
from kinerja.vocab import triwulan_berakhir
from tests.reference_proyeksi import at_risk, by_risk
from tests.seed import TAHUN, indikator


def project(con, triwulan: int, tahun: int = TAHUN):
    return p.proyeksi(capaian(con, tahun, triwulan), skala(con), triwulan).set_index("indikator")


def test_kumulatif_is_projected_at_the_pace_of_the_plan(con):
    indikator(con, "Jumlah ASN dilatih", satuan="orang", target=400, target_tw={1: 100, 2: 100, 3: 100, 4: 100},
              realisasi={1: 90, 2: 80})
    row = project(con, 2).loc["Jumlah ASN dilatih"]
    # 170 of the 200 planned to date: 85 % of the plan, so 340 of 400 by year end
    assert (row.proyeksi, row.proyeksi_capaian, row.status) == (340, 85, p.BERISIKO)
    assert (row.kekurangan, row.sisa_triwulan, row.kebutuhan, row.kebutuhan_per_triwulan) == (60, 2, 230, 115)
    assert "dikalikan target tahunan" in row.aturan and row.alasan == ""


def test_a_missing_quarter_is_missing_not_zero(con):
    indikator(con, "Jumlah dokumen", satuan="dokumen", target=400, target_tw={1: 100, 2: 100, 3: 100, 4: 100},
              realisasi={1: 100, 3: 100})
    row = project(con, 3).loc["Jumlah dokumen"]
    # TW II is left out of the pace (200 against 200 planned), not counted as 0 (200 against 300)
    assert (row.proyeksi, row.status, row.kekurangan) == (400, p.TERCAPAI, 0)
    assert row.triwulan_dilaporkan == "TW I, TW III"
    assert (row.sisa_triwulan, row.kebutuhan, row.kebutuhan_per_triwulan) == (2, 200, 100), "TW II and TW IV to come"


def test_kumulatif_without_quarterly_targets_extrapolates_the_quarters_reported(con):
    indikator(con, "Jumlah rapat", satuan="kegiatan", target=12, realisasi={1: 2})
    row = project(con, 1).loc["Jumlah rapat"]
    assert (row.proyeksi, row.proyeksi_capaian, row.status) == (8, 66.67, p.TIDAK_TERCAPAI)
    assert (row.kekurangan, row.kebutuhan, row.kebutuhan_per_triwulan) == (4, 10, 3.333333)
    assert "× 4 / 1" in row.aturan


def test_cumulative_convention_compares_the_latest_value_with_its_quarters_target(con):
    indikator(con, "Jumlah berkas", satuan="berkas", target=400, target_tw={1: 100, 2: 200, 3: 300, 4: 400},
              realisasi={1: 110, 2: 230}, konvensi="kumulatif")
    row = project(con, 2).loc["Jumlah berkas"]
    assert (row.proyeksi, row.proyeksi_capaian, row.status) == (460, 115, p.TERCAPAI)
    assert (row.sisa_triwulan, row.kebutuhan, row.kebutuhan_per_triwulan) == (2, 170, 85)


def test_nilai_akhir_follows_the_least_squares_line_to_tw_iv(con):
    indikator(con, "Persentase data mutakhir", satuan="%", agregasi="nilai_akhir", target=90,
              realisasi={1: 80, 2: 84, 3: 86})
    row = project(con, 3).loc["Persentase data mutakhir"]
    # line through (1, 80), (2, 84), (3, 86): slope 3, at TW IV 83,333… + 6
    assert (row.proyeksi, row.proyeksi_capaian, row.status) == (89.333333, 99.26, p.BERISIKO)
    assert (row.kekurangan, row.sisa_triwulan, row.kebutuhan, row.kebutuhan_per_triwulan) == (0.666667, 1, 90, 4)
    assert "garis tren" in row.aturan


def test_one_quarter_of_a_level_is_that_value_and_polarity_decides(con):
    indikator(con, "Waktu layanan", satuan="hari", agregasi="nilai_akhir", polaritas="negatif", target=10,
              realisasi={1: 12})
    indikator(con, "Waktu pensiun", satuan="hari", agregasi="nilai_akhir", polaritas="negatif", target=10,
              realisasi={1: 14, 2: 12})
    rows = project(con, 2)
    slow = rows.loc["Waktu layanan"]
    assert (slow.proyeksi, slow.proyeksi_capaian, slow.status) == (12, 80, p.BERISIKO)
    assert slow.kekurangan == 2, "2 hari above the target"
    assert slow.kebutuhan_per_triwulan == pytest.approx(-0.666667), "must fall 2 hari over 3 quarters"
    falling = rows.loc["Waktu pensiun"]  # lower is better: a falling line reaches 8 hari
    assert (falling.proyeksi, falling.proyeksi_capaian, falling.status) == (8, 120, p.TERCAPAI)


def test_a_lower_is_better_line_falling_below_0_is_not_projected(con):
    # 12 then 6 hari: the line reaches -6 hari at TW IV; 0 would be a made-up perfect year (formula A:
    # (2 - 0 / 10) × 100 = 200 %), and days cannot be negative: the trend cannot say, so it says so
    indikator(con, "Waktu layanan", satuan="hari", agregasi="nilai_akhir", polaritas="negatif", target=10,
              realisasi={1: 12, 2: 6})
    indikator(con, "Rata-rata keterlambatan", satuan="hari", agregasi="rata_rata", polaritas="negatif", target=8,
              realisasi={1: 9, 2: 3})
    rows = project(con, 2)
    for name in ["Waktu layanan", "Rata-rata keterlambatan"]:
        row = rows.loc[name]
        assert row.status is None and math.isnan(row.proyeksi) and math.isnan(row.proyeksi_capaian), name
        assert row.alasan == p.BELOW_ZERO and "tidak dapat diproyeksikan" in row.alasan
        assert math.isnan(row.kekurangan) and row.sisa_triwulan is pd.NA
    shown = proyeksi_table(rows.reset_index(), 2).set_index("Indikator")
    assert shown.loc["Waktu layanan", ["Status", "Proyeksi"]].tolist() == ["Tanpa proyeksi", "–"]
    assert shown.loc["Waktu layanan", "Dasar proyeksi"] == p.BELOW_ZERO
    # a line that stays at or above 0 is projected as before: 14, 12 reach 8 hari (falling.proyeksi above)


def test_rata_rata_is_the_years_mean_with_the_rest_on_the_trend(con):
    indikator(con, "Nilai rata-rata", satuan="nilai", agregasi="rata_rata", target=80, realisasi={1: 70, 2: 74})
    row = project(con, 2).loc["Nilai rata-rata"]
    # the line gives 78 and 82 for TW III and IV; (70 + 74 + 78 + 82) / 4 = 76
    assert (row.proyeksi, row.proyeksi_capaian, row.status) == (76, 95, p.BERISIKO)
    assert (row.kebutuhan, row.kebutuhan_per_triwulan) == (88, 88), "TW III and IV must average 88"


def test_nothing_reported_has_no_projection_and_says_why(con):
    indikator(con, "Belum lapor", satuan="orang", target=100, target_tw={1: 25, 2: 25, 3: 25, 4: 25},
              realisasi={3: 30})
    indikator(con, "Tanpa target", satuan="orang", realisasi={1: 30})
    rows = project(con, 2)
    row = rows.loc["Belum lapor"]
    assert math.isnan(row.proyeksi) and row.status is None
    assert "belum ada realisasi yang dilaporkan s.d. TW II" in row.alasan, "TW III lies after the quarter asked"
    assert "target tahunan belum ditetapkan" in rows.loc["Tanpa target"].alasan
    assert at_risk(rows.reset_index()).empty


def test_later_quarters_are_not_read(con):
    indikator(con, "Jumlah", satuan="orang", target=400, target_tw={1: 100, 2: 100, 3: 100, 4: 100},
              realisasi={1: 100, 2: 0, 3: 0})
    assert project(con, 1).loc["Jumlah"].proyeksi == 400


def test_a_range_target_is_reached_inside_it(con):
    indikator(con, "Indeks kepuasan", satuan="indeks", agregasi="nilai_akhir", target="80 - 90", realisasi={1: 85})
    row = project(con, 1).loc["Indeks kepuasan"]
    assert (row.proyeksi_capaian, row.status, row.kekurangan, row.target_tahunan) == (100, p.TERCAPAI, 0, "80 - 90")


def test_a_reported_tw_iv_is_the_years_value(con):
    indikator(con, "Persentase", satuan="%", agregasi="nilai_akhir", target=90, realisasi={1: 50, 2: 60, 4: 91})
    row = project(con, 4).loc["Persentase"]
    assert (row.proyeksi, row.status, row.sisa_triwulan) == (91, p.TERCAPAI, 0)
    assert math.isnan(row.kebutuhan)


def test_negative_formula_b_projected_to_zero_is_achieved(con):
    indikator(con, "Jumlah temuan", satuan="temuan", agregasi="nilai_akhir", polaritas="negatif", rumus_negatif="B",
              target=2, realisasi={1: 0})
    row = project(con, 1).loc["Jumlah temuan"]
    assert (row.proyeksi, row.status) == (0, p.TERCAPAI)


def test_a_percentage_line_stays_within_0_and_100(con):
    indikator(con, "Persentase naik", satuan="%", agregasi="nilai_akhir", target=100, realisasi={1: 80, 2: 95})
    assert project(con, 2).loc["Persentase naik"].proyeksi == 100


def test_the_at_risk_list_is_the_projected_misses_lowest_first(con):
    indikator(con, "Tercapai", satuan="orang", target=4, realisasi={1: 1})
    indikator(con, "Berisiko", satuan="orang", target=4, realisasi={1: 0.9})
    indikator(con, "Gagal", satuan="orang", target=4, realisasi={1: 0.5})
    rows = project(con, 1).reset_index()
    assert list(at_risk(rows)["indikator"]) == ["Gagal", "Berisiko"]
    assert list(at_risk(rows)["status"]) == [p.TIDAK_TERCAPAI, p.BERISIKO]


def test_backtest_compares_the_projection_with_the_real_year_end(con):
    # projected on plan at TW II and reached: a hit
    indikator(con, "Tepat", satuan="orang", target=400, target_tw={1: 100, 2: 100, 3: 100, 4: 100},
              realisasi={1: 100, 2: 100, 3: 100, 4: 100})
    # on plan at TW II (projected 400, tercapai), then fell to 300 (75 %: tidak tercapai): a miss
    indikator(con, "Meleset", satuan="orang", target=400, target_tw={1: 100, 2: 100, 3: 100, 4: 100},
              realisasi={1: 100, 2: 100, 3: 50, 4: 50})
    # the year is not complete: not judged
    indikator(con, "Belum lengkap", satuan="orang", target=400, target_tw={1: 100, 2: 100, 3: 100, 4: 100},
              realisasi={1: 100, 2: 100, 3: 100})
    rows = p.backtest(capaian(con, TAHUN, 2), capaian(con, TAHUN), skala(con), 2).set_index("indikator")
    assert list(rows.index) == ["Tepat", "Meleset"]
    assert rows.loc["Tepat", ["proyeksi_capaian", "status", "capaian_akhir", "status_akhir", "tepat"]].tolist() == [
        100, p.TERCAPAI, 100, p.TERCAPAI, True]
    assert rows.loc["Meleset", ["proyeksi_capaian", "status", "capaian_akhir", "status_akhir", "tepat"]].tolist() == [
        100, p.TERCAPAI, 75, p.TIDAK_TERCAPAI, False]
    assert p.hit_rate(rows) == (1, 2)


def test_an_empty_year_gives_an_empty_frame(con):
    assert list(p.proyeksi(capaian(con, TAHUN, 1), skala(con), 1).columns) == p.COLUMNS


# --------------------------------------------------------------------------- pages

def demo_projection(path, tahun, triwulan, unit=None):
    from tests.test_pages import engine

    return engine(path, lambda con: p.proyeksi(capaian(con, tahun, triwulan, unit), skala(con), triwulan))


def test_ringkasan_lists_the_indicators_at_risk_with_their_shortfall_and_links(monkeypatch, demo_db):
    from tests.test_pages import open_page, rendered

    app = open_page(monkeypatch, demo_db, tahun="2025", triwulan="TW_II")
    risky = at_risk(demo_projection(demo_db, 2025, 2))
    assert len(risky) >= 3, "the demo has indicators falling behind"
    assert "Peringatan dini" in [h.value for h in app.subheader]
    assert any("laju terhadap rencana" in c.value for c in app.caption), "the rule is on screen"
    links = [rendered(link.value) for link in app.get("page_link")]
    assert links[-min(len(risky), 8):] == list(risky["indikator"][:8])
    first = risky.iloc[0]
    # 2025 is over (the demo's years are past): the card states the shortfall, asks nothing of the quarters
    shortfall = [rendered(c.value) for c in app.caption if " dari target;" in rendered(c.value)]
    assert shortfall[0] == f"{kekurangan_text(first)}; tahun sudah berakhir."
    assert shortfall[0].startswith("Proyeksi akhir tahun kurang ")
    assert not any("per triwulan" in rendered(c.value) for c in app.caption)
    assert not app.error


def test_in_a_running_year_the_card_says_what_each_remaining_quarter_must_bring(monkeypatch, demo_db):
    import kinerja.vocab
    from tests.test_pages import open_page, rendered

    # the page is read on 15 July 2025: TW I and TW II have ended, TW III and TW IV are time left
    monkeypatch.setattr(kinerja.vocab, "hari_ini", lambda: date(2025, 7, 15))
    app = open_page(monkeypatch, demo_db, tahun="2025", triwulan="TW_II")
    first = at_risk(demo_projection(demo_db, 2025, 2)).iloc[0]
    shortfall = [rendered(c.value) for c in app.caption if " dari target;" in rendered(c.value)]
    assert shortfall[0] == peringatan_text(first, 2)
    assert shortfall[0].startswith(f"{kekurangan_text(first)}; agar tercapai ")
    assert f"pada {first.sisa_triwulan} triwulan tersisa" in shortfall[0] or "TW IV" in shortfall[0]


def test_the_at_risk_sentence_tells_the_year_end_shortfall_from_the_need_per_quarter():
    from types import SimpleNamespace

    def row(**fields):
        base = dict(kekurangan=40.0, satuan="orang", sisa_triwulan=1, kebutuhan_per_triwulan=55.0, kebutuhan=55.0,
                    polaritas="positif", agregasi="kumulatif", target_tahunan=200.0, realisasi=145.0, triwulan=3,
                    triwulan_dilaporkan="TW I, TW II, TW III")
        return SimpleNamespace(**{**base, **fields})

    # read in October (three quarters ended): TW IV is left
    assert peringatan_text(row(), 3) == ("Proyeksi akhir tahun kurang 40 orang dari target; agar tercapai perlu "
                                         "55 orang per triwulan pada 1 triwulan tersisa.")
    assert peringatan_text(row(), 4) == "Proyeksi akhir tahun kurang 40 orang dari target; tahun sudah berakhir."
    # every quarter reported: the year's own value, nothing more to ask
    done = row(sisa_triwulan=0, kebutuhan_per_triwulan=float("nan"), triwulan=4,
               triwulan_dilaporkan="TW I, TW II, TW III, TW IV")
    assert peringatan_text(done, 3) == "Realisasi akhir tahun kurang 40 orang dari target."
    two_left = dict(sisa_triwulan=2, triwulan=2, triwulan_dilaporkan="TW I, TW II")
    negatif = row(satuan="kasus", polaritas="negatif", kekurangan=16.0, kebutuhan_per_triwulan=0.0,
                  target_tahunan=8.0, realisasi=12.0, **two_left)
    assert peringatan_text(negatif, 2) == ("Proyeksi akhir tahun melampaui batas target sebesar 16 kasus; "
                                           "batas setahun (8 kasus) sudah terlampaui.")
    assert kebutuhan_text(row(agregasi="rata_rata", **two_left), 2) == (
        "rata-rata minimal 55 orang pada 2 triwulan tersisa")


def test_a_percentage_falls_short_in_points_and_every_figure_has_the_indicators_decimals(con):
    # one quarter at 32,46 % against 90 %: the year ends at 32,46 %, 57,54 percentage points short
    indikator(con, "Persentase data mutakhir", satuan="%", agregasi="nilai_akhir", target=90, realisasi={1: 32.46})
    # 2 of 12 meetings in TW I: 8 by year end; 10 more over three quarters is 3,33… each, so 4 meetings
    indikator(con, "Jumlah rapat", satuan="kegiatan", target=12, realisasi={1: 2})
    rows = project(con, 1)
    persen, rapat = rows.loc["Persentase data mutakhir"], rows.loc["Jumlah rapat"]
    assert peringatan_text(persen, 1) == ("Proyeksi akhir tahun kurang 57,54 poin dari target; agar tercapai naik "
                                          "19,18 poin per triwulan hingga 90,00 % pada TW IV.")
    assert peringatan_text(rapat, 1) == ("Proyeksi akhir tahun kurang 4 kegiatan dari target; agar tercapai perlu "
                                         "4 kegiatan per triwulan pada 3 triwulan tersisa.")
    shown = proyeksi_table(rows.reset_index(), 1).set_index("Indikator")
    assert shown.loc["Persentase data mutakhir", ["Target tahunan", "Proyeksi akhir tahun",
                                                  "Selisih dari target"]].tolist() == ["90,00 %", "32,46 %",
                                                                                       "kurang 57,54 poin"]
    assert shown.loc["Jumlah rapat", ["Proyeksi akhir tahun", "Selisih dari target"]].tolist() == [
        "8 kegiatan", "kurang 4 kegiatan"]


def test_an_ended_quarter_not_reported_is_named_missing_not_counted_as_time_left(con):
    indikator(con, "Jumlah ASN dilatih", satuan="orang", target=400, target_tw={1: 100, 2: 100, 3: 100, 4: 100},
              realisasi={1: 90, 2: 80})
    indikator(con, "Persentase data mutakhir", satuan="%", agregasi="nilai_akhir", target=90, realisasi={1: 80, 2: 84})
    rows = project(con, 4)  # the whole year: TW III and TW IV not reported
    dilatih, mutakhir = rows.loc["Jumlah ASN dilatih"], rows.loc["Persentase data mutakhir"]
    assert (dilatih.sisa_triwulan, dilatih.kebutuhan, dilatih.kebutuhan_per_triwulan) == (2, 230, 115)
    # read on 15 October: TW III has ended unreported; only TW IV is time left
    selesai = triwulan_berakhir(TAHUN, date(TAHUN, 10, 15))
    assert selesai == 3
    assert kebutuhan_text(dilatih, selesai) == ("perlu 230 orang per triwulan pada 1 triwulan tersisa; TW III sudah "
                                                "berakhir tetapi belum dilaporkan")
    assert kebutuhan_text(mutakhir, selesai) == ("naik 6 poin per triwulan hingga 90 % pada TW IV; TW III sudah "
                                                 "berakhir tetapi belum dilaporkan")
    # read in July: both quarters are still time left, as the projection counts them
    assert kebutuhan_text(dilatih, triwulan_berakhir(TAHUN, date(TAHUN, 7, 1))) == (
        "perlu 115 orang per triwulan pada 2 triwulan tersisa")
    # the year over: nothing is asked; what never came is named
    assert kebutuhan_text(dilatih, triwulan_berakhir(TAHUN, date(TAHUN + 1, 1, 5))) == (
        "tahun sudah berakhir; TW III dan TW IV belum dilaporkan")
    assert peringatan_text(dilatih, 4) == ("Proyeksi akhir tahun kurang 60 orang dari target; tahun sudah berakhir; "
                                           "TW III dan TW IV belum dilaporkan.")


def test_the_quarters_ended_are_counted_from_the_date_the_page_is_read():
    assert [triwulan_berakhir(2025, date(2025, m, d)) for m, d in [(1, 1), (3, 31), (4, 1), (7, 1), (12, 31)]] == [
        0, 0, 1, 2, 3]
    assert (triwulan_berakhir(2025, date(2026, 1, 1)), triwulan_berakhir(2025, date(2024, 12, 31))) == (4, 0)


def test_unit_page_shows_each_indicators_projection_at_risk_first(monkeypatch, demo_db):
    from tests.test_pages import open_page, table

    app = open_page(monkeypatch, demo_db, "pages/unit.py", tahun="2025", triwulan="TW_III", unit="PENGADAAN")
    projected = by_risk(demo_projection(demo_db, 2025, 3, "PENGADAAN"))
    shown = table(app, len(app.dataframe) - 1)
    assert list(shown["Indikator"]) == list(projected["indikator"])
    assert list(shown.columns[:3]) == ["Indikator", "Status", "Proyeksi"]  # a phone shows them whole
    # the short header fits its column on a phone (390 px clipped "Capaian proyeksi"); its help names it
    config = json.loads(app.dataframe[len(app.dataframe) - 1].proto.columns)
    assert config["Proyeksi"]["help"].startswith("Capaian proyeksi: ")
    assert len("Proyeksi") * 8 + 2 * 8 <= config["Proyeksi"]["width"], "about 8 px a letter, 8 px padding each side"
    assert shown["Status"].iloc[0] in {"Berisiko", "Tidak tercapai"}
    assert "Persentase data SIASN yang mutakhir" in set(shown["Indikator"][shown["Status"] != "Tercapai"])
    # 2025 is over: nothing is asked of its quarters
    assert not shown["Yang masih diperlukan"].str.contains("per triwulan").any()
    assert "Peringatan dini" in [h.value for h in app.subheader]


def test_what_is_shown_says_why_and_where_the_target_came_from(con):
    indikator(con, "Tanpa target tahunan", satuan="orang", target_tw={1: 10, 2: 10}, realisasi={1: 5})
    indikator(con, "Rencana nol", satuan="orang", target=10, target_tw={1: 0, 2: 0, 3: 0, 4: 10}, realisasi={1: 0})
    indikator(con, "Kasus", satuan="kasus", polaritas="negatif", target=8, target_tw={1: 2, 2: 2, 3: 2, 4: 2},
              realisasi={1: 6, 2: 6})
    shown = proyeksi_table(p.proyeksi(capaian(con, TAHUN, 2), skala(con), 2), 2).set_index("Indikator")
    assert shown.loc["Tanpa target tahunan", "Target tahunan"] == "20 orang"
    assert shown.loc["Tanpa target tahunan", "Dasar proyeksi"].endswith("memakai target triwulan")
    assert shown.loc["Rencana nol", "Status"] == "Tanpa proyeksi"
    assert "laju terhadap rencana tidak dapat dihitung" in shown.loc["Rencana nol", "Dasar proyeksi"]
    assert shown.loc["Kasus", ["Proyeksi akhir tahun", "Selisih dari target"]].tolist() == [
        "24 kasus", "lebih 16 kasus"]
    assert shown.loc["Kasus", "Yang masih diperlukan"] == "batas setahun (8 kasus) sudah terlampaui"


def test_a_complete_past_year_has_nothing_to_project(monkeypatch, demo_db):
    from tests.test_pages import open_page

    app = open_page(monkeypatch, demo_db, tahun="2024")
    assert "indikator sudah dilaporkan sampai TW IV" in " ".join(s.value for s in app.success)
