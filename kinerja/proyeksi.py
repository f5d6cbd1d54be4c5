"""Early warning: per indicator a year-end projection from the quarters reported so far, its status
and what is still needed (spec/capaian.md, "Year-end projection").

The rule, as the pages state it (RULE):
- kumulatif: the pace of the plan. Realisation of the quarters reported against the quarterly
  targets of those quarters, times the annual target (per-quarter convention: sums; cumulative
  convention: the latest cumulative value against the cumulative target of its quarter). Without
  quarterly targets: realisation reported × 4 / quarters reported.
- nilai_akhir: the least-squares line through the reported quarters, at TW IV (one quarter: that
  value). rata_rata: the mean of the year with the unreported quarters on that line.
- A reported TW IV is the year's value, not projected; a projected level is kept at or above 0
  (and at most 100 for a % indicator) when the reported values are, except that a lower-is-better
  level whose line falls below 0 where it is used (TW IV of a nilai akhir, an unreported quarter
  of a rata-rata) is not projected at all (BELOW_ZERO): 0 would be a made-up perfect result
  (formula A gives 200 %), not a trend.
- Status from the projected capaian (computed as capaian.md does, range targets included):
  ≥ 100 diperkirakan tercapai; ≥ the scale's off-track limit (the second band, 76) berisiko;
  below it diperkirakan tidak tercapai.

A quarter not reported is missing, never 0: it is left out of the pace and the line, and counted
among the quarters still to come. An indicator with nothing reported up to the quarter asked (or
without an annual target) has no projection and says why. Arithmetic is exact (Decimal, from the
engine's floats through kinerja.values.exact); results are rounded half up: values to 6 decimals,
capaian to 2.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from kinerja.numbers import HALF_UP, MICRO, format_angka
from kinerja.values import CENT, exact, half_up, is_missing, off_track_limit
from kinerja.vocab import ROMAN

TERCAPAI, BERISIKO, TIDAK_TERCAPAI = "diperkirakan tercapai", "berisiko", "diperkirakan tidak tercapai"
STATUSES = [TERCAPAI, BERISIKO, TIDAK_TERCAPAI]

RULE = ("Proyeksi akhir tahun. Indikator kumulatif: realisasi triwulan yang sudah dilaporkan dibanding "
        "target triwulan yang sama (laju terhadap rencana), dikalikan target tahunan; tanpa target triwulan: "
        "realisasi × 4 / jumlah triwulan yang dilaporkan. Indikator nilai akhir: garis tren (kuadrat terkecil) "
        "nilai triwulan yang dilaporkan, diteruskan sampai TW IV; satu triwulan: nilai itu. Indikator rata-rata: "
        "rata-rata setahun dengan triwulan yang belum dilaporkan mengikuti garis tren itu. Indikator yang makin "
        "rendah makin baik yang garis trennya sampai di bawah 0 tidak diproyeksikan (nilainya tidak dapat "
        "negatif). Status dari capaian proyeksi: ≥ 100 % diperkirakan tercapai; ≥ {batas} % berisiko; di bawahnya "
        "diperkirakan tidak tercapai. Triwulan yang belum dilaporkan tidak dihitung 0.")

# One line for the pages, beside the list; RULE in full one click away.
RULE_SHORT = ("Proyeksi akhir tahun dari triwulan yang sudah dilaporkan (kumulatif: laju terhadap rencana "
              "triwulan; nilai akhir dan rata-rata: garis tren). Capaian proyeksi ≥ 100 %: diperkirakan tercapai; "
              "≥ {batas} %: berisiko; di bawahnya: diperkirakan tidak tercapai.")

COLUMNS = ["indikator_id", "unit", "unit_nama", "sasaran_id", "sasaran", "indikator", "satuan", "polaritas",
           "agregasi", "triwulan", "triwulan_dilaporkan", "target_tahunan", "realisasi", "proyeksi",
           "proyeksi_capaian", "status", "kekurangan", "sisa_triwulan", "kebutuhan", "kebutuhan_per_triwulan",
           "aturan", "alasan"]


def proyeksi(frame: pd.DataFrame, scale: pd.DataFrame, triwulan: int | np.ndarray) -> pd.DataFrame:
    """The year-end projection of every indicator of `frame`, the engine's capaian table to date at
    the end of quarter `triwulan` (1-4; kinerja.engine.capaian.capaian(con, tahun, triwulan)); only
    quarters up to `triwulan` are read. `triwulan` may also be an array, a quarter per row (the
    store projects an indicator at its four quarters at once: its rows at each). `scale`: the
    active category scale (capaian.skala).

    Columns (COLUMNS order), one row per indicator of `frame`, same order:
      indikator_id, unit, unit_nama, sasaran_id, sasaran, indikator, satuan, polaritas, agregasi:
          as in the capaian table;
      triwulan: the quarter the projection is made at; triwulan_dilaporkan: text "TW I, TW II"
          of the quarters used ("" when none);
      target_tahunan: the annual target cell (float, or "80 - 90" for a range), the quarterly
          targets' sum/latest/mean when no annual target was set;
      realisasi: realisation to date (float, satuan), as in the capaian table;
      proyeksi: projected year-end realisation (float, satuan; 6 decimals);
      proyeksi_capaian: capaian of the projection against the annual target (float, %, 2 decimals);
      status: TERCAPAI / BERISIKO / TIDAK_TERCAPAI, None without a projection;
      kekurangan: how far the projection falls short of the target (float, satuan, ≥ 0; 0 when
          it reaches it; for a negative indicator how far it exceeds it);
      sisa_triwulan: quarters still to come (Int64, NA without a projection): kumulatif per quarter and rata_rata, the
          quarters not reported; nilai_akhir and cumulative convention, those after the latest
          reported one;
      kebutuhan: what the rest of the year must still bring (float, satuan): kumulatif, the amount
          still to be realised (negative indicator: at most); nilai_akhir, the value to reach by
          TW IV; rata_rata, the mean the remaining quarters must reach; NaN when none remain;
      kebutuhan_per_triwulan: kumulatif, that amount per remaining quarter; nilai_akhir and
          cumulative convention, the change needed per remaining quarter; rata_rata, the value each
          remaining quarter must reach;
      aturan: the rule used for this row, in Bahasa Indonesia;
      alasan: why there is no projection ("" when there is one).
    Missing numbers are NaN. Raises nothing for missing values; an empty frame gives an empty frame with COLUMNS.
    """
    if frame.empty:
        out = pd.DataFrame([], columns=COLUMNS)
        out[NUMBERS] = out[NUMBERS].astype("float64")
        out["sisa_triwulan"] = out["sisa_triwulan"].astype("Int64")
        return out
    limit = off_track_limit(scale)
    n = len(frame)
    q = np.broadcast_to(np.asarray(triwulan, dtype=int), (n,))
    quarters = range(1, int(q.max()) + 1)
    real, has = {}, {}
    for k in quarters:
        real[k], has[k] = per_value(frame[f"realisasi_tw{k}"], exact)
        has[k] &= k <= q  # a quarter after the one projected at is not read
    plan_lo, plan_hi, planned = {}, {}, {}
    for k in QUARTERS:
        plan_lo[k], plan_hi[k], planned[k] = per_bounds(frame[f"target_tw{k}"])
    count = sum((has[k].astype(int) for k in quarters), np.zeros(n, int))
    last = np.zeros(n, int)
    last_value = empty(n)
    done = filled(n, 0)  # sums start at int 0 and add in quarter order, as sum() over the quarters does
    for k in quarters:
        m = has[k]
        last[m], last_value[m] = k, real[k][m]
        done[m] = done[m] + real[k][m]
    bits = sum((has[k].astype(int) << (k - 1) for k in quarters), np.zeros(n, int))

    agregasi, konvensi = frame["agregasi"], frame["konvensi"]
    mean = agregasi.eq("rata_rata").to_numpy()
    latest = ~mean & (agregasi.eq("nilai_akhir") | konvensi.eq("kumulatif")).to_numpy()
    summed = ~mean & ~latest
    kumulatif = agregasi.eq("kumulatif").to_numpy()

    low, high, own = per_bounds(frame["target_tahunan"])
    # without an annual target: the quarterly targets' sum / TW IV's / mean (planned_annual)
    plan_count = sum((planned[k].astype(int) for k in QUARTERS), np.zeros(n, int))
    lows, highs = filled(n, 0), filled(n, 0)
    for k in QUARTERS:
        m = planned[k]
        lows[m], highs[m] = lows[m] + plan_lo[k][m], highs[m] + plan_hi[k][m]
    fill = ~own & (plan_count > 0)
    m = fill & latest
    low[m], high[m] = plan_lo[4][m], plan_hi[4][m]
    m = fill & summed
    low[m], high[m] = lows[m], highs[m]
    m = fill & mean
    low[m], high[m] = lows[m] / ints(plan_count[m]), highs[m] / ints(plan_count[m])
    known = own | (fill & (summed | mean | (latest & planned[4])))
    target_cell = frame["target_tahunan"].tolist()
    for i in np.flatnonzero(~own):
        target_cell[i] = cell_of((low[i], high[i]) if known[i] else None)

    alasan = np.full(n, "", dtype=object)
    alasan[count == 0] = NOTHING_REPORTED[q[count == 0]]
    alasan[(count > 0) & ~known] = "target tahunan belum ditetapkan: belum dapat diproyeksikan"
    valid = (count > 0) & known
    positive = frame["polaritas"].ne("negatif").to_numpy()
    negatif = ~positive
    goal = np.where(positive, low, high)  # the bound the year must reach (positive) or stay under
    said = QUARTERS_TEXT[bits]
    value, rule, remaining = empty(n), np.full(n, "", dtype=object), np.zeros(n, int)
    needed, per_quarter = empty(n), empty(n)

    # kumulatif per quarter: the pace of the plan over the quarters reported (pace_sum)
    s = valid & summed
    m = s & (count == 4)
    value[m], rule[m] = done[m], "keempat triwulan sudah dilaporkan: jumlah realisasi setahun"
    covered = np.ones(n, bool)
    plan_done = filled(n, 0)
    for k in quarters:
        covered &= ~has[k] | planned[k]
        m = has[k] & planned[k]
        plan_done[m] = plan_done[m] + plan_lo[k][m]
    m = s & (count < 4) & covered
    zero = m & (plan_done == 0)
    rule[zero] = "laju terhadap rencana triwulan"
    m &= ~zero
    value[m] = done[m] / plan_done[m] * low[m]
    rule[m] = [f"kumulatif: realisasi {t} dibanding target triwulan yang sama, dikalikan target tahunan"
               for t in said[m]]
    m = s & (count < 4) & ~covered
    value[m] = done[m] * 4 / ints(count[m])
    rule[m] = [f"kumulatif tanpa target triwulan: realisasi {t} × 4 / {c}" for t, c in zip(said[m], count[m])]
    remaining[s] = 4 - count[s]
    needed[s] = goal[s] - done[s]
    m = s & (remaining > 0)
    per_quarter[m] = needed[m] / ints(remaining[m])

    # kumulatif, cumulative convention: the latest value against its quarter's target (pace_cumulative)
    c = valid & latest & kumulatif
    m = c & (last == 4)
    value[m], rule[m] = last_value[m], "TW IV sudah dilaporkan: nilai kumulatif akhir tahun"
    plan_last, planned_last = empty(n), np.zeros(n, bool)
    for k in quarters:
        m = last == k
        plan_last[m], planned_last[m] = plan_lo[k][m], planned[k][m]
    m = c & (last < 4) & planned_last
    zero = m & (plan_last == 0)
    rule[zero] = "laju terhadap rencana triwulan"
    m &= ~zero
    value[m] = last_value[m] / plan_last[m] * low[m]
    rule[m] = [f"kumulatif (target kumulatif): realisasi s.d. TW {ROMAN[k]} dibanding target s.d. TW {ROMAN[k]}, "
               "dikalikan target tahunan" for k in last[m]]
    m = c & (last < 4) & ~planned_last
    value[m] = last_value[m] * 4 / ints(last[m])
    rule[m] = [f"kumulatif tanpa target triwulan: realisasi s.d. TW {ROMAN[k]} × 4 / {k}" for k in last[m]]
    remaining[c] = 4 - last[c]
    needed[c] = goal[c] - last_value[c]
    m = c & (remaining > 0)
    per_quarter[m] = needed[m] / ints(remaining[m])

    # levels: the least-squares line through the quarters reported (trend)
    t = valid & ~summed & ~(latest & kumulatif)
    line = {k: empty(n) for k in QUARTERS}
    trend_rule = np.full(n, "", dtype=object)
    m = t & (count == 1)
    for k in QUARTERS:
        line[k][m] = last_value[m]
    trend_rule[m] = [f"satu triwulan dilaporkan ({x}): nilai itu" for x in said[m]]
    m = t & (count > 1)
    if m.any():
        cnt = ints(count[m])
        xsum = ints(sum((has[k][m].astype(int) * k for k in quarters), np.zeros(int(m.sum()), int)))
        mean_x = np.array([Decimal(x) for x in xsum], dtype=object) / cnt
        mean_y = done[m] / cnt
        top, bottom = filled(len(cnt), 0), filled(len(cnt), 0)
        for k in quarters:
            r = has[k][m]
            dx = k - mean_x[r]
            top[r] = top[r] + dx * (real[k][m][r] - mean_y[r])
            bottom[r] = bottom[r] + np.array([d ** 2 for d in dx], dtype=object)
        slope = top / bottom
        for k in QUARTERS:
            line[k][m] = mean_y + slope * (k - mean_x)
        trend_rule[m] = [f"garis tren {x} diteruskan sampai TW IV" for x in said[m]]
    # kept_in_range: not below 0 when nothing reported is, not above 100 for a % that never was; a
    # lower-is-better line that falls below 0 where it is used is not projected (below_zero)
    floor, cap = t.copy(), t & per_value(frame["satuan"], percent)[0].astype(bool)
    for k in quarters:
        r = t & has[k]
        floor[r] &= real[k][r] >= 0
        cap[r] &= real[k][r] <= 100
    below_zero = np.zeros(n, bool)
    for k in QUARTERS:
        v = line[k]
        below = floor & (v != None)  # noqa: E711 (elementwise on an object array)
        below[below] = Decimal(0) > v[below]
        # the quarter's line is used: an unreported quarter of a mean, TW IV of a level
        used = (mean | (k == 4)) & ~(has[k] if k in has else np.zeros(n, bool))
        below_zero |= below & negatif & used
        v[below] = Decimal(0)
        above = cap & (v != None)  # noqa: E711
        above[above] = Decimal(100) < v[above]
        v[above] = Decimal(100)
    year = {k: line[k].copy() for k in QUARTERS}
    for k in quarters:
        year[k][has[k]] = real[k][has[k]]
    m = t & mean
    value[m] = (((0 + year[1][m]) + year[2][m]) + year[3][m] + year[4][m]) / 4
    rule[m] = np.where(count[m] == 4, "keempat triwulan sudah dilaporkan: rata-rata setahun",
                       ["rata-rata setahun; " + x for x in trend_rule[m]])
    remaining[m] = 4 - count[m]
    r = m & (remaining > 0)
    needed[r] = (goal[r] * 4 - done[r]) / ints(remaining[r])
    per_quarter[r] = needed[r]
    m = t & ~mean
    value[m] = year[4][m]
    rule[m] = np.where(last[m] == 4, "TW IV sudah dilaporkan: nilai akhir tahun",
                       ["nilai akhir: " + x for x in trend_rule[m]])
    remaining[m] = 4 - last[m]
    needed[m] = goal[m]
    r = m & (remaining > 0)
    per_quarter[r] = (goal[r] - last_value[r]) / ints(remaining[r])

    value[below_zero] = None
    # the pace cannot be computed when the quarters' planned targets add up to 0
    paced = valid & (value != None)  # noqa: E711
    m = valid & ~paced
    alasan[m] = ("laju terhadap rencana tidak dapat dihitung (target triwulan yang dilaporkan "
                 "berjumlah 0): belum dapat diproyeksikan")
    alasan[below_zero] = BELOW_ZERO
    aturan = np.where(valid, rule, "")
    value[paced] = quantized(value[paced], MICRO)

    # capaian of the projection (capaian_nilai) and its status (status_for)
    formula_b = negatif & frame["rumus_negatif"].eq("B").to_numpy()
    perfect = paced & formula_b & zero_of(value, paced)  # realisation 0 of a lower-is-better indicator
    nilai = empty(n)
    m = paced & ~perfect
    inside = m & (low != high)
    inside[inside] = (low[inside] <= value[inside]) & (value[inside] <= high[inside])
    nilai[inside] = Decimal(100)
    m &= ~inside
    target = empty(n)
    target[m] = np.where(value[m] > high[m], high[m], low[m])
    m &= ~zero_of(target, m)
    r = m & positive
    nilai[r] = quantized(value[r] / target[r] * 100, CENT)
    r = m & formula_b & ~zero_of(value, m)
    nilai[r] = quantized(target[r] / value[r] * 100, CENT)
    r = m & negatif & ~formula_b
    a = quantized((2 - value[r] / target[r]) * 100, CENT)
    nilai[r] = np.where(Decimal(0) > a, Decimal(0), a)  # formula A, floored at 0
    judged = nilai != None  # noqa: E711
    shown = empty(n)
    shown[judged] = quantized(nilai[judged], CENT)
    status = np.full(n, None, dtype=object)
    status[perfect] = TERCAPAI
    r = judged.copy()
    r[r] = shown[r] >= 100
    status[r] = TERCAPAI
    r2 = judged & ~r
    r2[r2] = shown[r2] >= limit
    status[r2] = BERISIKO
    status[judged & ~r & ~r2] = TIDAK_TERCAPAI
    unjudged = paced & ~perfect & ~judged
    alasan[unjudged] = "target tahunan 0: capaian proyeksi tidak dapat dihitung"

    ok = paced & (perfect | judged)
    shortfall = empty(n)
    gap = np.where(positive[ok], goal[ok] - value[ok], value[ok] - goal[ok])
    shortfall[ok] = np.where(Decimal(0) > gap, Decimal(0), gap)
    gone = ok & (remaining == 0)
    needed[gone] = per_quarter[gone] = None
    m = ok & (remaining > 0) & (kumulatif | mean)
    # an amount (at least; at most for a negative indicator) never below 0: already reached, or for a
    # negative indicator the year's limit already passed (the shortfall says by how much)
    needed[m] = np.where(Decimal(0) > needed[m], Decimal(0), needed[m])
    per_quarter[m] = np.where(Decimal(0) > per_quarter[m], Decimal(0), per_quarter[m])
    r = ok & (remaining > 0) & ~(kumulatif | mean) & positive  # nilai_akhir: the rise still needed
    per_quarter[r] = np.where(Decimal(0) > per_quarter[r], Decimal(0), per_quarter[r])
    r = ok & (remaining > 0) & ~(kumulatif | mean) & negatif  # the fall still needed (negative)
    per_quarter[r] = np.where(Decimal(0) < per_quarter[r], Decimal(0), per_quarter[r])
    m = ok & ~own
    aturan[m] = aturan[m] + "; target tahunan belum ditetapkan: memakai target triwulan"

    out = {column: frame[column].reset_index(drop=True) for column in COLUMNS if column in frame}
    out.update(triwulan=q.tolist(), triwulan_dilaporkan=DILAPORKAN[bits].tolist(), target_tahunan=target_cell,
               status=status.tolist(), aturan=aturan.tolist(), alasan=alasan.tolist())
    result = pd.DataFrame(out, columns=COLUMNS)
    result["target_tahunan"] = result["target_tahunan"].astype(object)  # cells: floats and range texts alike
    result["status"] = pd.Series(status, dtype=object)  # texts and None, whether or not all are None
    result["realisasi"] = result["realisasi"].astype("float64")
    result["proyeksi"] = floats(value, paced)
    result["proyeksi_capaian"] = floats(nilai, ok & judged)
    result["kekurangan"] = floats(shortfall, ok, MICRO)
    result["sisa_triwulan"] = pd.arrays.IntegerArray(remaining.astype("int64"), ~ok)
    result["kebutuhan"] = floats(needed, ok & (needed != None), MICRO)  # noqa: E711
    result["kebutuhan_per_triwulan"] = floats(per_quarter, ok & (per_quarter != None), MICRO)  # noqa: E711
    return result


# A lower-is-better level whose line reaches below 0 (its reported values never were): the line
# cannot say where the year ends, and clamping it at 0 would make up a perfect result (formula A:
# 200 %). Said as the reason; no projection, no capaian, no status.
BELOW_ZERO = ("garis tren sampai di bawah 0 pada triwulan yang belum dilaporkan, padahal nilainya tidak dapat "
              "negatif: akhir tahun tidak dapat diproyeksikan dari tren")

NUMBERS = ["realisasi", "proyeksi", "proyeksi_capaian", "kekurangan", "kebutuhan", "kebutuhan_per_triwulan"]


@dataclass(frozen=True)
class Sisa:
    """The quarters a projection still counts on (sisa_triwulan), split by the calendar (sisa)."""

    belum_dilaporkan: list[int]  # ended, within the quarters asked, and not reported: missing, not time left
    tersisa: list[int]           # not ended yet: the time left
    per_triwulan: Decimal | None  # what each quarter of `tersisa` must bring, as kebutuhan_per_triwulan
                                  # says it; None when no quarter is left


def sisa(row, selesai: int) -> Sisa:
    """The quarters still to come of a projection row (proyeksi's columns triwulan,
    triwulan_dilaporkan, agregasi, polaritas, realisasi, sisa_triwulan, kebutuhan,
    kebutuhan_per_triwulan), on a day when `selesai` quarters of the year have ended
    (kinerja.vocab.triwulan_berakhir). A quarter the rule counts as to come (kumulatif per quarter
    and rata-rata: those not reported; nilai akhir and cumulative convention: those after the
    latest reported) is time left only while it has not ended; an ended one up to the quarter
    asked is not reported (belum_dilaporkan); an ended one after it is neither (the projection
    does not read it). What the quarters left must bring: kumulatif, the amount still needed
    (kebutuhan) over them; nilai akhir, the rise (fall) from the latest value (realisasi) to the
    target (kebutuhan) over them, never against the target's direction; rata-rata, the mean every
    unreported quarter must reach (kebutuhan: a late report counts in the year's mean). Rounded half
    up to 6 decimals; the stored value when no quarter to come has ended."""
    if is_missing(row.sisa_triwulan) or not row.sisa_triwulan:
        return Sisa([], [], None)
    reported = REPORTED[row.triwulan_dilaporkan]
    unreported = [k for k in QUARTERS if k not in reported]
    to_come = unreported if len(unreported) == row.sisa_triwulan else [k for k in QUARTERS if k > max(reported)]
    missing = [k for k in to_come if k <= min(int(row.triwulan), selesai)]
    left = [k for k in to_come if k > selesai]
    if not left:
        return Sisa(missing, [], None)
    if len(left) == len(to_come) or row.agregasi == "rata_rata":
        return Sisa(missing, left, exact(row.kebutuhan_per_triwulan))
    if row.agregasi == "kumulatif":
        need = exact(row.kebutuhan)
    else:  # a level: the change from the latest value, never against the direction the target asks
        need = exact(row.kebutuhan) - exact(row.realisasi)
        need = min(need, Decimal(0)) if row.polaritas == "negatif" else max(need, Decimal(0))
    return Sisa(missing, left, (need / len(left)).quantize(MICRO, rounding=ROUND_HALF_UP))


def rule_text(scale: pd.DataFrame, full: bool = False) -> str:
    """The rule as the pages state it (RULE_SHORT, or RULE when `full`), with the scale's limit."""
    return (RULE if full else RULE_SHORT).format(batas=format_angka(off_track_limit(scale)))


def status_for(nilai: Decimal | None, limit: Decimal) -> str | None:
    """The early-warning status of a (projected or real) capaian, rounded half up to 2 decimals."""
    shown = half_up(nilai)
    if shown is None:
        return None
    return TERCAPAI if shown >= 100 else BERISIKO if shown >= limit else TIDAK_TERCAPAI


# --------------------------------------------------------------------------- set-wise helpers
# Every value is the exact Decimal the engine's float stands for, held in object arrays: each step
# below is one operation over all rows it applies to, in the order spec/capaian.md's rule takes it
# (sums from 0 in quarter order), so results are those of the rule applied indicator by indicator.

QUARTERS = range(1, 5)
NOTHING_REPORTED = np.array([""] + [f"belum ada realisasi yang dilaporkan s.d. TW {ROMAN[k]}: belum dapat diproyeksikan"
                                    for k in QUARTERS], dtype=object)
# quarters reported, by bit mask (bit k-1 for TW k): as triwulan_dilaporkan says them, and as the rules do
DILAPORKAN = np.array([", ".join(f"TW {ROMAN[k]}" for k in QUARTERS if bits >> (k - 1) & 1) for bits in range(16)],
                      dtype=object)
REPORTED = {text: {k for k in QUARTERS if bits >> (k - 1) & 1} for bits, text in enumerate(DILAPORKAN)}
QUARTERS_TEXT = np.array([""] + [f"TW {', '.join(ROMAN[k] for k in QUARTERS if bits >> (k - 1) & 1)}"
                                 for bits in range(1, 16)], dtype=object)


def bounds(cell) -> tuple[Decimal, Decimal] | None:
    """(bawah, atas) of a target cell: a float, or the engine's range text "80 - 90"."""
    if isinstance(cell, str):
        low, _, high = cell.partition(" - ")
        return Decimal(low), Decimal(high)
    value = exact(cell)
    return None if value is None else (value, value)


def percent(satuan) -> bool:
    """A percentage, which a line extended never takes above 100."""
    return str(satuan or "").strip().lower() in {"%", "persen"}


def per_value(column: pd.Series, fn) -> tuple[np.ndarray, np.ndarray]:
    """fn of every distinct cell of `column` spread over its rows (object array; None where the cell
    is missing or fn gives None), and where it is not None (bool array). fn runs once per distinct cell."""
    codes, uniques = pd.factorize(column)
    return spread(codes, [fn(u) for u in uniques])


def per_bounds(column: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """bounds of every cell of a target column as per_value spreads them, read once per distinct
    cell for both: bawah and atas (object arrays of Decimal, None where there is no target) and
    where there is one (bool array)."""
    codes, uniques = pd.factorize(column)
    pairs = [bounds(u) for u in uniques]
    low, has = spread(codes, [None if p is None else p[0] for p in pairs])
    high, _ = spread(codes, [None if p is None else p[1] for p in pairs])
    return low, high, has


def spread(codes: np.ndarray, results: list) -> tuple[np.ndarray, np.ndarray]:
    """results[i] (one per distinct cell) on every row whose factorize code is i, None on a missing
    cell (code -1), as an object array; and where it is not None (bool array)."""
    results = results + [None]  # code -1: missing
    table = np.empty(len(results), dtype=object)
    for i, result in enumerate(results):
        table[i] = result
    return table[codes], np.array([r is not None for r in results], dtype=bool)[codes]


def empty(n: int) -> np.ndarray:
    return np.full(n, None, dtype=object)


def filled(n: int, value) -> np.ndarray:
    return np.full(n, value, dtype=object)


def ints(values) -> np.ndarray:
    """Python ints (a Decimal takes those exactly, not numpy's)."""
    return np.asarray(values).astype(object)


def zero_of(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """mask, narrowed to the rows whose value equals 0."""
    out = mask.copy()
    out[out] = values[out] == 0
    return out


def quantized(values: np.ndarray, exponent: Decimal) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = [HALF_UP.quantize(v, exponent) for v in values]
    return out


def floats(values: np.ndarray, mask: np.ndarray, exponent: Decimal | None = None) -> np.ndarray:
    """The values under mask as floats (rounded half up to `exponent` first), NaN elsewhere."""
    out = np.full(len(values), np.nan)
    chosen = values[mask]
    out[mask] = (chosen if exponent is None else quantized(chosen, exponent)).astype(float)
    return out


def cell_of(annual: tuple[Decimal, Decimal] | None):
    """A target cell as the engine writes it: float for a point, "bawah - atas" for a range."""
    if annual is None:
        return None
    bawah, atas = annual
    return float(bawah) if bawah == atas else f"{bawah.normalize():f} - {atas.normalize():f}"


# --------------------------------------------------------------------------- back-test

BACKTEST_COLUMNS = ["indikator_id", "indikator", "triwulan", "proyeksi_capaian", "status", "capaian_akhir",
                    "status_akhir", "tepat"]


def backtest(at_quarter: pd.DataFrame, year_end: pd.DataFrame, scale: pd.DataFrame, triwulan: int) -> pd.DataFrame:
    """The projection made at `triwulan` (from `at_quarter`, capaian to that quarter) against the
    real year end (`year_end`, the whole-year capaian table). Only indicators with a projection
    status and a complete year (`lengkap`, capaian computed) count.
    Columns BACKTEST_COLUMNS: proyeksi_capaian, capaian_akhir float %; status, status_akhir
    (STATUSES; the real year end judged on the same thresholds); tepat: the two statuses agree."""
    limit = off_track_limit(scale)
    projected = proyeksi(at_quarter, scale, triwulan)
    real = year_end[year_end["lengkap"] & year_end["capaian_persen"].notna()].set_index("indikator_id")
    rows = []
    for row in projected[projected["status"].notna()].itertuples():
        if row.indikator_id not in real.index:
            continue
        actual = real.at[row.indikator_id, "capaian_persen"]
        status_akhir = status_for(exact(actual), limit)
        rows.append([row.indikator_id, row.indikator, triwulan, row.proyeksi_capaian, row.status, actual,
                     status_akhir, row.status == status_akhir])
    return pd.DataFrame(rows, columns=BACKTEST_COLUMNS)


def hit_rate(rows: pd.DataFrame) -> tuple[int, int]:
    """(projections whose status came true, projections judged)."""
    return int(rows["tepat"].sum()), len(rows)
