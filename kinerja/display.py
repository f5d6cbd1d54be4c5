"""Tables as people read them on the pages: Indonesian numbers, category colours."""
from __future__ import annotations

import pandas as pd

from kinerja.evaluasi import E81_KOLOM
from kinerja.numbers import format_angka, format_persen

CAPAIAN_COLUMNS = {"unit": "Unit", "sasaran": "Sasaran", "indikator": "Indikator", "satuan": "Satuan",
                   "target": "Target", "realisasi": "Realisasi", "capaian_persen": "Capaian",
                   "kategori": "Kategori", "keterangan": "Keterangan"}
# Dark category colours need light text (Okabe-Ito blue and vermillion).
LIGHT_TEXT = {"#0072B2", "#D55E00"}


def angka(value) -> str:
    """A number Indonesian style; a range target ("80 - 90") as written; "–" for missing."""
    return value.replace(".", ",") if isinstance(value, str) else format_angka(value)


def capaian_table(frame: pd.DataFrame) -> pd.DataFrame:
    table = frame[list(CAPAIAN_COLUMNS)].rename(columns=CAPAIAN_COLUMNS)
    table["Target"] = [angka(v) for v in frame["target"]]
    table["Realisasi"] = [angka(v) for v in frame["realisasi"]]
    table["Capaian"] = [format_persen(v) for v in frame["capaian_persen"]]
    table["Kategori"] = frame["kategori"].fillna("–")
    table["Keterangan"] = frame["keterangan"].fillna("")
    return table


def kategori_css(frame: pd.DataFrame) -> list[str]:
    """Background of each row's Kategori cell in its scale colour."""
    return [
        f"background-color: {w}; color: {'white' if w in LIGHT_TEXT else 'black'}" if isinstance(w, str) else ""
        for w in frame["warna"]
    ]


def rupiah(value) -> str:
    return "–" if value is None or value != value else format_angka(value)


def e81_table(e81: pd.DataFrame) -> pd.DataFrame:
    """Formulir E.81 for a preview: the form's column numbers in the headers, K and Rp per column."""
    table = pd.DataFrame({
        "(1) No": e81["no"], "(2) Sasaran": e81["sasaran"].fillna(""),
        "(3) Program/Kegiatan": e81["program_kegiatan"].fillna(""),
        "(4) Indikator": [f"{i} ({s})" if isinstance(s, str) and s else (i or "")
                          for i, s in zip(e81["indikator"], e81["satuan"])],
    })
    for n, label in E81_KOLOM.items():
        k_shown = format_persen if n == 14 else angka
        table[f"({n}) {label} K"] = [k_shown(v) if v is not None else "" for v in e81[f"k{n}"]]
        rp_shown = format_persen if n == 14 else rupiah
        table[f"({n}) {label} Rp"] = [rp_shown(v) if v is not None else "" for v in e81[f"rp{n}"]]
    table["(15) Unit Penanggung Jawab"] = e81["unit"].fillna("")
    return table


def efisiensi_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Capaian kinerja beside serapan anggaran, per program/kegiatan."""
    return pd.DataFrame({
        "Kode": frame["kode"], "Program/Kegiatan": frame["program_kegiatan"],
        "Pagu (Rp)": [rupiah(v) for v in frame["pagu"]],
        "Realisasi anggaran (Rp)": [rupiah(v) for v in frame["realisasi"]],
        "Serapan anggaran": [format_persen(v) for v in frame["serapan_persen"]],
        "Rata-rata capaian kinerja": [format_persen(v) for v in frame["capaian_kinerja"]],
        "Jumlah indikator": frame["jumlah_indikator"],
    })
