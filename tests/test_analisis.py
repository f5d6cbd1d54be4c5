"""What the dashboard reads off the capaian table: means, bands, gaps, trends, filters."""
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

from kinerja.collect.register import register
from kinerja.engine import summaries
from kinerja.engine.capaian import capaian, perbandingan, perbandingan_tersimpan, ringkasan, skala
from kinerja.values import exact, mean_persen
from tests import seed


@pytest.fixture
def scale(con):
    return skala(con)


def rows(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


def test_the_mean_of_published_capaian_is_exact():
    # float arithmetic gives 99.16000000000001 for (101.97 + 96.35) / 2
    assert mean_persen([101.97, 96.35]) == Decimal("99.16")
    assert mean_persen([104.17, 96.35, 101.97]) == Decimal("100.83")
    assert mean_persen([0.005, 0.0]) == Decimal("0.00")  # half up: 0.0025 → 0.00


def test_missing_capaian_is_left_out_of_the_mean_not_counted_as_zero():
    assert mean_persen([100.0, float("nan"), None]) == Decimal("100.00")
    assert mean_persen([float("nan")]) is None


def test_a_band_is_decided_on_the_rounded_value(scale):
    assert summaries.band(90.996, scale)[0] == "Sangat Tinggi"
    assert summaries.band(90.994, scale)[0] == "Tinggi"
    assert summaries.band(76, scale)[0] == "Tinggi"
    assert summaries.band(50.99, scale)[0] == "Sangat Rendah"
    assert summaries.band(None, scale) == (None, None)


def test_off_track_means_below_the_second_band_largest_gap_first(scale):
    assert summaries.off_track_limit(scale) == Decimal("76")
    frame = rows(indikator=["a", "b", "c", "d"], capaian_persen=[75.99, 76.0, 40.0, float("nan")],
                 status_data=["terukur", "terukur", "terukur", "tidak_dapat_dihitung"])
    assert list(summaries.off_track(frame, scale)["indikator"]) == ["c", "a"]


def test_an_incomplete_indicator_is_never_off_track_however_low_its_partial_capaian(scale):
    # kumulatif, TW IV not sent: 135 of 300 is 45,00 % of the year's target, but it is missing data
    frame = rows(indikator=["kepemimpinan", "siasn"], unit=["BANGKOM", "PENGADAAN"], capaian_persen=[45.0, 70.16],
                 kategori=["Sangat Rendah", "Sedang"], status_data=["belum_lengkap", "terukur"])
    assert list(summaries.off_track(frame, scale)["indikator"]) == ["siasn"]
    assert list(summaries.incomplete(frame)["indikator"]) == ["kepemimpinan"]
    assert list(summaries.kategori_shown(frame)) == ["Belum lengkap", "Sedang"]


def test_the_gap_is_realisation_minus_target_and_zero_inside_a_range():
    frame = rows(realisasi=[94.83, 70.0, 85.0, 95.0, None], target_bawah=[93.0, 80.0, 80.0, 80.0, 10.0],
                 target_atas=[93.0, 90.0, 90.0, 90.0, 10.0])
    gaps = summaries.selisih(frame)
    assert list(gaps[:4]) == [pytest.approx(1.83, abs=1e-12), -10.0, 0.0, 5.0]
    assert pd.isna(gaps[4])
    assert str(exact(gaps[0])) == "1.83"  # exact in Decimal, not 1.8299999999999983


def test_mean_by_group_counts_measured_indicators_and_bands_the_mean(scale):
    frame = rows(sasaran=["S1", "S1", "S2", "S2"], capaian_persen=[101.97, float("nan"), 60.0, 30.0],
                 status_data=["terukur", "tidak_dapat_dihitung", "terukur", "belum_lengkap"])
    means = summaries.mean_by(frame, ["sasaran"], scale).set_index("sasaran")
    assert means.loc["S1", ["jumlah", "terukur", "belum_lengkap", "rata_rata", "kategori"]].tolist() == [
        2, 1, 0, 101.97, "Sangat Tinggi"]
    # the incomplete 30 % is not in the mean: 60 alone, Rendah (with it: 45, Sangat Rendah)
    assert means.loc["S2", ["jumlah", "terukur", "belum_lengkap", "rata_rata", "kategori"]].tolist() == [
        2, 1, 1, 60.0, "Rendah"]


def test_the_heatmap_leaves_a_quarter_empty_where_nothing_was_measured(scale):
    # unit B sent TW I-III only: at TW IV its kumulatif indicator is incomplete, its cell empty,
    # never the TW III value carried forward
    frames = {q: rows(unit=["A", "B"], capaian_persen=[90.0 + q, 80.0 + q],
                      status_data=["terukur", "terukur" if q < 4 else "belum_lengkap"]) for q in range(1, 5)}
    cells = summaries.by_quarter(frames, ["unit"], scale)
    assert sorted(zip(cells["unit"], cells["triwulan"])) == [
        ("A", 1), ("A", 2), ("A", 3), ("A", 4), ("B", 1), ("B", 2), ("B", 3)]
    assert cells.set_index(["unit", "triwulan"]).at[("B", 3), "rata_rata"] == 83.0


def test_a_change_against_last_year_compares_the_same_measured_indicators():
    now = rows(indikator_id=[1, 2, 3], capaian_persen=[90.0, 40.0, 100.0],
               status_data=["terukur", "belum_lengkap", "terukur"])
    before = rows(indikator_id=[1, 2, 4], capaian_persen=[80.0, 95.0, 50.0],
                  status_data=["terukur", "terukur", "terukur"])
    same_now, same_before = summaries.like_with_like(now, before)
    assert list(same_now["indikator_id"]) == [1] and list(same_before["indikator_id"]) == [1]


def years(values: dict[int, float | None]) -> pd.DataFrame:
    return rows(indikator_id=[1] * len(values), unit=["U"] * len(values), indikator=["I"] * len(values),
                sasaran=["S"] * len(values), tahun=list(values), capaian_persen=list(values.values()))


@pytest.mark.parametrize("values, arah", [
    ({2021: 80.0, 2022: 85.0, 2023: 90.0}, "naik konsisten"),
    ({2021: 90.0, 2022: 85.0, 2023: 80.0, 2024: 70.0}, "turun konsisten"),
    ({2021: 90.0, 2022: 95.0, 2023: 80.0}, "berfluktuasi"),
    ({2021: 80.0, 2022: 80.0, 2023: 80.0}, "berfluktuasi"),
    ({2021: 80.0, 2022: 85.0}, "data kurang"),
    ({2021: 80.0, 2022: None, 2023: 85.0}, "data kurang"),  # a missing year is not a step
])
def test_a_trend_is_steady_only_when_every_year_moves_the_same_way(values, arah):
    trend = summaries.trend(years(values)).iloc[0]
    assert trend["arah"] == arah


def test_a_trend_reports_the_latest_change_exactly():
    trend = summaries.trend(years({2021: 96.35, 2022: 101.97, 2023: 104.17})).iloc[0]
    assert (trend["tahun_awal"], trend["tahun_akhir"]) == (2021, 2023)
    assert str(exact(trend["perubahan_terakhir"])) == "2.2"


def test_submissions_due_count_the_quarters_up_to_the_one_asked(demo_db):
    from kinerja.store import db

    con = db.connect(demo_db)
    rows = register(con, 2025)
    con.close()
    # 8 units owe 2025; its TW IV (deadline 10 January 2026) is missing for MUTASI, BANGKOM and KEUANGAN
    assert summaries.submissions_due(rows, None, date(2026, 1, 10)) == (29, 32)
    assert summaries.submissions_due(rows, 2, date(2026, 1, 10)) == (16, 16)


def test_a_quarter_is_due_only_from_its_own_deadline_setahun_too(demo_db):
    """Setahun counted TW IV as due in December, before its deadline in January."""
    from kinerja.store import db

    con = db.connect(demo_db)
    rows = register(con, 2025)
    con.close()
    assert summaries.submissions_due(rows, None, date(2025, 12, 20)) == (24, 24), "TW IV is due from 10 January"
    assert summaries.submissions_due(rows, None, date(2026, 1, 9)) == (24, 24)
    assert summaries.submissions_due(rows, 3, date(2025, 10, 9)) == (16, 16), "TW III is due from 10 October"
    assert summaries.submissions_due(rows, 3, date(2025, 10, 10)) == (24, 24)


@pytest.mark.parametrize("common", [0, 1, 2])
def test_years_are_compared_over_two_indicators_measured_in_both_or_not_at_all(con, common):
    """Over 0 or 1 indicators measured in both years the change is no year's: the second ringkasan
    is None (no change shown) and the first says how many there were; from 2 on both are given."""
    seed.over_years(con, {f"Kedua tahun {n}": {2023: "90", 2024: "95"} for n in range(common)}
              | {"Hanya 2023": {2023: "50"}, "Hanya 2024": {2024: "60"}})
    now, before = perbandingan(capaian(con, 2024, None), capaian(con, 2023, None), con)
    assert now["jumlah"] == common
    assert (before is None) == (common < summaries.MIN_INDIKATOR_SAMA)
    assert perbandingan_tersimpan(con, 2024, None) == (now, before), "the stored count keeps the same rule"


def test_notes_join_ket_and_bukti_up_to_the_quarter_asked():
    catatan = rows(indikator_id=[1, 1, 1], triwulan=[0, 1, 3], ket=["umum", "rapat ditunda", None],
                   bukti_dukung=[None, None, "sk.pdf"])
    assert summaries.notes(catatan, 2) == {1: "umum | TW I: rapat ditunda"}
    assert summaries.notes(catatan, None) == {1: "umum | TW I: rapat ditunda | TW III: bukti: sk.pdf"}


def test_data_rows_filter_by_unit_kategori_and_words(demo_db):
    from kinerja.store import db

    con = db.connect(demo_db)
    frame = capaian(con, 2025)
    con.close()
    assert len(summaries.data_rows(frame)) == len(frame)
    mutasi = summaries.data_rows(frame, units=["MUTASI"])
    assert set(mutasi["unit"]) == {"MUTASI"} and len(mutasi) == 5
    assert list(summaries.data_rows(frame, cari="sistem merit")["indikator"]) == ["Indeks Sistem Merit"]
    unmeasured = summaries.data_rows(frame, kategori=[summaries.UNMEASURED])
    assert unmeasured["capaian_persen"].isna().all()
    assert list(summaries.data_rows(frame).columns) == summaries.DATA_COLUMNS


def test_ringkasan_counts_what_is_off_track(demo_db):
    from kinerja.store import db

    con = db.connect(demo_db)
    frame = capaian(con, 2025)
    summary = ringkasan(frame, con)
    limit = summaries.off_track_limit(skala(con))
    con.close()
    complete = frame[frame["lengkap"] & frame["kategori"].notna()]
    assert summary["perlu_perhatian"] == int((complete["capaian_persen"] < float(limit)).sum()) > 0
    assert sum(summary["per_kategori"].values()) == summary["terukur"]
    assert summary["terukur"] + summary["belum_lengkap"] + summary["tidak_dapat_dihitung"] == summary["jumlah"]


def test_the_2025_demo_separates_missing_quarters_from_poor_results(demo_db):
    """Before: 33/33 terukur, 9 perlu perhatian of which 5 kumulatif indicators of units without TW IV
    (and 3 nilai_akhir ones carrying TW III). MUTASI, BANGKOM and KEUANGAN sent no TW IV: their 13
    indicators are belum lengkap; of the 20 measured, only "Persentase data SIASN yang mutakhir"
    (70,16 %) is below 76."""
    from kinerja.store import db

    con = db.connect(demo_db)
    frame = capaian(con, 2025)
    summary = ringkasan(frame, con)
    gaps = summaries.off_track(frame, skala(con))
    con.close()
    assert (summary["jumlah"], summary["terukur"], summary["belum_lengkap"], summary["tidak_dapat_dihitung"]) == (
        33, 20, 13, 0)
    assert set(summaries.incomplete(frame)["unit"]) == {"MUTASI", "BANGKOM", "KEUANGAN"}
    assert list(gaps["indikator"]) == ["Persentase data SIASN yang mutakhir"]
    assert summary["perlu_perhatian"] == 1
    assert (frame.loc[frame["status_data"] == "belum_lengkap", "keterangan"].str.contains("TW IV")).all()
