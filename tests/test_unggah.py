"""Uploads from the Unggah page: limits, the check against the chosen unit and year, settings the
user corrects, confirming, and the template round trip."""
import io

import pytest
from openpyxl import load_workbook

from kinerja.auth import Ditolak
from kinerja.ingest import upload
from kinerja.reports.template import template_bytes
from tests.conftest import SEKRETARIAT, db_content, operator

RINA = operator("MUTASI", nama="rina")
from tests.workbooks import Sheet, csv_bytes, sop_rows, xlsx

ROW = [1, "Meningkatnya profesionalitas ASN", "Jumlah ASN mengikuti diklat", "orang", 400, 100, 100, 100, 100,
       90, 110, None, None, None]


def workbook(title=True, rows=(ROW,)) -> bytes:
    return xlsx(Sheet("Format", sop_rows(list(rows), title=title)))


@pytest.mark.parametrize("name, size, message", [
    ("laporan.pdf", 10, "jenis berkas .pdf tidak diterima"),
    ("besar.xlsx", 21 * 1024 * 1024, "ukuran 21,0 MB melebihi batas 20 MB"),
])
def test_type_and_size_are_checked_before_reading(name, size, message):
    with pytest.raises(upload.UploadError, match=message):
        upload.check_file(name, size)


@pytest.mark.parametrize("data, message", [
    (b"PK\x03\x04 bukan excel", "berkas rusak"),
    (b"", "berkas kosong"),
])
def test_an_unreadable_file_is_refused_with_what_to_do(con, data, message):
    with pytest.raises(upload.UploadError, match=message):
        upload.plan_upload(con, data, "mutasi.xlsx", "MUTASI", 2024, None)


def test_too_many_rows_are_refused(con, monkeypatch):
    monkeypatch.setattr(upload, "MAX_ROWS", 1)
    with pytest.raises(upload.UploadError, match="lebih dari batas 1"):
        upload.plan_upload(con, workbook(rows=[ROW, [2, None, "Indikator lain", "orang", 5]]), "m.xlsx", "MUTASI",
                           2024, None)


def test_an_empty_sheet_is_skipped_and_said(con):
    data = xlsx(Sheet("Kosong", []), Sheet("Format", sop_rows([ROW])))
    plan = upload.plan_upload(con, data, "m.xlsx", "MUTASI", 2024, None)
    assert plan.ok and ("Kosong", "kosong") in plan.workbook.skipped_sheets


def test_a_file_titled_for_another_unit_or_year_is_refused(con):
    # sop_rows' title says BIDANG MUTASI, TAHUN 2024
    plan = upload.plan_upload(con, workbook(), "m.xlsx", "PEMBINAAN", 2025, None)
    messages = [str(p) for p in plan.errors]
    assert messages == [
        "Kesalahan: Lembar 'Format', baris 3, isi 'TAHUN 2024': judul berkas menyebut tahun 2024 (sel A3), tetapi "
        "yang dipilih tahun 2025. Pilih tahun yang benar, atau periksa apakah berkas ini yang dimaksud.",
        "Kesalahan: Lembar 'Format', baris 2, isi 'BIDANG MUTASI': judul berkas menyebut unit MUTASI (sel A2), "
        "tetapi yang dipilih unit PEMBINAAN. Pilih unit yang benar, atau unggah berkas unit ini."]
    assert upload.plan_upload(con, workbook(), "m.xlsx", "MUTASI", 2024, None).ok


def test_a_renstra_period_in_the_title_is_not_a_year(con):
    data = xlsx(Sheet("Format", [["INDIKATOR KINERJA RENSTRA 2021-2026"], ["BIDANG MUTASI"], []] + sop_rows([ROW], title=False)))
    assert upload.plan_upload(con, data, "m.xlsx", "MUTASI", 2024, None).ok


@pytest.mark.parametrize("text, years", [
    ("TAHUN 2025", {2025}), ("Tahun Anggaran 2025", {2025}), ("T.A. 2025", {2025}), ("TW I 2025", {2025}),
    ("LAPORAN TRIWULAN IV TAHUN 2025", {2025}), ("Semester I 2025", {2025}), ("s.d. 31 Desember 2025", {2025}),
    ("Berdasarkan PermenPANRB 8/2021", set()), ("Permendagri Nomor 86 Tahun 2017", set()),
    ("sesuai PP 12 Tahun 2019", set()), ("INDIKATOR KINERJA RENSTRA 2021-2026", set()),
    ("LAPORAN KINERJA 2025", set()), ("DATA 2025", set()),
])
def test_a_title_names_a_year_only_as_the_period_of_its_data(text, years):
    assert upload.title_years(text) == years


def test_a_regulation_cited_in_a_title_is_no_year_and_the_year_is_quoted_from_its_cell(con):
    """A2 cites "PermenPANRB 8/2021": no year, so a 2025 file is not refused for naming 2021; a
    year named in A3 is quoted as written, with the cell's address."""
    cited = [["FORMAT PENGUMPULAN DATA KINERJA"], ["Berdasarkan PermenPANRB 8/2021"]]
    data = xlsx(Sheet("Format", cited + [["BIDANG MUTASI  Tahun Anggaran 2025"], []] + sop_rows([ROW], title=False)))
    assert upload.plan_upload(con, data, "m.xlsx", "MUTASI", 2025, None).ok
    (refused,) = upload.plan_upload(con, data, "m.xlsx", "MUTASI", 2026, None).errors
    assert str(refused) == (
        "Kesalahan: Lembar 'Format', baris 3, isi 'BIDANG MUTASI  Tahun Anggaran 2025': judul berkas menyebut tahun "
        "2025 (sel A3), tetapi yang dipilih tahun 2026. Pilih tahun yang benar, atau periksa apakah berkas ini yang "
        "dimaksud.")
    assert (refused.row, refused.col) == (3, 1)


def test_a_file_without_a_title_is_not_second_guessed(con):
    assert upload.plan_upload(con, workbook(title=False), "m.xlsx", "PEMBINAAN", 2025, None).ok


def test_settings_corrected_by_the_user_are_written_as_theirs(con):
    plan = upload.plan_upload(con, workbook(), "m.xlsx", "MUTASI", 2024, None)
    shown = upload.settings(plan)
    assert shown[["polaritas", "agregasi", "asal_agregasi", "konvensi"]].values.tolist() == [
        ["positif", "kumulatif", "ditebak dari satuan", "per_triwulan"]]
    shown.loc[0, ["polaritas", "agregasi"]] = ["negatif", "rata_rata"]
    before = db_content(con)
    corrected = upload.with_settings(plan, shown)
    assert db_content(con) == before, "nothing is written before confirming"
    with pytest.raises(Ditolak, match="tidak berhak mengubah pengaturan indikator untuk unit MUTASI"):
        upload.confirm(con, corrected, RINA)
    assert db_content(con) == before, "an operator's upload cannot change indicator settings"
    result = upload.confirm(con, corrected, SEKRETARIAT)
    assert result.written
    assert con.execute("SELECT polaritas, agregasi, agregasi_sumber FROM indikator").fetchall() == [
        ("negatif", "rata_rata", "pengguna")]


def test_confirm_plans_again_against_what_is_stored_now(con):
    first = upload.plan_upload(con, workbook(), "m.xlsx", "MUTASI", 2024, None)
    upload.confirm(con, first, RINA)
    again = upload.confirm(con, first, RINA)
    assert not again.written, "the same file twice writes nothing the second time"


def test_the_template_of_a_unit_filled_in_and_uploaded_has_no_errors(con):
    upload.confirm(con, upload.plan_upload(con, workbook(), "m.xlsx", "MUTASI", 2024, None), RINA)
    book = load_workbook(io.BytesIO(template_bytes(con, "MUTASI", 2024, 3)))
    sheet = book.worksheets[0]
    header = next(r for r in sheet.iter_rows() if any(c.value == "INDIKATOR KINERJA" for c in r))
    column = {c.value: c.column - 1 for c in header}
    row = next(r for r in sheet.iter_rows(min_row=header[0].row + 1) if r[column["INDIKATOR KINERJA"]].value == ROW[2])
    row[column["REALISASI TRIWULAN III"]].value = 95
    filled = io.BytesIO()
    book.save(filled)
    plan = upload.plan_upload(con, filled.getvalue(), "template-mutasi.xlsx", "MUTASI", 2024, 3)
    assert plan.ok and not plan.errors, [str(p) for p in plan.problems]
    assert ("realisasi", 3, "95") in {(c.jenis, c.triwulan, c.baru) for c in plan.changes}


def test_a_semicolon_csv_uploads_like_a_workbook(con):
    data = csv_bytes([["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI Q1"],
                      [1, "Meningkatnya profesionalitas ASN", "Indeks kepuasan", "indeks", "80", "78,5"]])
    assert upload.plan_upload(con, data, "mutasi.csv", "MUTASI", 2024, None).ok


def test_every_kind_the_page_takes_is_planned_like_an_xlsx(con):
    from tests.test_reading_files import ODS_SHOWN, XML2003, html_page, ods, values

    table = ("<table><tr><th>NO</th><th>SASARAN</th><th>INDIKATOR KINERJA</th><th>SATUAN</th><th>TARGET TAHUNAN</th>"
             "<th>REALISASI TW I</th></tr><tr><td>1</td><td>S</td><td>Jumlah ASN mengikuti diklat</td><td>orang</td>"
             "<td>400</td><td>90</td></tr></table>")
    for name, data in [("unit.ods", ods()), ("unit.xls", html_page(table)), ("unit.xls", XML2003.encode()),
                       ("unit.xlsm", workbook())]:
        assert name.rsplit(".", 1)[1] in upload.TYPES
        plan = upload.plan_upload(con, data, name, "MUTASI", 2024, None)
        assert plan.ok, [str(p) for p in plan.errors]
        assert values(plan.workbook), name
    assert values(upload.plan_upload(con, ods(), "unit.ods", "MUTASI", 2024, None).workbook) == ODS_SHOWN
