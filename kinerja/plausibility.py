"""Plausibility flags (spec/capaian.md, "Plausibility flags"): values that are probably typed in
the wrong unit or format (0,85 for 85 %, a count in thousands, an extra zero). Never blocking:
the import preview warns, the capaian table says "periksa satuan/format" in its keterangan, and the
pages and documents show it there.

A value is flagged when
- its capaian is above CAPAIAN_ATAS (150) or below CAPAIAN_BAWAH (20) %;
- it is a % indicator with a realisation above 100 against a target of at most 100;
- its realisation is at least KALI_TARGET (50) times its target.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from kinerja.names import normalize_name

CAPAIAN_ATAS, CAPAIAN_BAWAH, KALI_TARGET = 150, 20, 50
LABEL = "periksa satuan/format"
PERCENT = {"%", "persen", "persentase", "prosen"}
# float comparison of r >= 50 × t: a relative margin for the rounding of the stored decimals
EPSILON = 1e-12


def is_percent(satuan) -> bool:
    return isinstance(satuan, str) and (satuan.strip() == "%" or normalize_name(satuan) in PERCENT)


def flags(frame: pd.DataFrame) -> pd.Series:
    """Per row: "" or "periksa satuan/format: <reasons>". `frame` columns: realisasi, target_bawah,
    target_atas (numbers, NaN where missing; a range's bounds), capaian_persen (NaN where not
    judged), satuan."""
    realisasi = pd.to_numeric(frame["realisasi"], errors="coerce")
    bawah = pd.to_numeric(frame["target_bawah"], errors="coerce")
    atas = pd.to_numeric(frame["target_atas"], errors="coerce")
    capaian = pd.to_numeric(frame["capaian_persen"], errors="coerce")
    over = ((realisasi > 100) & (atas <= 100)).fillna(False).to_numpy(dtype=bool, copy=True)
    rows = np.flatnonzero(over)  # the satuan is read only where it matters: a handful of rows
    over[rows] = [is_percent(s) for s in frame["satuan"].iloc[rows]]
    over = pd.Series(over, index=frame.index)
    checks = [
        (capaian > CAPAIAN_ATAS, f"capaian di atas {CAPAIAN_ATAS} %"),
        (capaian < CAPAIAN_BAWAH, f"capaian di bawah {CAPAIAN_BAWAH} %"),
        (over, "realisasi persen di atas 100 dengan target paling tinggi 100"),
        ((bawah > 0) & (realisasi >= KALI_TARGET * bawah * (1 - EPSILON)),
         f"realisasi {KALI_TARGET} kali target atau lebih"),
    ]
    hits = np.column_stack([mask.fillna(False).to_numpy(dtype=bool) for mask, _ in checks])
    # each row's set of reasons as a bit pattern: the text is built once per pattern, not per row
    codes = hits.astype(np.int64) @ (1 << np.arange(len(checks)))
    texts = {code: ", ".join(text for bit, (_, text) in enumerate(checks) if code >> bit & 1)
             for code in np.unique(codes)}
    return pd.Series(codes, index=frame.index).map({c: f"{LABEL}: {t}" if t else "" for c, t in texts.items()})
