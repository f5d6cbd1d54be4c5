"""The documents the LKjIP cycle produces (kinerja.collect.siklus keeps the steps): the collection
formats of every unit as one zip (step 2), the Bab III draft with the Jafung's analysis as numbered
versions (step 5), and the surat pengantar with a number from the numbering register (step 11),
written into a replaceable .docx template (pengaturan 'template_surat_pengantar', else the packaged
kinerja/reports/templates/surat_pengantar.docx). Placeholders in the template: {{instansi}},
{{nomor}}, {{tanggal}}, {{tahun}}, {{perihal}}, {{lampiran}}, {{tujuan}}.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import docx
import duckdb

from kinerja.auth import Akun, require
from kinerja.collect import siklus
from kinerja.collect.reminders import tanggal as format_tanggal
from kinerja.reports.lkjip import TemplateError, template_path, write_lkjip
from kinerja.reports.template import template_bytes
from kinerja.store.db import setting
from kinerja.store.queries import run

DEFAULT_SURAT = Path(__file__).parent / "templates" / "surat_pengantar.docx"
PERIHAL = "Penyampaian LKjIP Tahun {tahun}"
TUJUAN = "Wali Kota Samarinda\nc.q. Inspektorat Kota Samarinda"


def format_zip(con: duckdb.DuckDBPyConnection, tahun: int) -> bytes:
    """The yearly collection template (kinerja.reports.template) of every unit, one .xlsx per unit
    named format_<UNIT>_<tahun>.xlsx, as the bytes of a zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for kode in run(con, "units")["kode"]:
            archive.writestr(f"format_{kode}_{tahun}.xlsx", template_bytes(con, kode, tahun))
    return buffer.getvalue()


def sampaikan_format(con: duckdb.DuckDBPyConnection, tahun: int, akun: Akun) -> int:
    """Step 2: produce every unit's template as one zip, keep it as the step's document, complete
    the step. Returns the zip's version. Raises what siklus.lampirkan/selesaikan raise."""
    require(akun, "siklus")
    siklus.refuse_locked(con, tahun, 2)
    reason = siklus.alasan_belum_bisa(con, tahun, 2, dokumen=False)
    if reason:
        raise siklus.SiklusError(reason)
    _, versi = siklus.lampirkan(con, tahun, 2, "format", f"format_pengumpulan_{tahun}.zip", format_zip(con, tahun),
                                akun)
    siklus.selesaikan(con, tahun, 2, akun, catatan=f"format semua unit, versi {versi}")
    return versi


def draf_bytes(con: duckdb.DuckDBPyConnection, tahun: int) -> bytes:
    """The LKjIP Bab III draft of the year with the analysis in force (siklus.analisis_teks)."""
    buffer = io.BytesIO()
    write_lkjip(con, tahun, None, buffer)  # with the year's analysis
    return buffer.getvalue()


def buat_draf(con: duckdb.DuckDBPyConnection, tahun: int, akun: Akun) -> int:
    """Step 5: a new numbered version of the Bab III draft, kept as the step's document. Returns
    the version. Raises auth.Ditolak, siklus.SiklusError (signed year)."""
    require(akun, "siklus")
    siklus.refuse_locked(con, tahun, 5)
    _, versi = siklus.lampirkan(con, tahun, 5, "draf", f"draft_lkjip_bab3_{tahun}.docx", draf_bytes(con, tahun), akun)
    return versi


def surat_template(con: duckdb.DuckDBPyConnection, template: Path | None = None):
    """The surat pengantar template as a python-docx Document; TemplateError when unusable."""
    template = template_path(con, template, "template_surat_pengantar", DEFAULT_SURAT, "template surat pengantar")
    try:
        return docx.Document(str(template))
    except Exception as exc:  # python-docx raises several types for a file that is not a .docx
        raise TemplateError(f"template '{template.name}' bukan berkas .docx yang dapat dibaca.") from exc


def isi_surat(document, values: dict[str, str]) -> None:
    """Replace every {{name}} in the body's and tables' paragraphs; a placeholder split over runs
    is joined into the paragraph's first run (its style is kept)."""
    def paragraphs(container):
        yield from container.paragraphs
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from paragraphs(cell)

    for paragraph in paragraphs(document):
        text = paragraph.text
        if "{{" not in text:
            continue
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        if text != paragraph.text and paragraph.runs:
            paragraph.runs[0].text = text
            for run_ in paragraph.runs[1:]:
                run_.text = ""


def buat_surat_pengantar(con: duckdb.DuckDBPyConnection, tahun: int, akun: Akun, tanggal: date | None = None,
                         tujuan: str = TUJUAN, template: Path | None = None) -> str:
    """Step 11: number the letter (siklus.beri_nomor), write it into the template, keep it as the
    step's document and complete the step. Returns the number. The template is read before a
    number is taken, so an unusable template uses none. Raises auth.Ditolak, TemplateError,
    siklus.SiklusError (steps before 11 not done)."""
    require(akun, "nomor_surat")
    reason = siklus.alasan_belum_bisa(con, tahun, 11, dokumen=False)
    if reason:
        raise siklus.SiklusError(reason)
    document = surat_template(con, template)
    perihal = PERIHAL.format(tahun=tahun)
    nomor = siklus.beri_nomor(con, tahun, perihal, akun)
    isi_surat(document, {"instansi": setting(con, "nama_instansi"), "nomor": nomor,
                         "tanggal": format_tanggal(tanggal or date.today()), "tahun": str(tahun), "perihal": perihal,
                         "lampiran": "1 (satu) berkas", "tujuan": tujuan})
    buffer = io.BytesIO()
    document.save(buffer)
    siklus.lampirkan(con, tahun, 11, "surat_pengantar", f"surat_pengantar_lkjip_{tahun}.docx", buffer.getvalue(),
                     akun, komentar=f"nomor {nomor}")
    siklus.selesaikan(con, tahun, 11, akun, catatan=f"nomor {nomor}")
    return nomor
