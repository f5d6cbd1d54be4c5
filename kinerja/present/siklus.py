"""The LKjIP cycle as a reader sees it (pages/siklus.py): the eleven steps as a timeline table with
an Indonesian state per step, and the one-line position for the Pimpinan."""
from __future__ import annotations

from datetime import date

import pandas as pd

from kinerja.collect.siklus import DOKUMEN_TEKS, PELAKSANA

# Text only: a browser without an emoji font shows every state as a box.
KEADAAN = {"selesai": "Selesai", "sekarang": "Sekarang", "terlambat": "Terlambat", "dibuka_kembali": "Dibuka kembali",
           "belum": "Belum"}


def teks(value) -> str:
    """Stored text, '' for a missing one (NULL arrives as None or NaN)."""
    return "" if value is None or pd.isna(value) else str(value)


def tanggal(value) -> str:
    """dd-mm-yyyy, '' for a missing date."""
    return "" if value is None or pd.isna(value) else f"{pd.Timestamp(value):%d-%m-%Y}"


def date_or_none(value) -> date | None:
    """A stored date for a date input: None when missing."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def keadaan(row: dict, sekarang: int | None) -> str:
    """The state of a step as KEADAAN names it: late wins over 'now' (a late step is what the
    Pimpinan must see)."""
    if row["status"] == "selesai":
        return "selesai"
    if row["terlambat"]:
        return "terlambat"
    if row["status"] == "dibuka_kembali":
        return "dibuka_kembali"
    return "sekarang" if row["nomor"] == sekarang else "belum"


def pelaksana_text(codes: str | None) -> str:
    return ", ".join(PELAKSANA[c] for c in (codes or "").split(",") if c in PELAKSANA)


# timeline's columns: what the page's table shows (Pimpinan's glance), and the SOP's details.
TIMELINE_KEY = ["No", "Keadaan", "Langkah", "Rencana", "Selesai", "Oleh", "Dokumen"]
TIMELINE_PHONE = ["No", "Keadaan", "Langkah"]  # what fits 390 px
TIMELINE_SOP = ["No", "Pelaksana", "Mutu baku", "Arsip fisik"]


def timeline(langkah: pd.DataFrame, posisi: dict, satuan_waktu: str | None) -> pd.DataFrame:
    """One row per step for the page, what the Pimpinan reads first on the left: No, Keadaan,
    Langkah, Rencana, Selesai, Oleh, Dokumen, Pelaksana, Mutu baku (kelengkapan · waktu · output),
    Arsip fisik."""
    satuan = f" {satuan_waktu}" if satuan_waktu else ""
    rows = []
    for row in langkah.to_dict("records"):
        waktu = "" if pd.isna(row["waktu"]) else f"{int(row['waktu'])}{satuan}"
        mutu = " · ".join(p for p in (teks(row["kelengkapan"]), waktu, teks(row["output"])) if p)
        rencana = " s.d. ".join(t for t in (tanggal(row["rencana_mulai"]), tanggal(row["rencana_selesai"])) if t)
        rows.append({"No": row["nomor"], "Keadaan": KEADAAN[keadaan(row, posisi["sekarang"])],
                     "Langkah": row["uraian"], "Rencana": rencana,
                     "Selesai": tanggal(row["pada"]) if row["status"] == "selesai" else "", "Oleh": teks(row["oleh"]),
                     "Dokumen": int(row["dokumen"]), "Pelaksana": pelaksana_text(row["pelaksana"]), "Mutu baku": mutu,
                     "Arsip fisik": teks(row["arsip_fisik"])})
    return pd.DataFrame(rows)


def ringkas(langkah: pd.DataFrame, posisi: dict, hari_ini: date | None = None) -> dict:
    """The glance: sekarang ("Langkah 5" or "Selesai"), uraian (the current step's text, or
    "Semua langkah selesai"), kemajuan ("4 dari 11"), tenggat ("28-02-2026"), sisa ("12 hari lagi",
    "hari ini", "lewat 3 hari"; "" once every step is done), terlambat (["Langkah 2: …"]),
    ditandatangani (text or None)."""
    names = dict(zip(langkah["nomor"], langkah["uraian"]))
    now = posisi["sekarang"]
    days = posisi["sisa_hari"]
    when = "hari ini" if days == 0 else (f"{days} hari lagi" if days > 0 else f"lewat {-days} hari")
    signed = posisi["ditandatangani"]
    return {"sekarang": f"Langkah {now}" if now else "Selesai",
            "uraian": names[now] if now else "Semua langkah selesai",
            "kemajuan": f"{posisi['selesai']} dari {len(langkah)}",
            "tenggat": tanggal(posisi["tenggat_laporan"]), "sisa": when if now else "",
            "terlambat": [f"Langkah {n}: {names[n]}" for n in posisi["terlambat"]],
            "ditandatangani": (f"Ditandatangani, dicatat oleh {signed['oleh']} pada {tanggal(signed['pada'])}"
                               if signed else None)}


def dokumen_table(dokumen: pd.DataFrame) -> pd.DataFrame:
    """The documents for the page: Langkah, Jenis, Versi, Berkas, Komentar, Diunggah, Oleh."""
    return pd.DataFrame({"Langkah": dokumen["nomor"], "Jenis": dokumen["jenis"].map(DOKUMEN_TEKS),
                         "Versi": dokumen["versi"], "Berkas": dokumen["nama_berkas"],
                         "Komentar": dokumen["komentar"].fillna(""),
                         "Diunggah": dokumen["pada"].map(lambda v: f"{pd.Timestamp(v):%d-%m-%Y %H:%M}"),
                         "Oleh": dokumen["oleh"]})
