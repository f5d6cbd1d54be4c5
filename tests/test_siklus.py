"""The LKjIP cycle of the SOP (issue 16): eleven steps in order, each with its rule, its account and
its documents; a signed year is read-only on every path (CLI import, rollback, notes, bukti,
settings, register steps, deadlines) until a Pimpinan reopens it; letter numbers are unique."""
import io
import shutil
import threading
import zipfile
from datetime import date, datetime

import docx
import pytest

from kinerja.auth import Ditolak
from kinerja.collect import audit, bukti, indikator, notes, siklus, versions, workflow
from kinerja.reports import lkjip
from kinerja.reports import siklus as dokumen
from kinerja.store import db
from kinerja.store.queries import sql
from tests.cases import case, run
from tests.conftest import PERENCANA, PIMPINAN, SEKRETARIAT, db_content, operator

PDF = b"%PDF-1.4 ditandatangani"


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- the step list


def test_the_year_starts_from_the_sop_list_of_eleven_steps(con):
    steps = siklus.langkah(con, 2025)
    assert steps["nomor"].tolist() == list(range(1, 12))
    assert steps.at[0, "uraian"] == "Memerintahkan penyusunan LAKIP"
    assert steps.at[0, "kelengkapan"] == "Surat Tugas" and steps.at[0, "waktu"] == 15
    assert steps["waktu"].iloc[1:].eq(60).all()
    assert steps.at[8, "uraian"].startswith("Penandatanganan") and steps.at[9, "uraian"].startswith("Penandatanganan")
    assert (steps["status"] == "belum").all()


def test_the_sekretariat_edits_a_years_step_and_plan_and_others_may_not(con):
    siklus.ubah_langkah(con, 2025, 10, SEKRETARIAT, uraian="Paraf dan pengesahan dokumen LAKIP",
                        pelaksana="sekretaris, kepala", rencana_mulai=date(2026, 2, 1),
                        rencana_selesai=date(2026, 2, 10),
                        arsip_fisik="Lemari arsip Subbag Umum, map LKjIP 2025")
    step = siklus.langkah(con, 2025).set_index("nomor").loc[10]
    assert step["uraian"] == "Paraf dan pengesahan dokumen LAKIP"
    assert step["pelaksana"] == "kepala,sekretaris"
    assert step["arsip_fisik"].startswith("Lemari")
    assert siklus.langkah(con, 2026).set_index("nomor").at[10, "uraian"].startswith("Penandatanganan")
    assert audit.trail(con, SEKRETARIAT, aksi="siklus_langkah").iloc[0]["objek"] == "langkah 10"
    with pytest.raises(Ditolak):
        siklus.ubah_langkah(con, 2025, 10, PERENCANA, uraian="x")
    with pytest.raises(siklus.SiklusError, match="Pelaksana"):
        siklus.ubah_langkah(con, 2025, 10, SEKRETARIAT, pelaksana="bupati")
    with pytest.raises(siklus.SiklusError, match="sebelum rencana mulainya"):
        siklus.ubah_langkah(con, 2025, 10, SEKRETARIAT, rencana_selesai=date(2026, 1, 1))
    before = db_content(con)  # saving the form unchanged writes nothing, not even an audit row
    siklus.ubah_langkah(con, 2025, 10, SEKRETARIAT, **siklus.langkah(con, 2025).set_index("nomor").loc[
        10, list(siklus.FIELDS)].to_dict())
    assert db_content(con) == before


def test_the_report_is_due_two_months_after_the_year_unless_set(con):
    assert siklus.pengaturan(con, 2024)["tenggat_laporan"] == date(2025, 2, 28)
    assert siklus.pengaturan(con, 2023)["tenggat_laporan"] == date(2024, 2, 29)
    siklus.atur_tahun(con, 2024, SEKRETARIAT, tenggat_laporan=date(2025, 3, 15), satuan_waktu="hari kerja")
    assert siklus.pengaturan(con, 2024) == {"tenggat_laporan": date(2025, 3, 15), "tenggat_diatur": True,
                                            "satuan_waktu": "hari kerja"}
    with pytest.raises(siklus.SiklusError, match="setelah tahun 2024 berakhir"):
        siklus.atur_tahun(con, 2024, SEKRETARIAT, tenggat_laporan=date(2024, 12, 1))
    with pytest.raises(Ditolak):
        siklus.atur_tahun(con, 2024, PIMPINAN, satuan_waktu="hari")


def test_a_late_step_and_a_passed_due_date_are_shown(con):
    siklus.ubah_langkah(con, 2025, 1, SEKRETARIAT, rencana_selesai=date(2026, 1, 10))
    now = siklus.posisi(con, 2025, hari_ini=date(2026, 1, 20))
    assert now["sekarang"] == 1 and now["terlambat"] == [1] and not now["lewat_tenggat"]
    assert now["sisa_hari"] == 39
    assert siklus.posisi(con, 2025, hari_ini=date(2026, 3, 2))["lewat_tenggat"]


# --------------------------------------------------------------------------- step rules


def test_steps_go_in_order_and_need_their_document(con):
    with pytest.raises(siklus.SiklusError, match="memerlukan dokumen"):
        siklus.selesaikan(con, 2025, 1, SEKRETARIAT)
    with pytest.raises(siklus.SiklusError, match="Selesaikan dulu langkah 1"):
        siklus.selesaikan(con, 2025, 2, SEKRETARIAT)
    with pytest.raises(siklus.SiklusError, match="diterima sebagai"):
        siklus.lampirkan(con, 2025, 1, "surat_tugas", "st.exe", b"MZ", SEKRETARIAT)
    with pytest.raises(bukti.BuktiError, match="bukan .pdf yang sah"):
        siklus.lampirkan(con, 2025, 1, "surat_tugas", "st.pdf", b"bukan pdf", SEKRETARIAT)
    assert siklus.lampirkan(con, 2025, 1, "surat_tugas", "surat_tugas.pdf", PDF, SEKRETARIAT)[1] == 1
    siklus.selesaikan(con, 2025, 1, SEKRETARIAT, catatan="ST/12/2026")
    step = siklus.langkah(con, 2025).iloc[0]
    assert (step["status"], step["oleh"], step["catatan"], step["dokumen"]) == (
        "selesai", "sekretariat", "ST/12/2026", 1)
    with pytest.raises(siklus.SiklusError, match="sudah selesai"):
        siklus.selesaikan(con, 2025, 1, SEKRETARIAT)


def test_an_operator_takes_no_step(con):
    with pytest.raises(Ditolak):
        siklus.lampirkan(con, 2025, 1, "surat_tugas", "st.pdf", PDF, operator("MUTASI"))
    with pytest.raises(Ditolak):
        siklus.selesaikan(con, 2025, 1, operator("MUTASI"))


@pytest.fixture
def demo(demo_db, tmp_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, path)
    connection = db.connect(path)
    yield connection
    connection.close()


def through(con, tahun: int, last: int, first: int = 1) -> None:
    """Steps first..last of the year done the way the page does them."""
    actions = {
        1: lambda: (siklus.lampirkan(con, tahun, 1, "surat_tugas", "st.pdf", PDF, SEKRETARIAT),
                    siklus.selesaikan(con, tahun, 1, SEKRETARIAT)),
        2: lambda: dokumen.sampaikan_format(con, tahun, SEKRETARIAT),
        3: lambda: siklus.selesaikan(con, tahun, 3, SEKRETARIAT),
        4: lambda: (write_analysis(con, tahun), siklus.selesaikan(con, tahun, 4, PERENCANA)),
        5: lambda: (dokumen.buat_draf(con, tahun, PERENCANA), siklus.selesaikan(con, tahun, 5, PERENCANA)),
        6: lambda: (siklus.lampirkan(con, tahun, 6, "koreksi", "koreksi.docx", docx_bytes("koreksi"), SEKRETARIAT,
                                     komentar="Tabel 3.1 dirapikan"), siklus.selesaikan(con, tahun, 6, SEKRETARIAT)),
        7: lambda: (siklus.catat_rapat(con, tahun, date(tahun + 1, 2, 5), "Draft disetujui", "Kepala\nSekretaris",
                                       SEKRETARIAT), siklus.selesaikan(con, tahun, 7, SEKRETARIAT)),
        8: lambda: (siklus.lampirkan(con, tahun, 8, "ttd", "lkjip.pdf", PDF, SEKRETARIAT),
                    siklus.selesaikan(con, tahun, 8, SEKRETARIAT)),
        9: lambda: (siklus.lampirkan(con, tahun, 9, "ttd", "lkjip_ttd.pdf", PDF, PIMPINAN),
                    siklus.selesaikan(con, tahun, 9, PIMPINAN)),
        10: lambda: (siklus.lampirkan(con, tahun, 10, "ttd", "lkjip_sah.pdf", PDF, SEKRETARIAT),
                     siklus.selesaikan(con, tahun, 10, SEKRETARIAT)),
        11: lambda: dokumen.buat_surat_pengantar(con, tahun, SEKRETARIAT, tanggal=date(tahun + 1, 2, 20)),
    }
    for nomor in range(first, last + 1):
        actions[nomor]()


def write_analysis(con, tahun: int) -> None:
    for row in siklus.indikator_analisis(con, tahun).itertuples(index=False):
        siklus.simpan_analisis(con, tahun, row.sasaran, row.indikator_id, PERENCANA,
                               penyebab=f"Penyebab {row.indikator}", solusi="Solusi uji")


def test_step_2_produces_every_units_template_as_one_zip(demo):
    through(demo, 2024, 1)
    assert dokumen.sampaikan_format(demo, 2024, SEKRETARIAT) == 1
    docs = siklus.dokumen(demo, 2024, 2)
    _, content, mime = siklus.isi_dokumen(demo, SEKRETARIAT, int(docs.iloc[0]["id"]))
    with pytest.raises(Ditolak):
        siklus.isi_dokumen(demo, operator("MUTASI"), int(docs.iloc[0]["id"]))
    names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    units = [r[0] for r in demo.execute("SELECT kode FROM unit").fetchall()]
    assert mime == "application/zip" and sorted(names) == sorted(f"format_{u}_2024.xlsx" for u in units)
    assert siklus.langkah(demo, 2024).at[1, "status"] == "selesai"
    before = db_content(demo)  # made again: refused before a second zip is stored
    with pytest.raises(siklus.SiklusError, match="sudah selesai"):
        dokumen.sampaikan_format(demo, 2024, SEKRETARIAT)
    assert db_content(demo) == before


def test_step_3_follows_the_registers_completeness(demo):
    through(demo, 2022, 2)
    with pytest.raises(siklus.SiklusError, match="belum ada data dari PEMBINAAN TW III"):
        siklus.selesaikan(demo, 2022, 3, SEKRETARIAT)
    through(demo, 2024, 3)


def test_step_4_needs_the_jafungs_analysis_of_every_indicator(demo):
    through(demo, 2024, 3)
    with pytest.raises(siklus.SiklusError, match="Analisis belum ditulis"):
        siklus.selesaikan(demo, 2024, 4, PERENCANA)
    with pytest.raises(Ditolak):
        siklus.simpan_analisis(demo, 2024, "Sasaran", None, SEKRETARIAT, penyebab="x")
    rows = siklus.indikator_analisis(demo, 2024)
    first = rows.iloc[0]
    assert siklus.simpan_analisis(demo, 2024, first["sasaran"], int(first["indikator_id"]), PERENCANA,
                                  penyebab="Pelatihan daring menjangkau lebih banyak ASN", efisiensi="Biaya turun")
    assert not siklus.simpan_analisis(demo, 2024, first["sasaran"], int(first["indikator_id"]), PERENCANA,
                                      penyebab="Pelatihan daring menjangkau lebih banyak ASN", efisiensi="Biaya turun")
    stored = siklus.indikator_analisis(demo, 2024).iloc[0]
    assert (stored["penyebab"], stored["oleh"]) == ("Pelatihan daring menjangkau lebih banyak ASN", "perencana")
    write_analysis(demo, 2024)
    siklus.selesaikan(demo, 2024, 4, PERENCANA)


def test_step_5_drafts_bab_iii_with_the_analysis_as_numbered_versions(demo):
    through(demo, 2024, 4)
    siklus.simpan_analisis(demo, 2024, siklus.indikator_analisis(demo, 2024).iloc[0]["sasaran"], None, PERENCANA,
                           penyebab="Sasaran tercapai berkat kolaborasi bidang")
    assert dokumen.buat_draf(demo, 2024, PERENCANA) == 1
    assert dokumen.buat_draf(demo, 2024, PERENCANA) == 2
    drafts = siklus.dokumen(demo, 2024, 5)
    assert drafts["versi"].tolist() == [2, 1]
    _, content, _ = siklus.isi_dokumen(demo, SEKRETARIAT, int(drafts.iloc[0]["id"]))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    first = siklus.indikator_analisis(demo, 2024).iloc[0]
    assert f"Penyebab keberhasilan/kegagalan: Penyebab {first['indikator']}" in text
    assert "Sasaran tercapai berkat kolaborasi bidang" in text
    # every indicator has its analysis: no indicator placeholder is left (sasaran without one keep theirs)
    assert lkjip.ANALISIS not in text.split("B. Realisasi Anggaran")[0]
    # text a .docx cannot hold (a control character pasted from elsewhere) is left out, not a failure
    siklus.simpan_analisis(demo, 2024, siklus.indikator_analisis(demo, 2024).iloc[0]["sasaran"], None, PERENCANA,
                           penyebab="Kolaborasi\x0b bidang\x07")
    assert dokumen.buat_draf(demo, 2024, PERENCANA) == 3


def test_step_6_takes_corrected_drafts_with_a_comment(demo):
    through(demo, 2024, 5)
    with pytest.raises(siklus.SiklusError, match="komentar"):
        siklus.lampirkan(demo, 2024, 6, "koreksi", "koreksi.docx", docx_bytes("x"), SEKRETARIAT)
    assert siklus.lampirkan(demo, 2024, 6, "koreksi", "koreksi.docx", docx_bytes("x"), SEKRETARIAT,
                            komentar="Perbaiki paragraf 2")[1] == 1
    assert siklus.dokumen(demo, 2024, 6).iloc[0]["komentar"] == "Perbaiki paragraf 2"


def test_step_7_is_refused_while_a_quarter_is_unverified(demo):
    through(demo, 2025, 0)
    demo.execute("INSERT INTO siklus_peristiwa SELECT nextval('seq_id'), 2025, n, 'selesai', now(), 'uji', NULL "
                 "FROM range(1, 7) r(n)")  # steps 1-6 taken as done: this test is about step 7's rule
    with pytest.raises(siklus.SiklusError, match="Catat dulu rapat"):
        siklus.selesaikan(demo, 2025, 7, SEKRETARIAT)
    siklus.catat_rapat(demo, 2025, date(2026, 2, 5), "Notulen", ["Kepala Badan", "Sekretaris"], SEKRETARIAT)
    with pytest.raises(siklus.SiklusError, match="semua triwulan 2025 diverifikasi; belum: BANGKOM TW III"):
        siklus.selesaikan(demo, 2025, 7, SEKRETARIAT)
    assert siklus.langkah(demo, 2025).at[6, "status"] == "belum"
    meeting = siklus.rapat(demo, 2025).iloc[0]
    assert meeting["hadir"] == "Kepala Badan\nSekretaris"


def test_a_year_goes_from_surat_tugas_to_a_numbered_surat_pengantar(demo):
    through(demo, 2024, 8)
    with pytest.raises(Ditolak):
        siklus.selesaikan(demo, 2024, 9, PERENCANA)
    through(demo, 2024, 11, first=9)
    steps = siklus.langkah(demo, 2024)
    assert (steps["status"] == "selesai").all()
    # every step has its document, but 3 and 4 (the register, the analysis) and 7 (the meeting's record)
    assert (steps["dokumen"] > 0).drop(index=[2, 3, 6]).all()
    assert siklus.posisi(demo, 2024)["sekarang"] is None
    letters = siklus.nomor_surat(demo, 2024)
    assert letters["nomor"].tolist() == ["001/LKjIP/BKPSDM/2024"]
    _, content, _ = siklus.isi_dokumen(demo, SEKRETARIAT, int(siklus.dokumen(demo, 2024, 11).iloc[0]["id"]))
    document = docx.Document(io.BytesIO(content))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert "001/LKjIP/BKPSDM/2024" in text and "20 Februari 2025" in text and "{{" not in text
    actions = set(audit.trail(demo, SEKRETARIAT, tahun=2024)["aksi"])
    assert {"siklus_selesai", "siklus_dokumen", "siklus_rapat", "analisis", "nomor_surat"} <= actions
    # reopened, the year is signed again only with a newly signed document
    siklus.buka_kembali(demo, 2024, PIMPINAN, "Lampiran perlu diganti")
    with pytest.raises(siklus.SiklusError, match="dokumen baru"):
        siklus.selesaikan(demo, 2024, 9, PIMPINAN)
    siklus.lampirkan(demo, 2024, 9, "ttd", "lkjip_ttd_2.pdf", PDF + b" 2", PIMPINAN)
    siklus.selesaikan(demo, 2024, 9, PIMPINAN)
    assert workflow.signed(demo, 2024)["oleh"] == "pimpinan"


# --------------------------------------------------------------------------- a signed year


@pytest.fixture
def signed(tmp_path, capsys):
    """MUTASI's 2026 TW I uploaded twice (not verified), then the 2026 LKjIP marked signed. The
    signing is written directly: the full path to it is test_a_year_goes_from_surat_tugas_…"""
    path = str(tmp_path / "k.duckdb")
    assert run(capsys, "init", "--db", path)[0] == 0
    for name in ("rollback_q1_v1.xlsx", "rollback_q1_v2.xlsx"):
        assert import_(capsys, path, case(name))[0] == 0
    con = db.connect(path)
    con.execute(sql("write_siklus_peristiwa"), {"tahun": 2026, "nomor": 9, "jenis": "selesai",
                                                "pada": datetime(2027, 2, 20, 9, 0), "oleh": "pimpinan",
                                                "catatan": None})
    con.close()
    return path


def import_(capsys, path, name, quarter=1):
    return run(capsys, "import", name, "--unit", "MUTASI", "--year", 2026, "--quarter", quarter, "--db", path)


def test_after_signing_the_cli_refuses_an_import_and_register_steps(signed, capsys):
    con = db.connect(signed)
    before = db_content(con)
    con.close()
    code, _, err = import_(capsys, signed, case("lock_changed_value.xlsx"))
    assert code == 1 and "sudah ditandatangani" in err and "Pimpinan" in err
    code, _, err = run(capsys, "verifikasi", "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", signed)
    assert code == 1 and "sudah ditandatangani" in err
    con = db.connect(signed)
    assert db_content(con) == before
    con.close()


def test_after_signing_rollback_notes_bukti_settings_and_deadlines_are_refused(signed):
    con = db.connect(signed)
    iid = con.execute("SELECT id FROM indikator LIMIT 1").fetchall()[0][0]
    first = con.execute("SELECT id FROM submission WHERE nama_berkas = 'rollback_q1_v1.xlsx'").fetchall()[0][0]
    before = db_content(con)
    refusals = [
        lambda: versions.rollback(con, first, SEKRETARIAT),
        lambda: notes.save_notes(con, iid, 2026, 1, SEKRETARIAT, ket="diubah"),
        lambda: notes.save_notes(con, iid, 2026, 3, SEKRETARIAT, ket="triwulan lain pun"),
        lambda: bukti.attach(con, iid, 2026, 2, "bukti.pdf", PDF, SEKRETARIAT),
        lambda: indikator.change_settings(con, iid, 2026, {"polaritas": "negatif"}, SEKRETARIAT, alasan="uji"),
        lambda: workflow.set_deadline(con, 2026, 2, date(2026, 7, 20), SEKRETARIAT),
        lambda: siklus.atur_tahun(con, 2026, SEKRETARIAT, satuan_waktu="hari"),
        lambda: siklus.simpan_analisis(con, 2026, "Sasaran", iid, PERENCANA, penyebab="x"),
        lambda: siklus.ubah_langkah(con, 2026, 5, SEKRETARIAT, uraian="x"),
    ]
    for refuse in refusals:
        with pytest.raises(workflow.WorkflowError, match="sudah ditandatangani"):
            refuse()
    assert db_content(con) == before
    # another year is open, and the steps after the signature go on
    workflow.set_deadline(con, 2027, 2, date(2027, 7, 20), SEKRETARIAT)
    siklus.ubah_langkah(con, 2026, 11, SEKRETARIAT, arsip_fisik="Map surat keluar 2027")
    con.close()


def test_only_the_pimpinan_reopens_a_signed_year_with_a_reason(signed, capsys):
    con = db.connect(signed)
    with pytest.raises(Ditolak):
        siklus.buka_kembali(con, 2026, SEKRETARIAT, "salah ketik")
    with pytest.raises(siklus.SiklusError, match="alasan"):
        siklus.buka_kembali(con, 2026, PIMPINAN, " ")
    with pytest.raises(siklus.SiklusError, match="belum ditandatangani"):
        siklus.buka_kembali(con, 2025, PIMPINAN, "x")
    siklus.buka_kembali(con, 2026, PIMPINAN, "Realisasi TW I salah ketik")
    assert workflow.signed(con, 2026) is None
    assert siklus.langkah(con, 2026).at[8, "status"] == "dibuka_kembali"
    row = audit.trail(con, PIMPINAN, aksi="buka_tahun").iloc[0]
    assert (row["akun"], row["baru"]) == ("pimpinan", "dibuka kembali: Realisasi TW I salah ketik")
    con.close()
    assert import_(capsys, signed, case("lock_changed_value.xlsx"))[0] == 0


# --------------------------------------------------------------------------- numbering


def test_letter_numbers_are_a_sequence_per_year_and_unique_under_concurrency(tmp_path):
    path = tmp_path / "k.duckdb"
    db.connect(path).close()
    numbers: list[str] = []

    def take():
        with db.writing(path) as con:
            numbers.append(db.retrying(siklus.beri_nomor, con, 2025, "Penyampaian LKjIP", SEKRETARIAT))

    threads = [threading.Thread(target=take) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(numbers) == [f"{n:03d}/LKjIP/BKPSDM/2025" for n in range(1, 9)]
    con = db.connect(path)
    assert siklus.beri_nomor(con, 2026, "Lain", SEKRETARIAT) == "001/LKjIP/BKPSDM/2026"
    with pytest.raises(Ditolak):
        siklus.beri_nomor(con, 2026, "Lain", PERENCANA)
    with pytest.raises(Exception):  # the key itself refuses a repeated number
        con.execute("INSERT INTO nomor_surat VALUES (2025, 1, 'x', 'x', now(), 'x')")
    con.close()


def test_an_unusable_surat_template_takes_no_number(demo, tmp_path):
    from kinerja.reports.lkjip import TemplateError

    through(demo, 2024, 10)
    bad = tmp_path / "rusak.docx"
    bad.write_bytes(b"bukan docx")
    with pytest.raises(TemplateError):
        dokumen.buat_surat_pengantar(demo, 2024, SEKRETARIAT, template=bad)
    assert siklus.nomor_surat(demo, 2024).empty


def test_after_signing_the_upload_page_refuses_values_and_a_settings_correction(signed):
    from kinerja.ingest import upload

    con = db.connect(signed)
    before = db_content(con)
    changed = open(case("lock_changed_value.xlsx"), "rb").read()
    plan = upload.plan_upload(con, changed, "lock_changed_value.xlsx", "MUTASI", 2026, 1)
    assert not plan.ok and any("sudah ditandatangani" in p.message for p in plan.errors)
    same = open(case("rollback_q1_v2.xlsx"), "rb").read()  # what is stored: no value changes
    plan = upload.plan_upload(con, same, "rollback_q1_v2.xlsx", "MUTASI", 2026, 1)
    assert plan.ok and not plan.has_changes
    corrected = upload.with_settings(plan, upload.settings(plan).assign(polaritas="negatif"))
    result = upload.confirm(con, corrected, SEKRETARIAT)
    assert not result.written and any("sudah ditandatangani" in p.message for p in result.plan.errors)
    assert db_content(con) == before
    con.close()


def test_every_bab_iii_draft_of_the_year_carries_the_analysis(demo):
    from kinerja.reports.export import export_bytes

    row = siklus.indikator_analisis(demo, 2024).iloc[0]
    siklus.simpan_analisis(demo, 2024, row["sasaran"], int(row["indikator_id"]), PERENCANA, solusi="Kelas daring")

    def text(content):
        return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)

    assert "Alternatif solusi: Kelas daring" in text(export_bytes(demo, 2024, ".docx", None))
    assert "Alternatif solusi: Kelas daring" not in text(export_bytes(demo, 2024, ".docx", 2))
