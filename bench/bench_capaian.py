"""Benchmark: the capaian engine on ~10M realisation rows.

Fills a fresh database file set-wise (SQL range(), no Python loops): INDIKATOR indicators over
8 units and TAHUN years, each with an annual target and (for most) quarterly targets, about 97%
of the quarters reported (so ~10M realisation rows with the defaults), a mix of polaritas,
agregasi, conventions and range targets. Then reports the median time of a year overview (all
units, whole year and to TW II) and of one unit, and the ratio between them. No pass/fail.
Run: .venv/bin/python bench/bench_capaian.py [--indikator 500000] [--tahun 5]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from kinerja.engine.capaian import capaian
from kinerja.store import db, materialised

RUNS = 3
FIRST_YEAR = 2021

FILL = """
INSERT INTO sasaran (id, kode, teks, teks_norm)
SELECT s, CAST(s AS VARCHAR), 'Sasaran ' || s, 'sasaran ' || s FROM range(1, $n // 40 + 2) r(s);

INSERT INTO indikator (id, kode, nama, nama_norm, unit_kode, sasaran_id, satuan, polaritas,
                       rumus_negatif, agregasi)
SELECT i, CAST(i AS VARCHAR), 'Indikator ' || i, 'indikator ' || i,
       ['SEKRETARIAT', 'UMPEG', 'PERENCANAAN', 'KEUANGAN', 'PENGADAAN', 'PEMBINAAN', 'MUTASI',
        'BANGKOM'][i // ($n // 8 + 1) + 1],
       i // 40 + 1,
       CASE WHEN i % 3 = 0 THEN 'orang' ELSE '%' END,
       CASE WHEN i % 10 = 0 THEN 'negatif' ELSE 'positif' END,
       CASE WHEN i % 20 = 0 THEN 'B' ELSE 'A' END,
       CASE WHEN i % 3 = 0 THEN 'kumulatif' WHEN i % 11 = 0 THEN 'rata_rata' ELSE 'nilai_akhir' END
FROM range(1, $n + 1) r(i);

INSERT INTO konvensi_target
SELECT i, y, 'kumulatif' FROM range(1, $n + 1) r(i), range($first, $first + $years) t(y)
WHERE i % 3 = 0 AND i % 4 = 0;

-- annual targets for all; quarterly targets for two in three indicators; 1 in 25 is a range
INSERT INTO target (indikator_id, tahun, triwulan, bawah, atas)
SELECT i, y, q, bawah, bawah + CASE WHEN i % 25 = 0 AND i % 3 <> 0 THEN 10 ELSE 0 END
FROM (
    SELECT i, y, q,
           CASE WHEN i % 3 <> 0 THEN 60 + (i * 7 + y) % 40
                WHEN q = 0 THEN 400
                WHEN i % 4 = 0 THEN 100 * q   -- cumulative convention
                ELSE 100 END AS bawah
    FROM range(1, $n + 1) r(i), range($first, $first + $years) t(y), range(0, 5) s(q)
    WHERE q = 0 OR i % 5 IN (0, 1, 2)
);

INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai)
SELECT i, y, q, CAST(((i * 37 + y * 11 + q * 13) % 12000) / 100 AS DECIMAL(38, 6))
FROM range(1, $n + 1) r(i), range($first, $first + $years) t(y), range(1, 5) s(q)
WHERE (i + y + q) % 33 <> 0;
"""


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
        con = db.connect(path)
        start = time.perf_counter()
        params = {"n": args.indikator, "years": args.tahun, "first": FIRST_YEAR}
        for statement in FILL.split(";\n"):
            if statement.strip():
                con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})
        with db.transaction(con):  # the fill wrote the tables directly: compute the stored capaian
            materialised.rebuild(con)
        con.execute("CHECKPOINT")
        filled = time.perf_counter() - start
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
