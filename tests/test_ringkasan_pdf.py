"""The one-page PDF of Ringkasan for a leadership meeting carries the page's numbers."""
import re
import zlib
from contextlib import closing
from datetime import date

import pandas as pd

from kinerja import proyeksi
from kinerja.collect.register import register
from kinerja.engine import summaries
from kinerja.engine.capaian import capaian, ringkasan, skala
from kinerja.numbers import format_persen
from kinerja.reports.ringkasan_pdf import LIMIT, ringkasan_pdf
from kinerja.store import db
from kinerja.vocab import periode_text
from tests.reference_proyeksi import at_risk
from tests.test_pages import open_page


def pdf_text(data: bytes) -> str:
    """The text a PDF draws (its compressed content streams, inflated)."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S)
    out = []
    for stream in streams:
        try:
            out.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            out.append(stream.decode("latin-1"))
    return "\n".join(out)


def pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def demo_pieces(path, tahun=2025, triwulan=3):
    with closing(db.connect(path)) as con:
        frame = capaian(con, tahun, triwulan)
        scale = skala(con)
        summary = ringkasan(frame, con)
        sent, due = summaries.submissions_due(register(con, tahun), triwulan, date.today())
    projected = proyeksi.proyeksi(frame, scale, triwulan)
    return summary, summaries.off_track(frame, scale), at_risk(projected), sent, due


def test_the_pdf_is_one_page_with_the_tiles_the_gaps_and_the_risks(demo_db):
    summary, gaps, risky, sent, due = demo_pieces(demo_db)
    data = ringkasan_pdf(2025, 3, summary, gaps, risky, sent, due, "BKPSDM Kota Samarinda")
    assert data.startswith(b"%PDF") and pages(data) == 1
    shown = pdf_text(data)
    for number in [f"{summary['terukur']}/{summary['jumlah']}", format_persen(summary["rata_rata"]), f"{sent}/{due}",
                   f"Tahun 2025, {periode_text(3)}"]:
        assert number in shown, number
    assert len(gaps) and len(risky), "the demo has gaps and risks at TW III"
    assert format_persen(gaps["capaian_persen"].iloc[0]) in shown
    assert format_persen(risky["proyeksi_capaian"].iloc[0]) in shown


def test_long_lists_and_long_names_still_fit_one_page(demo_db):
    summary, gaps, risky, sent, due = demo_pieces(demo_db)
    many = pd.concat([gaps.assign(indikator=gaps["indikator"] + " " + "sangat panjang " * 20)] * 10)
    riskier = pd.concat([risky] * 10)
    data = ringkasan_pdf(2025, 3, summary, many, riskier, sent, due, "–≥ Badan “Kepegawaian”")
    assert pages(data) == 1
    assert f"{LIMIT} dari {len(many)}" in pdf_text(data)
    # the page passes only the first LIMIT rows of each list, and how many there are
    shown = pdf_text(ringkasan_pdf(2025, 3, summary, many.head(LIMIT), riskier.head(LIMIT), sent, due,
                                   gaps_total=len(many), risky_total=len(riskier)))
    assert f"{LIMIT} dari {len(many)}" in shown and f"{LIMIT} dari {len(riskier)}" in shown


def test_ringkasan_offers_the_pdf(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db)
    labels = [b.label for b in app.get("download_button")]
    assert "Unduh ringkasan untuk rapat (PDF, 1 halaman)" in labels


def test_a_demo_database_says_data_demo_and_an_empty_list_prints_no_table_header(demo_db):
    summary, gaps, risky, sent, due = demo_pieces(demo_db)
    shown = pdf_text(ringkasan_pdf(2025, 3, summary, gaps.iloc[0:0], risky.iloc[0:0], sent, due, demo=True))
    assert "DATA DEMO" in shown
    assert "Tidak ada indikator terukur di bawah batas kategori kedua." in shown
    assert "(Kategori)" not in shown and "(Proyeksi)" not in shown  # no header over no rows
    assert "DATA DEMO" not in pdf_text(ringkasan_pdf(2025, 3, summary, gaps, risky, sent, due))


def drawn(data: bytes) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text the PDF draws, in points (fpdf2's "BT x y Td (text) Tj ET")."""
    found = re.findall(r"BT ([\d.]+) ([\d.]+) Td \((.*?)\) Tj ET", pdf_text(data))
    return [(float(x), float(y), text.replace("\\(", "(").replace("\\)", ")")) for x, y, text in found]


def test_the_at_risk_list_words_the_gap_by_polarity_and_long_names_stay_in_their_cell(demo_db):
    from fpdf import FPDF

    summary, gaps, risky, sent, due = demo_pieces(demo_db)
    first = risky.iloc[0]
    lower = first.copy()  # lower is better, above its limit: "lebih", never "kurang"
    lower[["indikator", "satuan", "polaritas", "kekurangan", "target_tahunan", "realisasi"]] = [
        "Jumlah ASN dijatuhi hukuman disiplin " + "yang sangat panjang namanya " * 6, "kasus", "negatif", 16.0, 8.0,
        12.0]
    percent = first.copy()  # a percentage falls short in points
    percent[["indikator", "satuan", "polaritas", "kekurangan", "target_tahunan", "realisasi"]] = [
        "Persentase data mutakhir", "%", "positif", 57.54, 90.0, 32.46]
    data = ringkasan_pdf(2025, 3, summary, gaps, pd.DataFrame([lower, percent]), sent, due)
    texts = drawn(data)
    shown = [t for _, _, t in texts]
    assert "Selisih dari target" in shown and "Kurang" not in shown
    assert "lebih 16 kasus" in shown and "kurang 57,54 poin" in shown
    # no text runs into the next column: on each line, every text ends before the next one starts
    measure = FPDF(unit="pt")
    lines: dict[float, list] = {}
    for x, y, text in texts:
        lines.setdefault(y, []).append((x, text))
    for y, cells in lines.items():
        cells.sort()
        header = "Indikator" in [text for _, text in cells]  # the tables' headers are bold
        for (x, text), (next_x, _) in zip(cells, cells[1:]):
            measure.set_font("helvetica", "B" if header else "", 9)
            assert x + measure.get_string_width(text) <= next_x, f"{text!r} runs into the next cell"
