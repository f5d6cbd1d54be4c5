"""Benchmark: the first render of every dashboard page on the demo database.

Builds the demo database (through the real import path) in a temporary folder unless --db is
given, warms the process once (imports, the DuckDB connection), then reruns each page with
Streamlit's AppTest: "pertama" with every st.cache_data cleared (the first visitor after an
import computes everything), "ulang" with the caches filled (the next visitor). Median of RUNS, in seconds, and the
ratio of the slowest first render to the 1 s goal. No pass/fail.
Run: .venv/bin/python bench/bench_pages.py [--db data/kinerja.duckdb]
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from kinerja.demo import load_demo
from kinerja.store import db

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/ringkasan.py", "pages/sasaran.py", "pages/unit.py", "pages/tren.py", "pages/data.py",
         "pages/unggah.py", "pages/pengumpulan.py", "pages/ekspor.py"]
RUNS = 3
GOAL = 1.0


def opened(page: str) -> AppTest:
    """An AppTest that has shown `page` once: AppTest scans the installed components on its first
    run (a cost of the test harness, not of the server), so the timed runs come after it."""
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["tahun"] = "2025"
    app.switch_page(page).run()
    return app


def render(app: AppTest) -> float:
    """Seconds for one run of app.py (navigation, sidebar) and its page, as a browser rerun does."""
    started = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - started
    empty = [i.value for i in app.info if "Belum ada data" in i.value]
    if app.exception or not app.title or empty:
        raise SystemExit(f"{app.title}: {app.exception or empty or 'tidak tergambar'}")
    return elapsed


def keep_navigation_mode() -> None:
    """AppTest resets the legacy pages/-folder flag before each run and would run a page file
    alone; the server turns it off after app.py's st.navigation, so do the same."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init


def demo_database(given: str | None, folder: str) -> Path:
    """The database to measure: the one given, else the demo built in `folder` through the real
    import path; set as $KINERJA_DB for the pages."""
    path = Path(given) if given else Path(folder) / "demo.duckdb"
    if not given:
        con = db.connect(path)
        load_demo(con, Path(folder) / "demo")
        con.close()
    os.environ["KINERJA_DB"] = str(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    args = parser.parse_args()
    keep_navigation_mode()
    with tempfile.TemporaryDirectory() as folder:
        demo_database(args.db, folder)
        opened(PAGES[0])  # imports and the connection, once per server
        print(f"{'halaman':<22}{'pertama (s)':>12}{'ulang (s)':>12}")
        slowest = 0.0
        for page in PAGES:
            first, again = [], []
            app = opened(page)
            for _ in range(RUNS):
                st.cache_data.clear()
                first.append(render(app))
                again.append(render(app))
            cold, warm = statistics.median(first), statistics.median(again)
            slowest = max(slowest, cold)
            print(f"{Path(page).stem:<22}{cold:>12.3f}{warm:>12.3f}")
        print(f"render pertama terlama / target 1 s: {slowest / GOAL:.2f}")


if __name__ == "__main__":
    main()
