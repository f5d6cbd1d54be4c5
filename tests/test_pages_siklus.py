"""The Siklus LKjIP page through AppTest, per role: the Pimpinan reads where the LKjIP is at one
glance and acts on nothing but a reopen; the Sekretariat attaches the Surat Tugas and completes a
step; the Jafung Perencana writes the analysis. Each test that writes uses its own copy of the demo."""
from datetime import date

from kinerja.collect import siklus
from kinerja.store import db
from tests.conftest import SEKRETARIAT
from tests.test_pages import engine, metrics, open_page, rendered
from tests.test_pages_pengumpulan import demo_copy  # noqa: F401 (fixture)

PAGE = "pages/siklus.py"


def refusals(app) -> list[str]:
    """The refusals a write left on the page (not the due-date alarm, which depends on today)."""
    return [e.value for e in app.error if e.icon == ":material/block:"]


def buttons(app) -> dict:
    return {b.label: b for b in app.button}


def test_the_pimpinan_sees_the_position_the_due_date_and_late_steps_and_acts_on_nothing(monkeypatch, demo_copy):
    con = db.connect(demo_copy)
    siklus.ubah_langkah(con, 2025, 1, SEKRETARIAT, rencana_selesai=date(2025, 1, 15))
    con.close()
    app = open_page(monkeypatch, demo_copy, PAGE, akun="pimpinan", tahun="2025")
    shown = metrics(app)
    assert shown["Posisi sekarang"] == "Langkah 1"
    assert any("Memerintahkan penyusunan LAKIP" in rendered(m.value) for m in app.markdown)
    assert shown["Langkah selesai"] == "0 dari 11"
    assert shown["Tenggat laporan 2025"] == "28-02-2026"
    assert any("Terlambat dari rencana: Langkah 1" in rendered(w.value) for w in app.warning)
    timeline = app.dataframe[0].value
    assert timeline["No"].tolist() == list(range(1, 12))
    assert timeline.columns[:2].tolist() == ["No", "Keadaan"]
    assert timeline["Keadaan"].tolist() == ["Terlambat"] + ["Belum"] * 10
    assert timeline.iloc[0]["Oleh"] == "" and timeline.iloc[0]["Selesai"] == ""
    assert "Tandai langkah selesai" not in buttons(app)
    assert all(f.disabled for f in app.text_area if f.label.startswith("Penyebab"))


def test_the_sekretariat_attaches_the_surat_tugas_and_completes_step_1(monkeypatch, demo_copy):
    app = open_page(monkeypatch, demo_copy, PAGE, akun="sekretariat", tahun="2025")
    assert buttons(app)["Tandai langkah selesai"].disabled
    assert any("memerlukan dokumen" in rendered(i.value) for i in app.info)
    app.file_uploader[0].upload("surat_tugas.pdf", b"%PDF-1.4 surat tugas")  # sent with the form's submit
    next(b for b in app.button if b.label == "Lampirkan dokumen").click().run()
    assert not app.exception and not refusals(app)
    assert not buttons(app)["Tandai langkah selesai"].disabled
    app.text_input(key="catatan-1").input("ST/045/BKPSDM/2026").run()
    buttons(app)["Tandai langkah selesai"].click().run()
    assert not app.exception and not refusals(app)
    steps = engine(demo_copy, siklus.langkah, 2025)
    assert steps.iloc[0][["status", "oleh", "catatan", "dokumen"]].tolist() == [
        "selesai", "sekretariat", "ST/045/BKPSDM/2026", 1]
    assert metrics(app)["Posisi sekarang"] == "Langkah 2"


def test_the_perencana_writes_the_analysis_of_an_indicator(monkeypatch, demo_copy):
    app = open_page(monkeypatch, demo_copy, PAGE, akun="perencana", tahun="2025")
    area = next(a for a in app.text_area if a.label == "Penyebab keberhasilan/kegagalan")
    assert not area.disabled
    # the first choice is the sasaran's own analysis; pick the first indicator
    chooser = next(s for s in app.selectbox if s.label == "Indikator")
    chooser.set_value(chooser.options[1]).run()
    next(a for a in app.text_area if a.label == "Penyebab keberhasilan/kegagalan").input(
        "Pelatihan daring menjangkau lebih banyak ASN")  # sent with the form's submit
    next(b for b in app.button if b.label == "Simpan analisis").click().run()
    assert not app.exception and not refusals(app)
    stored = engine(demo_copy, siklus.analisis, 2025)
    assert stored.iloc[0]["penyebab"] == "Pelatihan daring menjangkau lebih banyak ASN"
    assert stored.iloc[0]["oleh"] == "perencana"


def test_a_signed_year_says_so_and_only_the_pimpinan_is_offered_the_reopen(monkeypatch, demo_copy):
    con = db.connect(demo_copy)
    con.execute("INSERT INTO siklus_peristiwa VALUES (nextval('seq_id'), 2025, 9, 'selesai', now(), 'pimpinan', NULL)")
    con.close()
    app = open_page(monkeypatch, demo_copy, PAGE, akun="sekretariat", tahun="2025")
    assert any("hanya dapat dibaca" in rendered(s.value) for s in app.success)
    assert "Buka kembali tahun ini" not in buttons(app)
    app = open_page(monkeypatch, demo_copy, PAGE, akun="pimpinan", tahun="2025")
    app.text_area(key="alasan-buka").input("Realisasi TW III salah ketik").run()
    buttons(app)["Buka kembali tahun ini"].click().run()
    assert not app.exception and not refusals(app)
    assert engine(demo_copy, lambda con: siklus.workflow.signed(con, 2025)) is None


def test_the_sekretariat_walks_a_year_from_surat_tugas_to_a_numbered_surat_pengantar(monkeypatch, demo_copy):
    import io

    import docx
    import streamlit as st

    from tests.test_siklus import PERENCANA, docx_bytes, write_analysis

    app = open_page(monkeypatch, demo_copy, PAGE, akun="sekretariat", tahun="2024")

    def click(label):
        next(b for b in app.button if b.label == label).click().run()
        assert not app.exception and not refusals(app), refusals(app)

    def attach(name, content, komentar=None):
        app.file_uploader[0].upload(name, content)  # sent with the form's submit
        if komentar:
            next(a for a in app.text_area if a.label.startswith("Komentar")).input(komentar)
        click("Lampirkan dokumen")

    def position():
        return metrics(app)["Posisi sekarang"]

    attach("surat_tugas.pdf", b"%PDF-1.4 surat tugas")
    click("Tandai langkah selesai")
    assert position() == "Langkah 2"
    click("Buat format semua unit dan selesaikan")
    click("Tandai langkah selesai")  # 3: the register of 2024 is complete
    assert position() == "Langkah 4"
    engine(demo_copy, write_analysis, 2024)  # the Jafung's analysis of every indicator (its own page test above)
    st.cache_data.clear()
    app.run()
    click("Tandai langkah selesai")
    click("Buat draft Bab III (versi baru)")
    click("Tandai langkah selesai")
    attach("koreksi.docx", docx_bytes("koreksi"), komentar="Tabel 3.1 dirapikan")
    click("Tandai langkah selesai")
    assert position() == "Langkah 7"
    next(a for a in app.text_area if a.label == "Notulen").input("Draft disetujui tanpa catatan")
    next(a for a in app.text_area if a.label.startswith("Daftar hadir")).input("Kepala Badan\nSekretaris")
    click("Catat rapat")
    click("Tandai langkah selesai")
    for nomor, name in [(8, "lkjip.pdf"), (9, "lkjip_ttd.pdf"), (10, "lkjip_sah.pdf")]:
        assert position() == f"Langkah {nomor}"
        attach(name, b"%PDF-1.4 " + name.encode())
        click("Tandai langkah selesai")
    assert any("hanya dapat dibaca" in rendered(s.value) for s in app.success)
    click("Buat surat pengantar bernomor")
    assert position() == "Selesai"
    steps = engine(demo_copy, siklus.langkah, 2024)
    assert (steps["status"] == "selesai").all() and set(steps["oleh"]) == {"sekretariat"}
    letter = engine(demo_copy, siklus.dokumen, 2024, 11).iloc[0]
    _, content, _ = engine(demo_copy, siklus.isi_dokumen, SEKRETARIAT, int(letter["id"]))
    cells = [c.text for t in docx.Document(io.BytesIO(content)).tables for r in t.rows for c in r.cells]
    assert "001/LKjIP/BKPSDM/2024" in cells
    assert PERENCANA.nama in set(engine(demo_copy, siklus.analisis, 2024)["oleh"])
