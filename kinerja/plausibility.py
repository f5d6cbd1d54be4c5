"""Plausibility flags (spec/capaian.md, "Plausibility flags"): values that are probably typed in
the wrong unit or format (0,85 for 85 %, a count in thousands, an extra zero). Never blocking:
the import preview warns, the capaian table says "periksa satuan/format" in its keterangan, and the
pages and documents show it there.

A value is flagged when
- its capaian is above CAPAIAN_ATAS (150) or below CAPAIAN_BAWAH (20) %;
- it is a % indicator with a realisation above 100 against a target of at most 100;
- its realisation is at least KALI_TARGET (50) times its target.

Not a flag but a refusal: a negative value of a count or a duration (NON_NEGATIVE), which no unit
can have (ingest.checks.negative_values).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja.names import normalize_name

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

CAPAIAN_ATAS, CAPAIAN_BAWAH, KALI_TARGET = 150, 20, 50
LABEL = "periksa satuan/format"
PERCENT = {"%", "persen", "persentase", "prosen"}
# float comparison of r >= 50 × t: a relative margin for the rounding of the stored decimals
EPSILON = 1e-12
# The reasons, in the order a row's text names them (reasons(); engine.capaian_tabel in SQL).
ATAS, BAWAH, PERSEN, KALI = (f"capaian di atas {CAPAIAN_ATAS} %", f"capaian di bawah {CAPAIAN_BAWAH} %",
                             "realisasi persen di atas 100 dengan target paling tinggi 100",
                             f"realisasi {KALI_TARGET} kali target atau lebih")


# Satuan of quantities that cannot be below 0, refused at import when negative (not flagged:
# ingest.checks.negative_values): counts (the kumulatif satuan of spec/capaian.md, orang, dokumen,
# kegiatan, JP, berkas, and their kin) and durations (hari, bulan, jam, ...). Only a satuan that is
# clearly one of these: %, indeks, nilai, skor, poin, rasio, rupiah (a change may be negative) and
# anything unknown stay allowed.
NON_NEGATIVE = {
    "orang", "jiwa", "pegawai", "asn", "pns", "peserta", "dokumen", "berkas", "laporan", "naskah", "surat", "sk",
    "sertifikat", "kegiatan", "jp", "jam pelajaran", "kali", "buah", "paket", "unit", "eksemplar", "judul", "modul",
    "kasus", "temuan", "aduan", "pengaduan", "keluhan", "pelanggaran", "rekomendasi", "inovasi", "izin",
    "instansi", "opd", "perangkat daerah", "desa", "kelurahan", "sekolah", "lokasi",
    "hari", "hari kerja", "minggu", "pekan", "bulan", "jam", "menit", "detik", "tahun",
    # as units shorten them in their tables
    "org", "dok", "keg", "bh", "pkt", "eks", "hr", "bln", "thn",
}


def cannot_be_negative(satuan) -> bool:
    """A count or a duration (NON_NEGATIVE), however it is capitalised, punctuated, shortened or
    qualified: the whole satuan or its first word decides ("Orang", "JP", "Hari Kerja", "Orang ASN",
    "hari (rata-rata)", "org"); a percentage never ("% ASN", "persen pegawai": a change may fall)."""
    if not isinstance(satuan, str) or "%" in satuan:
        return False
    words = normalize_name(satuan).split()
    if not words or words[0] in PERCENT:
        return False
    return " ".join(words) in NON_NEGATIVE or words[0] in NON_NEGATIVE


def is_percent(satuan) -> bool:
    return isinstance(satuan, str) and (satuan.strip() == "%" or normalize_name(satuan) in PERCENT)


def numbers(values) -> np.ndarray:
    """float array, NaN where missing (None, NaN, a masked entry, text)."""
    import numpy as np  # here: `kinerja capaian` reads the rules (engine.capaian_tabel) without numpy

    if isinstance(values, np.ma.MaskedArray):
        return np.ma.filled(values.astype(float), np.nan)
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        return np.array([v if isinstance(v, (int, float)) and not isinstance(v, bool) else np.nan
                         for v in values], dtype=float)


def reasons(columns) -> np.ndarray:
    """Per row: "" or "periksa satuan/format: <reasons>", as an object array. `columns`: a mapping
    (a DataFrame, a dict of arrays) with realisasi, target_bawah, target_atas (numbers, NaN/None
    where missing; a range's bounds), capaian_persen (NaN where not judged), satuan."""
    import numpy as np

    realisasi, bawah, atas, capaian = (numbers(columns[c]) for c in
                                       ("realisasi", "target_bawah", "target_atas", "capaian_persen"))
    with np.errstate(invalid="ignore"):
        over = (realisasi > 100) & (atas <= 100)
        rows = np.flatnonzero(over)  # the satuan is read only where it matters: a handful of rows
        satuan = columns["satuan"]
        picked = satuan[rows] if isinstance(satuan, np.ndarray) else satuan.iloc[rows].to_numpy(dtype=object)
        percent = {s: is_percent(s) for s in set(picked)}  # a few satuan texts, however many rows
        over[rows] = [percent[s] for s in picked]
        checks = [
            (capaian > CAPAIAN_ATAS, ATAS),
            (capaian < CAPAIAN_BAWAH, BAWAH),
            (over, PERSEN),
            ((bawah > 0) & (realisasi >= KALI_TARGET * bawah * (1 - EPSILON)), KALI),
        ]
    hits = np.column_stack([mask for mask, _ in checks])
    # each row's set of reasons as a bit pattern: the text is built once per pattern, not per row
    codes = hits.astype(np.int64) @ (1 << np.arange(len(checks)))
    texts = np.array([f"{LABEL}: " + ", ".join(text for bit, (_, text) in enumerate(checks) if code >> bit & 1)
                      if code else "" for code in range(1 << len(checks))], dtype=object)
    return texts[codes]


def flags(frame: pd.DataFrame) -> pd.Series:
    """reasons() of a DataFrame as a Series on its index."""
    import pandas as pd

    return pd.Series(reasons(frame), index=frame.index, dtype=object)
