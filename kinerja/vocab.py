"""Fixed words: roman quarters, the Renstra period, value sets, the names of notes, period texts."""
from __future__ import annotations

from datetime import date

# The notes of a value, with the names people read on the pages and in the documents.
NOTES = {"ket": "Keterangan (KET)", "faktor_pendorong": "Faktor pendorong", "faktor_penghambat": "Faktor penghambat",
         "tindak_lanjut_triwulan": "Tindak lanjut triwulan berikutnya",
         "tindak_lanjut_renja": "Tindak lanjut Renja berikutnya", "bukti_dukung": "Bukti dukung (tautan)"}


def hari_ini() -> date:
    """Today, as the pages date what they say (the one place they read the clock from, so tests fix it)."""
    return date.today()


def triwulan_berakhir(tahun: int, today: date | None = None) -> int:
    """How many quarters of `tahun` have ended on `today` (default hari_ini()), 0-4: TW k ends on the
    last day of month 3k. The early warning asks nothing of an ended quarter: an unreported one is
    named as not reported, not as time left, and 4 (the year is over) asks nothing at all
    (kinerja.proyeksi.sisa, present.tables.kebutuhan_text)."""
    today = today or hari_ini()
    if today.year != tahun:
        return 4 if today.year > tahun else 0
    return (today.month - 1) // 3


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# A unit's quarter in the register (collect.workflow; spec/cli.md `kinerja status`), as people read it.
STATUS = {"belum": "Belum", "draf": "Draf", "diajukan": "Diajukan", "diverifikasi": "Diverifikasi",
          "dibuka_kembali": "Dibuka kembali"}
# A trend needs this many years of capaian before it is called steady (summaries.trend, capaian_tren).
MIN_TREND_YEARS = 3


# The key of a Renstra target column that names no year ("TARGET AKHIR RENSTRA"): the end of the
# Renstra period that contains the file's year, resolved when the import is planned
# (kinerja.store.renstra holds the periods).
END_OF_PERIOD = 0


def periode_text(triwulan: int | None, tahun: int | None = None) -> str:
    """The period a figure covers, worded one way on every page and in every document:
    "s.d. triwulan II tahun 2025" / "tahun 2025"; without the year (on a page, where the sidebar
    shows it): "s.d. triwulan II" / "setahun penuh"."""
    if triwulan is None:
        return "setahun penuh" if tahun is None else f"tahun {tahun}"
    return f"s.d. triwulan {ROMAN[triwulan]}" + ("" if tahun is None else f" tahun {tahun}")


def period_label(jenis: str, tahun: int, triwulan: int) -> str:
    """How people name the place of a stored value: "TW II 2025", "Tahunan 2025", "Renstra 2026"."""
    if jenis == "target_renstra":
        return f"Renstra {tahun}"
    return f"{'Tahunan' if triwulan == 0 else 'TW ' + ROMAN[triwulan]} {tahun}"


def value_label(jenis: str, tahun: int, triwulan: int) -> str:
    """"Realisasi TW II 2025", "Target Tahunan 2025", "Target Renstra 2026"."""
    return f"{'Realisasi' if jenis == 'realisasi' else 'Target'} {period_label(jenis, tahun, triwulan)}"


# Value sets of an indicator's settings (capaian.md): how quarters add up, which way is better,
# and how quarterly targets are written.
AGREGASI = ["kumulatif", "nilai_akhir", "rata_rata"]
POLARITAS = ["positif", "negatif"]
KONVENSI = ["per_triwulan", "kumulatif"]

# The numbered columns of Formulir E.81 (Permendagri 86/2017), each with a K and an Rp sub-column.
E81_KOLOM = {5: "Target Renstra akhir periode", 6: "Realisasi Renstra s.d. tahun lalu",
             7: "Target Renja tahun berjalan", 8: "Realisasi TW I", 9: "Realisasi TW II",
             10: "Realisasi TW III", 11: "Realisasi TW IV", 12: "Realisasi Renja yang dievaluasi",
             13: "Realisasi Renstra s.d. tahun ini (13 = 6 + 12)",
             14: "Tingkat capaian Renstra (14 = 13 / 5 × 100 %)"}
