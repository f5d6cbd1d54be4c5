"""Benchmark: `kinerja capaian --year` (table, csv) against the limit and the pandas competitor, as
whole processes, at 1 M and 10 M value rows (bench/generate.py databases).

First checks that the limit (bench/limit.sql through bench/limit_cli.py) and
`kinerja capaian --format csv` agree on every row (the whole year and to TW II): same rows in the
same order, same texts, target and realisasi within 5e-7 (the engine shows 6 decimals), capaian
exactly, same kategori. Then times each command as a fresh process, alternating the commands over
ROUNDS rounds (each round starting with the next command), and prints the medians and their ratio
to the limit as a Markdown table. No pass/fail; a disagreement stops the run.
Run: .venv/bin/python bench/bench_cli.py [--sizes 1M,10M] [--rounds 5]
     (databases: DATA/kinerja-1m.duckdb, DATA/kinerja-10m.duckdb, DATA = --data /tmp, built when missing)
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from generate import SIZES, generate

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PANDAS = Path("/work/shared/bench/pandas_capaian.py")   # the competitor (reference folder)
TAHUN = 2025
SAME_TEXT = ["unit", "sasaran", "indikator", "satuan", "polaritas", "agregasi", "kategori"]
TOLERANCE = Decimal("5e-7")


def commands(db: Path) -> dict[str, list[str]]:
    year = ["--year", str(TAHUN)]
    found = {
        "kinerja capaian (table)": [str(BIN / "kinerja"), "capaian", *year, "--format", "table", "--db", str(db)],
        "kinerja capaian (csv)": [str(BIN / "kinerja"), "capaian", *year, "--format", "csv", "--db", str(db)],
        "limit (limit_cli.py)": [sys.executable, str(HERE / "limit_cli.py"), "--db", str(db), *year],
    }
    if PANDAS.exists():
        found["pandas (pandas_capaian.py)"] = [sys.executable, str(PANDAS), "--db", str(db), *year]
    return found


def output(args: list[str]) -> list[dict]:
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return list(csv.DictReader(io.StringIO(done.stdout)))


def bounds(cell: str) -> tuple[Decimal | None, Decimal | None]:
    if cell == "":
        return None, None
    low, _, high = cell.partition(" - ")
    return Decimal(low), Decimal(high or low)


def number(cell: str) -> Decimal | None:
    return None if cell == "" else Decimal(cell)


def close(a: Decimal | None, b: Decimal | None) -> bool:
    return a is None and b is None or a is not None and b is not None and abs(a - b) <= TOLERANCE


def disagreements(db: Path, quarter: int | None) -> list[str]:
    """Rows where `kinerja capaian --format csv` and the limit differ (empty: they agree)."""
    extra = [] if quarter is None else ["--quarter", str(quarter)]
    engine = output([str(BIN / "kinerja"), "capaian", "--year", str(TAHUN), *extra, "--format", "csv", "--db", str(db)])
    limit = output([sys.executable, str(HERE / "limit_cli.py"), "--db", str(db), "--year", str(TAHUN), *extra])
    found = [] if len(engine) == len(limit) else [f"{len(engine)} baris vs {len(limit)} baris"]
    for n, (e, x) in enumerate(zip(engine, limit), start=2):
        low, high = bounds(e["target"])
        if not (all(e[c] == x[c] for c in SAME_TEXT)
                and close(low, number(x["target_bawah"])) and close(high, number(x["target_atas"]))
                and close(number(e["realisasi"]), number(x["realisasi"]))
                and number(e["capaian_persen"]) == number(x["capaian_persen"])):
            found.append(f"baris {n}: kinerja {e} / limit {x}")
    return found


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def database(size: str, folder: Path) -> Path:
    path = folder / f"kinerja-{size.lower()}.duckdb"
    if not path.exists():
        print(f"membangun {path} ...", flush=True)
        generate(path, SIZES[size])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1M,10M")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--data", type=Path, default=Path("/tmp"), help="folder of the databases")
    parser.add_argument("--json", type=Path, help="also write the rows there (bench/goals.py)")
    args = parser.parse_args()
    rows = []
    for size in args.sizes.split(","):
        db = database(size, args.data)
        for quarter in (None, 2):
            wrong = disagreements(db, quarter)
            if wrong:
                sys.exit(f"{size} {'setahun' if quarter is None else 'TW II'}: limit dan kinerja berbeda "
                         f"({len(wrong)}):\n" + "\n".join(wrong[:5]))
        print(f"{size}: limit dan `kinerja capaian --format csv` sama di setiap baris (setahun, TW II)", flush=True)
        runs = commands(db)
        times: dict[str, list[float]] = {name: [] for name in runs}
        names = list(runs)
        for r in range(args.rounds):
            for name in names[r % len(names):] + names[:r % len(names)]:
                times[name].append(timed(runs[name]))
        limit = statistics.median(times["limit (limit_cli.py)"])
        for name in names:
            median = statistics.median(times[name])
            rows.append((size, name, median, median / limit))
    if args.json:
        args.json.write_text(json.dumps([{"data": size, "perintah": name, "detik": median, "kali_limit": ratio}
                                         for size, name, median, ratio in rows]))
    print(f"\n| data | perintah (tahun {TAHUN}, {args.rounds} putaran bergantian, median) | detik | × limit |")
    print("|---|---|---:|---:|")
    for size, name, median, ratio in rows:
        print(f"| {size} | {name} | {median:.2f} | {ratio:.2f} |".replace(f"{median:.2f}", f"{median:.2f}".replace(".", ","))
              .replace(f"{ratio:.2f} |", f"{ratio:.2f} |".replace(".", ",")))


if __name__ == "__main__":
    main()
