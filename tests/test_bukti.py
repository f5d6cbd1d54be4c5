"""Bukti dukung: type and size limits checked on the content, stored once by hash, readable by whoever
may read the unit, refused on a verified quarter and for accounts that may not annotate the unit."""
import hashlib
import io

import pytest
from openpyxl import Workbook

from kinerja.auth import Ditolak
from kinerja.collect import bukti, workflow
from tests.conftest import PERENCANA, PIMPINAN, SEKRETARIAT, db_content, operator
from tests.test_izin import DUA_BIDANG, MUTASI, upload

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def xlsx_bytes() -> bytes:
    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


@pytest.fixture
def indikator(con):
    upload(con)
    return con.execute("SELECT id FROM indikator").fetchall()[0][0]


def test_a_file_attached_twice_is_stored_once_and_read_back_by_readers_of_the_unit(con, indikator):
    first = bukti.attach(con, indikator, 2024, 1, "sk-kepala.pdf", PDF, MUTASI)
    bukti.attach(con, indikator, 2024, 1, "salinan/sk-lagi.pdf", PDF, PERENCANA)
    assert con.execute("SELECT count(*), any_value(sha256) FROM berkas_bukti").fetchall() == [
        (1, hashlib.sha256(PDF).hexdigest())]
    listed = bukti.attachments(con, PIMPINAN, indikator, 2024, 1)
    assert listed["nama_berkas"].tolist() == ["sk-lagi.pdf", "sk-kepala.pdf"]
    assert listed["diunggah_oleh"].tolist() == ["perencana", "rina"]
    assert bukti.content(con, MUTASI, first) == ("sk-kepala.pdf", PDF, "application/pdf")
    for akun in (DUA_BIDANG, None):
        with pytest.raises(Ditolak):
            bukti.content(con, akun, first)
        with pytest.raises(Ditolak):
            bukti.attachments(con, akun, indikator, 2024, 1)


@pytest.mark.parametrize("name, data, message", [
    ("virus.exe", b"MZ", "jenis berkas .exe tidak diterima"),
    ("halaman.html", b"<img src=x>", "jenis berkas .html tidak diterima"),
    ("sk.pdf", b"<html>bukan pdf</html>", "isi berkas bukan .pdf yang sah"),
    ("tabel.xlsx", PDF, "isi berkas bukan .xlsx yang sah"),
    ("foto.png", b"\xff\xd8\xff jpeg", "isi berkas bukan .png yang sah"),
    ("besar.pdf", b"%PDF-" + b"0" * bukti.MAX_BYTES, "melebihi batas 10 MB"),
    ("kosong.pdf", b"", "berkas kosong"),
])
def test_wrong_types_and_sizes_are_refused_and_nothing_is_written(con, indikator, name, data, message):
    before = db_content(con)
    with pytest.raises(bukti.BuktiError, match=message):
        bukti.attach(con, indikator, 2024, 1, name, data, MUTASI)
    assert db_content(con) == before


def test_office_files_are_recognised_by_their_content(con, indikator):
    bukti.attach(con, indikator, 2024, 1, "rekap.xlsx", xlsx_bytes(), MUTASI)
    assert bukti.attachments(con, MUTASI, indikator, 2024, 1)["jenis"].iloc[0].endswith("spreadsheetml.sheet")


def test_a_verified_quarter_takes_no_new_evidence_until_reopened(con, indikator):
    workflow.set_status(con, "MUTASI", 2024, 1, "diverifikasi", SEKRETARIAT)
    before = db_content(con)
    with pytest.raises(bukti.BuktiError, match="sudah diverifikasi"):
        bukti.attach(con, indikator, 2024, 1, "sk.pdf", PDF, MUTASI)
    assert db_content(con) == before
    bukti.attach(con, indikator, 2024, 2, "sk.pdf", PDF, MUTASI)  # another quarter is open
    workflow.set_status(con, "MUTASI", 2024, 1, "dibuka_kembali", SEKRETARIAT, "bukti kurang")
    bukti.attach(con, indikator, 2024, 1, "sk.pdf", PDF, MUTASI)


def test_attaching_needs_the_right_to_annotate_the_unit(con, indikator):
    before = db_content(con)
    for akun in (DUA_BIDANG, PIMPINAN, operator("KEUANGAN"), None):
        with pytest.raises(Ditolak):
            bukti.attach(con, indikator, 2024, 1, "sk.pdf", PDF, akun)
    assert db_content(con) == before
