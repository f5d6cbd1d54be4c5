"""Permissions are enforced in the write functions themselves (kinerja.auth.require), whatever a page
shows: each role may do exactly its part, a refusal writes nothing, and every write names the
authenticated account in its rows and in the audit trail."""
from datetime import date

import pytest

from kinerja.auth import Akun, Ditolak, cli_account, may, require
from kinerja.collect import audit, bukti, notes, versions, workflow
from kinerja.ingest import files
from kinerja.ingest import upload as unggah
from kinerja.ingest.plan import plan_import
from kinerja.ingest.write import apply_plan
from tests.conftest import PERENCANA, PIMPINAN, SEKRETARIAT, db_content, operator
from tests.test_importer import row, workbook

MUTASI = operator("MUTASI", nama="rina")
DUA_BIDANG = operator("PEMBINAAN", "BANGKOM", nama="budi")
DIKLAT = "Persentase ASN mengikuti diklat"
ALL = {"sekretariat": SEKRETARIAT, "perencana": PERENCANA, "pimpinan": PIMPINAN, "operator MUTASI": MUTASI,
       "operator PEMBINAAN+BANGKOM": DUA_BIDANG, "tanpa akun": None}
# action -> who may take it on unit MUTASI
ALLOWED_ON_MUTASI = {
    "unggah": {"sekretariat", "operator MUTASI"},
    "ajukan": {"sekretariat", "operator MUTASI"},
    "pulihkan": {"sekretariat", "operator MUTASI"},
    "catatan": {"sekretariat", "perencana", "operator MUTASI"},
    "lampiran": {"sekretariat", "perencana", "operator MUTASI"},
    "pengaturan_indikator": {"sekretariat", "perencana"},
    "verifikasi": {"sekretariat"},
    "buka_kembali": {"sekretariat"},
    "tenggat": {"sekretariat"},
    "pengaturan": {"sekretariat"},
    "akun": {"sekretariat"},
    "baca_audit": {"sekretariat", "pimpinan"},
    "ekspor": {"sekretariat", "pimpinan", "perencana"},
    "baca_unit": {"sekretariat", "pimpinan", "perencana", "operator MUTASI"},
}


@pytest.mark.parametrize("action", ALLOWED_ON_MUTASI)
def test_each_role_may_exactly_its_part(action):
    assert {name for name, akun in ALL.items() if may(akun, action, "MUTASI")} == ALLOWED_ON_MUTASI[action]
    assert may(cli_account("admin"), action, "MUTASI"), "the command line is trusted"


def test_an_operator_acts_only_for_the_units_it_serves():
    assert may(DUA_BIDANG, "unggah", "PEMBINAAN") and may(DUA_BIDANG, "unggah", "BANGKOM")
    assert not may(DUA_BIDANG, "unggah", "MUTASI") and not may(DUA_BIDANG, "unggah", None)
    with pytest.raises(Ditolak) as refused:
        require(DUA_BIDANG, "unggah", "MUTASI")
    assert str(refused.value) == ("Akun 'budi' (Operator unit BANGKOM, PEMBINAAN) tidak berhak mengunggah data "
                                  "untuk unit MUTASI. Yang berhak: Sekretariat, Operator unit (unitnya sendiri). "
                                  "Hubungi Sekretariat (Unit Pengelola Data) bila ini keliru.")
    with pytest.raises(Ditolak, match="^Masuk dulu"):
        require(None, "catatan", "MUTASI")


def test_a_refusal_names_who_holds_the_right():
    """Reopening a signed year is the Pimpinan's alone: the refusal says so, not only "ask the Sekretariat"."""
    with pytest.raises(Ditolak, match="Yang berhak: Pimpinan\\."):
        require(SEKRETARIAT, "buka_tahun")


def upload(con, akun=MUTASI, rows=None, unit="MUTASI", triwulan=None):
    plan = plan_import(con, workbook(*(rows or [row(DIKLAT, "90", {1: "20"})])), b"isi", unit, 2024,
                                triwulan)
    return apply_plan(con, plan, akun)


def audit_rows(con):
    return con.execute("SELECT akun, sumber, aksi, unit_kode, tahun, triwulan, lama, baru FROM audit ORDER BY id"
                       ).fetchall()


@pytest.fixture
def uploaded(con):
    upload(con)
    return con


def refused(con, action, *args, **kwargs):
    before = db_content(con)
    with pytest.raises(Ditolak):
        action(con, *args, **kwargs)
    assert db_content(con) == before, "a refusal writes nothing"


def test_uploads_are_refused_for_another_unit_and_for_reading_roles(con):
    for akun in (DUA_BIDANG, PERENCANA, PIMPINAN, None):
        plan = plan_import(con, workbook(row(DIKLAT, "90", {1: "20"})), b"isi", "MUTASI", 2024, None)
        refused(con, apply_plan, plan, akun)
        refused(con, unggah.confirm, plan, akun)
        refused(con, files.import_file, b"isi", "m.xlsx", "MUTASI", 2024, akun=akun)
    result = upload(con)
    assert result.written
    assert con.execute("SELECT diunggah_oleh FROM submission").fetchall() == [("rina",)]
    assert audit_rows(con) == [("rina", "web", "unggah", "MUTASI", 2024, None, None, "versi 1: nilai 2 baru, 0 berubah, "
                                                                                    "0 dihapus")]


@pytest.mark.parametrize("status, allowed", [
    ("diverifikasi", [SEKRETARIAT]),
    ("dibuka_kembali", [SEKRETARIAT]),
])
def test_verify_and_reopen_are_the_sekretariats(uploaded, status, allowed):
    con = uploaded
    if status == "dibuka_kembali":
        workflow.set_status(con, "MUTASI", 2024, 1, "diverifikasi", SEKRETARIAT)
    for akun in (MUTASI, DUA_BIDANG, PERENCANA, PIMPINAN, None):
        refused(con, workflow.set_status, "MUTASI", 2024, 1, status, akun, "alasan yang jelas")
    workflow.set_status(con, "MUTASI", 2024, 1, status, allowed[0], "angka TW I tidak sesuai bukti")
    last = audit_rows(con)[-1]
    assert last[:6] == ("sekretariat", "web", "buka_kembali" if status == "dibuka_kembali" else "verifikasi",
                        "MUTASI", 2024, 1)
    if status == "dibuka_kembali":
        assert last[6:] == ("diverifikasi", "dibuka_kembali: angka TW I tidak sesuai bukti")


def test_an_operator_submits_its_own_draft_only(con):
    plan = plan_import(con, workbook(row(DIKLAT, "90", {1: "20"})), b"isi", "MUTASI", 2024, None)
    apply_plan(con, plan, MUTASI, draf=True)
    refused(con, workflow.set_status, "MUTASI", 2024, 1, "diajukan", DUA_BIDANG)
    workflow.set_status(con, "MUTASI", 2024, 1, "diajukan", MUTASI)
    assert audit_rows(con)[-1][:3] == ("rina", "web", "ajukan")


def test_rollback_needs_the_units_operator_or_the_sekretariat(con):
    first = upload(con)
    upload(con, rows=[row(DIKLAT, "90", {1: "25"})])
    for akun in (DUA_BIDANG, PERENCANA, PIMPINAN, None):
        refused(con, versions.rollback, first.submission_id, akun)
    versions.rollback(con, first.submission_id, MUTASI)
    assert audit_rows(con)[-1][2:4] == ("pulihkan", "MUTASI")
    assert audit_rows(con)[-1][6:] == ("versi 2", "versi 3 (isi versi 1, 1 nilai)")


def test_notes_and_attachments_by_the_units_operator_the_perencana_or_the_sekretariat(uploaded):
    con = uploaded
    indikator = con.execute("SELECT id FROM indikator").fetchall()[0][0]
    for akun in (DUA_BIDANG, PIMPINAN, None):
        refused(con, notes.save_notes, indikator, 2024, 1, akun, ket="iseng")
        refused(con, bukti.attach, indikator, 2024, 1, "sk.pdf", b"%PDF-1.4", akun)
    notes.save_notes(con, indikator, 2024, 1, PERENCANA, faktor_pendorong="dukungan pimpinan")
    notes.save_notes(con, indikator, 2024, 1, MUTASI, faktor_pendorong="dukungan pimpinan", ket="ditunda")
    assert [r[:3] + r[6:] for r in audit_rows(con)[1:]] == [
        ("perencana", "web", "catatan", None, "dukungan pimpinan"),
        ("rina", "web", "catatan", None, "ditunda")]


def test_deadlines_are_set_by_the_sekretariat(con):
    for akun in (MUTASI, PERENCANA, PIMPINAN, None):
        refused(con, workflow.set_deadline, 2024, 1, date(2024, 4, 20), akun)
    workflow.set_deadline(con, 2024, 1, date(2024, 4, 20), SEKRETARIAT)
    assert audit_rows(con) == [("sekretariat", "web", "tenggat", None, 2024, 1, "2024-04-10", "2024-04-20")]


def test_the_audit_trail_is_read_by_sekretariat_and_pimpinan_and_filters(uploaded):
    con = uploaded
    workflow.set_status(con, "MUTASI", 2024, 1, "diverifikasi", cli_account("admin"))
    for akun in (MUTASI, PERENCANA, None):
        with pytest.raises(Ditolak):
            audit.trail(con, akun)
    assert list(audit.trail(con, PIMPINAN).columns) == audit.COLUMNS
    assert audit.trail(con, SEKRETARIAT)["aksi"].tolist() == ["verifikasi", "unggah"]
    assert audit.trail(con, SEKRETARIAT, nama_akun="admin")[["akun", "sumber"]].values.tolist() == [["admin", "cli"]]
    assert audit.trail(con, SEKRETARIAT, aksi="unggah", unit="MUTASI", tahun=2024)["akun"].tolist() == ["rina"]
    assert audit.trail(con, SEKRETARIAT, tahun=2025).empty


def test_the_audit_module_offers_no_way_to_change_a_row():
    public = {name for name in dir(audit) if not name.startswith("_") and callable(getattr(audit, name))}
    assert not {n for n in public if any(w in n.lower() for w in ("update", "delete", "hapus", "ubah", "edit"))}


def test_a_cli_account_is_marked_as_cli():
    akun = cli_account("andi")
    assert (akun.label, akun.sumber) == ("andi (CLI)", "cli")
    assert cli_account(None).nama and cli_account("  ").nama == cli_account(None).nama
    assert Akun("rina", frozenset({"operator"})).label == "rina"


def test_the_audit_export_writes_every_row_as_text_never_a_formula(uploaded):
    import io

    from openpyxl import load_workbook

    from kinerja.reports.audit import audit_xlsx

    con = uploaded
    indikator = con.execute("SELECT id FROM indikator").fetchall()[0][0]
    notes.save_notes(con, indikator, 2024, 1, MUTASI, ket="=HYPERLINK(\"http://x\")")
    sheet = load_workbook(io.BytesIO(audit_xlsx(audit.trail(con, SEKRETARIAT)))).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[1:7] for r in rows] == [("rina", "WEB", "Ubah catatan", "MUTASI", 2024, 1),
                                      ("rina", "WEB", "Unggah data", "MUTASI", 2024, None)]
    assert rows[0][9] == "=HYPERLINK(\"http://x\")" and sheet.cell(2, 10).data_type == "s"
