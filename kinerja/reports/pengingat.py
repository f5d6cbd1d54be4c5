"""The reminder letter (.docx) to units late with their quarterly performance data: one letter per
unit, each on its own page, listing the late quarters with their deadlines and days late
(kinerja.collect.reminders). Number, date line and signature are left for the Sekretariat to fill,
as an official letter is numbered and signed outside the app.
"""
from __future__ import annotations

import io
from datetime import date, timedelta

import docx
import pandas as pd
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from kinerja.collect.reminders import DUE_DAYS, TERLAMBAT, tanggal
from kinerja.numbers import format_angka
from kinerja.vocab import ROMAN

COLUMNS = ["No", "Triwulan", "Tenggat", "Terlambat", "Keterangan"]


def surat_pengingat(quarters: pd.DataFrame, tahun: int, today: date, instansi: str) -> bytes:
    """The letters for the late quarters of `quarters` (kinerja.collect.reminders.pending_quarters
    rows; those due but not late are left out), one per unit in the order given, as .docx bytes.
    `instansi`: the agency's name for the letterhead (pengaturan nama_instansi).
    Raises ValueError when no quarter is late (there is nobody to write to)."""
    late = quarters[quarters["keadaan"] == TERLAMBAT]
    if late.empty:
        raise ValueError("tidak ada unit yang terlambat: tidak ada surat pengingat yang perlu dibuat.")
    document = docx.Document()
    for n, (_, own) in enumerate(late.groupby("unit", sort=False)):
        if n:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        letter(document, own, tahun, today, instansi)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def letter(document, own: pd.DataFrame, tahun: int, today: date, instansi: str) -> None:
    unit_nama = own["unit_nama"].iloc[0]
    head = document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(instansi).bold = True
    document.add_paragraph(f"Tanggal\t: {tanggal(today)}\nNomor\t: ........................\nLampiran\t: -\n"
                           f"Perihal\t: Pengingat penyampaian data kinerja tahun {tahun}")
    document.add_paragraph(f"Yth. Kepala {unit_nama}\ndi tempat")
    document.add_paragraph(
        "Sesuai SOP Pengumpulan Data Kinerja, data kinerja setiap triwulan disampaikan paling lambat pada "
        f"tenggat yang ditetapkan. Sampai dengan tanggal {tanggal(today)}, data kinerja {unit_nama} "
        f"tahun {tahun} berikut belum kami terima:")
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, COLUMNS):
        cell.text = header
        cell.paragraphs[0].runs[0].bold = True
    for number, row in enumerate(own.itertuples(), 1):
        cells = table.add_row().cells
        note = "Masih draf, belum diajukan" if row.status == "draf" else "Belum diunggah"
        for cell, value in zip(cells, [str(number), f"Triwulan {ROMAN[row.triwulan]}", tanggal(row.tenggat),
                                       f"{format_angka(row.hari)} hari", note]):
            cell.text = value
    document.add_paragraph()
    document.add_paragraph(
        "Sehubungan dengan hal tersebut, kami mohon Saudara menyampaikan data tersebut melalui halaman Unggah "
        f"aplikasi Kinerja paling lambat tanggal {tanggal(today + timedelta(days=DUE_DAYS))}, agar pengukuran "
        "dan pelaporan kinerja tidak tertunda. Atas perhatian dan kerja samanya kami ucapkan terima kasih.")
    sign = document.add_paragraph("Sekretaris,\n\n\n\n(....................................)\n"
                                  "NIP. ..............................")
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
