"""Benchmark: the time until a fresh browser tab shows Ringkasan fully drawn, on the demo data.

Starts `streamlit run app.py` on the demo database (built through the real import path unless --db
is given) and drives Debian's Chromium through Playwright, logged in by the session cookie. Each
load opens a new tab and times from navigation to "fully drawn" (tests/drawn.js: the title, the
script finished, no placeholder or stale element left, every chart drawn). No pass/fail.

What a fresh tab is (--cache, default both):
- "hangat" (warm): a new tab in a browser that has opened the dashboard before: Streamlit's
  JavaScript bundles come from the HTTP cache and their compiled code from V8's code cache (a
  Kepala Badan opening Kinerja again).
- "dingin" (cold): a new browser context for every load, like a browser that never opened the
  dashboard: every bundle downloaded, parsed and compiled again (the first visit on a computer).
The server's caches are warm in both: the first load after a server starts (every cache empty,
the server's too) is reported apart.

--app (repeatable, default kinerja) measures several apps, each on its own server and its own copy
of the database, their loads interleaved round by round (A B C, B C A, …, so a shared machine's load
falls on each alike):
- kinerja: this checkout's app.py, Ringkasan;
- kosong: Kinerja's shell around an empty page (bench/first_paint/kosong.py: style, login,
  navigation, sidebar), the floor of any Kinerja page;
- polos: a bare Streamlit app, a title and one line (bench/first_paint/polos.py): Streamlit's own;
- a path to another checkout's app.py (e.g. /work/main/app.py, to measure a change against it),
  Ringkasan, run with that checkout's code.
Reports the median of RUNS loads per app and kind of tab, its ratio to the 1,5 s goal (issue 17),
and the load average of the rounds.
Run: .venv/bin/python bench/bench_first_paint.py [--db data/kinerja.duckdb] [--runs 7]
     [--app kinerja --app kosong --app polos] [--cache hangat|dingin|both] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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
FLOORS = {"kosong": "Kosong", "polos": "Polos"}  # bench/first_paint/<name>.py: the title it draws
CACHES = {"hangat": False, "dingin": True}  # kind of fresh tab: a new browser context for each load


@dataclass
class App:
    """One app to measure: its label, script, working folder (where .streamlit/config.toml is read),
    the folder its code is imported from, and the title its page draws."""
    label: str
    script: Path
    cwd: Path
    code: Path
    title: str
    port: int = 0
    server: subprocess.Popen | None = None


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


def app_for(name: str, folder: Path) -> App:
    """The App for an --app value. A floor's script is copied into a folder of its own beside a link
    to pages/ (Streamlit finds a page's file next to the main script), run from this checkout."""
    if name == "kinerja":
        return App(name, ROOT / "app.py", ROOT, ROOT, "Ringkasan Kinerja")
    if name in FLOORS:
        home = folder / name
        home.mkdir()
        shutil.copy(ROOT / "bench" / "first_paint" / f"{name}.py", home)
        if name == "kosong":
            (home / "pages").symlink_to(ROOT / "pages")
        return App(name, home / f"{name}.py", ROOT, ROOT, FLOORS[name])
    script = Path(name).resolve()
    if not script.is_file():
        raise SystemExit(f"--app: no such app: {name}")
    return App(name, script, script.parent, script.parent, "Ringkasan Kinerja")


def serve(app: App, path: Path, own: Path) -> None:
    """Starts the app's server on a free port, on its own copy `own` of the database `path` (a
    server holds its database between page views; two would wait for each other)."""
    shutil.copy(path, own)
    app.port = free_port()
    env = {**os.environ, "KINERJA_DB": str(own),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(app.code), os.environ.get("PYTHONPATH")]))}
    app.server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app.script), "--server.headless", "true",
         "--server.port", str(app.port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=app.cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", app.port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"{app.label} did not start")


def browser_context(browser, token: str):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_cookies([{"name": COOKIE, "value": token, "domain": "127.0.0.1", "path": "/"}])
    return context


def load(context, app: App) -> float:
    """Seconds from opening a new tab in `context` at the app's Ringkasan URL to the page fully drawn."""
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"http://127.0.0.1:{app.port}/?tahun=2025&triwulan=Setahun", wait_until="commit", timeout=120_000)
    page.wait_for_function(DRAWN, timeout=120_000, polling=20)
    elapsed = time.perf_counter() - started
    title = page.locator("[data-testid='stMain'] h1").first.inner_text()
    if title != app.title:
        raise SystemExit(f"{app.label}: not {app.title}: {title}")
    page.close()
    return elapsed


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def comma(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--app", action="append", help="kinerja, kosong, polos or a path to an app.py")
    parser.add_argument("--cache", choices=[*CACHES, "both"], default="both")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    caches = list(CACHES) if args.cache == "both" else [args.cache]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        path = demo_database(args.db, folder)
        token = session_token(path)
        apps = [app_for(name, Path(folder)) for name in dict.fromkeys(args.app or ["kinerja"])]
        first, times, loads = {}, {(a.label, c): [] for a in apps for c in caches}, []
        try:
            for number, app in enumerate(apps):
                serve(app, path, Path(folder) / f"server-{number}.duckdb")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                warm = browser_context(browser, token)
                for app in apps:
                    first[app.label] = load(warm, app)
                pairs = [(app, cache) for app in apps for cache in caches]
                for round_ in range(args.runs):
                    loads.append(load_average())
                    for app, cache in pairs[round_ % len(pairs):] + pairs[:round_ % len(pairs)]:
                        if CACHES[cache]:
                            context = browser_context(browser, token)
                            times[app.label, cache].append(load(context, app))
                            context.close()
                        else:
                            times[app.label, cache].append(load(warm, app))
                loads.append(load_average())
                browser.close()
        finally:
            for app in apps:
                if app.server:
                    app.server.terminate()
                    app.server.wait(timeout=20)
    rows = [{"app": label, "tab": cache, "median": statistics.median(t), "min": min(t), "max": max(t), "n": len(t)}
            for (label, cache), t in times.items()]
    print(f"load average (1 menit) selama putaran: {comma(min(loads))}–{comma(max(loads))}")
    for label, seconds in first.items():
        print(f"{label}: tab pertama sesudah server mulai (semua cache kosong): {comma(seconds)} s")
    print("| app | tab | median (s) | min–maks | n | median / 1,5 s |\n|---|---|---:|---|---:|---:|")
    for row in rows:
        print(f"| {row['app']} | {row['tab']} | {comma(row['median'])} | {comma(row['min'])}–{comma(row['max'])} | "
              f"{row['n']} | {comma(row['median'] / GOAL)} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"first": first, "rows": rows, "load": [min(loads), max(loads)]},
                                              indent=1))


if __name__ == "__main__":
    main()
