"""Tables as people read them on the pages: Indonesian numbers, category colours."""
from __future__ import annotations

import pandas as pd

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
