"""The documents as they print: the LKjIP Bab III draft and the evaluation workbook of the demo year,
rendered to PDF by LibreOffice (installed by .ci/run) and read back with poppler's pdfinfo/pdftotext.
Tried as a reader would: wide tables on landscape pages, a bounded number of pages, no word of a table
cell broken across lines, every kind of note the units wrote, DATA DEMO on every page.

`make screenshots` also copies a rendered page of the draft to docs/screenshots/lkjip.png (README)."""
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import docx
import openpyxl
import pytest

from kinerja.store import db
from kinerja.vocab import NOTES

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
TAHUN = 2025
NOTE_UNIT = "MUTASI"
# The demo year, with a long analysis of one indicator, prints on 15 pages (draft) and 28 (workbook, which
# printed 92 before; its Analisis Kinerja sheet 4 of them); room to grow.
MAX_PAGES = {"lkjip.docx": 20, "evaluasi.xlsx": 30}

pytestmark = [
    pytest.mark.documents,
    pytest.mark.skipif(shutil.which("soffice") is None,
                       reason="LibreOffice (soffice) tidak terpasang: .ci/run memasangnya "
                              "(libreoffice-writer-nogui, libreoffice-calc-nogui)"),
    pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
                       reason="poppler-utils (pdftotext, pdfinfo) tidak terpasang: .ci/run memasangnya"),
]


# The Jafung's analysis of that indicator: longer than one row of the workbook holds (it goes on below).
LONG_ANALYSIS = "\n".join(f"Uraian {i}: " + " ".join(f"sebab{i}x{j}" for j in range(45)) for i in range(10))


def note(kind: str) -> str:
    """A note with no place to break a line inside it (the check below looks for it whole)."""
    return f"isi_{kind}"


@pytest.fixture(scope="module")
def printed(demo_db, tmp_path_factory):
    """{file name: (pdf path, [page texts], [(width, height) per page], source path)} for the draft
    and the workbook of the demo year, with a note of every kind on one indicator."""
    from kinerja.collect import siklus
    from kinerja.collect.notes import save_notes
    from kinerja.engine.capaian import capaian
    from kinerja.reports.export import export
    from tests.conftest import PERENCANA, SEKRETARIAT

    folder = tmp_path_factory.mktemp("cetak")
    shutil.copy(demo_db, folder / "demo.duckdb")
    con = db.connect(folder / "demo.duckdb")
    try:
        frame = capaian(con, TAHUN)
        indikator = int(frame.loc[frame["unit"] == NOTE_UNIT, "indikator_id"].iloc[0])
        save_notes(con, indikator, TAHUN, 4, SEKRETARIAT, **{kind: note(kind) for kind in NOTES})
        sasaran = frame.loc[frame["indikator_id"] == indikator, "sasaran"].iloc[0]
        siklus.simpan_analisis(con, TAHUN, sasaran if isinstance(sasaran, str) else siklus.TANPA_SASARAN,
                               indikator, PERENCANA, penyebab=LONG_ANALYSIS, solusi="Tambah kelas daring")
        sources = [export(con, TAHUN, folder / name) for name in MAX_PAGES]
    finally:
        con.close()
    result = {}
    for source in sources:
        pdf = to_pdf(source, folder)
        count = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
        sizes = [tuple(map(float, m)) for m in
                 re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", "-f", "1", "-l", str(count), pdf))]
        texts = [run("pdftotext", "-f", str(p), "-l", str(p), pdf, "-") for p in range(1, count + 1)]
        result[source.name] = (pdf, texts, sizes, source)
    ARTIFACTS.mkdir(exist_ok=True)
    for pdf, *_ in result.values():
        shutil.copy(pdf, ARTIFACTS / pdf.name)
    return result


def run(*command) -> str:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, check=True, timeout=120).stdout


def to_pdf(source: Path, folder: Path) -> Path:
    """LibreOffice with a profile of its own, so that a LibreOffice already open on the machine (or
    another test run) does not take the job and answer "source file could not be loaded"."""
    profile = (folder / "lo-profil").as_uri()
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(folder), str(source)], capture_output=True, text=True, timeout=240)
    pdf = folder / f"{source.stem}.pdf"
    assert pdf.exists(), (f"LibreOffice tidak dapat mengubah {source.name} ke PDF (perlu libreoffice-writer-nogui "
                          f"dan libreoffice-calc-nogui): {done.stdout} {done.stderr}")
    return pdf


def landscape(size) -> bool:
    return size[0] > size[1]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_draft_prints_prose_portrait_and_its_wide_tables_landscape(printed):
    _, texts, sizes, _ = printed["lkjip.docx"]
    assert not landscape(sizes[0]) and "BAB III AKUNTABILITAS KINERJA" in texts[0]
    # Tabel 3.2 has a Realisasi and a Capaian column per Renstra year: its header repeats on each of its pages
    wide = [i for i, text in enumerate(texts) if "Realisasi 2021" in flat(text) or "Tabel 3.2" in text]
    assert wide and all(landscape(sizes[i]) for i in wide)
    assert all(landscape(sizes[i]) for i, text in enumerate(texts) if "Tabel 3.3" in text)
    prose = [i for i, text in enumerate(texts) if "Capaian indikator" in text]
    assert prose and not any(landscape(sizes[i]) for i in prose)


def test_the_tables_repeat_their_header_on_every_page_they_cover(printed):
    _, texts, _, _ = printed["lkjip.docx"]
    first = {title: next(i for i, t in enumerate(texts) if title in t)
             for title in ("Tabel 3.1", "Tabel 3.2", "Tabel 3.3", "Sasaran 1:")}
    # a header word only that table has; its pages: from its title to the page before the next one's
    headers = {"Tabel 3.1": "Kategori", "Tabel 3.2": "Capaian (%) 2025", "Tabel 3.3": "Pembanding"}
    titles = list(first)
    for title, header in headers.items():
        pages = range(first[title], max(first[titles[titles.index(title) + 1]], first[title] + 1))
        missing = [i + 1 for i in pages if header not in flat(texts[i])]
        assert not missing, f"{title}: tanpa baris judul di halaman {missing}"
    assert first["Sasaran 1:"] - first["Tabel 3.3"] >= 2  # the demo's Tabel 3.3 does cover two pages


@pytest.mark.parametrize("name", list(MAX_PAGES))
def test_each_document_prints_within_its_page_bound(printed, name):
    _, texts, _, _ = printed[name]
    assert len(texts) <= MAX_PAGES[name], f"{name}: {len(texts)} halaman"


def test_every_page_says_its_number(printed):
    for name, (_, texts, _, _) in printed.items():
        missing = [n for n, text in enumerate(texts, 1) if not re.search(rf"Halaman\s+{n}\b", text)]
        assert not missing, f"{name}: tanpa nomor halaman {missing}"


def test_the_e81_prints_on_a3_landscape(printed):
    _, texts, sizes, _ = printed["evaluasi.xlsx"]
    e81 = [i for i, text in enumerate(texts) if "FORMULIR E.81" in text or "Formulir E.81 tahun" in text]
    assert e81 and all(landscape(sizes[i]) and round(sizes[i][0]) == 1191 for i in e81)  # A3: 420 mm
    others = [i for i in range(len(texts)) if i not in e81]
    assert all(landscape(sizes[i]) and round(sizes[i][0]) == 842 for i in others)  # A4: 297 mm


def test_the_workbook_prints_readable_text(printed):
    """The median word on each page of the Capaian sheet and the E.81 is at least 7 pt tall as printed
    (about 6 pt type; the sheets printed at about 4 pt before). Column widths are in units of the
    workbook's Calibri: LibreOffice lays them out as Excel does with Carlito, its metric twin."""
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True).stdout if shutil.which("fc-list") else ""
    if "Carlito" not in fonts:
        pytest.skip("fonts-crosextra-carlito tidak terpasang (.ci/run memasangnya): lebar kolom tidak seperti di Excel")
    pdf, texts, _, _ = printed["evaluasi.xlsx"]
    pages = [n for n, text in enumerate(texts, 1) if "EVALUASI CAPAIAN KINERJA" in text or "FORMULIR E.81" in text]
    assert len(pages) >= 2
    for n in pages:
        boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"',
                           run("pdftotext", "-bbox", "-f", n, "-l", n, pdf, "-"))
        heights = sorted(float(bottom) - float(top) for top, bottom in boxes)
        assert heights[len(heights) // 2] >= 7.0, f"halaman {n}: teks {heights[len(heights) // 2]:.1f} pt"


def words_of_docx_tables(path: Path) -> Counter:
    document = docx.Document(str(path))
    words = Counter()
    for table in document.tables:
        seen = set()
        for row in table.rows:
            for cell in row.cells:
                if id(cell._tc) not in seen:  # a merged cell (a group row) once
                    seen.add(id(cell._tc))
                    words.update(cell.text.split())
    return words


def words_of_xlsx(path: Path) -> Counter:
    words = Counter()
    for ws in openpyxl.load_workbook(path).worksheets:
        if ws.title == "Data":  # a table for machines: printed plain, not wrapped
            continue
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    words.update(value.split())
    return words


@pytest.mark.parametrize("name, words_of", [("lkjip.docx", words_of_docx_tables), ("evaluasi.xlsx", words_of_xlsx)])
def test_no_word_of_a_table_cell_is_broken_across_lines(printed, name, words_of):
    """Every word of every cell is found whole in the printed text (pdftotext puts a line break
    between the pieces of a word broken across lines), as often as the cells hold it."""
    _, texts, _, source = printed[name]
    printed_words = Counter(word for text in texts for word in text.split())
    broken = {w: (n, printed_words[w]) for w, n in words_of(source).items() if printed_words[w] < n and len(w) > 1}
    assert not broken, f"{name}: kata terpotong atau hilang (di sel, tercetak): {broken}"


def test_every_kind_of_note_prints_in_the_draft_and_the_e81(printed):
    draft = flat(" ".join(printed["lkjip.docx"][1]))
    for kind, label in NOTES.items():
        assert f"{'Catatan unit (KET)' if kind == 'ket' else label}: {note(kind)}" in draft, kind
    workbook = flat(" ".join(printed["evaluasi.xlsx"][1]))
    for kind in ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut_triwulan", "tindak_lanjut_renja"):
        assert note(kind) in workbook, kind  # the E.81 footer


def test_a_long_analysis_prints_whole_in_the_workbook_and_the_draft(printed):
    """Every word of it, each once: none clipped at the bottom of a row or lost between rows."""
    words = LONG_ANALYSIS.split()
    for name in MAX_PAGES:
        printed_words = [w for text in printed[name][1] for w in text.split() if w.startswith("sebab")]
        assert sorted(printed_words) == sorted(w for w in words if w.startswith("sebab")), name


@pytest.mark.parametrize("name", list(MAX_PAGES))
def test_every_printed_page_of_demo_data_says_data_demo(printed, name):
    _, texts, _, _ = printed[name]
    assert all("DATA DEMO" in text for text in texts), [i + 1 for i, t in enumerate(texts) if "DATA DEMO" not in t]


def test_make_screenshots_shows_a_page_of_the_draft_in_the_readme(printed):
    """A landscape page of Tabel 3.2 as PNG: into test-artifacts/ always, into docs/screenshots/ (the
    README) only under `make screenshots`; `make test` leaves tracked files alone."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) tidak terpasang")
    pdf, texts, _, _ = printed["lkjip.docx"]
    page = next(i for i, text in enumerate(texts) if "Tabel 3.2" in text) + 1
    run("pdftoppm", "-png", "-r", "80", "-f", page, "-l", page, "-singlefile", pdf, ARTIFACTS / "lkjip")
    assert (ARTIFACTS / "lkjip.png").stat().st_size > 10_000
    if os.environ.get("KINERJA_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(ARTIFACTS / "lkjip.png", SCREENSHOTS / "lkjip.png")
