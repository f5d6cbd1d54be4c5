"""The LKjIP Bab III tables (PermenPAN-RB 53/2014), one definition for the workbook and the docx:
a title, columns with the kind of value each holds, and rows of raw values (None = missing)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kinerja.engine.summaries import kategori_shown
from kinerja.reports.evaluasi import Evaluasi
from kinerja.values import is_missing
from kinerja.vocab import periode_text

# kinds: teks (user or fixed text), angka (a value as stored), persen (2 decimals), rp (rupiah)


@dataclass
class Tabel:
    judul: str
    kolom: list[tuple[str, str]]   # (header, kind)
    baris: list[list]
    grup: list[str | None] | None = None  # the sasaran of each row (the docx prints them as group rows)


def periode(ev: Evaluasi) -> str:
    """The period of the evaluation, as every document names it."""
    return periode_text(ev.triwulan, ev.tahun)


def tables(ev: Evaluasi) -> list[Tabel]:
    """The four analyses, tables 3.1-3.3 per indicator with its sasaran in `grup`, 3.4 per
    program/kegiatan."""
    cap = ev.capaian
    out = [Tabel(
        f"Tabel 3.1 Target dan realisasi kinerja {periode(ev)}",
        [("No", "angka"), ("Sasaran", "teks"), ("Indikator Kinerja", "teks"), ("Satuan", "teks"),
         ("Target", "angka"), ("Realisasi", "angka"), ("Capaian (%)", "persen"), ("Kategori", "teks")],
        [[i, r.sasaran, r.indikator, r.satuan, r.target, r.realisasi, r.capaian_persen, kategori]
         for i, (r, kategori) in enumerate(zip(cap.itertuples(index=False), kategori_shown(cap)), 1)],
        groups(cap))]
    years = ev.tahun_renstra
    yearly = ev.tahunan
    out.append(Tabel(
        f"Tabel 3.2 Realisasi dan capaian kinerja tahun {ev.tahun} dibandingkan tahun-tahun "
        f"sebelumnya dalam periode Renstra",
        [("No", "angka"), ("Indikator Kinerja", "teks"), ("Satuan", "teks")]
        + [(f"{label} {y}", kind) for y in years for label, kind in (("Realisasi", "angka"), ("Capaian (%)", "persen"))],
        [[i, r["indikator"], r["satuan"]] + [r[f"{m}_{y}"] for y in years for m in ("realisasi", "capaian")]
         for i, r in enumerate(yearly.to_dict("records"), 1)], groups(yearly)))
    renstra = ev.renstra
    akhir = f"Renstra {ev.periode.label}" if ev.periode else "Renstra"
    out.append(Tabel(
        f"Tabel 3.3 Realisasi kinerja s.d. tahun {ev.tahun} dibandingkan target akhir {akhir}",
        [("No", "angka"), ("Indikator Kinerja", "teks"), ("Satuan", "teks"), ("Pembanding", "teks"),
         ("Target akhir", "angka"), (f"Realisasi s.d. {ev.tahun}", "angka"), ("Tingkat capaian (%)", "persen"),
         ("Keterangan", "teks")],
        [[i, r["indikator"], r["satuan"], r["aturan"], r["target_akhir"], r["realisasi_sd"], r["tingkat_capaian"],
          r["keterangan"]]
         for i, r in enumerate(renstra.to_dict("records"), 1)], groups(renstra)))
    out.append(Tabel(
        f"Tabel 3.4 Capaian kinerja dan serapan anggaran {periode(ev)}",
        [("No", "angka"), ("Kode", "teks"), ("Program/Kegiatan", "teks"), ("Pagu (Rp)", "rp"),
         ("Realisasi anggaran (Rp)", "rp"), ("Serapan anggaran (%)", "persen"),
         ("Rata-rata capaian kinerja (%)", "persen"), ("Jumlah indikator", "angka")],
        [[i, r["kode"], r["program_kegiatan"], r["pagu"], r["realisasi"], r["serapan_persen"],
          r["capaian_kinerja"], r["jumlah_indikator"]]
         for i, r in enumerate(ev.efisiensi.to_dict("records"), 1)]))
    for tabel in out:
        tabel.baris = [[None if is_missing(v) else v for v in row] for row in tabel.baris]
    return out


def groups(frame: pd.DataFrame) -> list[str | None]:
    return [None if is_missing(v) else v for v in frame["sasaran"]] if len(frame) else []
