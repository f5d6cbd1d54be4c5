"""Realisation against the Renstra: one definition of the end-of-period target and of how an
indicator is compared with it, for the Sasaran page, Formulir E.81 (columns 5, 6, 13, 14) and the
LKjIP Bab III draft (spec/capaian.md, "Renstra comparison").

The period is the recorded Renstra period that contains the year (kinerja.store.renstra). Per
agregasi, like with like:
  kumulatif    realisation summed over the period's years so far, against the period's total
               target: the sum of the annual Renstra targets of every year of the period;
  nilai_akhir  this year's realisation against the end target (target Renstra of the last year);
  rata_rata    the mean of the yearly realisations so far against the end target.
Each year's realisation is the engine's (kinerja.engine.capaian) for the whole year, this year's
for the period asked. Where a number cannot be given it is None and `keterangan` says why.
"""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pandas as pd

from kinerja.engine.summaries import TERUKUR
from kinerja.model import fmt_plain
from kinerja.store.queries import run
from kinerja.store.renstra import Periode, period_of
from kinerja.values import capaian_nilai, exact

COLUMNS = ["indikator_id", "periode", "aturan", "target_akhir", "target_akhir_atas", "realisasi_lalu",
           "realisasi_ini", "realisasi_sd", "tingkat_capaian", "keterangan"]


def rule(agregasi: str, periode: Periode, tahun: int) -> str:
    """The comparison in words, as the page and the documents print it."""
    if agregasi == "kumulatif":
        return (f"jumlah realisasi {periode.awal}-{tahun} dibanding jumlah target Renstra "
                f"{periode.awal}-{periode.akhir}")
    if agregasi == "rata_rata":
        return f"rata-rata realisasi {periode.awal}-{tahun} dibanding target akhir Renstra {periode.akhir}"
    return f"realisasi {tahun} dibanding target akhir Renstra {periode.akhir}"


def compare(con: duckdb.DuckDBPyConnection, tahun: int, years: dict[int, pd.DataFrame]) -> pd.DataFrame:
    """Per indicator of years[tahun] (the engine's table of the period asked) its Renstra comparison.
    `years` holds the engine's whole-year tables of the period's earlier years (missing ones count
    as not reported). Columns (COLUMNS): indikator_id; periode "2021-2026" (None outside every
    period); aturan (rule()); target_akhir, target_akhir_atas: Decimal bounds of the end target
    (equal for a point); realisasi_lalu (E.81 column 6), realisasi_ini (column 12), realisasi_sd
    (column 13), tingkat_capaian (column 14, %): Decimal or None; keterangan: why a number is
    missing and what it rests on ("" when nothing to say)."""
    frame = years[tahun]
    periode = period_of(con, tahun)
    if periode is None:
        reason = f"tahun {tahun} tidak termasuk periode Renstra yang tercatat"
        rows = [{**dict.fromkeys(COLUMNS), "indikator_id": i, "keterangan": reason} for i in frame["indikator_id"]]
        return pd.DataFrame(rows, columns=COLUMNS).astype(object)
    targets = run(con, "renstra_target", {"awal": periode.awal, "akhir": periode.akhir})
    by_indicator = {i: group for i, group in targets.groupby("indikator_id")}
    earlier = [y for y in periode.years_to(tahun) if y < tahun]
    tables = {y: years[y].set_index("indikator_id") for y in earlier if y in years}
    rows = []
    for row in frame.itertuples(index=False):
        notes, values, absent, partial = [], {}, [], []
        for y in earlier:
            table = tables.get(y)
            found = table is not None and row.indikator_id in table.index
            value = exact(table.at[row.indikator_id, "realisasi"]) if found else None
            if value is None:
                absent.append(str(y))
            else:
                values[y] = value
                if table.at[row.indikator_id, "status_data"] != TERUKUR:
                    partial.append(str(y))
        if row.agregasi != "nilai_akhir":  # only a sum or a mean rests on the earlier years
            notes += [f"realisasi {', '.join(absent)} tidak ada"] if absent else []
            notes += [f"realisasi {', '.join(partial)} belum lengkap"] if partial else []
        now = exact(row.realisasi)
        if now is None:
            notes.append(f"realisasi {tahun} belum ada")
        elif row.status_data != TERUKUR:
            notes.append(f"realisasi {tahun} belum lengkap")
        lalu, sd = combine(row.agregasi, list(values.values()), now)
        bawah, atas, note = end_target(row.agregasi, by_indicator.get(row.indikator_id), periode)
        if note:
            notes.insert(0, note)
        rows.append({
            "indikator_id": row.indikator_id, "periode": periode.label, "aturan": rule(row.agregasi, periode, tahun),
            "target_akhir": bawah, "target_akhir_atas": atas, "realisasi_lalu": lalu, "realisasi_ini": now,
            "realisasi_sd": sd, "tingkat_capaian": capaian_nilai(sd, bawah, atas, row.polaritas, row.rumus_negatif),
            "keterangan": "; ".join(notes)})
    return pd.DataFrame(rows, columns=COLUMNS).astype(object)


def combine(agregasi: str, earlier: list[Decimal], now: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    """(realisasi s.d. tahun lalu, realisasi s.d. tahun ini) of the yearly values, by agregasi."""
    if agregasi == "kumulatif":
        lalu = sum(earlier) if earlier else None
        known = earlier + ([now] if now is not None else [])
        return lalu, (sum(known) if known else None)
    if agregasi == "rata_rata":
        lalu = sum(earlier) / len(earlier) if earlier else None
        known = earlier + ([now] if now is not None else [])
        return lalu, (sum(known) / len(known) if known else None)
    return (earlier[-1] if earlier else None), now


def end_target(agregasi: str, targets: pd.DataFrame | None, periode: Periode) -> tuple[Decimal | None,
                                                                                     Decimal | None, str]:
    """(bawah, atas, note) of the end-of-period target: kumulatif, the sum over every year of the
    period (all of them needed); otherwise the target of the period's last year."""
    known = {} if targets is None else {int(r.tahun): (Decimal(r.bawah), Decimal(r.atas))
                                         for r in targets.itertuples(index=False)}
    if agregasi == "kumulatif":
        missing = [y for y in periode.years if y not in known]
        if missing:
            years = ", ".join(map(str, missing))
            return None, None, (f"target Renstra tahun {years} belum ada: jumlah target periode {periode.label} "
                                "tidak dapat dihitung")
        return (plain(sum(known[y][0] for y in periode.years)), plain(sum(known[y][1] for y in periode.years)), "")
    if periode.akhir not in known:
        return None, None, f"target akhir Renstra {periode.akhir} belum ada"
    bawah, atas = known[periode.akhir]
    return plain(bawah), plain(atas), ""


def plain(value: Decimal) -> Decimal:
    """A stored DECIMAL(38,6) without its trailing zeros and never in exponent form (2000, not 2E+3)."""
    return Decimal(fmt_plain(value))
