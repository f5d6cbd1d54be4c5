"""The LKjIP Bab III draft: tables and paragraphs drafted from the engine's numbers, the units' notes,
a marked place for the Jafung's analysis, written into a template users can replace."""
import docx
import pytest
from click.testing import CliRunner

from kinerja.cli import cli
from kinerja.engine.capaian import capaian
from kinerja.reports.export import ExportError, export
from kinerja.reports.lkjip import (
    ANALISIS,
    ANALISIS_ANGGARAN,
    ANALISIS_SASARAN,
    DEFAULT_TEMPLATE,
)
from tests.evaluasi_seed import S1, TAHUN, evaluation_year


@pytest.fixture
def year(con):
    return evaluation_year(con)


@pytest.fixture
def draft(year, tmp_path):
    return docx.Document(str(export(year, TAHUN, tmp_path / "lkjip.docx")))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def table_after(document, title: str):
    """The table whose title paragraph starts with `title`, as lists of cell texts."""
    body = list(document.element.body.iterchildren())
    for i, element in enumerate(body):
        if element.tag.endswith("}p") and "".join(element.itertext()).startswith(title):
            table = next(e for e in body[i + 1:] if e.tag.endswith("}tbl"))
            found = next(t for t in document.tables if t._tbl is table)
            return [[c.text for c in row.cells] for row in found.rows]
    raise AssertionError(title)


def test_the_draft_has_a_section_per_sasaran_with_its_tables(draft):
    paragraphs = texts(draft)
    assert "BAB III AKUNTABILITAS KINERJA" in paragraphs
    assert f"Sasaran 1: {S1}" in paragraphs
    rows = table_after(draft, "Tabel 3.1 Target dan realisasi kinerja tahun 2024")
    assert rows[0] == ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Kategori"]
    assert rows[1] == [S1] * 7  # the sasaran once, as a row over its indicators
    record = next(r for r in rows if r[1].startswith("Persentase record"))
    assert record[3:] == ["93", "94,83", "101,97 %", "Sangat Tinggi"]
    assert table_after(draft, "Tabel 3.2")[0][3:5] == ["Realisasi 2021", "Capaian (%) 2021"]
    renstra = table_after(draft, "Tabel 3.3")
    assert next(r for r in renstra if r[1].startswith("Jumlah ASN"))[4:7] == ["2.400", "1.150", "47,92 %"]


def test_each_indicator_gets_a_paragraph_built_from_the_engines_numbers(year, draft):
    engine = capaian(year, TAHUN).set_index("indikator")
    jumlah = engine.loc["Jumlah ASN mengikuti pengembangan kompetensi"]
    assert jumlah["capaian_persen"] == 105 and jumlah["kategori"] == "Sangat Tinggi"
    expected = ("Capaian indikator Jumlah ASN mengikuti pengembangan kompetensi pada tahun 2024 sebesar "
                "105,00 % (Sangat Tinggi), dengan realisasi 420 orang dari target 400 orang, naik dari 95,00 % "
                "pada 2023. Terhadap Renstra 2021-2026 (jumlah realisasi 2021-2024 dibanding jumlah target Renstra "
                "2021-2026): target 2.400 orang, realisasi 1.150 orang, tingkat capaian 47,92 %; realisasi 2021 "
                "tidak ada.")
    assert expected in texts(draft)
    record = next(t for t in texts(draft) if t.startswith("Capaian indikator Persentase record"))
    assert "sebesar 101,97 % (Sangat Tinggi)" in record and "belum dapat dibandingkan (target akhir Renstra 2026 belum ada)" in record


def test_notes_follow_the_indicator_and_the_analysis_place_is_marked(draft):
    paragraphs = texts(draft)
    assert "Catatan unit (KET): =cmd|' /C calc'!A0" in paragraphs  # as typed, a .docx has no formulas
    markers = [p for p in draft.paragraphs if p.text == ANALISIS]
    assert len(markers) >= 3 and markers[0].runs[0].font.highlight_color is not None


def test_budget_section_sets_serapan_beside_capaian(draft):
    rows = table_after(draft, "Tabel 3.4 Capaian kinerja dan serapan anggaran")
    kegiatan = next(r for r in rows if r[1] == "5.03.02.2.03")
    assert kegiatan[3:7] == ["1.900.000.000", "1.800.000.000,5", "94,74 %", "105,00 %"]


def test_a_template_of_ones_own_keeps_its_letterhead(year, tmp_path):
    own = docx.Document()
    own.sections[0].header.paragraphs[0].text = "KOP SURAT DINAS CONTOH"
    own.add_paragraph("Halaman pembuka dari templat sendiri")
    own.save(str(tmp_path / "kop.docx"))
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "kinerja.duckdb"), "--year", "2024",
                                      "--out", str(tmp_path / "draf.docx"), "--template", str(tmp_path / "kop.docx")])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(tmp_path / "draf.docx"))
    assert document.sections[0].header.paragraphs[0].text == "KOP SURAT DINAS CONTOH"
    assert texts(document)[0] == "Halaman pembuka dari templat sendiri"
    assert "BAB III AKUNTABILITAS KINERJA" in texts(document)


def test_the_default_template_ships_with_the_package_and_a_missing_one_is_a_clear_error(con, tmp_path):
    assert docx.Document(str(DEFAULT_TEMPLATE)).sections[0].header.paragraphs[0].text.startswith("PEMERINTAH")
    with pytest.raises(ExportError, match="template .* tidak ditemukan"):
        export(con, TAHUN, tmp_path / "draf.docx", template=tmp_path / "tidak-ada.docx")
    (tmp_path / "rusak.docx").write_text("bukan docx")
    with pytest.raises(ExportError, match="bukan berkas .docx"):
        export(con, TAHUN, tmp_path / "draf.docx", template=tmp_path / "rusak.docx")
    assert not (tmp_path / "draf.docx").exists()


def test_an_empty_year_gives_a_draft_that_says_so(con, tmp_path):
    document = docx.Document(str(export(con, TAHUN, tmp_path / "kosong.docx")))
    assert "Belum ada data capaian kinerja untuk tahun 2024." in texts(document)


def test_the_template_can_be_a_setting(con, tmp_path):
    own = docx.Document()
    own.sections[0].header.paragraphs[0].text = "KOP DARI PENGATURAN"
    own.save(str(tmp_path / "kop.docx"))
    con.execute("INSERT INTO pengaturan VALUES ('template_lkjip', ?)", [str(tmp_path / "kop.docx")])
    document = docx.Document(str(export(con, TAHUN, tmp_path / "draf.docx")))
    assert document.sections[0].header.paragraphs[0].text == "KOP DARI PENGATURAN"


def test_an_incomplete_indicator_is_not_judged_and_the_draft_says_what_is_missing(draft):
    paragraphs = texts(draft)
    assert any(p.startswith("Data belum lengkap: 1 indikator") for p in paragraphs)
    partial = next(p for p in paragraphs if p.startswith('Capaian indikator =HYPERLINK'))
    assert ("belum dapat dinilai karena data belum lengkap (data belum lengkap: TW II, TW III, TW IV belum "
            "dilaporkan); capaian sementara atas data yang ada 50,00 %.") in partial
    assert "Sangat Rendah" not in partial


def test_every_kind_of_note_is_in_the_draft_under_its_indicator(year, tmp_path):
    from kinerja.collect.notes import save_notes
    from kinerja.vocab import NOTES
    from tests.conftest import SEKRETARIAT

    jp = capaian(year, TAHUN).set_index("indikator").at["Jumlah ASN mengikuti pengembangan kompetensi", "indikator_id"]
    save_notes(year, int(jp), TAHUN, 4, SEKRETARIAT, **{kind: f"isi {kind}" for kind in NOTES})
    paragraphs = texts(docx.Document(str(export(year, TAHUN, tmp_path / "lkjip.docx"))))
    for kind, label in NOTES.items():
        assert f"{'Catatan unit (KET)' if kind == 'ket' else label}: isi {kind}" in paragraphs, kind


def test_the_jafungs_analysis_takes_the_place_of_the_placeholder(year, tmp_path):
    from kinerja.reports.lkjip import Analisis, write_lkjip

    jp = capaian(year, TAHUN).set_index("indikator").at["Jumlah ASN mengikuti pengembangan kompetensi", "indikator_id"]
    write_lkjip(year, TAHUN, None, tmp_path / "lkjip.docx", analisis=Analisis(
        indikator={int(jp): "Pelatihan daring menambah peserta.\x0b"}, sasaran={S1: "Sasaran tercapai."},
        anggaran="Serapan sejalan dengan capaian."))
    paragraphs = texts(docx.Document(str(tmp_path / "lkjip.docx")))
    for text in ("Pelatihan daring menambah peserta.", "Sasaran tercapai.", "Serapan sejalan dengan capaian."):
        assert text in paragraphs
    assert ANALISIS in paragraphs  # the indicators without an analysis keep the marked place
    assert ANALISIS_SASARAN in paragraphs and ANALISIS_ANGGARAN not in paragraphs


def test_wide_tables_are_landscape_with_a_repeated_header_and_rows_that_do_not_split(draft):
    from docx.oxml.ns import qn

    assert any(s.page_width > s.page_height for s in draft.sections)
    assert draft.sections[0].page_width < draft.sections[0].page_height  # prose stays portrait
    for table in draft.tables:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)


def test_a_demo_database_says_data_demo_on_every_page_and_a_real_one_does_not(year, draft, tmp_path):
    from kinerja.demo import SEKRETARIAT_DEMO, mark_demo

    assert "DATA DEMO" not in " ".join(texts(draft))
    mark_demo(year, SEKRETARIAT_DEMO)
    demo = docx.Document(str(export(year, TAHUN, tmp_path / "demo.docx")))
    assert texts(demo)[0].startswith("DATA DEMO")
    assert all("DATA DEMO" in " ".join(p.text for p in s.header.paragraphs) for s in demo.sections)
