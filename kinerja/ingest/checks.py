"""Checks on an import plan. One refusal: a negative value of a quantity that cannot be negative
(negative_values). Then warnings, things worth a second look that do not block the import:

- quarterly targets that do not agree with the annual one (nilai akhir: TW IV ≠ annual; rata-rata:
  their mean ≠ annual; kumulatif rows that agree with neither convention are errors in the reader);
- a realisation far outside the indicator's history: modified z-score 0,6745 × |x − median| / MAD
  ≥ 3,5 (Iglewicz and Hoaglin) against the same quarter of earlier years, when there are at least
  MIN_HISTORY of them and they are not all equal;
- a past quarter left empty while a later one is filled;
- a quarter's realisation that looks typed in the wrong unit or format against that quarter's
  target (the annual one where there is none): kinerja.plausibility, "periksa satuan/format".
"""
from __future__ import annotations

from decimal import Decimal
from statistics import median

import numpy as np

from kinerja import plausibility
from kinerja.model import Problem
from kinerja.numbers import format_angka
from kinerja.values import capaian_nilai
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
    stored value of the year; history: (indicator id, triwulan) -> realisation of earlier years.
    Only values the file brings (new or changed) are judged: a stored value the file repeats
    unchanged was judged when it came, and the unit did not touch it now."""
    found = []
    flagged = implausible(plan.indicators, stored_values)
    for index, ind in enumerate(plan.indicators):
        row = ind.row

        def brings(jenis: str, q: int, value) -> bool:
            return new_or_changed(stored_values, ind.id, jenis, q, value)

        def warn(key: str, cell, message: str, kind: str = "lain") -> None:
            column, col = row.column(key)   # only a column the file has
            found.append(Problem(row.sheet, row.row, column, cell, message, col, severity="peringatan", kind=kind))

        quarters, annual = row.target_triwulan, row.target_tahunan
        if annual is not None and len(quarters) == 4 and not annual.is_range \
                and not any(t.is_range for t in quarters.values()) \
                and (brings("target", 0, annual) or any(brings("target", q, t) for q, t in quarters.items())):
            values = [quarters[q].bawah for q in range(1, 5)]
            if ind.attrs["agregasi"] == "nilai_akhir" and values[-1] != annual.bawah:
                warn("target_tw4", row.quoted("target_tw4"),
                     f"indikator nilai akhir: target TW IV biasanya sama dengan target tahunan "
                     f"{format_angka(annual.bawah)}. Periksa salah satunya.")
            if ind.attrs["agregasi"] == "rata_rata" and sum(values) / 4 != annual.bawah:
                warn("target_tw1", " | ".join(row.quoted(f"target_tw{q}") or "–" for q in range(1, 5)),
                     f"indikator rata-rata: rata-rata target triwulan ({format_angka(sum(values) / 4)}) tidak sama "
                     f"dengan target tahunan {format_angka(annual.bawah)}.")
        for q, value in sorted(row.realisasi.items()):
            if not brings("realisasi", q, value):
                continue
            z = modified_z(value, history.get((ind.id, q), [])) if ind.id is not None else None
            if z is not None and z >= Z_LIMIT:
                past = ", ".join(format_angka(h) for h in sorted(history[(ind.id, q)]))
                warn(f"realisasi_tw{q}", row.quoted(f"realisasi_tw{q}"),
                     f"jauh di luar realisasi TW {ROMAN[q]} tahun-tahun sebelumnya ({past}). Pastikan angka "
                     "dan satuannya benar (mis. persen ditulis 85, bukan 0,85).")
        for q, reason in flagged.get(index, []):
            warn(f"realisasi_tw{q}", row.quoted(f"realisasi_tw{q}"),
                 f"{reason}. Pastikan angka dan satuannya benar (mis. persen ditulis 85, bukan 0,85; tanpa "
                 "nol berlebih).", kind="periksa_format")
        if row.realisasi:
            for q in range(1, max(row.realisasi)):
                if q not in row.realisasi and (ind.id, "realisasi", q) not in stored_values:
                    warn(f"realisasi_tw{q}", None,
                         f"realisasi TW {ROMAN[q]} belum ada (tidak diisi di berkas dan belum tersimpan) padahal "
                         "triwulan sesudahnya sudah diisi. Isi bila datanya ada; capaian menandai data yang belum "
                         "lengkap.")
    return found


def negative_values(plan) -> list[Problem]:
    """Errors (the import is refused) for every target or realisation below 0 of an indicator whose
    satuan is a count or a duration (kinerja.plausibility.cannot_be_negative: orang, dokumen, hari,
    ...; the satuan the file gives, else the stored one), each naming its sheet, row, column and
    value and saying what to do. A % , indeks, rupiah and any other satuan may be negative."""
    found = []
    for ind in plan.indicators:
        row, satuan = ind.row, ind.attrs["satuan"]
        if not plausibility.cannot_be_negative(satuan):
            continue
        values = [("target_tahunan", "target tahunan", row.target_tahunan and row.target_tahunan.bawah)]
        values += [(f"target_tw{q}", f"target TW {ROMAN[q]}", t.bawah) for q, t in sorted(row.target_triwulan.items())]
        values += [(f"realisasi_tw{q}", f"realisasi TW {ROMAN[q]}", v) for q, v in sorted(row.realisasi.items())]
        for key, name, value in values:
            if value is None or value >= 0:
                continue
            column, col = row.column(key)
            found.append(Problem(
                row.sheet, row.row, column, format_angka(value),
                f"{name} tidak boleh negatif: satuan indikator ini '{satuan.strip()}', jumlah atau lama waktu yang "
                "tidak dapat kurang dari 0. Periksa angkanya (mungkin tanda minus terketik) dan tulis tanpa minus, "
                "atau '-' bila belum ada data. Bila indikator ini memang dapat bernilai negatif, perbaiki kolom "
                "SATUAN-nya.", col, kind="negatif"))
    return found


def new_or_changed(stored_values: dict, indikator_id: int | None, jenis: str, q: int, value) -> bool:
    """The file brings this value: there is one and it is not the one stored (the same number, for
    a target the same bounds)."""
    before = stored_values.get((indikator_id, jenis, q)) if indikator_id is not None else None
    if before is None or value is None:
        return value is not None
    if jenis == "realisasi":
        return before != value
    return (before.bawah, before.atas) != (value.bawah, value.atas)


def implausible(indicators: list, stored_values: dict) -> dict[int, list[tuple[int, str]]]:
    """Per indicator of the plan (by position): (quarter, "periksa satuan/format: …") for each
    realisation of its row the file brings (new_or_changed) that kinerja.plausibility flags against
    the quarter's target as the file (else the database) has it. Without a quarterly target the
    annual one is used, but then a kumulatif quarter's amount is not judged by its capaian (a
    quarter is naturally a fraction of the year). One call of plausibility.reasons for the whole
    file, over the values it brings only (a re-import repeats most of them)."""
    rows = []
    for index, ind in enumerate(indicators):
        row = ind.row
        for q in sorted(row.realisasi):
            if not new_or_changed(stored_values, ind.id, "realisasi", q, row.realisasi[q]):
                continue
            own = row.target_triwulan.get(q) or stored_values.get((ind.id, "target", q))
            target = own or row.target_tahunan or stored_values.get((ind.id, "target", 0))
            judged = own is not None or ind.attrs["agregasi"] != "kumulatif"
            capaian = capaian_nilai(row.realisasi[q], target and target.bawah, target and target.atas,
                                 ind.attrs["polaritas"], "A") if judged else None
            rows.append({"indikator": index, "triwulan": q, "realisasi": float(row.realisasi[q]),
                         "target_bawah": float(target.bawah) if target else None,
                         "target_atas": float(target.atas) if target else None,
                         "capaian_persen": None if capaian is None else float(capaian),
                         "satuan": ind.attrs["satuan"]})
    if not rows:
        return {}
    # plausibility.reasons over plain arrays: a DataFrame of the rows cost more than the rules
    columns = {column: [r[column] for r in rows] for column in rows[0]}
    columns["satuan"] = np.array(columns["satuan"], dtype=object)
    found: dict[int, list[tuple[int, str]]] = {}
    for index, q, reason in zip(columns["indikator"], columns["triwulan"], plausibility.reasons(columns)):
        if reason:
            found.setdefault(int(index), []).append((int(q), reason))
    return found
