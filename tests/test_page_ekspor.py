"""The Ekspor page through AppTest: downloads of every format, previews equal to the engine's numbers."""
import io

from docx import Document
from openpyxl import load_workbook

from kinerja.engine.anggaran import serapan
from kinerja.engine.capaian import capaian, ringkasan
from kinerja.numbers import format_persen
from kinerja.present.tables import e81_table
from kinerja.reports.evaluasi import evaluasi
from kinerja.reports.export import export_bytes
from kinerja.store import db
from kinerja.web import cache
from tests.test_pages import open_page

LABELS = ["Buku kerja evaluasi (.xlsx)", "Draf LKjIP Bab III (.docx)", "Data panjang (.csv)",
          "Data panjang untuk Excel (.csv)", "Data panjang (.parquet)"]


def ekspor(monkeypatch, path):
    return open_page(monkeypatch, path, "pages/ekspor.py")


def test_the_page_offers_every_export_and_previews_e81_and_serapan(monkeypatch, demo_db):
    app = ekspor(monkeypatch, demo_db)
    assert app.title[0].value == "Ekspor Dokumen Evaluasi"
    buttons = app.get("download_button")
    assert [b.proto.label for b in buttons] == LABELS
    # The files are built on click (the browser test downloads them); here, what the click returns.
    assert [b.proto.url for b in buttons] == [""] * len(LABELS)
    assert "data demo" in app.warning[0].value  # the demo database says so; its files end in -demo
    con = db.connect(demo_db)
    try:
        expected_e81 = e81_table(evaluasi(con, 2025).e81)
        mean = ringkasan(capaian(con, 2025), con)["rata_rata"]
        budget = serapan(con, 2025)
    finally:
        con.close()
    preview = app.dataframe[0].value
    assert list(preview.columns)[:4] == ["(1) No", "(2) Sasaran", "(3) Program/Kegiatan", "(4) Indikator"]
    assert list(preview.columns) == list(expected_e81.columns)
    assert preview.astype(str).values.tolist() == expected_e81.astype(str).values.tolist()
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Rata-rata capaian kinerja"] == format_persen(mean)
    efisiensi = app.dataframe[1].value
    assert list(efisiensi["Kode"]) == list(budget["kode"])
    assert list(efisiensi["Serapan anggaran"]) == [format_persen(v) for v in budget["serapan_persen"]]


def test_the_buttons_hand_out_the_export_of_the_chosen_period(monkeypatch, demo_db):
    monkeypatch.setenv("KINERJA_DB", str(demo_db))
    con = db.connect(demo_db)
    try:
        for suffix in [".csv", "-excel.csv", ".parquet"]:
            assert cache.export_file(2024, 2, suffix)() == export_bytes(con, 2024, suffix, 2)
        book = load_workbook(io.BytesIO(cache.export_file(2024, 2, ".xlsx")()))
        assert book.sheetnames == ["Capaian", "Formulir E.81", "LKjIP Bab III", "Analisis Kinerja", "Data"]
        draft = Document(io.BytesIO(cache.export_file(2024, 2, ".docx")()))
        assert "triwulan II tahun 2024" in " ".join(p.text for p in draft.paragraphs)
    finally:
        con.close()


def test_a_quarter_from_the_sidebar_names_the_files_for_it(monkeypatch, demo_db):
    app = ekspor(monkeypatch, demo_db)
    app.sidebar.selectbox[0].set_value(2024).run()
    app.sidebar.radio[0].set_value("TW II").run()
    assert not app.exception
    assert "s.d. triwulan II tahun 2024" in app.caption[0].value
    assert len(app.get("download_button")) == len(LABELS)


def test_an_empty_database_says_what_to_do_and_offers_nothing(monkeypatch, tmp_path):
    app = ekspor(monkeypatch, tmp_path / "kosong.duckdb")
    assert "Belum ada data untuk diekspor" in app.info[0].value
    assert not app.get("download_button") and not app.dataframe
