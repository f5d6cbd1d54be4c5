"""The Unggah and Register pages through AppTest: preview before anything is written, errors at
their cells, confirm, and the Sekretariat's steps. Each test writes into its own copy of the demo."""
import shutil
from contextlib import closing
from datetime import date

import pytest

from kinerja.collect.register import register
from kinerja.engine.capaian import capaian
from kinerja.store import db
from tests import seed
from tests.conftest import db_content
from tests.test_pages import PAGES, engine, metrics, open_page, rendered, table
from tests.workbooks import Sheet, sop_rows, xlsx

# PEMBINAAN's 2025 TW IV (TW I and II are verified in the demo; the annual target stays 0,68).
BAD = xlsx(Sheet("Format", sop_rows([
    [1, "Meningkatnya profesionalitas ASN", "Indeks Sistem Merit", "indeks", "0,68", None, None, None, None,
     None, None, None, "dua puluh"]], title=False)))
GOOD = xlsx(Sheet("Format", sop_rows([
    [1, "Meningkatnya profesionalitas ASN", "Indeks Sistem Merit", "indeks", "0,68", None, None, None, None,
     None, None, None, "0,95"]], title=False)))


@pytest.fixture
def demo_copy(demo_db, tmp_path):
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, copy)
    return copy


def upload_page(monkeypatch, path, akun="operator.pembinaan", **query):
    return open_page(monkeypatch, path, "pages/unggah.py", akun=akun, unit="PEMBINAAN", tahun_unggah="2025",
                     triwulan_unggah="4", **query)


def test_the_workflow_pages_render_on_an_empty_database(monkeypatch, tmp_path):
    assert "pages/unggah.py" not in PAGES
    app = open_page(monkeypatch, tmp_path / "kosong.duckdb", "pages/unggah.py")
    assert "seret berkas" in app.info[0].value
    app = open_page(monkeypatch, tmp_path / "kosong.duckdb", "pages/pengumpulan.py")
    assert "Belum ada data" in app.info[0].value


def test_a_bad_workbook_is_explained_at_its_cell_and_nothing_is_written(monkeypatch, demo_copy):
    app = upload_page(monkeypatch, demo_copy)
    before = engine(demo_copy, db_content)
    app.file_uploader[0].upload("pembinaan.xlsx", BAD).run()
    assert not app.exception
    assert "1 kesalahan" in app.error[0].value
    problems = table(app)
    assert problems.iloc[0][["lembar", "baris", "kolom", "isi"]].tolist() == ["Format", "2", "REALISASI TRIWULAN IV",
                                                                             "dua puluh"]
    assert "Tulis angka" in problems.iloc[0]["masalah"]
    # where and what to do first: a phone shows them side by side
    assert list(app.dataframe[0].proto.column_order)[:3] == ["baris", "kolom", "masalah"]
    assert app.button[0].disabled
    marked = [b for b in app.get("download_button") if b.label.startswith("Unduh berkas dengan sel")]
    assert marked, "the annotated copy is offered"
    assert engine(demo_copy, db_content) == before


def test_a_good_workbook_is_previewed_then_confirmed_and_the_numbers_change(monkeypatch, demo_copy):
    before = engine(demo_copy, capaian, 2025, None, "PEMBINAAN")
    app = upload_page(monkeypatch, demo_copy)
    app.file_uploader[0].upload("pembinaan.xlsx", GOOD).run()
    assert not app.error
    assert "jauh di luar realisasi TW IV" in table(app)["masalah"].item(), "0,95 is far above 0,38-0,61"
    preview = table(app, 1)
    assert ("Realisasi TW IV 2025", "0,95") in set(zip(preview["Nilai"], preview["Baru"]))
    assert engine(demo_copy, capaian, 2025, None, "PEMBINAAN").equals(before), "nothing written before Simpan"

    assert not app.text_input, "who uploads is the logged-in account, not typed text"
    app.button[0].click().run()
    assert not app.exception
    assert "Tersimpan sebagai kiriman versi" in app.success[0].value
    after = engine(demo_copy, capaian, 2025, None, "PEMBINAAN").set_index("indikator")
    assert after.loc["Indeks Sistem Merit", "realisasi_tw4"] == 0.95
    quarter = engine(demo_copy, register, 2025)
    quarter = quarter[(quarter["unit"] == "PEMBINAAN") & (quarter["triwulan"] == 4)].iloc[0]
    assert (quarter["status"], quarter["langkah_oleh"]) == ("diajukan", "operator.pembinaan")


def test_an_upload_into_a_verified_quarter_names_who_can_reopen_it(monkeypatch, demo_copy):
    app = open_page(monkeypatch, demo_copy, "pages/unggah.py", unit="PEMBINAAN", tahun_unggah="2025",
                    triwulan_unggah="1")
    first_quarter = xlsx(Sheet("Format", sop_rows(
        [[1, "Meningkatnya profesionalitas ASN", "Indeks Sistem Merit", "indeks", "0,99"]],
        header=["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "REALISASI"], title=False)))
    app.file_uploader[0].upload("pembinaan.xlsx", first_quarter).run()
    assert not app.exception
    # a refusal naming who can unlock and how, not cells to fix: no table of cells, no marked workbook
    refusal = rendered(app.error[0].value)
    assert "Unggahan ditolak" in refusal and "Triwulan I 2025 unit PEMBINAAN sudah diverifikasi" in refusal
    assert "Sekretariat (Unit Pengelola Data)" in refusal and "Buka kembali" in refusal
    assert refusal.count("membuka kembali") + refusal.count("dibuka kembali") == 1  # the advice once
    (summary,) = [rendered(c.value) for c in app.caption if "Baris indikator dibaca" in rendered(c.value)]
    assert "Ditolak: tidak ada yang ditulis." in summary and "kesalahan" not in summary
    assert "None" not in refusal and "Perbaiki sel" not in " ".join(e.value for e in app.error)
    assert not [b for b in app.get("download_button") if b.label.startswith("Unduh berkas dengan sel")]
    assert app.button[0].disabled


def test_the_register_shows_who_is_late_and_verifies_a_quarter(monkeypatch, demo_copy):
    app = open_page(monkeypatch, demo_copy, "pages/pengumpulan.py", unit="MUTASI", tw="3")
    matrix = app.table[0].value
    assert matrix.loc["MUTASI", "TW IV"] == "Belum · terlambat"
    assert matrix.loc["MUTASI", "TW III"].startswith("Diajukan")
    assert metrics(app)["Dibuka kembali"] == "1"
    app.button(key="langkah-diverifikasi").click().run()
    assert not app.exception
    rows = engine(demo_copy, register, 2025)
    assert rows[(rows["unit"] == "MUTASI") & (rows["triwulan"] == 3)]["status"].item() == "diverifikasi"
    assert app.table[0].value.loc["MUTASI", "TW III"].startswith("Diverifikasi")


def test_the_register_counts_units_that_sent_nothing_as_late(monkeypatch, tmp_path):
    """A fresh-user trial: only MUTASI had indicators; the seven units that sent nothing were not
    late in the register, not in the Belum tile, not reminded and got no letter."""
    tahun, path = date.today().year - 2, tmp_path / "k.duckdb"  # every deadline of that year has passed
    with closing(db.connect(path)) as con:
        seed.indikator(con, "Indikator Mutasi", unit="MUTASI", tahun=tahun, target=90)
    app = open_page(monkeypatch, path, "pages/pengumpulan.py", tahun=str(tahun))
    matrix = app.table[0].value
    assert set(matrix.index) == {kode for kode, _, _ in db.UNITS}
    assert (matrix == "Belum · terlambat").all().all()
    assert metrics(app)["Belum"] == str(4 * len(db.UNITS))
    reminded = next(d.value for d in app.table if "Keadaan" in d.value.columns)
    assert set(reminded["Unit"]) == {nama for _, nama, _ in db.UNITS} and set(reminded["Keadaan"]) == {"Terlambat"}
    assert [b for b in app.get("download_button") if "surat pengingat" in b.label]


def version_id(path, unit: str, versi: int) -> int:
    """The demo's formal-style units send the whole year in each file: one stream per year."""
    with db.connect(path) as con:
        return con.sql("SELECT id FROM submission WHERE unit_kode = $unit AND tahun = 2025 AND triwulan IS NULL "
                       "AND versi = $versi", params={"unit": unit, "versi": versi}).fetchall()[0][0]


def roll_back(monkeypatch, path, unit: str, versi: int):
    app = open_page(monkeypatch, path, "pages/pengumpulan.py", unit=unit, tw="3", tab="Versi berkas",
                    versi=str(version_id(path, unit, versi)))
    assert "nilai berbeda" in " ".join(m.value for m in app.markdown)
    app.checkbox[0].check().run()
    next(b for b in app.button if b.label == "Pulihkan versi ini").click().run()
    assert not app.exception
    return app


def test_the_register_rolls_back_to_an_earlier_version(monkeypatch, demo_copy):
    # PENGADAAN version 2 reported TW I-II; versions 3 and 4 added TW III and IV, not verified yet
    roll_back(monkeypatch, demo_copy, "PENGADAAN", 2)
    rows = engine(demo_copy, capaian, 2025, None, "PENGADAAN")
    assert rows[["realisasi_tw3", "realisasi_tw4"]].isna().all().all() and rows["realisasi_tw2"].notna().all()
    with db.connect(demo_copy) as con:
        assert con.sql("SELECT max(versi) FROM submission WHERE unit_kode = 'PENGADAAN' AND tahun = 2025 "
                       "AND triwulan IS NULL").fetchall()[0][0] == 5


def test_a_rollback_that_would_change_a_verified_quarter_is_refused(monkeypatch, demo_copy):
    before = engine(demo_copy, db_content)
    app = roll_back(monkeypatch, demo_copy, "SEKRETARIAT", 1)
    assert "sudah diverifikasi" in " ".join(e.value for e in app.error)
    assert engine(demo_copy, db_content) == before
