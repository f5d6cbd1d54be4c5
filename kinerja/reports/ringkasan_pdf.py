"""Ringkasan as one A4 page (PDF) for a leadership meeting: the tiles, the largest gaps, the
indicators at risk of missing the year's target, and who has sent their data; the same numbers
as the Ringkasan page (the page passes what it shows)."""
from __future__ import annotations

from datetime import date

import pandas as pd
from fpdf import FPDF

from kinerja.numbers import format_persen
from kinerja.present.tables import PROYEKSI_STATUS_SINGKAT, selisih_singkat
from kinerja.reports.evaluasi import DEMO_NOTE
from kinerja.vocab import periode_text

LIMIT = 8  # rows per list: the page holds the answer, the dashboard holds the rest
# The PDF core font (Helvetica) is Latin-1: the few other characters the texts use, spelled in it.
LATIN = str.maketrans({"–": "-", "—": "-", "≥": ">=", "≤": "<=", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"',
                       "→": "->", "\u2060": ""})


def text(value) -> str:
    """`value` as Latin-1 text for the core font (unknown characters become "?")."""
    return str(value).translate(LATIN).encode("latin-1", "replace").decode("latin-1")


def fitted(pdf: FPDF, value, width: float) -> str:
    """`value` shortened with "..." to fit `width` mm in the current font."""
    value = text(value)
    if pdf.get_string_width(value) <= width:
        return value
    while value and pdf.get_string_width(value + "...") > width:
        value = value[:-1]
    return value.rstrip() + "..."


def ringkasan_pdf(tahun: int, triwulan: int | None, summary: dict, gaps: pd.DataFrame, risky: pd.DataFrame,
                  sent: int, due: int, instansi: str | None = None, today: date | None = None,
                  demo: bool = False, risky_total: int | None = None, gaps_total: int | None = None) -> bytes:
    """One A4 portrait page: title and period; tiles (terukur/jumlah, belum lengkap, belum dapat
    dihitung, rata-rata capaian, perlu perhatian, pengumpulan sent/due); indicators per kategori;
    the LIMIT largest gaps and the LIMIT indicators most at risk, each list saying how many more
    there are. summary: engine.capaian.ringkasan; gaps: summaries.off_track (indikator, unit,
    capaian_persen, kategori), its first LIMIT rows at least; gaps_total: how many gaps there are
    (default len(gaps)); risky: engine.proyeksi.baris(..., "berisiko") (indikator, unit, status,
    proyeksi_capaian, kekurangan, satuan, polaritas, target_tahunan, realisasi; the gap to the target
    worded by polarity: present.tables.selisih_singkat), its first LIMIT rows at least; risky_total: how many at-risk rows there are
    (default len(risky)). demo: the database holds demo data (the page then says DATA DEMO, as every
    export does). Returns the PDF's bytes; never more than one page."""
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)  # the layout is fixed: lists are cut at LIMIT rows, texts shortened
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    width = pdf.w - 30

    pdf.set_font("helvetica", "B", 16)
    pdf.cell(width, 9, text("Ringkasan Kinerja"), new_x="LMARGIN", new_y="NEXT")
    if demo:
        pdf.set_font("helvetica", "B", 10)
        pdf.set_text_color(180, 0, 0)
        pdf.multi_cell(width, 5, text(DEMO_NOTE), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("helvetica", "", 10)
    # the whole subtitle, over two lines when the agency's name is long (never cut)
    pdf.multi_cell(width, 5, text(f"{instansi + ' · ' if instansi else ''}Tahun {tahun}, {periode_text(triwulan)}"
                                  f" · dicetak {(today or date.today()):%d-%m-%Y}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    tiles = [("Indikator terukur", f"{summary['terukur']}/{summary['jumlah']}"),
             ("Belum lengkap", str(summary["belum_lengkap"])),
             ("Belum dapat dihitung", str(summary["tidak_dapat_dihitung"])),
             ("Rata-rata capaian", format_persen(summary["rata_rata"])),
             ("Perlu perhatian", str(summary["perlu_perhatian"])),
             ("Pengumpulan data", f"{sent}/{due}")]
    tile = (width - 2 * 4) / 3
    row_top = pdf.get_y()
    for index, (label, value) in enumerate(tiles):
        if index % 3 == 0:  # a new row of three tiles starts below the last
            row_top = pdf.get_y()
        x, y = 15 + (index % 3) * (tile + 4), row_top
        pdf.rect(x, y, tile, 17)
        pdf.set_xy(x + 3, y + 2)
        pdf.set_font("helvetica", "", 9)
        pdf.cell(tile - 6, 5, fitted(pdf, label, tile - 6))
        pdf.set_xy(x + 3, y + 8)
        pdf.set_font("helvetica", "B", 14)
        pdf.cell(tile - 6, 7, text(value))
        if index % 3 == 2:
            pdf.set_xy(15, y + 20)
    pdf.set_font("helvetica", "", 9)
    bands = " · ".join(f"{kategori}: {jumlah}" for kategori, jumlah in summary["per_kategori"].items())
    pdf.cell(width, 5, fitted(pdf, f"Indikator terukur per kategori: {bands}", width), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    def heading(title: str, total: int) -> None:
        pdf.set_font("helvetica", "B", 12)
        more = f" ({LIMIT} dari {total}, lengkapnya di dasbor)" if total > LIMIT else ""
        pdf.cell(width, 7, fitted(pdf, title + more, width), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 9)

    def rows(cells: list[tuple[str, float, str]]) -> None:
        for value, share, align in cells:
            pdf.cell(width * share, 6, fitted(pdf, value, width * share - 2), border="B", align=align)
        pdf.ln(6)

    heading("Kesenjangan terbesar", len(gaps) if gaps_total is None else gaps_total)
    if gaps.empty:
        pdf.cell(width, 6, text("Tidak ada indikator terukur di bawah batas kategori kedua."), new_x="LMARGIN",
                 new_y="NEXT")
    else:  # a table's header only above rows
        pdf.set_font("helvetica", "B", 9)
        rows([("Indikator", 0.55, "L"), ("Unit", 0.17, "L"), ("Capaian", 0.13, "R"), ("Kategori", 0.15, "L")])
        pdf.set_font("helvetica", "", 9)
        for row in gaps.head(LIMIT).itertuples():
            rows([(row.indikator, 0.55, "L"), (row.unit, 0.17, "L"), (format_persen(row.capaian_persen), 0.13, "R"),
                  (row.kategori, 0.15, "L")])
    pdf.ln(4)

    heading("Peringatan dini: berisiko meleset dari target akhir tahun", len(risky) if risky_total is None else risky_total)
    if risky.empty:
        pdf.cell(width, 6, text("Tidak ada indikator yang diperkirakan meleset dari target akhir tahun."),
                 new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.set_font("helvetica", "B", 9)
        rows([("Indikator", 0.38, "L"), ("Unit", 0.14, "L"), ("Status", 0.14, "L"), ("Proyeksi", 0.12, "R"),
              ("Selisih dari target", 0.22, "R")])
        pdf.set_font("helvetica", "", 9)
        for row in risky.head(LIMIT).itertuples():
            rows([(row.indikator, 0.38, "L"), (row.unit, 0.14, "L"), (PROYEKSI_STATUS_SINGKAT[row.status], 0.14, "L"),
                  (format_persen(row.proyeksi_capaian), 0.12, "R"), (selisih_singkat(row), 0.22, "R")])

    pdf.set_xy(15, pdf.h - 20)
    pdf.set_font("helvetica", "I", 8)
    pdf.multi_cell(width, 4, text(
        "Capaian: realisasi dibanding target s.d. periode, menurut polaritas indikator. Indikator yang belum lengkap "
        "belum dinilai dan tidak dihitung sebagai kinerja rendah. Proyeksi: dari triwulan yang sudah dilaporkan."))
    return bytes(pdf.output())
