"""Reference capaian: the rules of spec/capaian.md in plain Python, one indicator at a time.

Exact arithmetic (Fraction) and Decimal ROUND_HALF_UP; written for clarity, not speed, so the
set-wise SQL engine can be checked against it. An indicator is a plain dict:
    polaritas 'positif'|'negatif', rumus_negatif 'A'|'B', agregasi 'kumulatif'|'nilai_akhir'|'rata_rata',
    konvensi (detected for the year) and konvensi_triwulan (the indicator's setting): None or
    'per_triwulan'|'kumulatif', target {0: annual, 1..4: quarterly} of (bawah, atas) pairs,
    realisasi {1..4: value}.
A scale is [(batas_bawah or None, kategori), ...], best band first.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
DEFAULT_SCALE = [(Decimal(91), "Sangat Tinggi"), (Decimal(76), "Tinggi"), (Decimal(66), "Sedang"),
                 (Decimal(51), "Rendah"), (None, "Sangat Rendah")]


def quarters(ks) -> str:
    return ", ".join(f"TW {ROMAN[k]}" for k in ks)


def combine_rule(ind: dict) -> str:
    """'sum', 'latest' or 'mean': how the quarters of this indicator add up to date."""
    if ind["agregasi"] == "rata_rata":
        return "mean"
    if ind["agregasi"] == "nilai_akhir":
        return "latest"
    konvensi = ind.get("konvensi_triwulan") or ind.get("konvensi") or "per_triwulan"
    return "latest" if konvensi == "kumulatif" else "sum"


def realisation_to_date(ind: dict, q: int, notes: list[str]) -> Fraction | None:
    values = {k: Fraction(v) for k, v in ind["realisasi"].items() if k <= q}
    rule = combine_rule(ind)
    if not values:
        notes.append("realisasi belum dilaporkan")
        return None
    missing = [k for k in range(1, q + 1) if k not in values]
    if rule == "latest":
        last = max(values)
        if last != q:
            notes.append(f"TW {ROMAN[q]} belum dilaporkan; memakai realisasi TW {ROMAN[last]}")
        return values[last]
    if missing:
        notes.append(f"data belum lengkap: {quarters(missing)} belum dilaporkan")
    total = sum(values.values())
    return total / len(values) if rule == "mean" else total


def falls(ind: dict, q: int) -> bool:
    """A cumulative series that falls below the last value reported before it."""
    previous = None
    for k in range(1, q + 1):
        value = ind["realisasi"].get(k)
        if value is None:
            continue
        if previous is not None and Fraction(value) < previous:
            return True
        previous = Fraction(value)
    return False


def quarterly_target(ind: dict, q: int) -> tuple[tuple[Fraction, Fraction] | None, list[int]]:
    """The target to date from the quarterly targets, and the quarters up to q that lack one."""
    quarterly = {k: (Fraction(b), Fraction(a)) for k, (b, a) in ind["target"].items() if 1 <= k <= q}
    rule = combine_rule(ind)
    if rule == "latest":
        return quarterly.get(q), ([] if q in quarterly else [q])
    missing = [k for k in range(1, q + 1) if k not in quarterly]
    if not quarterly:
        return None, missing
    bawah = sum(b for b, _ in quarterly.values())
    atas = sum(a for _, a in quarterly.values())
    if rule == "mean":
        return (bawah / len(quarterly), atas / len(quarterly)), missing
    return (bawah, atas), missing


def target_to_date(ind: dict, triwulan: int | None, notes: list[str]):
    annual = ind["target"].get(0)
    annual = (Fraction(annual[0]), Fraction(annual[1])) if annual else None
    has_quarterly = any(1 <= k <= 4 for k in ind["target"])
    derived, missing = quarterly_target(ind, triwulan or 4)
    if triwulan is not None:
        if has_quarterly:
            if derived is None:
                notes.append(f"target {quarters(missing)} belum ditetapkan")
                return None
            chosen = derived
        elif annual:
            notes.append("target triwulan belum ditetapkan; memakai target tahunan")
            return annual
        else:
            notes.append("target belum ditetapkan")
            return None
    elif annual:
        return annual
    elif derived is not None:
        notes.append("target tahunan belum ditetapkan; memakai target triwulan")
        chosen = derived
    else:
        notes.append("target belum ditetapkan")
        return None
    if missing:
        notes.append(f"target {quarters(missing)} belum ditetapkan")
    return chosen


def round_half_up(value: Fraction) -> Decimal:
    with localcontext() as context:
        context.prec = 80
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP)


def kategori(value: Decimal, scale) -> str:
    for batas, name in scale:
        if batas is None or value >= batas:
            return name
    raise AssertionError("a scale needs a lowest band")


def capaian(ind: dict, triwulan: int | None = None, scale=DEFAULT_SCALE) -> dict:
    """{target: (bawah, atas) | None, realisasi, capaian_persen: Decimal | None, kategori, keterangan}."""
    q = triwulan or 4
    target_notes: list[str] = []
    real_notes: list[str] = []
    target = target_to_date(ind, triwulan, target_notes)
    real = realisation_to_date(ind, q, real_notes)
    notes = target_notes + real_notes
    if combine_rule(ind) == "latest" and ind["agregasi"] == "kumulatif" and falls(ind, q):
        notes.append("realisasi kumulatif menurun")
    result = {"target": target, "realisasi": real, "capaian_persen": None, "kategori": None}
    negative = ind["polaritas"] == "negatif"
    if target is not None and real is not None:
        bawah, atas = target
        if bawah != atas and bawah <= real <= atas:
            value = Fraction(100)
        elif negative and ind["rumus_negatif"] == "B" and real == 0:
            notes.append("tercapai (realisasi 0)")
            result["kategori"] = scale[0][1]
            value = None
        else:
            nearer = atas if real > atas else bawah
            if nearer == 0:
                notes.append("target 0: capaian tidak dapat dihitung")
                value = None
            elif not negative:
                value = real / nearer * 100
            elif ind["rumus_negatif"] == "A":
                value = (2 - real / nearer) * 100
                if value < 0:
                    notes.append("realisasi > 2 × target, dibatasi 0")
                    value = Fraction(0)
            else:
                value = nearer / real * 100
        if value is not None:
            result["capaian_persen"] = round_half_up(value)
            result["kategori"] = kategori(result["capaian_persen"], scale)
    flags = plausibility(ind, result, target, real, measured=bool(real is not None and not real_notes))
    if flags:
        notes.append("periksa satuan/format: " + ", ".join(flags))
    result["keterangan"] = "; ".join(notes)
    return result


def shown(value: Fraction) -> float:
    """A to-date value as the capaian table shows it: rounded to 6 decimals."""
    return round(float(value), 6)


def plausibility(ind: dict, result: dict, target, real, measured: bool) -> list[str]:
    """spec/capaian.md "Plausibility flags", on the values as shown: capaian (of a row measured on
    complete data) above 150 or below 20; a % indicator above 100 against a target of at most 100;
    a realisation at least 50 times the target."""
    found = []
    value = result["capaian_persen"]
    if measured and value is not None and value > 150:
        found.append("capaian di atas 150 %")
    if measured and value is not None and value < 20:
        found.append("capaian di bawah 20 %")
    if target is not None and real is not None:
        r, bawah, atas = shown(real), shown(target[0]), shown(target[1])
        if ind.get("satuan") == "%" and r > 100 and atas <= 100:
            found.append("realisasi persen di atas 100 dengan target paling tinggi 100")
        if bawah > 0 and r >= 50 * bawah * (1 - 1e-12):
            found.append("realisasi 50 kali target atau lebih")
    return found
