"""Benchmark: the first render of every dashboard page on the demo database.

Builds the demo database (through the real import path) in a temporary folder unless --db is
given, warms the process once (imports, the DuckDB connection), then reruns each page with
Streamlit's AppTest: "pertama" with every st.cache_data cleared (the first visitor after an
import computes everything), "ulang" with the caches filled (the next visitor). Median of RUNS, in seconds, and the
ratio of the slowest first render to the 1 s goal. No pass/fail.
The server's memory is this process's: resident and peak after visiting every page.
Run: .venv/bin/python bench/bench_pages.py [--db data/kinerja.duckdb] [--tahun 2025] [--pages pages/data.py]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from kinerja.auth import cli_account
from kinerja.collect import accounts
from kinerja.demo import load_demo
from kinerja.store import db
from kinerja.web import auth as web_auth

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/ringkasan.py", "pages/sasaran.py", "pages/unit.py", "pages/tren.py", "pages/data.py",
         "pages/unggah.py", "pages/pengumpulan.py", "pages/indikator.py", "pages/ekspor.py"]
ACCOUNT = "bench.sekretariat"
RUNS = 3
GOAL = 1.0


def opened(page: str, token: str, tahun: str) -> AppTest:
    """An AppTest logged in as the Sekretariat that has shown `page` once: AppTest scans the
    installed components on its first run (a cost of the test harness, not of the server), so the
    timed runs come after it."""
    app = AppTest.from_file(APP, default_timeout=600)
    app.query_params["tahun"] = tahun
    app.session_state[web_auth.TOKEN] = token
    app.switch_page(page).run()
    return app


def render(app: AppTest) -> float:
    """Seconds for one run of app.py (navigation, sidebar) and its page, as a browser rerun does."""
    started = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - started
    empty = [i.value for i in app.info if i.value.startswith("Belum ada data. ")]
    if app.exception or app.error or not app.title or empty:
        problem = app.exception[0].message if app.exception else [e.value for e in app.error] or empty or "kosong"
        print(f"  {app.title[0].value if app.title else '?'}: {str(problem)[:120]}")
        return float("nan")
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


def login(path: Path) -> str:
    """A session token of a Sekretariat account (created in the database when missing)."""
    con = db.connect(path)
    try:
        if accounts.load(con, ACCOUNT) is None:
            accounts.create(con, cli_account("bench"), ACCOUNT, "sandi-bench-yang-panjang", ["sekretariat"])
        return accounts.start_session(con, accounts.load(con, ACCOUNT))
    finally:
        con.close()


def memory_mib() -> tuple[float, float]:
    """(resident, peak resident) memory of this process (the server's stand-in), MiB."""
    status = Path("/proc/self/status").read_text()
    return tuple(int(re.search(rf"{key}:\s+(\d+)", status).group(1)) / 1024 for key in ("VmRSS", "VmHWM"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--tahun", default="2025")
    parser.add_argument("--pages", nargs="*", default=PAGES, help="e.g. pages/data.py")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--json", type=Path, help="also write the figures there (bench/goals.py)")
    args = parser.parse_args()
    found: dict = {"halaman": {}}
    keep_navigation_mode()
    with tempfile.TemporaryDirectory() as folder:
        token = login(demo_database(args.db, folder))
        opened("pages/unggah.py", token, args.tahun)  # imports and the connection, once per server
        print(f"{'halaman':<22}{'pertama (s)':>12}{'ulang (s)':>12}", flush=True)
        slowest = 0.0
        for page in args.pages:
            first, again = [], []
            app = opened(page, token, args.tahun)
            for _ in range(args.runs):
                st.cache_data.clear()
                first.append(render(app))
                again.append(render(app))
            cold, warm = statistics.median(first), statistics.median(again)
            slowest = max(slowest, cold)
            print(f"{Path(page).stem:<22}{cold:>12.3f}{warm:>12.3f}", flush=True)
            found["halaman"][Path(page).stem] = {"pertama": cold, "ulang": warm}
        print(f"render pertama terlama / target 1 s: {slowest / GOAL:.2f}")
        resident, peak = memory_mib()
        print(f"memori proses: {resident:,.0f} MiB sekarang, puncak {peak:,.0f} MiB")
        if args.json:
            args.json.write_text(json.dumps({**found, "memori_mib": resident, "puncak_mib": peak}))


if __name__ == "__main__":
    main()
