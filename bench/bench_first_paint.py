"""Benchmark: the time until a fresh browser tab shows Ringkasan fully drawn, on the demo data.

Starts `streamlit run app.py` on the demo database (built through the real import path unless --db
is given) and drives Debian's Chromium through Playwright, logged in by the session cookie. Each
load opens a new tab and times from navigation to "fully drawn" (tests/drawn.js: the title, the
script finished, no placeholder or stale element left, every chart drawn). The first load after the
server starts (every cache empty) is reported apart; then the median of RUNS fresh tabs, and its
ratio to the 1,5 s goal (issue 17). No pass/fail.
Run: .venv/bin/python bench/bench_first_paint.py [--db data/kinerja.duckdb] [--runs 7]
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from bench_pages import demo_database  # noqa: E402  (one demo-database set-up for the benchmarks)

from kinerja.auth import cli_account  # noqa: E402
from kinerja.collect import accounts  # noqa: E402
from kinerja.store import db  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
DRAWN = (ROOT / "tests" / "drawn.js").read_text()
GOAL = 1.5
COOKIE = "kinerja_sesi"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def session_token(path: Path) -> str:
    """A live dashboard session of a leadership account (created for the benchmark)."""
    con = db.connect(path)
    try:
        if accounts.load(con, "bench.pimpinan") is None:
            accounts.create(con, cli_account("bench"), "bench.pimpinan", "sandi-bench-yang-panjang", ["pimpinan"], [])
        return accounts.start_session(con, accounts.load(con, "bench.pimpinan"))
    finally:
        con.close()


def serve(path: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, "KINERJA_DB": str(path)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("the dashboard did not start")


def load(context, url: str) -> float:
    """Seconds from opening a new tab at `url` to the page fully drawn."""
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_function(DRAWN, timeout=120_000, polling=20)
    elapsed = time.perf_counter() - started
    title = page.locator("[data-testid='stMain'] h1").first.inner_text()
    if title != "Ringkasan Kinerja":
        raise SystemExit(f"not Ringkasan: {title}")
    page.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        path = demo_database(args.db, folder)
        token = session_token(path)
        port = free_port()
        server = serve(path, port)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1366, "height": 900})
                context.add_cookies([{"name": COOKIE, "value": token, "domain": "127.0.0.1", "path": "/"}])
                url = f"http://127.0.0.1:{port}/?tahun=2025&triwulan=Setahun"
                first = load(context, url)
                times = [load(context, url) for _ in range(args.runs)]
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    median = statistics.median(times)
    print(f"tab pertama sesudah server mulai (cache kosong): {first:.2f} s")
    print(f"tab baru, median {args.runs} kali: {median:.2f} s (min {min(times):.2f}, maks {max(times):.2f})")
    print(f"median / target {GOAL} s: {median / GOAL:.2f}")


if __name__ == "__main__":
    main()
