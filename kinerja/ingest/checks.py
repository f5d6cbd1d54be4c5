"""Warnings on an import plan: things worth a second look that do not block the import.

- quarterly targets that do not agree with the annual one (nilai akhir: TW IV ≠ annual; rata-rata:
  their mean ≠ annual; kumulatif rows that agree with neither convention are errors in the reader);
- a realisation far outside the indicator's history: modified z-score 0,6745 × |x − median| / MAD
  ≥ 3,5 (Iglewicz and Hoaglin) against the same quarter of earlier years, when there are at least
  MIN_HISTORY of them and they are not all equal;
- a past quarter left empty while a later one is filled.
"""
from __future__ import annotations

from decimal import Decimal
from statistics import median

from kinerja.model import Problem
from kinerja.numbers import format_angka
from kinerja.vocab import ROMAN

Z_LIMIT = Decimal("3.5")
Z_FACTOR = Decimal("0.6745")
MIN_HISTORY = 3


def modified_z(value: Decimal, history: list[Decimal]) -> Decimal | None:
    """|modified z-score| of value against history; None when history cannot judge it."""
    if len(history) < MIN_HISTORY:
        return None
    centre = median(history)
    mad = median(abs(h - centre) for h in history)
    return None if mad == 0 else Z_FACTOR * abs(value - centre) / mad


def plan_warnings(plan, stored_values: dict, history: dict[tuple[int, int], list[Decimal]]) -> list[Problem]:
    """Warnings for the rows of an import plan. stored_values: (indicator id, jenis, triwulan) ->
    stored value of the year; history: (indicator id, triwulan) -> realisation of earlier years."""
    found = []
    for ind in plan.indicators:
        row = ind.row

        def warn(key: str, cell, message: str) -> None:
            column, col = row.column(key)   # only a column the file has
            found.append(Problem(row.sheet, row.row, column, cell, message, col, severity="peringatan"))

        quarters, annual = row.target_triwulan, row.target_tahunan
        if annual is not None and len(quarters) == 4 and not annual.is_range \
                and not any(t.is_range for t in quarters.values()):
            values = [quarters[q].bawah for q in range(1, 5)]
            if ind.attrs["agregasi"] == "nilai_akhir" and values[-1] != annual.bawah:
                warn("target_tw4", format_angka(values[-1]),
                     f"indikator nilai akhir: target TW IV biasanya sama dengan target tahunan "
                     f"{format_angka(annual.bawah)}. Periksa salah satunya.")
            if ind.attrs["agregasi"] == "rata_rata" and sum(values) / 4 != annual.bawah:
                warn("target_tw1", " | ".join(format_angka(v) for v in values),
                     f"indikator rata-rata: rata-rata target triwulan ({format_angka(sum(values) / 4)}) tidak sama "
                     f"dengan target tahunan {format_angka(annual.bawah)}.")
        for q, value in sorted(row.realisasi.items()):
            z = modified_z(value, history.get((ind.id, q), [])) if ind.id is not None else None
            if z is not None and z >= Z_LIMIT:
                past = ", ".join(format_angka(h) for h in sorted(history[(ind.id, q)]))
                warn(f"realisasi_tw{q}", format_angka(value),
                     f"jauh di luar realisasi TW {ROMAN[q]} tahun-tahun sebelumnya ({past}). Pastikan angka "
                     "dan satuannya benar (mis. persen ditulis 85, bukan 0,85).")
        if row.realisasi:
            for q in range(1, max(row.realisasi)):
                if q not in row.realisasi and (ind.id, "realisasi", q) not in stored_values:
                    warn(f"realisasi_tw{q}", None,
                         f"realisasi TW {ROMAN[q]} belum ada (tidak diisi di berkas dan belum tersimpan) padahal "
                         "triwulan sesudahnya sudah diisi. Isi bila datanya ada; capaian menandai data yang belum "
                         "lengkap.")
    return found
