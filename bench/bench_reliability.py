"""Reliability under concurrent use: 8 real browser sessions upload a workbook and press Simpan at
the same moment, a `kinerja import` runs beside them, and another session keeps loading a page.

The eight files are of the three kinds that broke before: units with their own new sasaran, units
naming the same new sasaran, and two sessions correcting the same value of one unit. Reported:
sent / stored / refused with a reason / crashed (a traceback, an English DuckDB text or no answer),
whether the stored version numbers are unique, the CLI import's exit code, and the page-load
times (p50, p95) of Ringkasan while the saves run. Bounded: at most 8 sessions, --rounds (at most
5), a time limit per step; everything on 127.0.0.1. No pass/fail.
Run: .venv/bin/python bench/bench_reliability.py [--db data/kinerja.duckdb] [--rounds 2]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb
import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "TARGET TRIWULAN 1", "TARGET TRIWULAN 2",
          "TARGET TRIWULAN 3", "TARGET TRIWULAN 4", "REALISASI TRIWULAN I"]
STEP_SECONDS = 120
SESSIONS = 8


def workbook(path: Path, sasaran: str, names: list[str], realisasi: int) -> Path:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("DATA")
    for r, row in enumerate([["FORMAT PENGUMPULAN DATA KINERJA"], [], HEADER]
                            + [[i + 1, sasaran, n, "orang", 100, 25, 25, 25, 25, realisasi] for i, n in enumerate(names)]):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    book.close()
    return path


def files(folder: Path, year: int, round_: int) -> list[tuple[str, Path]]:
    """(unit, file) of the eight sessions of a round: 3 own sasaran, 3 one shared new sasaran, 2 the same value."""
    shared = f"Sasaran bersama {year} putaran {round_}"
    kinds = [(u, f"Sasaran {u} {round_}", 10) for u in ("PENGADAAN", "PEMBINAAN", "BANGKOM")]
    kinds += [(u, shared, 10) for u in ("SEKRETARIAT", "UMPEG", "PERENCANAAN")]
    kinds += [("MUTASI", f"Sasaran MUTASI {round_}", v) for v in (12 + round_, 15 + round_)]
    return [(unit, workbook(folder / f"r{round_}-{i}-{unit}.xlsx", sasaran,
                            [f"Indikator {unit} {round_} {j}" for j in range(3)], value))
            for i, (unit, sasaran, value) in enumerate(kinds)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def session(browser, url: str, unit: str, path: Path, year: int, oleh: str, ready, go) -> str:
    """One user: open Unggah, upload, wait for the others, press Simpan; the outcome."""
    page = await browser.new_page(viewport={"width": 1400, "height": 1000})
    released = False
    try:
        await page.goto(f"{url}/unggah?unit={unit}&tahun_unggah={year}&triwulan_unggah=1", timeout=STEP_SECONDS * 1000)
        await page.get_by_text("Unggah Data Unit").first.wait_for(timeout=STEP_SECONDS * 1000)
        await page.locator("input[type='file']").first.set_input_files(str(path))
        await page.get_by_text("Yang akan ditulis").first.wait_for(timeout=STEP_SECONDS * 1000)
        await page.get_by_label("Nama pengunggah").fill(oleh)
        await page.get_by_label("Nama pengunggah").press("Enter")
        await page.wait_for_timeout(500)
        ready.release()
        released = True
        await go.wait()
        await page.get_by_role("button", name="Simpan").click()
        stored = page.get_by_text("Tersimpan sebagai kiriman versi")
        refused = page.get_by_text("TIDAK tersimpan")
        crashed = page.locator("[data-testid='stException']")
        deadline = time.monotonic() + STEP_SECONDS
        while time.monotonic() < deadline:
            if await crashed.count():
                return "crashed: " + (await crashed.first.inner_text())[:120].replace("\n", " ")
            if await stored.count():
                return "stored"
            if await refused.count():
                text = await page.locator("[data-testid='stAlertContentError']").first.inner_text()
                english = any(w in text for w in ("Error", "Exception", "Traceback"))
                return ("crashed: " if english else "refused: ") + text.replace("\n", " ")[:160]
            await page.wait_for_timeout(200)
        alerts = page.locator("[data-testid='stAlert']")
        said = " / ".join([(await alerts.nth(i).inner_text())[:100] for i in range(await alerts.count())])
        return f"crashed: no answer in {STEP_SECONDS} s (page says: {said.replace(chr(10), ' ') or 'nothing'})"
    except Exception as exc:  # the page never got there: counted, not hidden
        return f"crashed: {type(exc).__name__} {str(exc)[:100]}"
    finally:
        if not released:
            ready.release()
        await page.close()


async def prober(browser, url: str, stop: asyncio.Event, times: list[float]) -> None:
    """Load Ringkasan again and again while the saves run."""
    page = await browser.new_page(viewport={"width": 1400, "height": 900})
    while not stop.is_set():
        started = time.perf_counter()
        try:
            await page.goto(f"{url}/?tahun=2025", timeout=STEP_SECONDS * 1000)
            await page.locator("[data-testid='stMetric']").first.wait_for(timeout=STEP_SECONDS * 1000)
            times.append(time.perf_counter() - started)
        except Exception:
            times.append(float("inf"))
    await page.close()


async def round_(url: str, database: Path, folder: Path, year: int, number: int, times: list[float],
                 quiet: list[float] | None = None) -> dict:
    from playwright.async_api import async_playwright

    sent = files(folder, year, number)
    cli_file = workbook(folder / f"r{number}-cli.xlsx", f"Sasaran CLI {number}", [f"Indikator CLI {number}"], 7)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ready, go, stop = asyncio.Semaphore(0), asyncio.Event(), asyncio.Event()
        sessions = [asyncio.create_task(session(browser, url, unit, path, year, f"sesi{number}-{i}", ready, go))
                    for i, (unit, path) in enumerate(sent)]
        for _ in sent:
            await asyncio.wait_for(ready.acquire(), STEP_SECONDS * 2)
        if quiet is not None:  # the same page with nothing being written, for comparison
            calm = asyncio.Event()
            calm_probe = asyncio.create_task(prober(browser, url, calm, quiet))
            while len(quiet) < 3:
                await asyncio.sleep(0.2)
            calm.set()
            await calm_probe
        probe = asyncio.create_task(prober(browser, url, stop, times))
        cli = subprocess.Popen([sys.executable, "-c", "from kinerja.cli import main; main()", "import", str(cli_file),
                                "--unit", "KEUANGAN", "--year", str(year), "--db", str(database)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        go.set()
        outcomes = await asyncio.gather(*sessions)
        cli_out, cli_err = await asyncio.to_thread(cli.communicate, timeout=STEP_SECONDS)
        stop.set()
        await probe
        await browser.close()
    return {"outcomes": outcomes, "cli": cli.returncode, "cli_err": cli_err.strip().splitlines()[-1:]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a database to copy (default: the demo, built in a temporary folder)")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, 5))
    if not Path(CHROMIUM).exists():
        raise SystemExit("Chromium tidak ada di /usr/bin/chromium (apt-get install chromium).")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "kinerja.duckdb"
        if args.db:
            shutil.copy(args.db, database)
        else:
            subprocess.run([sys.executable, "-c", "from kinerja.cli import main; main()", "init", "--demo", "--db",
                            str(database)], cwd=ROOT, check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env={**os.environ, "KINERJA_DB": str(database)}, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.3)
            times: list[float] = []
            quiet: list[float] = []
            results = [asyncio.run(asyncio.wait_for(
                round_(url, database, folder, date.today().year + 1, n, times, quiet if n == 0 else None),
                STEP_SECONDS * 4)) for n in range(rounds)]
        finally:
            server.terminate()
            server.wait(timeout=30)
        con = duckdb.connect(str(database), read_only=True)
        duplicates = con.execute("SELECT count(*) FROM (SELECT unit_kode, tahun, triwulan, versi FROM submission "
                                 "GROUP BY ALL HAVING count(*) > 1)").fetchall()[0][0]
        stored_rows = con.execute("SELECT count(*) FROM submission WHERE diunggah_oleh LIKE 'sesi%'").fetchall()[0][0]
        con.close()
    outcomes = [o for r in results for o in r["outcomes"]]
    stored = sum(o == "stored" for o in outcomes)
    refused = [o for o in outcomes if o.startswith("refused")]
    crashed = [o for o in outcomes if o.startswith("crashed")]
    print(f"dikirim {len(outcomes)} | tersimpan {stored} (baris di basis data: {stored_rows}) | ditolak dengan alasan "
          f"{len(refused)} | crash {len(crashed)} | nomor versi ganda: {duplicates}")
    for o in refused[:3] + crashed[:5]:
        print("  ", o)
    print("impor CLI bersamaan:", ", ".join(f"exit {r['cli']}" for r in results),
          *(r["cli_err"] for r in results if r["cli"]))
    loads = sorted(times)
    finite = [t for t in loads if t != float("inf")]
    if finite:
        p95 = loads[min(len(loads) - 1, int(round(0.95 * (len(loads) - 1))))]
        print(f"muat halaman Ringkasan selama penyimpanan: n={len(loads)}, p50 {statistics.median(loads):.2f} s, "
              f"p95 {p95:.2f} s, gagal {len(loads) - len(finite)}; tanpa penyimpanan (sesi terbuka, sebelum "
              f"Simpan): p50 {statistics.median(quiet):.2f} s (n={len(quiet)})")


if __name__ == "__main__":
    main()
