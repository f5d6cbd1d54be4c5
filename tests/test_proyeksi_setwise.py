"""The set-wise early warning (kinerja.proyeksi.proyeksi) gives exactly what the rule applied
indicator by indicator gives: the row-by-row implementation it replaced is kept here as the reference
and both run over a generated frame of a few thousand indicators of every agregasi, polaritas, formula
and convention, with missing quarters, range targets, zero targets and no annual target, at every
quarter; every column must be equal (status, shortfall, what each remaining quarter must bring, rule,
reason)."""
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

from kinerja import proyeksi as p
from kinerja.numbers import MICRO
from kinerja.proyeksi import COLUMNS, NUMBERS, TERCAPAI, bounds, status_for
from kinerja.values import capaian_nilai, exact
from kinerja.vocab import ROMAN

SCALE = pd.DataFrame({"batas_bawah": [91.0, 76.0, 66.0, 51.0, 0.0]})


def reference(frame: pd.DataFrame, scale: pd.DataFrame, triwulan: int) -> pd.DataFrame:
    """The row-by-row implementation (kinerja.proyeksi.py before the set-wise one)."""
    limit = p.off_track_limit(scale)
    rows = [project_row(row, triwulan, limit) for row in frame.to_dict(orient="records")]
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in NUMBERS:
        out[column] = out[column].astype("float64")
    out["sisa_triwulan"] = out["sisa_triwulan"].astype("Int64")
    out["target_tahunan"] = out["target_tahunan"].astype(object)  # target cells, whatever they hold
    out["status"] = out["status"].astype(object).where(out["status"].notna(), None)  # texts and None
    return out


def project_row(row: dict, q: int, limit: Decimal) -> dict:
    quarters = range(1, q + 1)
    reported = {k: exact(row[f"realisasi_tw{k}"]) for k in quarters if exact(row[f"realisasi_tw{k}"]) is not None}
    plan = {k: bounds(row[f"target_tw{k}"]) for k in range(1, 5) if bounds(row[f"target_tw{k}"]) is not None}
    combine = ("mean" if row["agregasi"] == "rata_rata"
               else "latest" if row["agregasi"] == "nilai_akhir" or row["konvensi"] == "kumulatif" else "sum")
    annual = bounds(row["target_tahunan"]) or planned_annual(plan, combine)
    out = {column: row.get(column) for column in COLUMNS if column in row}
    out.update(triwulan=q, triwulan_dilaporkan=", ".join(f"TW {ROMAN[k]}" for k in reported),
               target_tahunan=row["target_tahunan"] if bounds(row["target_tahunan"]) else cell_of(annual),
               proyeksi=None, proyeksi_capaian=None, status=None, kekurangan=None, sisa_triwulan=None,
               kebutuhan=None, kebutuhan_per_triwulan=None, aturan="", alasan="")
    if not reported:
        out["alasan"] = f"belum ada realisasi yang dilaporkan s.d. TW {ROMAN[q]}: belum dapat diproyeksikan"
        return out
    if annual is None:
        out["alasan"] = "target tahunan belum ditetapkan: belum dapat diproyeksikan"
        return out
    bawah, atas = annual
    positive = row["polaritas"] != "negatif"
    goal = bawah if positive else atas  # the bound the year must reach (positive) or stay under

    if combine == "sum":
        value, rule = pace_sum(reported, plan, bawah)
        remaining = 4 - len(reported)
        needed = goal - sum(reported.values())
        per_quarter = needed / remaining if remaining else None
    elif combine == "latest" and row["agregasi"] == "kumulatif":
        last = max(reported)
        value, rule = pace_cumulative(last, reported[last], plan, bawah)
        remaining = 4 - last
        needed = goal - reported[last]
        per_quarter = needed / remaining if remaining else None
    else:
        value, rule = trend(reported, combine, row["satuan"], row["polaritas"])
        if value is None:
            out.update(aturan=rule, alasan=p.BELOW_ZERO)
            return out
        if combine == "latest":
            remaining = 4 - max(reported)
            needed = goal
            per_quarter = (goal - reported[max(reported)]) / remaining if remaining else None
        else:
            remaining = 4 - len(reported)
            needed = (goal * 4 - sum(reported.values())) / remaining if remaining else None
            per_quarter = needed
    if value is None:
        out.update(aturan=rule, alasan="laju terhadap rencana tidak dapat dihitung (target triwulan yang "
                                       "dilaporkan berjumlah 0): belum dapat diproyeksikan")
        return out
    value = value.quantize(MICRO, rounding=ROUND_HALF_UP)
    if not positive and row["rumus_negatif"] == "B" and value == 0:
        nilai, status = None, TERCAPAI  # realisation 0 of a lower-is-better indicator: perfect
    else:
        nilai = capaian_nilai(value, bawah, atas, row["polaritas"], row["rumus_negatif"])
        status = status_for(nilai, limit)
    if status is None:
        out.update(proyeksi=float(value), aturan=rule,
                   alasan="target tahunan 0: capaian proyeksi tidak dapat dihitung")
        return out
    shortfall = max(goal - value, Decimal(0)) if positive else max(value - goal, Decimal(0))
    if not remaining:
        needed = per_quarter = None
    elif row["agregasi"] == "kumulatif" or combine == "mean":
        # an amount (at least; at most for a negative indicator) never below 0: already reached,
        # or for a negative indicator the year's limit already passed (the shortfall says by how much)
        needed, per_quarter = max(needed, Decimal(0)), max(per_quarter, Decimal(0))
    elif positive:  # nilai_akhir: the rise still needed per quarter (0 when already there)
        per_quarter = max(per_quarter, Decimal(0))
    else:  # the fall still needed per quarter (negative), 0 when already low enough
        per_quarter = min(per_quarter, Decimal(0))
    if bounds(row["target_tahunan"]) is None:
        rule += "; target tahunan belum ditetapkan: memakai target triwulan"
    out.update(proyeksi=float(value), proyeksi_capaian=None if nilai is None else float(nilai), status=status,
               kekurangan=float(rounded(shortfall)), sisa_triwulan=remaining,
               kebutuhan=None if needed is None else float(rounded(needed)),
               kebutuhan_per_triwulan=None if per_quarter is None else float(rounded(per_quarter)), aturan=rule)
    return out


def rounded(value: Decimal) -> Decimal:
    return value.quantize(MICRO, rounding=ROUND_HALF_UP)


def cell_of(annual: tuple[Decimal, Decimal] | None):
    """A target cell as the engine writes it: float for a point, "bawah - atas" for a range."""
    if annual is None:
        return None
    bawah, atas = annual
    return float(bawah) if bawah == atas else f"{bawah.normalize():f} - {atas.normalize():f}"


def planned_annual(plan: dict[int, tuple[Decimal, Decimal]], combine: str) -> tuple[Decimal, Decimal] | None:
    """Without an annual target, the year's target from the quarterly ones as the engine takes it:
    their sum (kumulatif per quarter), TW IV's (a level or cumulative convention), their mean."""
    if not plan:
        return None
    if combine == "latest":
        return plan.get(4)
    lows, highs = [b for b, _ in plan.values()], [a for _, a in plan.values()]
    if combine == "sum":
        return sum(lows), sum(highs)
    return sum(lows) / len(lows), sum(highs) / len(highs)


def pace_sum(reported: dict[int, Decimal], plan: dict, annual: Decimal) -> tuple[Decimal | None, str]:
    done = sum(reported.values())
    if len(reported) == 4:
        return done, "keempat triwulan sudah dilaporkan: jumlah realisasi setahun"
    if plan and all(k in plan for k in reported):
        planned = sum(plan[k][0] for k in reported)
        if planned == 0:
            return None, "laju terhadap rencana triwulan"
        return done / planned * annual, (f"kumulatif: realisasi {quarters_text(reported)} dibanding target "
                                        "triwulan yang sama, dikalikan target tahunan")
    return done * 4 / len(reported), f"kumulatif tanpa target triwulan: realisasi {quarters_text(reported)} × 4 / {len(reported)}"


def pace_cumulative(last: int, value: Decimal, plan: dict, annual: Decimal) -> tuple[Decimal | None, str]:
    if last == 4:
        return value, "TW IV sudah dilaporkan: nilai kumulatif akhir tahun"
    if last in plan:
        if plan[last][0] == 0:
            return None, "laju terhadap rencana triwulan"
        return value / plan[last][0] * annual, (f"kumulatif (target kumulatif): realisasi s.d. TW {ROMAN[last]} "
                                                f"dibanding target s.d. TW {ROMAN[last]}, dikalikan target tahunan")
    return value * 4 / last, f"kumulatif tanpa target triwulan: realisasi s.d. TW {ROMAN[last]} × 4 / {last}"


def trend(reported: dict[int, Decimal], combine: str, satuan, polaritas) -> tuple[Decimal | None, str]:
    """(projected year-end value, rule) of a level indicator; value None when the line of a
    lower-is-better indicator that was never negative falls below 0 where it is used."""
    xs = sorted(reported)
    if len(xs) == 1:
        line = {k: reported[xs[0]] for k in range(1, 5)}
        rule = f"satu triwulan dilaporkan ({quarters_text(reported)}): nilai itu"
    else:
        mean_x = Decimal(sum(xs)) / len(xs)
        mean_y = sum(reported.values()) / len(xs)
        slope = (sum((k - mean_x) * (reported[k] - mean_y) for k in xs)
                 / sum((k - mean_x) ** 2 for k in xs))
        line = {k: mean_y + slope * (k - mean_x) for k in range(1, 5)}
        rule = f"garis tren {quarters_text(reported)} diteruskan sampai TW IV"
    used = [k for k in range(1, 5) if k not in reported and (combine == "mean" or k == 4)]
    if polaritas == "negatif" and min(reported.values()) >= 0 and any(line[k] < 0 for k in used):
        return None, f"rata-rata setahun; {rule}" if combine == "mean" else f"nilai akhir: {rule}"
    line = {k: kept_in_range(v, reported.values(), satuan) for k, v in line.items()}
    year = {k: reported.get(k, line[k]) for k in range(1, 5)}
    if combine == "mean":
        if len(reported) == 4:
            return sum(year.values()) / 4, "keempat triwulan sudah dilaporkan: rata-rata setahun"
        return sum(year.values()) / 4, f"rata-rata setahun; {rule}"
    if 4 in reported:
        return reported[4], "TW IV sudah dilaporkan: nilai akhir tahun"
    return year[4], f"nilai akhir: {rule}"


def kept_in_range(value: Decimal, reported, satuan) -> Decimal:
    """A line extended never leaves the range the quantity can take: not below 0 when nothing
    reported is, not above 100 for a percentage that never was."""
    values = list(reported)
    if min(values) >= 0:
        value = max(value, Decimal(0))
    if str(satuan or "").strip().lower() in {"%", "persen"} and max(values) <= 100:
        value = min(value, Decimal(100))
    return value


def quarters_text(reported: dict) -> str:
    keys = sorted(reported)
    return f"TW {ROMAN[keys[0]]}" if len(keys) == 1 else f"TW {', '.join(ROMAN[k] for k in keys)}"


# --------------------------------------------------------------------------- generated indicators

VALUES = [0.0, 0.5, 1.0, 2.0, 3.5, 7.0, 12.25, 33.333333, 50.0, 66.5, 80.0, 99.99, 100.0, 100.5, 120.0, 250.0,
          -4.0, 0.000001, 1234.567891, 1_900_000_000.0, 2_500_000_000.5]
TARGETS = [0.0, 1.0, 10.0, 25.0, 50.0, 80.0, 90.0, 100.0, 400.0, 1_900_000_000.0, "80 - 90", "0 - 10", "5 - 5.5",
           "100 - 120"]


def generated(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)

    def pick(choices, missing: float = 0.0):
        values = [choices[i] for i in rng.integers(0, len(choices), n)]
        return [np.nan if rng.random() < missing else v for v in values]

    frame = pd.DataFrame({
        "indikator_id": np.arange(1, n + 1), "unit": pick(["BANGKOM", "SEKRETARIAT", "MUTASI"]),
        "unit_nama": pick(["Bidang A", "Bidang B"]), "sasaran_id": rng.integers(1, 50, n),
        "sasaran": pick(["Sasaran 1", "Sasaran 2"]), "indikator": [f"Indikator {i}" for i in range(n)],
        "satuan": pick(["%", "persen", " Persen ", "orang", "hari", "rupiah"], 0.05),
        "polaritas": pick(["positif", "negatif"]), "agregasi": pick(["kumulatif", "nilai_akhir", "rata_rata"]),
        "konvensi": pick(["per_triwulan", "kumulatif"], 0.1), "rumus_negatif": pick(["A", "B"]),
        "realisasi": pick(VALUES, 0.2), "target_tahunan": pick(TARGETS, 0.2)})
    for k in range(1, 5):
        frame[f"target_tw{k}"] = pick(TARGETS, 0.25)
        frame[f"realisasi_tw{k}"] = pick(VALUES, 0.35)
    # a share of plain numeric target columns (no range), as most engine frames are
    numeric = rng.random(n) < 0.3
    for column in ["target_tahunan"] + [f"target_tw{k}" for k in range(1, 5)]:
        frame.loc[numeric, column] = [v if not isinstance(v, str) else 20.0 for v in frame.loc[numeric, column]]
    return frame


@pytest.mark.parametrize("triwulan", [1, 2, 3, 4])
def test_set_wise_projection_equals_the_row_by_row_rule(triwulan):
    frame = generated(3000, seed=triwulan)
    expected = reference(frame, SCALE, triwulan)
    got = p.proyeksi(frame, SCALE, triwulan)
    pd.testing.assert_frame_equal(got, expected)
    # the generated frame reaches every kind of row
    assert set(expected["status"].dropna()) == set(p.STATUSES)
    assert expected["alasan"].str.contains("target tahunan 0").any()
    assert expected["aturan"].str.contains("memakai target triwulan").any()
    if triwulan > 1:
        assert expected["alasan"].str.contains("berjumlah 0").any()
        assert expected["aturan"].str.contains("garis tren").any()
        assert (expected["alasan"] == p.BELOW_ZERO).any()


def test_an_all_numeric_frame_and_an_empty_one_are_equal_too():
    frame = generated(1000, seed=9)
    for column in ["target_tahunan"] + [f"target_tw{k}" for k in range(1, 5)]:
        frame[column] = [v if not isinstance(v, str) else 20.0 for v in frame[column]]
        frame[column] = frame[column].astype("float64")
    frame.index = frame.index[::-1] * 7  # a filtered engine frame: rows keep their order, the index is not 0..n-1
    pd.testing.assert_frame_equal(p.proyeksi(frame, SCALE, 3), reference(frame, SCALE, 3))
    pd.testing.assert_frame_equal(p.proyeksi(frame.iloc[:0], SCALE, 2), reference(frame.iloc[:0], SCALE, 2))
