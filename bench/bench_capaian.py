"""Benchmark: the capaian engine on ~10M realisation rows.

Fills a fresh database file with bench/generate.py (set-wise): INDIKATOR indicators over 8 units
and TAHUN years, each with an annual target and (for most) quarterly targets, about 97% of the
quarters reported (so ~10M realisation rows with the defaults), a mix of polaritas, agregasi,
conventions and range targets, settings per year. Then reports the median time of a year overview (all
units, whole year and to TW II) and of one unit, and the ratio between them. No pass/fail.
Run: .venv/bin/python bench/bench_capaian.py [--indikator 500000] [--tahun 5]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from generate import FIRST_YEAR, generate

from kinerja.engine.capaian import capaian
from kinerja.store import db

RUNS = 3

def median_seconds(action) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        rows = len(action())
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indikator", type=int, default=500_000)
    parser.add_argument("--tahun", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        generate(path, args.indikator, args.tahun)
        filled = time.perf_counter() - start
        con = db.connect(path)
        count = con.execute("SELECT count(*) FROM realisasi").fetchone()[0]
        tahun = FIRST_YEAR + args.tahun - 1
        print(f"indikator: {args.indikator:,} x {args.tahun} tahun; baris realisasi: {count:,}; "
              f"diisi dalam {filled:.1f} s; berkas {path.stat().st_size / 2**20:,.0f} MiB")
        print(f"median dari {RUNS} kali, tahun {tahun}:")
        overview, rows = median_seconds(lambda: capaian(con, tahun))
        print(f"  ikhtisar setahun, semua unit : {overview:7.3f} s  ({rows:,} baris, "
              f"{rows / overview:,.0f} baris/s)")
        quarter, rows = median_seconds(lambda: capaian(con, tahun, 2))
        print(f"  ikhtisar s.d. TW II          : {quarter:7.3f} s  ({rows:,} baris)")
        one_unit, rows = median_seconds(lambda: capaian(con, tahun, None, "MUTASI"))
        print(f"  satu unit (MUTASI), setahun  : {one_unit:7.3f} s  ({rows:,} baris)")
        print(f"  rasio satu unit / ikhtisar   : {one_unit / overview:.2f}")
        con.close()


if __name__ == "__main__":
    main()
