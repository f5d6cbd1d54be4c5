"""Benchmark: what holding the database only while it is used (kinerja.store.db.use) costs a page.

The dashboard no longer keeps DuckDB open for its whole life, so that `kinerja` commands run
beside it. Measured here, on the demo database:
- open: opening the file for a use and closing it again (db.use with nothing else holding it),
  beside a bare duckdb.connect + close;
- held: one small query when the file is already open (another use of the same process holds it);
- revision: reading the change counter, done at every rerun to see writes of other processes;
- per page: how many times a first render (every st.cache_data cleared) and a repeated render open
  the file, with the dashboard's keep-open time (cache.LINGER_SECONDS).
The cost a page pays is opens x open; the timings of whole renders are in bench_pages.py (the
machine's load moves those far more than this). Medians of RUNS; no pass/fail.
Run: .venv/bin/python bench/bench_store.py [--db data/kinerja.duckdb]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import streamlit as st
from bench_pages import (  # the same folder
    PAGES,
    demo_database,
    keep_navigation_mode,
    opened,
    render,
)

from kinerja.store import db

RUNS = 30


def median_ms(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    args = parser.parse_args()
    keep_navigation_mode()
    with tempfile.TemporaryDirectory() as folder:
        path = demo_database(args.db, folder)

        def query():
            with db.use(path) as con:
                con.execute("SELECT count(*) FROM realisasi").fetchall()

        def plain():
            duckdb.connect(str(path)).close()

        db.keep_open(0)
        query()  # migrations checked once per process
        cold = median_ms(query)
        bare = median_ms(plain)
        with db.use(path):
            held = median_ms(query)
        revision = median_ms(lambda: db.revision(path), 1000)
        print(f"buka+tutup berkas per pemakaian: {cold:.2f} ms (duckdb.connect+close saja: {bare:.2f} ms); kueri "
              f"kecil saat berkas terbuka: {held:.2f} ms; baca revisi: {revision * 1000:.1f} µs")

        opens = {"n": 0}
        original = db.Lease.open

        def counted(self, *a, **k):
            opens["n"] += 1
            return original(self, *a, **k)

        db.Lease.open = counted
        from kinerja.web import cache  # sets the dashboard's keep-open time

        print(f"{'halaman':<14}{'buka (pertama)':>16}{'buka (ulang)':>14}{'+ms (pertama)':>15}")
        for page in PAGES:
            app = opened(page)
            time.sleep(cache.LINGER_SECONDS + 0.2)  # the file closed, as after a pause between clicks
            st.cache_data.clear()
            opens["n"] = 0
            render(app)
            first = opens["n"]
            time.sleep(cache.LINGER_SECONDS + 0.2)
            opens["n"] = 0
            render(app)
            print(f"{Path(page).stem:<14}{first:>16}{opens['n']:>14}{first * cold:>15.1f}")


if __name__ == "__main__":
    main()
