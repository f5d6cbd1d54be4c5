"""Renstra periods as data and the one comparison with the end-of-period target (issue 13.6):
kumulatif indicators sum the period's realisation against the period's total target, nilai akhir
and rata-rata compare this year's value or the mean with the end target; without an end target the
comparison says so. Every figure below is computed by hand in the comment beside it."""
from decimal import Decimal

import pytest

from kinerja.auth import Ditolak, cli_account
from kinerja.cli import main
from kinerja.collect.renstra import PeriodError, add_period
from kinerja.engine.capaian import capaian
from kinerja.engine.renstra import compare
from kinerja.ingest.plan import plan_file
from kinerja.ingest.write import apply_plan
from kinerja.store.renstra import period_of, periods
from tests import seed
from tests.conftest import PERENCANA, SEKRETARIAT, db_content
from tests.workbooks import Sheet, sop_rows, xlsx


def renstra_targets(con, indikator_id: int, targets: dict[int, str]) -> None:
    for tahun, nilai in targets.items():
        bawah, atas = seed.bounds(nilai)
        con.execute("INSERT INTO target_renstra VALUES (?, ?, ?, ?, NULL, NULL)", [indikator_id, tahun, bawah, atas])


def year_values(con, indikator_id: int, tahun: int, quarters: dict[int, str], target: str) -> None:
    con.execute("INSERT INTO target VALUES (?, ?, 0, ?, ?, NULL, NULL)", [indikator_id, tahun, *seed.bounds(target)])
    for q, nilai in quarters.items():
        con.execute("INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai) VALUES (?, ?, ?, ?)",
                    [indikator_id, tahun, q, Decimal(nilai)])
    seed.stored(con, [indikator_id])


def compared(con, tahun: int, triwulan=None) -> dict:
    periode = period_of(con, tahun)
    years = periode.years_to(tahun) if periode else [tahun]
    frames = {y: capaian(con, y, triwulan if y == tahun else None) for y in years}
    return {row["indikator_id"]: row for row in compare(con, tahun, frames).to_dict("records")}


def test_the_database_starts_with_the_2021_2026_period_and_a_year_finds_its_period(con):
    assert [p.label for p in periods(con)] == ["2021-2026"]
    assert period_of(con, 2023).label == "2021-2026" and period_of(con, 2027) is None
    add_period(con, 2027, 2031, SEKRETARIAT)
    assert [p.label for p in periods(con)] == ["2021-2026", "2027-2031"]
    assert period_of(con, 2027).akhir == 2031 and period_of(con, 2031).awal == 2027


def test_only_the_sekretariat_adds_a_period_and_the_audit_trail_records_it(con):
    before = db_content(con)
    with pytest.raises(Ditolak):
        add_period(con, 2027, 2031, PERENCANA)
    assert db_content(con) == before
    add_period(con, 2027, 2031, SEKRETARIAT)
    assert con.execute("SELECT akun, aksi, baru FROM audit").fetchall() == [
        ("sekretariat", "renstra_periode", "2027-2031")]


@pytest.mark.parametrize("awal, akhir, message", [
    (2025, 2030, "bertumpang tindih dengan periode Renstra 2021-2026"),
    (2031, 2027, "tahun akhir 2027 sebelum tahun awal 2031"),
    (2027, 2045, "lebih dari 10 tahun"),
])
def test_a_period_that_overlaps_or_is_reversed_is_refused_and_nothing_is_written(con, awal, akhir, message):
    before = db_content(con)
    with pytest.raises(PeriodError, match=message):
        add_period(con, awal, akhir, SEKRETARIAT)
    assert db_content(con) == before


def test_kumulatif_compares_the_period_sum_with_the_period_total_target(con):
    """Renstra targets 10 a year, 2021-2026: total 60. Realisation 2021: 3+3+3+3 = 12, 2022: 2×4 = 8,
    2023: 10 (TW I-IV). Column 6 = 12 + 8 = 20; 13 = 20 + 10 = 30; 14 = 30 / 60 = 50,00 %.
    The old rule put 30 over the 2026 target 10: 300 %."""
    ind = seed.indikator(con, "Jumlah ASN dilatih", tahun=2023, target="10",
                         realisasi={1: "1", 2: "2", 3: "3", 4: "4"}, satuan="orang")
    renstra_targets(con, ind, {y: "10" for y in range(2021, 2027)})
    year_values(con, ind, 2021, {1: "3", 2: "3", 3: "3", 4: "3"}, "10")
    year_values(con, ind, 2022, {1: "2", 2: "2", 3: "2", 4: "2"}, "10")
    row = compared(con, 2023)[ind]
    assert (row["target_akhir"], row["realisasi_lalu"], row["realisasi_sd"], row["tingkat_capaian"]) == (
        Decimal(60), Decimal(20), Decimal(30), Decimal("50.00"))
    assert row["periode"] == "2021-2026" and row["keterangan"] == ""
    assert row["aturan"] == "jumlah realisasi 2021-2023 dibanding jumlah target Renstra 2021-2026"


def test_kumulatif_without_every_years_renstra_target_says_which_are_missing(con):
    ind = seed.indikator(con, "Jumlah ASN dilatih", tahun=2023, target="10", realisasi={1: "1", 2: "2", 3: "3", 4: "4"})
    renstra_targets(con, ind, {2026: "10", 2021: "10"})
    row = compared(con, 2023)[ind]
    assert row["target_akhir"] is None and row["tingkat_capaian"] is None
    assert row["keterangan"].startswith("target Renstra tahun 2022, 2023, 2024, 2025 belum ada")
    assert "realisasi 2021, 2022 tidak ada" in row["keterangan"]


def test_nilai_akhir_compares_this_years_value_with_the_end_target(con):
    """End target (2026) 90; 2022: 80, 2023: 85. Column 6 = 80 (the latest earlier year), 13 = 85,
    14 = 85 / 90 = 94,44 %."""
    ind = seed.indikator(con, "Indeks Profesionalitas ASN", tahun=2023, target="85", realisasi={4: "85"},
                         agregasi="nilai_akhir", satuan="indeks")
    renstra_targets(con, ind, {2026: "90"})
    year_values(con, ind, 2022, {4: "80"}, "80")
    row = compared(con, 2023)[ind]
    assert (row["target_akhir"], row["realisasi_lalu"], row["realisasi_sd"], row["tingkat_capaian"]) == (
        Decimal(90), Decimal(80), Decimal(85), Decimal("94.44"))
    assert row["aturan"] == "realisasi 2023 dibanding target akhir Renstra 2026"


def test_rata_rata_compares_the_mean_of_the_years_with_the_end_target(con):
    """End target 50; the year's mean 2022: (38 + 42) / 2 = 40, 2023: (44 + 48) / 2 = 46. Column 13
    = (40 + 46) / 2 = 43, 14 = 43 / 50 = 86,00 %."""
    ind = seed.indikator(con, "Rata-rata JP per ASN", tahun=2023, target="45", target_tw={},
                         realisasi={1: "44", 2: "48", 3: "46", 4: "46"}, agregasi="rata_rata", satuan="JP")
    renstra_targets(con, ind, {2026: "50"})
    year_values(con, ind, 2022, {1: "38", 2: "42", 3: "40", 4: "40"}, "40")
    row = compared(con, 2023)[ind]
    assert (row["realisasi_lalu"], row["realisasi_sd"], row["tingkat_capaian"]) == (
        Decimal(40), Decimal(46 + 40) / 2, Decimal("86.00"))


def test_a_negative_indicator_uses_its_own_formula_and_a_range_counts_inside_as_100(con):
    """Lower is better, formula A: end target 10 hari, realisation 12: (2 − 12/10) × 100 = 80,00.
    A range end target 80 - 90 with 85 inside it: 100,00."""
    waktu = seed.indikator(con, "Rata-rata waktu layanan", tahun=2023, target="10", realisasi={4: "12"},
                           agregasi="nilai_akhir", polaritas="negatif", satuan="hari")
    renstra_targets(con, waktu, {2026: "10"})
    indeks = seed.indikator(con, "Indeks kepuasan", tahun=2023, target="80 - 90", realisasi={4: "85"},
                            agregasi="nilai_akhir", satuan="indeks")
    renstra_targets(con, indeks, {2026: "80 - 90"})
    rows = compared(con, 2023)
    assert rows[waktu]["tingkat_capaian"] == Decimal("80.00")
    assert rows[indeks]["tingkat_capaian"] == Decimal("100.00")
    assert (rows[indeks]["target_akhir"], rows[indeks]["target_akhir_atas"]) == (Decimal(80), Decimal(90))


def test_without_an_end_target_or_outside_every_period_the_comparison_says_why(con):
    ind = seed.indikator(con, "Nilai SAKIP", tahun=2019, target="70", realisasi={4: "71"}, agregasi="nilai_akhir")
    year_values(con, ind, 2023, {4: "75"}, "75")
    assert compared(con, 2023)[ind]["keterangan"] == "target akhir Renstra 2026 belum ada"
    outside = compared(con, 2019)[ind]
    assert outside["tingkat_capaian"] is None and outside["periode"] is None
    assert outside["keterangan"] == "tahun 2019 tidak termasuk periode Renstra yang tercatat"


def test_a_year_of_the_next_period_compares_with_that_periods_end(con):
    ind = seed.indikator(con, "Indeks Sistem Merit", tahun=2027, target="0.8", realisasi={4: "0.78"},
                         agregasi="nilai_akhir", satuan="indeks")
    renstra_targets(con, ind, {2026: "0.7", 2031: "0.9"})
    assert compared(con, 2027)[ind]["keterangan"] == "tahun 2027 tidak termasuk periode Renstra yang tercatat"
    add_period(con, 2027, 2031, SEKRETARIAT)
    row = compared(con, 2027)[ind]
    assert (row["periode"], row["target_akhir"], row["tingkat_capaian"]) == ("2027-2031", Decimal("0.9"),
                                                                            Decimal("86.67"))  # 0,78 / 0,9


# --------------------------------------------------------------------------- import and command line

END_TARGET_FILE = sop_rows([[1, "S", "Indeks Profesionalitas ASN", "indeks", 72, 80]],
                           ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET", "TARGET AKHIR RENSTRA"],
                           title=False)


def test_an_end_target_column_without_a_year_lands_on_the_end_of_the_files_period(con):
    data = xlsx(Sheet("Data", END_TARGET_FILE))
    plan = plan_file(con, data, "r.xlsx", "MUTASI", 2025)
    assert plan.ok and [(c.jenis, c.tahun) for c in plan.changes if c.jenis == "target_renstra"] == [
        ("target_renstra", 2026)]
    # 2028 belongs to no recorded period: a warning, the target is not stored
    plan = plan_file(con, data, "r.xlsx", "MUTASI", 2028)
    assert plan.ok and not [c for c in plan.changes if c.jenis == "target_renstra"]
    assert [p.kind for p in plan.warnings] == ["periode_renstra"]
    assert "tahun 2028 tidak termasuk periode Renstra" in plan.warnings[0].message
    add_period(con, 2027, 2031, SEKRETARIAT)
    plan = plan_file(con, data, "r.xlsx", "MUTASI", 2028)
    apply_plan(con, plan, SEKRETARIAT)
    assert con.execute("SELECT tahun, bawah FROM target_renstra").fetchall() == [(2031, Decimal(80))]


def run(capsys, *args):
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_sekretariat_adds_a_period_from_the_command_line(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert run(capsys, "init", "--db", path)[0] == 0
    code, out, _ = run(capsys, "renstra", "tambah", "--awal", "2027", "--akhir", "2031", "--oleh", "rina",
                       "--db", path)
    assert code == 0 and "Periode Renstra 2027-2031 tercatat" in out
    code, out, _ = run(capsys, "renstra", "daftar", "--format", "csv", "--db", path)
    assert out.splitlines() == ["tahun_awal,tahun_akhir,dibuat_oleh", "2021,2026,migrasi 0007",
                                "2027,2031,rina"]
    code, _, err = run(capsys, "renstra", "tambah", "--awal", "2030", "--akhir", "2034", "--db", path)
    assert code == 1 and "bertumpang tindih dengan periode Renstra 2027-2031" in err and "Traceback" not in err


def test_the_sasaran_page_says_when_a_year_is_outside_every_period(monkeypatch, demo_db, tmp_path):
    import shutil

    from kinerja.ingest.files import import_file
    from kinerja.store import db
    from tests.test_pages import open_page
    from tests.workbooks import csv_bytes

    path = tmp_path / "salinan.duckdb"
    shutil.copy(demo_db, path)
    data = csv_bytes([["NO", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI Q1", "REALISASI Q2",
                       "REALISASI Q3", "REALISASI Q4"], [1, "Indeks Sistem Merit", "indeks", "0,4", "0,4", "0,41",
                                                        "0,42", "0,43"]])
    with db.connect(path) as con:
        assert import_file(con, data, "p.csv", "PEMBINAAN", 2019, None, akun=cli_account("uji")).ok
        row = capaian(con, 2019).iloc[0]
    app = open_page(monkeypatch, path, "pages/sasaran.py", tahun="2019", sasaran=str(int(row["sasaran_id"])),
                    indikator=str(row["indikator_id"]), rincian="Tahun-tahun Renstra")
    assert not app.exception
    assert "Tahun 2019 tidak termasuk periode Renstra yang tercatat" in app.info[0].value
