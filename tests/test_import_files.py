"""Several files in one import (issue 12, kind 10): everything is checked first, then all files are
written in one transaction or none is, exactly as the dry run predicted; the command line and the
Unggah page go through the same function (files.import_files)."""
import pytest

from kinerja.ingest import files as files_module
from kinerja.ingest.files import import_files
from tests.cases import run as cli
from tests.conftest import SEKRETARIAT, db_content
from tests.workbooks import Sheet, sop_rows, xlsx

S = "Meningkatnya kompetensi ASN"
TARGETS = xlsx(Sheet("TW I", sop_rows([[1, S, "Jumlah ASN dilatih", "orang", 100, 25, 25, 25, 25]])))
# a report without target columns: only for indicators that already have this year's target
REPORT_HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "REALISASI TRIWULAN I", "REALISASI TRIWULAN II"]
REPORT = xlsx(Sheet("TW II", sop_rows([[1, S, "Jumlah ASN dilatih", "orang", 20, 30]], REPORT_HEADER)))
BAD = xlsx(Sheet("TW I", sop_rows([[1, S, "Indikator lain", "orang", 100, 25, 25, 25, 25, "dua puluh"]])))


def test_a_file_that_relies_on_the_one_before_is_planned_against_it(con):
    batch = import_files(con, [("target.xlsx", TARGETS), ("laporan.xlsx", REPORT)], "MUTASI", 2024, dry_run=True, akun=SEKRETARIAT)
    assert batch.ok, [str(p) for r in batch.results for p in r.plan.errors]
    assert not batch.written


def test_the_dry_run_predicts_exactly_what_the_import_writes(con):
    batch = [("target.xlsx", TARGETS), ("laporan.xlsx", REPORT)]
    before = db_content(con)
    predicted = import_files(con, batch, "MUTASI", 2024, dry_run=True, akun=SEKRETARIAT)
    assert db_content(con) == before
    done = import_files(con, batch, "MUTASI", 2024, akun=SEKRETARIAT)
    assert done.written
    assert [r.plan.changes_frame().to_dict("records") for r in predicted.results] == \
           [r.plan.changes_frame().to_dict("records") for r in done.results]
    assert [r.summary_lines()[:-1] for r in predicted.results] == [r.summary_lines()[:-1] for r in done.results]
    assert [r.versi for r in done.results] == [1, 2]   # two submissions of the unit's year


def test_one_bad_file_writes_nothing_of_the_good_ones(con):
    before = db_content(con)
    batch = import_files(con, [("target.xlsx", TARGETS), ("salah.xlsx", BAD)], "MUTASI", 2024, akun=SEKRETARIAT)
    assert not batch.ok and not batch.written
    assert batch.files[0].ok and not batch.files[1].ok
    assert [p.cell for p in batch.files[1].problems if p.severity == "error"] == ["dua puluh"]
    assert db_content(con) == before


def test_an_unreadable_file_among_several_writes_nothing(con):
    before = db_content(con)
    batch = import_files(con, [("target.xlsx", TARGETS), ("rusak.xlsx", b"PK\x03\x04 rusak")], "MUTASI", 2024, akun=SEKRETARIAT)
    assert not batch.ok and batch.files[1].refused.startswith("berkas rusak")
    assert db_content(con) == before


def test_a_database_fault_half_way_rolls_back_the_files_already_written(con, monkeypatch):
    real = files_module.write_plan
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            import duckdb
            raise duckdb.ConversionException("simulated")
        return real(*args, **kwargs)

    monkeypatch.setattr(files_module, "write_plan", failing)
    before = db_content(con)
    import duckdb
    with pytest.raises(duckdb.Error):
        import_files(con, [("target.xlsx", TARGETS), ("laporan.xlsx", REPORT)], "MUTASI", 2024, akun=SEKRETARIAT)
    assert db_content(con) == before


def test_a_title_naming_another_unit_or_year_is_refused_on_every_path(con):
    titled = xlsx(Sheet("TW I", [["BIDANG PEMBINAAN APARATUR"], ["TAHUN 2023"], []] +
                       sop_rows([[1, S, "Jumlah ASN dilatih", "orang", 100]], title=False)))
    (outcome,) = import_files(con, [("pembinaan.xlsx", titled)], "MUTASI", 2024, akun=SEKRETARIAT).files
    messages = [p.message for p in outcome.problems]
    assert any("judul berkas menyebut tahun 2023" in m for m in messages)
    assert any("judul berkas menyebut unit PEMBINAAN" in m for m in messages)



def test_the_command_line_prints_what_the_dry_run_predicted_and_then_does_it(tmp_path, capsys):
    db = tmp_path / "k.duckdb"
    assert cli(capsys, "init", "--db", db)[0] == 0
    (tmp_path / "target.xlsx").write_bytes(TARGETS)
    (tmp_path / "laporan.xlsx").write_bytes(REPORT)
    args = ["import", tmp_path / "target.xlsx", tmp_path / "laporan.xlsx", "--unit", "MUTASI", "--year", "2024",
            "--db", db]
    code, dry, err = cli(capsys, *args, "--dry-run")
    assert code == 0, err
    code, real, err = cli(capsys, *args)
    assert code == 0, err
    summary = [line for line in dry.splitlines() if not line.startswith(("  ", "Pemeriksaan saja"))]
    assert summary == [line for line in real.splitlines() if not line.startswith("Tersimpan")]
    assert "Tersimpan sebagai kiriman versi 1." in real and "Tersimpan sebagai kiriman versi 2." in real


def test_the_command_line_names_the_file_of_each_problem(tmp_path, capsys):
    db = tmp_path / "k.duckdb"
    cli(capsys, "init", "--db", db)
    (tmp_path / "target.xlsx").write_bytes(TARGETS)
    (tmp_path / "salah.xlsx").write_bytes(BAD)
    code, out, err = cli(capsys, "import", tmp_path / "target.xlsx", tmp_path / "salah.xlsx", "--unit", "MUTASI",
                         "--year", "2024", "--db", db)
    assert code == 1 and out == ""
    assert err.splitlines()[0].startswith("Berkas 'salah.xlsx': Kesalahan: Lembar 'TW I', baris 6")
    assert "1 kesalahan. Tidak ada yang ditulis" in err
