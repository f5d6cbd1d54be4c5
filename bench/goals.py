"""Issue 18's goals measured in one run: the command line against the limit and the pandas script,
every page at 1 M and 10 M value rows, the server's memory, a 2,000-row import into the 10 M warehouse.

Runs bench_cli.py, bench_pages.py (once per database, each its own process so that the memory is
that database's) and bench_import.py one after the other, each writing its figures as JSON, then
prints one Markdown table per kind with the goal beside each figure and the load average before and
after (a shared machine moves single figures; compare the ratios). No pass/fail.
Run: make bench-goals   (or .venv/bin/python bench/goals.py --data /tmp after `make bench-data`)
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = {"1 M": "kinerja-1m.duckdb", "10 M": "kinerja-10m.duckdb"}
PAGE_GOAL = {"1 M": 1.0, "10 M": 2.0}   # seconds, first render; Ringkasan 1 s at both
RERUN_GOAL = 0.3
MEMORY_GOAL_MIB = 1.5 * 1024
IMPORT_GOAL = 1.0


def comma(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def verdict(met: bool) -> str:
    return "met" if met else "**not met**"


def run(script: str, *args: str) -> object:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(HERE / script), *args, "--json", out.name], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return json.loads(Path(out.name).read_text())


def cli_table(rows: list[dict]) -> list[str]:
    lines = ["| data | perintah | detik | × limit | tujuan (≤ 2 × limit, < pandas) |", "|---|---|---:|---:|---|"]
    for row in rows:
        pandas = next((r["detik"] for r in rows if r["data"] == row["data"] and r["perintah"].startswith("pandas")),
                      None)
        goal = ""
        if row["perintah"].startswith("kinerja"):
            goal = verdict(row["kali_limit"] <= 2 and (pandas is None or row["detik"] < pandas))
        lines.append(f"| {row['data']} | {row['perintah']} | {comma(row['detik'])} | {comma(row['kali_limit'])} | "
                     f"{goal} |")
    return lines


def pages_table(pages: dict[str, dict]) -> list[str]:
    sizes = list(pages)
    lines = ["| halaman | " + " | ".join(f"{size}: pertama / ulang (s)" for size in sizes) + " | tujuan |",
             "|---|" + "---|" * len(sizes) + "---|"]
    for page in pages[sizes[0]]["halaman"]:
        cells, met = [], True
        for size in sizes:
            figures = pages[size]["halaman"][page]
            goal = 1.0 if page == "ringkasan" else PAGE_GOAL[size]
            met &= figures["pertama"] < goal and figures["ulang"] < RERUN_GOAL
            cells.append(f"{comma(figures['pertama'])} / {comma(figures['ulang'])}")
        lines.append(f"| {page} | " + " | ".join(cells) + f" | {verdict(met)} |")
    memory = [f"{comma(pages[size]['puncak_mib'], 0)} MiB" for size in sizes]
    lines.append("| memori puncak (semua halaman) | " + " | ".join(memory) + " | "
                 + verdict(all(pages[size]["puncak_mib"] < MEMORY_GOAL_MIB for size in sizes)) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp"), help="folder of `make bench-data`'s databases")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    load_before = os.getloadavg()
    started = datetime.now()
    cli = run("bench_cli.py", "--data", str(args.data), "--rounds", str(args.rounds))
    pages = {size: run("bench_pages.py", "--db", str(args.data / name), "--runs", str(args.rounds))
             for size, name in SIZES.items()}
    imported = run("bench_import.py", "--db", str(args.data / SIZES["10 M"]))
    load_after = os.getloadavg()
    print(f"Diukur {started:%Y-%m-%d %H:%M}–{datetime.now():%H:%M}, {os.cpu_count()} inti, beban rata-rata "
          f"{comma(load_before[0])} sebelum, {comma(load_after[0])} sesudah; median dari {args.rounds} putaran.\n")
    print("\n".join(cli_table(cli)) + "\n")
    print("\n".join(pages_table(pages)) + "\n")
    print("| impor 2.000 baris ke gudang 10 M | detik (wall) | CPU proses | tujuan (< 1 s) |\n|---|---:|---:|---|")
    print(f"| impor ulang (median) | {comma(imported['ulang'])} | {comma(imported['cpu'])} | "
          f"{verdict(imported['ulang'] < IMPORT_GOAL)} |")


if __name__ == "__main__":
    main()
