"""Benchmark: import a 2,000-row SOP workbook, validated and written (goal: under 1 s).

Reports the median of several runs for reading alone and for the whole import into a fresh
database, and their ratio to the goal. With --db WAREHOUSE (e.g. a 1 M or 10 M database built by
bench/bench_capaian.py's fill) the imports go into a copy of that warehouse instead, for the
unit MUTASI and the warehouse's newest year: the first import once, then the corrected file and the
original in turn (each a re-import that changes 1,000 notes and values of the year), maintenance of
the stored capaian included; each step's median wall and CPU seconds (the process's CPU time,
DuckDB's threads included) beside them. Run: .venv/bin/python bench/bench_import.py [--db WAREHOUSE]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from kinerja.auth import cli_account
from kinerja.ingest.files import import_file
from kinerja.ingest.reader import read_workbook
from kinerja.store import db

ROWS = 2000
RUNS = 5
GOAL_SECONDS = 1.0


def sop_workbook(rows: int, ket: str = "tepat waktu", tw3: str = "99,5") -> bytes:
    """The SOP table of `rows` indicators; `ket` and `tw3` vary the notes and a realisation for a corrected file."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Format"
    ws.append(["FORMAT PENGUMPULAN DATA KINERJA"])
    ws.append(["Bidang Mutasi"])
    ws.append([])
    ws.append(["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN",
               "TARGET TRIWULAN 1", "TARGET TRIWULAN 2", "TARGET TRIWULAN 3", "TARGET TRIWULAN 4",
               "REALISASI TRIWULAN I", "REALISASI TRIWULAN II", "REALISASI TRIWULAN III",
               "REALISASI TRIWULAN IV", "KET"])
    for i in range(1, rows + 1):
        sasaran = f"Sasaran {i // 50 + 1}" if i % 50 == 1 else None
        if i % 2:
            ws.append([i, sasaran, f"Jumlah layanan jenis {i}", "orang", 400, 100, 100, 100, 100,
                       "98", 101, tw3, None, ket])
        else:
            ws.append([i, sasaran, f"Persentase layanan jenis {i}", "%", "93%", None, None, None, None,
                       "90,5", "91,25", 0.9483, None, None])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def median_seconds(action, prepare=lambda: None) -> float:
    times = []
    for _ in range(RUNS):
        state = prepare()
        start = time.perf_counter()
        action(state)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a warehouse to import into (copied first; the file is left as it is)")
    parser.add_argument("--json", type=Path, help="with --db: also write the figures there (bench/goals.py)")
    args = parser.parse_args()
    data = sop_workbook(ROWS)
    corrected = sop_workbook(ROWS, ket="terlambat", tw3="97,5")
    if args.db:
        into_warehouse(Path(args.db), data, corrected, args.json)
        return
    folder = tempfile.mkdtemp()

    def fresh_db():
        path = Path(folder) / f"bench-{time.perf_counter_ns()}.duckdb"
        return db.connect(path)

    def imported_db():
        con = fresh_db()
        import_file(con, data, "bench.xlsx", "MUTASI", 2024, akun=cli_account("bench"))
        return con

    def run_import(con, content=data):
        result = import_file(con, content, "bench.xlsx", "MUTASI", 2024, akun=cli_account("bench"))
        assert result.ok, [str(p) for p in result.problems[:5]]
        con.close()

    read = median_seconds(lambda _: read_workbook(data, "bench.xlsx"))
    first = median_seconds(run_import, fresh_db)
    again = median_seconds(lambda con: run_import(con, corrected), imported_db)
    print(f"baris: {ROWS}, median dari {RUNS} kali, {os.cpu_count()} inti")
    print(f"baca + validasi           : {read:.3f} s")
    print(f"impor pertama (baca, validasi, tulis): {first:.3f} s  rasio terhadap 1 s: {first / GOAL_SECONDS:.2f}")
    print(f"impor berkas koreksi      : {again:.3f} s  rasio terhadap 1 s: {again / GOAL_SECONDS:.2f}")


STEPS = {"baca": ("kinerja.ingest.plan", "read_workbook"), "rencana": ("kinerja.ingest.plan", "plan_import"),
         "tulis": ("kinerja.ingest.write", "write_plan"), "capaian tersimpan": ("kinerja.store.materialised", "flush")}


def timing_steps() -> dict[str, list[tuple[float, float]]]:
    """Wraps each step of an import (STEPS) to record its (wall, CPU) seconds; the process's CPU time
    counts DuckDB's threads too, and is far steadier than the wall clock on a shared machine."""
    import functools
    import importlib

    found: dict[str, list[tuple[float, float]]] = {name: [] for name in STEPS}
    for name, (module, attr) in STEPS.items():
        owner = importlib.import_module(module)
        step = getattr(owner, attr)

        def timed(*args, _step=step, _name=name, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return _step(*args, **kwargs)
            finally:
                found[_name].append((time.perf_counter() - wall, time.process_time() - cpu))

        setattr(owner, attr, functools.wraps(step)(timed))
    return found


def into_warehouse(warehouse: Path, data: bytes, corrected: bytes, json_path: Path | None = None) -> None:
    steps = timing_steps()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gudang.duckdb"
        shutil.copy(warehouse, path)
        con = db.connect(path)
        (tahun,) = con.execute("SELECT max(tahun) FROM realisasi").fetchone()
        rows = con.execute("SELECT count(*) FROM realisasi").fetchone()[0]

        cpu: list[float] = []

        def once(content) -> float:
            start, started = time.perf_counter(), time.process_time()
            result = import_file(con, content, "bench.xlsx", "MUTASI", tahun, akun=cli_account("bench"))
            took = time.perf_counter() - start
            cpu.append(time.process_time() - started)
            assert result.ok and result.written, [str(p) for p in result.problems[:5]]
            return took

        first = once(data)
        for found in steps.values():
            found.clear()
        again = statistics.median(once(corrected if i % 2 == 0 else data) for i in range(RUNS))
        con.close()
    print(f"gudang {warehouse.name}: {rows:,} baris realisasi; impor {ROWS} baris ke MUTASI {tahun}, "
          f"{os.cpu_count()} inti")
    print(f"impor pertama             : {first:.3f} s  rasio terhadap 1 s: {first / GOAL_SECONDS:.2f}")
    print(f"impor ulang (median {RUNS})   : {again:.3f} s  rasio terhadap 1 s: {again / GOAL_SECONDS:.2f}  "
          f"(CPU proses {statistics.median(cpu[1:]):.3f} s)")
    if json_path:
        json_path.write_text(json.dumps({"baris_realisasi": rows, "pertama": first, "ulang": again,
                                         "cpu": statistics.median(cpu[1:])}))
    for name, found in steps.items():
        print(f"  {name:<24}: {statistics.median(w for w, _ in found):.3f} s  (CPU {statistics.median(c for _, c in found):.3f} s)")


if __name__ == "__main__":
    main()
