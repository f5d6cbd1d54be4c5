"""Planning and writing an import: matching, all-or-nothing, idempotence and history."""
from decimal import Decimal

import pytest

import kinerja.ingest.write as ingest_write
from kinerja.ingest.grid import Cell
from kinerja.ingest.plan import plan_import
from kinerja.ingest.write import apply_plan
from kinerja.model import ParsedRow, ParsedWorkbook, TargetValue
from tests.conftest import SEKRETARIAT, db_content, operator

D = Decimal


def T(value: str) -> TargetValue:
    return TargetValue(D(value), D(value))


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# The columns of the file such rows come from, as messages name them (ParsedRow.columns).
COLUMNS = {"indikator": ("INDIKATOR KINERJA", 3), "target_tahunan": ("TARGET TAHUNAN", 5),
           **{f"target_tw{q}": (f"TARGET TRIWULAN {ROMAN[q]}", 5 + q) for q in ROMAN},
           **{f"realisasi_tw{q}": (f"REALISASI TW {ROMAN[q]}", 9 + q) for q in ROMAN}}


def row(nama, target=None, realisasi=None, kode=None, sheet="Sheet1", line=5, **more) -> ParsedRow:
    """A row as read from a file whose target and realisation cells hold these texts."""
    typed = {"target_tahunan": target, **{f"realisasi_tw{q}": v for q, v in (realisasi or {}).items()},
             **{f"target_tw{q}": t.canonical() for q, t in more.get("target_triwulan", {}).items()}}
    return ParsedRow(
        sheet=sheet, row=line, nama=nama, kode=kode,
        sasaran=more.pop("sasaran", "Meningkatnya profesionalitas ASN"),
        satuan=more.pop("satuan", "%"),
        target_tahunan=T(target) if target else None,
        realisasi={q: D(v) for q, v in (realisasi or {}).items()},
        columns=more.pop("columns", COLUMNS),
        cells=more.pop("cells", {key: Cell(text, "text") for key, text in typed.items() if text}),
        **more,
    )


def workbook(*rows, has_targets=True, quarters=(1, 2, 3, 4)) -> ParsedWorkbook:
    return ParsedWorkbook("mutasi.xlsx", list(rows), quarters=set(quarters), has_targets=has_targets)


def write(con, wb, tahun=2024, triwulan=None, data=b"isi berkas", unit="MUTASI"):
    plan = plan_import(con, wb, data, unit, tahun, triwulan)
    assert plan.ok, [str(p) for p in plan.problems]
    return apply_plan(con, plan, operator(unit, nama="uji"))


STORED = {
    "realisasi": "SELECT i.nama, v.triwulan, CAST(v.nilai AS VARCHAR) "
                 "FROM realisasi v JOIN indikator i ON i.id = v.indikator_id ORDER BY 1, 2",
    "target": "SELECT i.nama, v.triwulan, CAST(v.bawah AS VARCHAR) "
              "FROM target v JOIN indikator i ON i.id = v.indikator_id ORDER BY 1, 2",
}


def stored(con, table="realisasi"):
    return con.execute(STORED[table]).fetchall()


def test_a_valid_file_creates_indicators_targets_and_realisation(con):
    result = write(con, workbook(row("Persentase ASN mengikuti diklat", "93", {1: "20", 2: "94.83"})))
    assert result.written and result.versi == 1
    assert stored(con, "target") == [("Persentase ASN mengikuti diklat", 0, "93.000000")]
    assert stored(con) == [("Persentase ASN mengikuti diklat", 1, "20.000000"),
                           ("Persentase ASN mengikuti diklat", 2, "94.830000")]
    sasaran = con.execute("SELECT s.teks FROM indikator i JOIN sasaran s ON s.id = i.sasaran_id").fetchall()
    assert sasaran == [("Meningkatnya profesionalitas ASN",)]


def test_the_original_file_is_kept_byte_for_byte_with_its_hash(con):
    import hashlib

    write(con, workbook(row("Indeks Sistem Merit", "0.48", {4: "0.5"}, satuan="indeks")), data=b"\x00PK bytes")
    isi, sha, ukuran, oleh = con.execute("SELECT isi, sha256, ukuran, diunggah_oleh FROM submission").fetchone()
    assert isi == b"\x00PK bytes" and sha == hashlib.sha256(b"\x00PK bytes").hexdigest() and ukuran == 9
    assert oleh == "uji"


def test_reimporting_the_same_file_changes_nothing(con):
    wb = workbook(row("Indeks Sistem Merit", "0.48", {1: "0.5"}, satuan="indeks"))
    write(con, wb)
    before = db_content(con)
    result = write(con, wb)
    assert not result.written
    assert "Tidak ada perubahan" in "\n".join(result.summary_lines())
    assert db_content(con) == before


def test_a_corrected_file_replaces_values_and_keeps_the_old_ones_in_history(con):
    write(con, workbook(row("Indeks Sistem Merit", "0.48", {1: "0.5"}, satuan="indeks")))
    result = write(con, workbook(row("Indeks Sistem Merit", "0.48", {1: "0.52"}, satuan="indeks")))
    assert result.versi == 2
    assert stored(con) == [("Indeks Sistem Merit", 1, "0.520000")]
    history = con.execute(
        "SELECT jenis, triwulan, nilai_lama, nilai_baru FROM riwayat WHERE nilai_lama IS NOT NULL"
    ).fetchall()
    assert history == [("realisasi", 1, "0.5", "0.52")]


def test_indicators_match_by_normalised_name_within_the_unit(con):
    write(con, workbook(row("Persentase ASN  yang mengikuti Diklat", "90")))
    write(con, workbook(row("PERSENTASE ASN YANG MENGIKUTI DIKLAT.", None, {1: "40"}), has_targets=False))
    assert con.execute("SELECT count(*) FROM indikator").fetchone()[0] == 1
    assert [r[1:] for r in stored(con)] == [(1, "40.000000")]


def test_indicators_match_by_kode_before_name(con):
    write(con, workbook(row("Indeks Profesionalitas ASN", "70", kode="IKU-1", satuan="indeks")))
    write(con, workbook(row("Indeks Profesionalitas ASN (IP ASN)", "72", kode="IKU-1", satuan="indeks")))
    names = con.execute("SELECT kode, nama FROM indikator").fetchall()
    assert names == [("IKU-1", "Indeks Profesionalitas ASN (IP ASN)")]


def test_the_same_name_in_another_unit_is_another_indicator(con):
    write(con, workbook(row("Persentase dokumen tepat waktu", "100")), unit="MUTASI")
    write(con, workbook(row("Persentase dokumen tepat waktu", "100")), unit="KEUANGAN")
    assert con.execute("SELECT count(*) FROM indikator").fetchone()[0] == 2


def test_a_realisation_only_file_with_unknown_indicators_is_refused_and_lists_them(con):
    write(con, workbook(row("Indeks Sistem Merit", "0.48", satuan="indeks")))
    before = db_content(con)
    wb = workbook(row("Indeks Sistem Merit", None, {2: "0.5"}, line=6),
                  row("Indikator yang tidak ada", None, {2: "1"}, line=7),
                  row("Indikator lain", None, {2: "2"}, line=8), has_targets=False)
    plan = plan_import(con, wb, b"x", "MUTASI", 2024, 2)
    messages = [str(p) for p in plan.errors]
    assert len(messages) == 2
    assert "baris 7" in messages[0] and "Indikator yang tidak ada" in messages[0]
    assert "baris 8" in messages[1] and "tidak dikenal" in messages[1]
    with pytest.raises(ValueError):
        apply_plan(con, plan, SEKRETARIAT)
    assert db_content(con) == before


def test_a_realisation_only_file_needs_targets_of_that_year(con):
    write(con, workbook(row("Indeks Sistem Merit", "0.48", satuan="indeks")), tahun=2023)
    wb = workbook(row("Indeks Sistem Merit", None, {1: "0.5"}), has_targets=False)
    plan = plan_import(con, wb, b"x", "MUTASI", 2024, 1)
    assert not plan.ok and "2024" in str(plan.errors[0])


def test_a_blank_cell_never_deletes_a_stored_value(con):
    write(con, workbook(row("Jumlah ASN mengikuti diklat", "100", {1: "20", 2: "30"}, satuan="orang")))
    write(con, workbook(row("Jumlah ASN mengikuti diklat", "100", {2: "35"}, satuan="orang")))
    assert [r[1:] for r in stored(con)] == [(1, "20.000000"), (2, "35.000000")]


def test_a_corrected_quarterly_report_may_empty_its_own_quarter(con):
    write(con, workbook(row("Jumlah ASN mengikuti diklat", "100", {1: "20", 2: "30"}, satuan="orang")))
    wb = workbook(row("Jumlah ASN mengikuti diklat", None, {}, satuan="orang"), has_targets=False, quarters={2})
    result = write(con, wb, triwulan=2)
    assert result.plan.count("dihapus") == 1
    assert [r[1:] for r in stored(con)] == [(1, "20.000000")]
    assert con.execute("SELECT nilai_lama, nilai_baru FROM riwayat WHERE nilai_baru IS NULL").fetchall() == [("30", None)]


def test_the_same_indicator_on_two_sheets_is_merged(con):
    wb = workbook(row("Indeks Sistem Merit", "0.48", {1: "0.4"}, sheet="TW I", satuan="indeks"),
                  row("Indeks Sistem Merit", "0.48", {2: "0.45"}, sheet="TW II", satuan="indeks"))
    write(con, wb)
    assert [r[1:] for r in stored(con)] == [(1, "0.400000"), (2, "0.450000")]


def test_the_same_indicator_twice_with_different_values_is_an_error_naming_both_places(con):
    wb = workbook(row("Indeks Sistem Merit", "0.48", {1: "0.4"}, line=6),
                  row("Indeks Sistem Merit", "0.48", {1: "0.5"}, line=9))
    plan = plan_import(con, wb, b"x", "MUTASI", 2024, None)
    assert len(plan.errors) == 1
    message = str(plan.errors[0])
    assert "baris 9" in message and "baris 6" in message


def test_a_workbook_with_one_sheet_per_unit_imports_only_the_units_sheet(con):
    wb = workbook(row("Indeks Sistem Merit", "0.48", sheet="MUTASI"),
                  row("Nilai SAKIP", "70", sheet="Keuangan"))
    result = write(con, wb, unit="MUTASI")
    assert con.execute("SELECT nama FROM indikator").fetchall() == [("Indeks Sistem Merit",)]
    assert ("Keuangan", "lembar unit KEUANGAN") in result.plan.workbook.skipped_sheets


def test_range_targets_are_stored_with_both_bounds_and_their_text(con):
    target = TargetValue(D("80"), D("90"), "80 - 90")
    write(con, workbook(ParsedRow("Sheet1", 5, "Persentase kepuasan layanan", satuan="%", target_tahunan=target)))
    got = con.execute("SELECT CAST(bawah AS VARCHAR), CAST(atas AS VARCHAR), teks FROM target").fetchall()
    assert got == [("80.000000", "90.000000", "80 - 90")]


def test_program_and_kegiatan_rows_build_the_cascade(con):
    r = row("Persentase ASN yang dimutasi sesuai kompetensi", "90",
            program=("5.03.02", "Program Kepegawaian Daerah"),
            kegiatan=("5.03.02.2.02", "Mutasi dan Promosi ASN"))
    write(con, workbook(r))
    got = con.execute("""
        SELECT i.level, k.kode, k.level, p.kode, p.level
        FROM indikator i JOIN program_kegiatan k ON k.id = i.parent_id
        JOIN program_kegiatan p ON p.id = k.parent_id""").fetchall()
    assert got == [("kegiatan", "5.03.02.2.02", "kegiatan", "5.03.02", "program")]


def test_a_failure_while_writing_leaves_the_database_unchanged(con, monkeypatch):
    write(con, workbook(row("Indeks Sistem Merit", "0.48", {1: "0.5"}, satuan="indeks")))
    before = db_content(con)

    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(ingest_write, "write_values", broken)
    plan = plan_import(con, workbook(row("Indeks Sistem Merit", "0.5", {1: "0.6"}, satuan="indeks")),
                                b"v2", "MUTASI", 2024, None)
    with pytest.raises(RuntimeError):
        apply_plan(con, plan, SEKRETARIAT)
    assert db_content(con) == before


def test_agregasi_is_inferred_from_satuan_unless_the_file_says(con):
    write(con, workbook(row("Persentase A", "90", satuan="%"),
                        row("Jumlah B", "100", satuan="orang"),
                        row("Rata-rata JP C", "20", satuan="JP", agregasi="rata_rata")))
    got = dict(con.execute("SELECT nama, agregasi || '/' || agregasi_sumber FROM indikator").fetchall())
    assert got == {"Persentase A": "nilai_akhir/satuan", "Jumlah B": "kumulatif/satuan",
                   "Rata-rata JP C": "rata_rata/berkas"}


def test_a_resubmitted_quarter_keeps_the_time_it_was_first_reported(con):
    write(con, workbook(row("Jumlah ASN mengikuti diklat", "100", {1: "20"}, satuan="orang")), triwulan=1)
    write(con, workbook(row("Jumlah ASN mengikuti diklat", "100", {1: "20", 2: "30"}, satuan="orang")), triwulan=2)
    reported = con.execute("SELECT s.versi, st.triwulan FROM submission s "
                           "JOIN submission_triwulan st ON st.submission_id = s.id ORDER BY 1, 2").fetchall()
    assert reported == [(1, 1), (1, 2)]
