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
  (and at most 100 for a % indicator) when the reported values are.
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

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from kinerja.engine.summaries import off_track_limit
from kinerja.numbers import MICRO, format_angka
from kinerja.values import capaian_nilai, exact, half_up
from kinerja.vocab import ROMAN

TERCAPAI, BERISIKO, TIDAK_TERCAPAI = "diperkirakan tercapai", "berisiko", "diperkirakan tidak tercapai"
STATUSES = [TERCAPAI, BERISIKO, TIDAK_TERCAPAI]

RULE = ("Proyeksi akhir tahun. Indikator kumulatif: realisasi triwulan yang sudah dilaporkan dibanding "
        "target triwulan yang sama (laju terhadap rencana), dikalikan target tahunan; tanpa target triwulan: "
        "realisasi × 4 / jumlah triwulan yang dilaporkan. Indikator nilai akhir: garis tren (kuadrat terkecil) "
        "nilai triwulan yang dilaporkan, diteruskan sampai TW IV; satu triwulan: nilai itu. Indikator rata-rata: "
        "rata-rata setahun dengan triwulan yang belum dilaporkan mengikuti garis tren itu. Status dari capaian "
        "proyeksi: ≥ 100 % diperkirakan tercapai; ≥ {batas} % berisiko; di bawahnya diperkirakan tidak tercapai. "
        "Triwulan yang belum dilaporkan tidak dihitung 0.")

# One line for the pages, beside the list; RULE in full one click away.
RULE_SHORT = ("Proyeksi akhir tahun dari triwulan yang sudah dilaporkan (kumulatif: laju terhadap rencana "
              "triwulan; nilai akhir dan rata-rata: garis tren). Capaian proyeksi ≥ 100 %: diperkirakan tercapai; "
              "≥ {batas} %: berisiko; di bawahnya: diperkirakan tidak tercapai.")

COLUMNS = ["indikator_id", "unit", "unit_nama", "sasaran_id", "sasaran", "indikator", "satuan", "polaritas",
           "agregasi", "triwulan", "triwulan_dilaporkan", "target_tahunan", "realisasi", "proyeksi",
           "proyeksi_capaian", "status", "kekurangan", "sisa_triwulan", "kebutuhan", "kebutuhan_per_triwulan",
           "aturan", "alasan"]


def proyeksi(frame: pd.DataFrame, scale: pd.DataFrame, triwulan: int) -> pd.DataFrame:
    """The year-end projection of every indicator of `frame`, the engine's capaian table to date at
    the end of quarter `triwulan` (1-4; kinerja.engine.capaian.capaian(con, tahun, triwulan)); only
    quarters up to `triwulan` are read. `scale`: the active category scale (capaian.skala).

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
    limit = off_track_limit(scale)
    rows = [project_row(row, triwulan, limit) for row in frame.to_dict(orient="records")]
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in NUMBERS:
        out[column] = out[column].astype("float64")
    out["sisa_triwulan"] = out["sisa_triwulan"].astype("Int64")
    return out


NUMBERS = ["realisasi", "proyeksi", "proyeksi_capaian", "kekurangan", "kebutuhan", "kebutuhan_per_triwulan"]


def rule_text(scale: pd.DataFrame, full: bool = False) -> str:
    """The rule as the pages state it (RULE_SHORT, or RULE when `full`), with the scale's limit."""
    return (RULE if full else RULE_SHORT).format(batas=format_angka(off_track_limit(scale)))


def status_for(nilai: Decimal | None, limit: Decimal) -> str | None:
    """The early-warning status of a (projected or real) capaian, rounded half up to 2 decimals."""
    shown = half_up(nilai)
    if shown is None:
        return None
    return TERCAPAI if shown >= 100 else BERISIKO if shown >= limit else TIDAK_TERCAPAI


def at_risk(projected: pd.DataFrame) -> pd.DataFrame:
    """Indicators projected to miss their target that still have quarters to come, the lowest
    projected capaian first."""
    rows = projected[projected["status"].isin([BERISIKO, TIDAK_TERCAPAI])
                     & (projected["sisa_triwulan"].fillna(0) > 0)]
    return rows.sort_values(["proyeksi_capaian", "indikator"])


def by_risk(projected: pd.DataFrame) -> pd.DataFrame:
    """Every row, the projected misses first (lowest projected capaian first), then those on
    track, then those without a projection."""
    rank = projected["status"].map({TIDAK_TERCAPAI: 0, BERISIKO: 1, TERCAPAI: 2}).fillna(3)
    return projected.assign(_rank=rank).sort_values(["_rank", "proyeksi_capaian"], kind="stable").drop(
        columns="_rank")


# --------------------------------------------------------------------------- one indicator

def bounds(cell) -> tuple[Decimal, Decimal] | None:
    """(bawah, atas) of a target cell: a float, or the engine's range text "80 - 90"."""
    if isinstance(cell, str):
        low, _, high = cell.partition(" - ")
        return Decimal(low), Decimal(high)
    value = exact(cell)
    return None if value is None else (value, value)


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
        value, rule = trend(reported, combine, row["satuan"])
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


def trend(reported: dict[int, Decimal], combine: str, satuan) -> tuple[Decimal, str]:
    """(projected year-end value, rule) of a level indicator."""
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
