"""Build a benchmark database: 1 M or 10 M realisation rows (25 k / 250 k indicators × 10 years ×
4 quarters), filled set-wise (SQL range(), no Python loop over rows), year by year as imports append
them, so the file's row order is the one a real warehouse has.

What the engine reads is filled: sasaran, indikator (settings of the year it was created, as
imports write them), pengaturan_indikator (the settings of every year with values: some
indicators change polaritas or agregasi halfway, a quarter of the positif ones are still
"tebakan"), konvensi_target, target (annual for all, quarterly for three in five, 1 in 25 a range)
and realisasi (about 97 % of the quarters reported), a submission per unit and year, and the id
sequence moved past every id used (a later import gets fresh ids). Units and scale: the seed.

Run: .venv/bin/python bench/generate.py --rows 1M --out /tmp/kinerja-1m.duckdb
     (--rows 100k | 1M | 10M, or --indikator N; --years 10; --force to replace the file)
`make bench-data` builds /tmp/kinerja-1m.duckdb and /tmp/kinerja-10m.duckdb when missing.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kinerja.store import db, materialised

FIRST_YEAR = 2016
YEARS = 10
# value rows -> indicators (× YEARS years × 4 quarters)
SIZES = {"100k": 2_500, "1M": 25_000, "10M": 250_000}
UNITS = ['SEKRETARIAT', 'UMPEG', 'PERENCANAAN', 'KEUANGAN', 'PENGADAAN', 'PEMBINAAN', 'MUTASI', 'BANGKOM']

# Once: sasaran (one per 40 indicators) and indicators with the settings of their first year.
MASTER = """
INSERT INTO sasaran (id, kode, teks, teks_norm)
SELECT s, CAST(s AS VARCHAR), 'Sasaran ' || s, 'sasaran ' || s FROM range(1, $n // 40 + 2) r(s);

INSERT INTO indikator (id, kode, nama, nama_norm, unit_kode, sasaran_id, satuan, polaritas,
                       rumus_negatif, agregasi, agregasi_sumber)
SELECT i, CAST(i AS VARCHAR), 'Indikator ' || i, 'indikator ' || i,
       $units[i // ($n // 8 + 1) + 1],
       i // 40 + 1,
       CASE WHEN i % 3 = 0 THEN 'orang' ELSE '%' END,
       CASE WHEN i % 10 = 0 THEN 'negatif' ELSE 'positif' END,
       CASE WHEN i % 20 = 0 THEN 'B' ELSE 'A' END,
       CASE WHEN i % 3 = 0 THEN 'kumulatif' WHEN i % 11 = 0 THEN 'rata_rata' ELSE 'nilai_akhir' END,
       CASE WHEN i % 6 = 5 THEN 'satuan' ELSE 'berkas' END
FROM range(1, $n + 1) r(i);
"""

# Per year $y, as an import of that year appends it.
YEAR = """
INSERT INTO submission (id, unit_kode, tahun, triwulan, versi, nama_berkas, sha256, ukuran, isi,
                        diunggah_pada, diunggah_oleh)
SELECT $n + 1 + ($y - $first) * 8 + u - 1, $units[u], $y, NULL, 1, 'bench.xlsx', '', 0, ''::BLOB,
       make_timestamp($y + 1, 1, 15, 8, 0, 0), 'bench'
FROM range(1, 9) r(u);

-- From the sixth year on, one indicator in 50 turns negatif and one in 70 (kumulatif ones)
-- becomes rata_rata: the engine must read the year's settings, not the indicator's first ones.
INSERT INTO pengaturan_indikator
SELECT i.id, $y,
       CASE WHEN i.id % 50 = 7 AND $y >= $first + 5 THEN 'negatif' ELSE i.polaritas END AS pol,
       CASE WHEN pol = 'positif' AND i.id % 4 = 1 THEN 'tebakan' ELSE 'berkas' END,
       i.rumus_negatif,
       CASE WHEN i.id % 70 = 3 AND i.agregasi = 'kumulatif' AND $y >= $first + 5 THEN 'rata_rata'
            ELSE i.agregasi END,
       i.agregasi_sumber,
       CASE WHEN i.id % 97 = 0 AND i.agregasi = 'kumulatif' THEN 'per_triwulan' END
FROM indikator i;

INSERT INTO konvensi_target
SELECT i, $y, 'kumulatif' FROM range(1, $n + 1) r(i) WHERE i % 3 = 0 AND i % 4 = 0;

-- annual targets for all; quarterly targets for three in five indicators; 1 in 25 is a range
INSERT INTO target (indikator_id, tahun, triwulan, bawah, atas, submission_id)
SELECT i, $y, q, bawah, bawah + CASE WHEN i % 25 = 0 AND i % 3 <> 0 THEN 10 ELSE 0 END,
       $n + 1 + ($y - $first) * 8 + i // ($n // 8 + 1)
FROM (
    SELECT i, q,
           CASE WHEN i % 3 <> 0 THEN 60 + (i * 7 + $y) % 40
                WHEN q = 0 THEN 400
                WHEN i % 4 = 0 THEN 100 * q   -- cumulative convention
                ELSE 100 END AS bawah
    FROM range(1, $n + 1) r(i), range(0, 5) s(q)
    WHERE q = 0 OR i % 5 IN (0, 1, 2)
);

INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, submission_id)
SELECT i, $y, q, CAST(((i * 37 + $y * 11 + q * 13) % 12000) / 100 AS DECIMAL(38, 6)),
       $n + 1 + ($y - $first) * 8 + i // ($n // 8 + 1)
FROM range(1, $n + 1) r(i), range(1, 5) s(q)
WHERE (i + $y + q) % 33 <> 0;
"""


def run_script(con, script: str, params: dict) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})


def generate(path: Path, indikator: int, years: int = YEARS, first: int = FIRST_YEAR) -> None:
    """Fill a new database file at `path` (which must not exist) with `indikator` indicators over
    `years` years from `first`. Last year with data: first + years - 1."""
    con = db.connect(path)
    try:
        params = {"n": indikator, "units": UNITS, "first": first}
        run_script(con, MASTER, params)
        for tahun in range(first, first + years):
            run_script(con, YEAR, params | {"y": tahun})
        # ids above were given explicitly: move the sequence past the largest (submissions' ids);
        # a table made from nextval() keeps the advance across reconnects, a bare SELECT did not
        con.execute("CREATE TABLE _maju AS SELECT max(nextval('seq_id')) AS n FROM range(?)",
                    [indikator + 1 + years * 8])
        con.execute("DROP TABLE _maju")
        with db.transaction(con):  # the fill wrote the tables directly: compute the stored capaian
            materialised.rebuild(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def indicators(rows: str) -> int:
    if rows not in SIZES:
        raise SystemExit(f"--rows: salah satu dari {', '.join(SIZES)}")
    return SIZES[rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", help="100k | 1M | 10M (baris realisasi)")
    parser.add_argument("--indikator", type=int, help="jumlah indikator (sebagai ganti --rows)")
    parser.add_argument("--years", type=int, default=YEARS)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--force", action="store_true", help="ganti berkas yang sudah ada")
    args = parser.parse_args()
    n = args.indikator or indicators(args.rows or "1M")
    if args.out.exists():
        if not args.force:
            sys.exit(f"{args.out} sudah ada (pakai --force untuk menggantinya)")
        args.out.unlink()
        Path(f"{args.out}.wal").unlink(missing_ok=True)
    start = time.perf_counter()
    generate(args.out, n, args.years)
    con = db.connect(args.out, read_only=True)
    count = con.execute("SELECT count(*) FROM realisasi").fetchone()[0]
    con.close()
    print(f"{args.out}: {n:,} indikator × {args.years} tahun ({FIRST_YEAR}-{FIRST_YEAR + args.years - 1}); "
          f"{count:,} baris realisasi; {time.perf_counter() - start:.1f} s; "
          f"{args.out.stat().st_size / 2**20:,.0f} MiB")


if __name__ == "__main__":
    main()
