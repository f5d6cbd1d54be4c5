"""Back-test of the early warning (kinerja.proyeksi) on the demo years.

For every demo year, the projection made at the end of TW II and of TW III is set against the real
year end (the whole-year capaian of the indicators whose year is complete). Prints per quarter the
hit rate: how often the projected status (diperkirakan tercapai / berisiko / diperkirakan tidak
tercapai) is the status the year ended with, and how often "tercapai or not" was called right,
plus the mean distance between projected and real capaian. No pass/fail.
Run: .venv/bin/python bench/bench_proyeksi.py [--db data/kinerja.duckdb]   (default: a fresh demo)
"""
from __future__ import annotations

import argparse
import tempfile
from decimal import Decimal
from pathlib import Path

import pandas as pd

from kinerja.demo import YEARS, load_demo
from kinerja.engine.capaian import capaian, skala
from kinerja.numbers import format_angka
from kinerja.proyeksi import TERCAPAI, backtest, hit_rate
from kinerja.store import db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="an existing database (default: the demo, built afresh)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            con = db.connect(args.db)
        else:
            con = db.connect(Path(folder) / "demo.duckdb")
            load_demo(con, Path(folder) / "berkas")
        scale = skala(con)
        runs = {q: pd.concat([backtest(capaian(con, tahun, q), capaian(con, tahun), scale, q).assign(tahun=tahun)
                              for tahun in YEARS], ignore_index=True) for q in (2, 3)}
        con.close()
    print(f"Back-test proyeksi akhir tahun, data demo {YEARS[0]}-{YEARS[-1]}")
    for q, rows in runs.items():
        hits, judged = hit_rate(rows)
        reached = int(((rows["status"] == TERCAPAI) == (rows["status_akhir"] == TERCAPAI)).sum())
        error = sum(abs(Decimal(repr(a)) - Decimal(repr(b))) for a, b in zip(rows["proyeksi_capaian"],
                                                                            rows["capaian_akhir"])) / judged
        print(f"TW {'II' if q == 2 else 'III'}: status tepat {hits}/{judged} = {percent(hits, judged)}; "
              f"tercapai/tidak tepat {reached}/{judged} = {percent(reached, judged)}; "
              f"selisih rata-rata capaian {format_angka(error, 2)} poin")


def percent(part: int, whole: int) -> str:
    return f"{format_angka(Decimal(part) / whole * 100, 1)} %"


if __name__ == "__main__":
    main()
