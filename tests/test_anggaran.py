"""Budget beside performance: pagu and realisasi anggaran come in through the same import path as
the indicators (same validation, same all-or-nothing, same history), and serapan is exact."""
from decimal import Decimal

import pytest

from kinerja.engine.anggaran import serapan, serapan_persen
from kinerja.ingest.files import import_file
from tests.conftest import SEKRETARIAT, db_content
from tests.workbooks import SOP_HEADER, Sheet, sop_rows, xlsx

D = Decimal
HEADER = SOP_HEADER + ["PAGU ANGGARAN", "REALISASI ANGGARAN TW I", "REALISASI ANGGARAN TW II",
                       "REALISASI ANGGARAN TW III", "REALISASI ANGGARAN TW IV"]
EMPTY_VALUES = [None] * 9


def budget_file(program_pagu="Rp 5.000.000.000,00", kegiatan=("Rp 1.900.000.000,00", "Rp 400.000.000,00",
                "Rp 500.000.000,50", None, None), indicator_budget=None) -> bytes:
    rows = [
        ["5.03.02", "Meningkatnya profesionalitas ASN", "Program Kepegawaian Daerah", None, *EMPTY_VALUES, None,
         program_pagu],
        ["5.03.02.2.02", None, "Mutasi dan Promosi ASN", None, *EMPTY_VALUES, None, *kegiatan],
        [1, None, "Jumlah ASN dimutasi sesuai kompetensi", "orang", 120, 30, 30, 30, 30, 28, 31, None, None, None,
         indicator_budget],
    ]
    return xlsx(Sheet("Data", sop_rows(rows, HEADER)))


def stored(con) -> list[tuple]:
    return con.execute("SELECT pk.kode, a.tahun, a.triwulan, a.jenis, CAST(a.nilai AS VARCHAR) FROM anggaran a "
                       "JOIN program_kegiatan pk ON pk.id = a.program_kegiatan_id ORDER BY 1, 3, 4").fetchall()


def test_pagu_and_realisasi_anggaran_are_read_from_program_and_kegiatan_rows(con):
    result = import_file(con, budget_file(), "mutasi.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    assert result.ok and result.written, [str(p) for p in result.problems]
    assert stored(con) == [
        ("5.03.02", 2024, 0, "pagu", "5000000000.00"),
        ("5.03.02.2.02", 2024, 0, "pagu", "1900000000.00"),
        ("5.03.02.2.02", 2024, 1, "realisasi", "400000000.00"),
        ("5.03.02.2.02", 2024, 2, "realisasi", "500000000.50"),
    ]
    kegiatan = con.execute("SELECT k.level, p.kode FROM program_kegiatan k JOIN program_kegiatan p "
                           "ON p.id = k.parent_id WHERE k.kode = '5.03.02.2.02'").fetchone()
    assert kegiatan == ("kegiatan", "5.03.02")
    assert any(line.startswith("Anggaran: 4 ditulis") for line in result.summary_lines())


def test_serapan_is_realisasi_over_pagu_exact_and_rounded_half_up(con):
    import_file(con, budget_file(), "mutasi.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    frame = serapan(con, 2024).set_index("kode")
    assert frame.at["5.03.02.2.02", "realisasi"] == D("900000000.50")
    assert frame.at["5.03.02.2.02", "serapan_persen"] == D("47.37")        # 47,368421…
    assert frame.at["5.03.02", "realisasi"] is None                       # no realisation: missing, not 0
    assert frame.at["5.03.02", "serapan_persen"] is None
    assert serapan(con, 2024, 1).set_index("kode").at["5.03.02.2.02", "serapan_persen"] == D("21.05")


@pytest.mark.parametrize("realisasi, pagu, expected", [
    (D("0.01"), D("200"), D("0.01")),          # 0,005 → 0,01: half up, not to even
    (D("203.93"), D("200"), D("101.97")),      # above 100 is kept
    (D("1"), D("3"), D("33.33")),
    (None, D("100"), None), (D("5"), None, None), (D("5"), D("0"), None),
])
def test_serapan_persen(realisasi, pagu, expected):
    assert serapan_persen(realisasi, pagu) == expected


@pytest.mark.parametrize("kegiatan, indicator_budget, column, cell, message", [
    (("Rp 1.9OO.000.000", None, None, None, None), None, "PAGU ANGGARAN", "Rp 1.9OO.000.000", ""),
    (("-5.000.000", None, None, None, None), None, "PAGU ANGGARAN", "-5.000.000", "tidak boleh negatif"),
    ((None, None, None, None, None), "Rp 10.000.000", "PAGU ANGGARAN", "Rp 10.000.000",
     "baris program atau kegiatan"),
])
def test_a_bad_budget_cell_is_named_and_nothing_is_written(con, kegiatan, indicator_budget, column, cell, message):
    before = db_content(con)
    result = import_file(con, budget_file(kegiatan=kegiatan, indicator_budget=indicator_budget),
                         "mutasi.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    assert not result.ok and not result.written
    problem = next(p for p in result.problems if p.column == column)
    assert problem.sheet == "Data" and problem.cell == cell and message in problem.message
    assert problem.row in (7, 8)  # as the spreadsheet shows it: header on row 5
    assert db_content(con) == before


def test_a_corrected_budget_replaces_the_value_and_keeps_the_old_one_in_history(con):
    import_file(con, budget_file(), "mutasi.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    corrected = budget_file(kegiatan=("Rp 2.000.000.000,00", "Rp 400.000.000,00", None, None, None))
    result = import_file(con, corrected, "mutasi-v2.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    assert result.written
    assert ("5.03.02.2.02", 2024, 0, "pagu", "2000000000.00") in stored(con)
    assert ("5.03.02.2.02", 2024, 2, "realisasi", "500000000.50") in stored(con)  # blank never deletes
    history = con.execute("SELECT jenis, triwulan, nilai_lama, nilai_baru FROM riwayat_anggaran "
                          "WHERE submission_id = ?", [result.submission_id]).fetchall()
    assert history == [("pagu", 0, "1900000000", "2000000000")]


def test_reimporting_the_same_budget_changes_nothing(con):
    import_file(con, budget_file(), "mutasi.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    before = db_content(con)
    result = import_file(con, budget_file(), "mutasi.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    assert not result.written and db_content(con) == before


def test_a_single_realisasi_anggaran_column_takes_the_declared_quarter(con):
    header = SOP_HEADER + ["PAGU", "REALISASI ANGGARAN"]
    rows = [["5.03.02.2.02", "Meningkatnya profesionalitas ASN", "Mutasi dan Promosi ASN", None, *EMPTY_VALUES,
             None, "1.900.000.000", "Rp 300.000.000"],
            [1, None, "Jumlah ASN dimutasi sesuai kompetensi", "orang", 120, 30, 30, 30, 30, 28, 31, None, None]]
    data = xlsx(Sheet("Data", sop_rows(rows, header)))
    assert import_file(con, data, "tw3.xlsx", "MUTASI", 2024, 3, akun=SEKRETARIAT).written
    assert ("5.03.02.2.02", 2024, 3, "realisasi", "300000000.00") in stored(con)
    refused = import_file(con, data, "tanpa-tw.xlsx", "MUTASI", 2025, akun=SEKRETARIAT)
    assert any(p.column == "REALISASI ANGGARAN" and "tanpa triwulan" in p.message for p in refused.problems)


def test_the_demo_shows_serapan_for_the_kegiatan_that_report_a_budget(demo_db):
    from kinerja.store import db

    con = db.connect(demo_db)
    try:
        frame = serapan(con, 2024).set_index("kode")
    finally:
        con.close()
    assert {"5.03.02", "5.03.02.2.01", "5.03.02.2.03"} <= set(frame.index)
    row = frame.loc["5.03.02.2.01"]
    assert row["serapan_persen"] == serapan_persen(row["realisasi"], row["pagu"]) is not None


def test_migration_0003_adds_the_budget_tables_to_an_existing_database_and_keeps_its_data(tmp_path):
    from kinerja.store import db

    path = tmp_path / "lama.duckdb"
    con = db.connect(path)
    con.execute("DROP TABLE anggaran; DROP TABLE riwayat_anggaran; DELETE FROM schema_version WHERE versi = 3")
    con.execute("INSERT INTO sasaran (teks, teks_norm) VALUES ('Sasaran lama', 'sasaran lama')")
    con.close()
    con = db.connect(path)
    try:
        assert con.execute("SELECT teks FROM sasaran").fetchall() == [("Sasaran lama",)]
        assert con.execute("SELECT count(*) FROM anggaran").fetchone() == (0,)
        assert 3 in {v for (v,) in con.execute("SELECT versi FROM schema_version").fetchall()}
        with pytest.raises(Exception, match="CHECK"):
            con.execute("INSERT INTO anggaran VALUES (1, 2024, 0, 'lainnya', 1, NULL)")
    finally:
        con.close()


def test_a_migration_below_the_highest_applied_one_still_runs(tmp_path, monkeypatch):
    """0002 and 0003 were written on parallel branches: a database that got 0003 first still gets 0002."""
    from kinerja.store import db

    folder = tmp_path / "migrations"
    folder.mkdir()
    later = next(db.MIGRATIONS.glob("0002_*.sql"))
    for path in db.MIGRATIONS.glob("*.sql"):
        if path != later:
            (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(db, "MIGRATIONS", folder)
    db.connect(tmp_path / "k.duckdb").close()
    (folder / later.name).write_text(later.read_text(encoding="utf-8"), encoding="utf-8")
    con = db.connect(tmp_path / "k.duckdb")
    try:
        assert con.execute("SELECT count(*) FROM langkah_pengumpulan").fetchone() == (0,)
        assert {v for (v,) in con.execute("SELECT versi FROM schema_version").fetchall()} >= {1, 2, 3}
    finally:
        con.close()
