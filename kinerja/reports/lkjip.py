"""The LKjIP Bab III draft (.docx): per sasaran the Bab III tables, a paragraph per indicator drafted
from the numbers, the recorded faktor penghambat and tindak lanjut, and a marked place for the
Jafung Perencana's own analysis; then capaian kinerja beside serapan anggaran.

The draft is written into a copy of a template (.docx) so that users can put their own letterhead
and styles in it: `template` argument, else the file named by pengaturan 'template_lkjip', else the
packaged default (kinerja/templates/lkjip_bab3.docx). The content is appended after whatever the
template's body holds. Text goes in as text (a .docx has no formulas); numbers Indonesian style.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import docx
import duckdb
import pandas as pd
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt

from kinerja.collect import siklus
from kinerja.engine import summaries
from kinerja.numbers import format_persen
from kinerja.present.tables import angka
from kinerja.reports.bab3 import Tabel, periode, tables
from kinerja.reports.evaluasi import Evaluasi, evaluasi, native
from kinerja.safety import printable_frame
from kinerja.store.queries import run
from kinerja.values import is_missing
from kinerja.vocab import NOTES

DEFAULT_TEMPLATE = Path(__file__).parent / "templates" / "lkjip_bab3.docx"
ANALISIS = "[Analisis Jafung Perencana: uraikan penyebab keberhasilan/kegagalan dan alternatif solusinya]"


class TemplateError(ValueError):
    """A template that cannot be used; the message is for the user, in Bahasa Indonesia."""


def template_path(con: duckdb.DuckDBPyConnection, template: Path | None) -> Path:
    if template is None:
        found = run(con, "pengaturan_nilai", {"kunci": "template_lkjip"})
        template = Path(found.at[0, "nilai"]) if len(found) else DEFAULT_TEMPLATE
    template = Path(template)
    if not template.is_file():
        raise TemplateError(f"template '{template}' tidak ditemukan. Pakai berkas .docx yang ada.")
    return template


def write_lkjip(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, out,
                template: Path | None = None, analisis: Mapping | None = None) -> None:
    """The draft for the period into `out` (a path or a binary file object). `analisis`: the
    Jafung's analysis (kinerja.collect.siklus.analisis_teks: indikator_id or sasaran text -> list of
    paragraphs) written where the marked placeholders stand otherwise; by default the one stored
    for the year (a quarter's draft keeps the placeholders: the analysis is the year's)."""
    path = template_path(con, template)
    if analisis is None and triwulan is None:
        analisis = siklus.analisis_teks(con, tahun)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a file that is not a .docx
        raise TemplateError(f"template '{path.name}' bukan berkas .docx yang dapat dibaca.") from exc
    ev = evaluasi(con, tahun, triwulan)
    fill(document, dataclasses.replace(ev, **{  # text a .docx cannot hold (control characters) left out
        f.name: printable_frame(getattr(ev, f.name)) for f in dataclasses.fields(ev)
        if isinstance(getattr(ev, f.name), pd.DataFrame)}), analisis or {})
    document.save(out)


def fill(document, ev: Evaluasi, analisis: Mapping | None = None) -> None:
    analisis = analisis or {}
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
            f"{format_persen(ev.rata_rata)}{predikat}.")
        for line in ev.catatan_data:
            document.add_paragraph(line.removeprefix("- "), style="List Bullet" if line.startswith("- ") else None)
    sasaran_list = list(dict.fromkeys(ev.capaian["sasaran"].where(ev.capaian["sasaran"].notna(), None)))
    for n, sasaran in enumerate(sasaran_list, 1):
        document.add_heading(f"Sasaran {n}: {sasaran or 'Tanpa sasaran'}", level=3)
        for tabel in tables(ev, sasaran if sasaran else None, nomor=f"3.{n}") if sasaran else []:
            add_table(document, tabel)
        rows = ev.capaian[ev.capaian["sasaran"] == sasaran] if sasaran else ev.capaian[ev.capaian["sasaran"].isna()]
        for row in rows.itertuples(index=False):
            add_indicator(document, ev, row, analisis.get(row.indikator_id))
        if sasaran in analisis:
            marker(document, analisis[sasaran])
    document.add_heading("B. Realisasi Anggaran", level=2)
    add_table(document, tables(ev)[-1])
    if ev.rata_serapan is not None:
        document.add_paragraph(
            f"Rata-rata serapan anggaran program/kegiatan {periode(ev)} sebesar "
            f"{format_persen(ev.rata_serapan)}, dengan rata-rata capaian kinerja {format_persen(ev.rata_rata)}.")
    else:
        document.add_paragraph("Data pagu dan realisasi anggaran belum diunggah untuk periode ini.")
    marker(document)


def add_table(document, tabel: Tabel) -> None:
    document.add_paragraph(tabel.judul).runs[0].bold = True
    if not tabel.baris:
        document.add_paragraph("Belum ada data.")
        return
    table = document.add_table(rows=1, cols=len(tabel.kolom))
    table.style = "Table Grid"
    for cell, (header, _) in zip(table.rows[0].cells, tabel.kolom):
        cell.text = header
        cell.paragraphs[0].runs[0].bold = True
    for row in tabel.baris:
        cells = table.add_row().cells
        for cell, (_, kind), value in zip(cells, tabel.kolom, row):
            cell.text = shown(value, kind)
    for row in table.rows:
        for cell in row.cells:
            for run_ in cell.paragraphs[0].runs:
                run_.font.size = Pt(8)
    document.add_paragraph()


def shown(value, kind: str) -> str:
    if kind == "persen":
        return format_persen(value)
    if kind in ("angka", "rp"):
        return angka(value)
    return "" if value is None else str(value)


def add_indicator(document, ev: Evaluasi, row, analisis: list[str] | None = None) -> None:
    document.add_paragraph(paragraph(ev, row))
    notes = ev.catatan[ev.catatan["indikator_id"] == row.indikator_id]
    for column in ["faktor_penghambat", "ket", "tindak_lanjut_triwulan", "tindak_lanjut_renja"]:
        label = "Catatan unit (KET)" if column == "ket" else NOTES[column]
        for text in notes[column]:
            if isinstance(text, str) and text.strip():
                p = document.add_paragraph(style="List Bullet")
                p.add_run(f"{label}: ").bold = True
                p.add_run(text)
    marker(document, analisis)


def marker(document, analisis: list[str] | None = None) -> None:
    """The Jafung's analysis paragraphs ("Penyebab …: …"), else the highlighted placeholder."""
    if analisis:
        for text in analisis:
            label, _, body = text.partition(": ")
            p = document.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(body)
        return
    run_ = document.add_paragraph().add_run(ANALISIS)
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
                f" ({row.keterangan}){partial}.")
    elif is_missing(row.capaian_persen):
        text = (f"Capaian indikator {row.indikator} pada {waktu} belum dapat dihitung"
                f" ({row.keterangan or 'data belum lengkap'}).")
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
            text = text[:-1] + f" (dihitung dengan {row.belum_dikonfirmasi} yang ditebak dan belum dikonfirmasi)."
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
