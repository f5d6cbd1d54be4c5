"""The LKjIP Bab III draft (.docx): the Bab III tables with the sasaran as group rows (landscape
pages where a table is wide), then per sasaran a paragraph per indicator drafted from the numbers,
every note the units recorded (each kind of vocab.NOTES) and the Jafung Perencana's analysis, or a
marked place for it; then capaian kinerja beside serapan anggaran. A demo database's draft says
DATA DEMO on every page.

The draft is written into a copy of a template (.docx) so that users can put their own letterhead
and styles in it: `template` argument, else the file named by pengaturan 'template_lkjip', else the
packaged default (kinerja/templates/lkjip_bab3.docx). The content is appended after whatever the
template's body holds. Text goes in as text (a .docx has no formulas); numbers Indonesian style.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import docx
import duckdb
import pandas as pd
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Emu, RGBColor

from kinerja.collect import siklus
from kinerja.engine import summaries
from kinerja.numbers import format_persen
from kinerja.present.tables import angka, readable
from kinerja.reports.bab3 import Tabel, groups, periode, tables
from kinerja.reports.docx_layout import (
    FONT_SIZES,
    Column,
    add_row,
    column,
    fixed_table,
    is_landscape,
    needs_landscape,
    set_text,
    shade,
    text_room,
    widths,
)
from kinerja.reports.evaluasi import DEMO_MARK, DEMO_NOTE, Evaluasi, evaluasi, native
from kinerja.safety import printable, printable_frame
from kinerja.store.queries import run
from kinerja.values import is_missing
from kinerja.vocab import NOTES

DEFAULT_TEMPLATE = Path(__file__).parent / "templates" / "lkjip_bab3.docx"
ANALISIS = "[Analisis Jafung Perencana: uraikan penyebab keberhasilan/kegagalan dan alternatif solusinya]"
ANALISIS_SASARAN = ("[Analisis Jafung Perencana atas sasaran ini: capaian seluruh indikatornya, faktor pendorong dan "
                    "penghambat, serta alternatif solusinya]")
ANALISIS_ANGGARAN = ("[Analisis Jafung Perencana atas efisiensi: capaian kinerja dibandingkan serapan anggaran "
                     "program/kegiatan]")


class TemplateError(ValueError):
    """A template that cannot be used; the message is for the user, in Bahasa Indonesia."""


def template_path(con: duckdb.DuckDBPyConnection, template: Path | None, kunci: str = "template_lkjip",
                  default: Path = DEFAULT_TEMPLATE, what: str = "template") -> Path:
    """The .docx to write into: `template` when given, else the one named by the setting `kunci`,
    else `default`. TemplateError (naming `what`) when the file is not there."""
    if template is None:
        found = run(con, "pengaturan_nilai", {"kunci": kunci})
        template = Path(found.at[0, "nilai"]) if len(found) else default
    template = Path(template)
    if not template.is_file():
        raise TemplateError(f"{what} '{template}' tidak ditemukan. Pakai berkas .docx yang ada.")
    return template


@dataclass(frozen=True)
class Analisis:
    """The Jafung Perencana's analysis (SOP step 4: causes of success or failure, solutions,
    efficiency), printed in the draft in place of the ANALISIS placeholder. Keys: `indikator` by
    indikator_id, `sasaran` by the sasaran's text as the tables show it; `anggaran` for part B.
    Texts are plain text (one paragraph per line); a missing key keeps the placeholder."""
    indikator: Mapping[int, str] = field(default_factory=dict)
    sasaran: Mapping[str, str] = field(default_factory=dict)
    anggaran: str | None = None


def write_lkjip(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, out,
                template: Path | None = None, analisis: Analisis | None = None) -> None:
    """The draft for the period into `out` (a path or a binary file object). `analisis`: the
    Jafung's text where the draft has placeholders today; by default the one stored for the year
    (kinerja.collect.siklus.analisis_teks; a quarter's draft keeps the placeholders: the analysis is
    the year's)."""
    path = template_path(con, template)
    if analisis is None and triwulan is None:
        analisis = Analisis(**siklus.analisis_teks(con, tahun))
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a file that is not a .docx
        raise TemplateError(f"template '{path.name}' bukan berkas .docx yang dapat dibaca.") from exc
    ev = evaluasi(con, tahun, triwulan)
    fill(document, dataclasses.replace(ev, **{  # text a .docx cannot hold (control characters) left out
        f.name: printable_frame(getattr(ev, f.name)) for f in dataclasses.fields(ev)
        if isinstance(getattr(ev, f.name), pd.DataFrame)}), analisis or Analisis())
    document.save(out)


def fill(document, ev: Evaluasi, analisis: Analisis) -> None:
    """Prose on the template's pages (portrait); each wide table in a landscape section of its own
    run of pages, back to the template's page for the prose that follows."""
    page = Page(document)
    bab3 = tables(ev)
    if ev.demo:
        demo_mark(document)
    document.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    document.add_heading("A. Capaian Kinerja Organisasi", level=2)
    if ev.capaian.empty:
        document.add_paragraph(f"Belum ada data capaian kinerja untuk {periode(ev)}.")
    else:
        measured = len(summaries.measured(ev.capaian))
        predikat = f" ({ev.predikat[0]})" if ev.predikat else ""
        document.add_paragraph(
            f"Pengukuran kinerja {periode(ev)} mencakup {len(ev.capaian)} indikator kinerja, "
            f"{measured} di antaranya terukur dengan data lengkap, dengan rata-rata capaian "
            f"{format_persen(ev.rata_rata)}{predikat}. Tabel 3.1 sampai 3.3 menyajikan angkanya per sasaran; "
            f"uraian per sasaran dan indikator menyusul.")
        for line in ev.catatan_data:
            document.add_paragraph(line.removeprefix("- "), style="List Bullet" if line.startswith("- ") else None)
        for tabel in bab3[:3]:
            add_table(document, page, tabel)
        page.turn(landscape=False)
    sasaran_list = list(dict.fromkeys(groups(ev.capaian)))  # None once for the indicators without one
    for n, sasaran in enumerate(sasaran_list, 1):
        document.add_heading(f"Sasaran {n}: {sasaran or 'Tanpa sasaran'}", level=3)
        rows = ev.capaian[ev.capaian["sasaran"] == sasaran] if sasaran else ev.capaian[ev.capaian["sasaran"].isna()]
        for row in rows.itertuples(index=False):
            add_indicator(document, ev, row, analisis.indikator.get(row.indikator_id))
        own = analisis.sasaran.get(sasaran or siklus.TANPA_SASARAN)  # the Siklus page names the group so
        if sasaran or own:
            add_analysis(document, own, ANALISIS_SASARAN)
    budget = bab3[-1]
    page.turn(landscape=page.wants_landscape(budget))
    document.add_heading("B. Realisasi Anggaran", level=2)
    add_table(document, page, budget)
    page.turn(landscape=False)
    if ev.rata_serapan is not None:
        document.add_paragraph(
            f"Rata-rata serapan anggaran program/kegiatan {periode(ev)} sebesar "
            f"{format_persen(ev.rata_serapan)}, dengan rata-rata capaian kinerja {format_persen(ev.rata_rata)}.")
    else:
        document.add_paragraph("Data pagu dan realisasi anggaran belum diunggah untuk periode ini.")
    add_analysis(document, analisis.anggaran, ANALISIS_ANGGARAN)


class Page:
    """The orientation of the section being written. Portrait is the template's own page (its size
    and margins); landscape is the same page turned."""

    def __init__(self, document):
        self.document = document
        last = document.sections[-1]
        self.size = (last.page_width, last.page_height)
        self.margins = (last.left_margin, last.right_margin, last.top_margin, last.bottom_margin)
        self.portrait_room = text_room(last)
        self.landscape = is_landscape(last)

    def wants_landscape(self, tabel: Tabel) -> bool:
        return bool(tabel.baris) and needs_landscape(measure(grouped(tabel)), self.portrait_room)

    def turn(self, landscape: bool) -> None:
        """Go on in a new section of that orientation, unless the current one has it already."""
        if landscape == self.landscape:
            return
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        short, long_ = sorted(self.size)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
        left, right, top, bottom = self.margins
        section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = (
            (top, bottom, left, right) if landscape else (left, right, top, bottom))
        self.landscape = landscape

    def room(self) -> Emu:
        return text_room(self.document.sections[-1])


def demo_mark(document) -> None:
    """DATA DEMO in the page header of every section and as the first line of the body."""
    for i, section in enumerate(document.sections):
        if i and section.header.is_linked_to_previous:
            continue  # it shows the header it is linked to
        run_ = section.header.add_paragraph().add_run(DEMO_MARK)
        run_.bold = True
        run_.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    run_ = document.add_paragraph().add_run(DEMO_NOTE)
    run_.bold = True
    run_.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def grouped(tabel: Tabel) -> Tabel:
    """With group rows, the Sasaran column goes: the group row above says it once."""
    if tabel.grup is None or "Sasaran" not in [h for h, _ in tabel.kolom]:
        return tabel
    drop = [h for h, _ in tabel.kolom].index("Sasaran")
    return Tabel(tabel.judul, [k for i, k in enumerate(tabel.kolom) if i != drop],
                 [[v for i, v in enumerate(row) if i != drop] for row in tabel.baris], tabel.grup)


def measure(tabel: Tabel) -> list[Column]:
    """The columns as printed, to measure (group rows span the table and do not count)."""
    return [column(header, [shown(row[i], kind) for row in tabel.baris], kind == "teks")
            for i, (header, kind) in enumerate(tabel.kolom)]


def add_table(document, page: Page, tabel: Tabel) -> None:
    """Title and table; the section turns landscape first when the table needs it. Columns are as
    wide as their longest word at least (docx_layout.widths); the header row repeats on every page
    and no row splits; sasaran are group rows over their indicators."""
    page.turn(landscape=page.wants_landscape(tabel))
    title = document.add_paragraph()
    title.add_run(tabel.judul).bold = True
    title.paragraph_format.keep_with_next = True
    if not tabel.baris:
        document.add_paragraph("Belum ada data.")
        return
    data = grouped(tabel)
    found = widths(measure(data), page.room())
    width_list, size = found if found else ([Emu(int(page.room() / len(data.kolom)))] * len(data.kolom), FONT_SIZES[-1])
    table = fixed_table(document, width_list)
    header = add_row(table, width_list, header=True)
    for cell, (text, _) in zip(header.cells, data.kolom):
        set_text(cell, text, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        shade(cell, "D9D9D9")
    group = object()
    for i, values in enumerate(data.baris):
        if data.grup is not None and data.grup[i] != group:
            group = data.grup[i]
            row = add_row(table, width_list)
            cell = row.cells[0].merge(row.cells[-1])
            set_text(cell, group or "Tanpa sasaran", size, bold=True)
            cell.paragraphs[0].paragraph_format.keep_with_next = True
            shade(cell, "F2F2F2")
        row = add_row(table, width_list)
        for cell, (_, kind), value in zip(row.cells, data.kolom, values):
            set_text(cell, shown(value, kind), size,
                     align=None if kind == "teks" else WD_ALIGN_PARAGRAPH.RIGHT)
    document.add_paragraph()


def shown(value, kind: str) -> str:
    if kind == "persen":
        return format_persen(value)
    if kind in ("angka", "rp"):
        return angka(value)
    return "" if value is None else str(value)


def note_label(kind: str) -> str:
    return "Catatan unit (KET)" if kind == "ket" else NOTES[kind]


def add_indicator(document, ev: Evaluasi, row, own: str | None) -> None:
    """The indicator's paragraph, then every note of the units (each kind of vocab.NOTES, in that
    order), then the Jafung's analysis or its placeholder."""
    document.add_paragraph(paragraph(ev, row))
    notes = ev.catatan[ev.catatan["indikator_id"] == row.indikator_id]
    for kind in NOTES:
        for text in notes[kind] if kind in notes.columns else []:
            if isinstance(text, str) and text.strip():
                p = document.add_paragraph(style="List Bullet")
                p.add_run(f"{note_label(kind)}: ").bold = True
                p.add_run(text)
    add_analysis(document, own, ANALISIS)


def add_analysis(document, text: str | None, placeholder: str) -> None:
    """The Jafung's text, a paragraph per line (characters a .docx cannot hold left out); without it
    the placeholder, highlighted."""
    text = printable(text) if isinstance(text, str) else None
    if text and text.strip():
        for line in text.strip().splitlines():
            if line.strip():
                document.add_paragraph(line.strip())
        return
    run_ = document.add_paragraph().add_run(placeholder)
    run_.italic = True
    run_.font.highlight_color = WD_COLOR_INDEX.YELLOW


def paragraph(ev: Evaluasi, row) -> str:
    """"Capaian indikator … pada tahun 2023 sebesar 101,97 % (Sangat Tinggi), naik dari 98,10 % pada
    2022; terhadap target akhir Renstra …", every number from the tables."""
    satuan = f" {row.satuan}" if isinstance(row.satuan, str) else ""
    waktu = periode(ev)
    if row.status_data == summaries.BELUM_LENGKAP:
        partial = ("" if is_missing(row.capaian_persen)
                   else f"; capaian sementara atas data yang ada {format_persen(row.capaian_persen)}")
        text = (f"Capaian indikator {row.indikator} pada {waktu} belum dapat dinilai karena data belum lengkap"
                f" ({readable(row.keterangan)}){partial}.")
    elif is_missing(row.capaian_persen):
        text = (f"Capaian indikator {row.indikator} pada {waktu} belum dapat dihitung"
                f" ({readable(row.keterangan) or 'data belum lengkap'}).")
    else:
        text = (f"Capaian indikator {row.indikator} pada {waktu} sebesar {format_persen(row.capaian_persen)}"
                f" ({row.kategori}), dengan realisasi {angka(row.realisasi)}{satuan} dari target"
                f" {angka(row.target)}{satuan}")
        yearly = ev.tahunan.set_index("indikator_id")
        previous = ev.tahun - 1
        column = f"capaian_{previous}"
        before = native(yearly.at[row.indikator_id, column]) if column in yearly.columns else None
        # like with like: last year's value only when it was measured on complete data
        if before is not None and yearly.at[row.indikator_id, f"status_{previous}"] == summaries.TERUKUR:
            if row.capaian_persen == before:
                text += f", sama dengan capaian pada {previous} ({format_persen(before)})"
            else:
                change = "naik" if row.capaian_persen > before else "turun"
                text += f", {change} dari {format_persen(before)} pada {previous}"
        text += "."
        if row.belum_dikonfirmasi:
            text = text[:-1] + f" (dihitung dengan {readable(row.belum_dikonfirmasi)} yang ditebak dan belum dikonfirmasi)."
        if row.periksa:
            text += f" {row.periksa[0].upper()}{row.periksa[1:]}."  # "Periksa satuan/format: …"
    renstra = ev.renstra.set_index("indikator_id").loc[row.indikator_id].map(native_or_decimal)
    return f"{text} {renstra_sentence(ev, renstra, satuan)}"


def renstra_sentence(ev: Evaluasi, renstra, satuan: str) -> str:
    """The indicator against its Renstra end target, by the rule of its agregasi
    (kinerja.engine.renstra), or why it cannot be compared."""
    if ev.periode is None:
        return f"Tahun {ev.tahun} tidak termasuk periode Renstra yang tercatat."
    head = f"Terhadap Renstra {ev.periode.label} ({renstra['aturan']})"
    if renstra["tingkat_capaian"] is None:
        return f"{head}: belum dapat dibandingkan ({renstra['keterangan']})."
    note = f"; {renstra['keterangan']}" if renstra["keterangan"] else ""
    return (f"{head}: target {angka(renstra['target_akhir'])}{satuan}, realisasi {angka(renstra['realisasi_sd'])}"
            f"{satuan}, tingkat capaian {format_persen(renstra['tingkat_capaian'])}{note}.")


def native_or_decimal(value):
    return value if isinstance(value, Decimal) else native(value)
