"""Database file, versioned migrations and seed data."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import duckdb

DEFAULT_DB = Path("data") / "kinerja.duckdb"
MIGRATIONS = Path(__file__).parent / "migrations"

# Unit list of BKPSDM Kota Samarinda as the SOP names them (cli.md).
UNITS = [
    ("SEKRETARIAT", "Sekretariat", "Unit Pengelola Data"),
    ("UMPEG", "Subbagian Umum dan Kepegawaian", "Unit Pelayanan Kepegawaian"),
    ("PERENCANAAN", "Jabatan Fungsional Perencana", "Unit Penyusun Laporan Kinerja"),
    ("KEUANGAN", "Subbagian Keuangan", None),
    ("PENGADAAN", "Bidang Pengadaan dan Pemberhentian", None),
    ("PEMBINAAN", "Bidang Pembinaan Aparatur", None),
    ("MUTASI", "Bidang Mutasi", None),
    ("BANGKOM", "Bidang Pengembangan Kompetensi", None),
]

DEFAULT_SCALE = "permendagri_86_2017"
# Settings an administrator may change: the agency's name heads every export.
SETTINGS = {
    "skala_aktif": DEFAULT_SCALE,
    "nama_instansi": "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA KOTA SAMARINDA",
}
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
SCALES = {
    DEFAULT_SCALE: [
        (1, "91", "Sangat Tinggi", "#0072B2"),
        (2, "76", "Tinggi", "#56B4E9"),
        (3, "66", "Sedang", "#F0E442"),
        (4, "51", "Rendah", "#E69F00"),
        (5, None, "Sangat Rendah", "#D55E00"),
    ],
}


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: the argument, else $KINERJA_DB, else data/kinerja.duckdb."""
    return Path(path or os.environ.get("KINERJA_DB") or DEFAULT_DB)


def connect(path: str | os.PathLike | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database, creating and migrating it when it can be written."""
    target = db_path(path)
    if read_only:
        con = duckdb.connect(str(target), read_only=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(target))
        migrate(con)
    # DuckDB prints a progress bar to stdout on long queries, which would corrupt csv/json output.
    con.execute("SET enable_progress_bar = false")
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (versi INTEGER PRIMARY KEY, diterapkan_pada TIMESTAMP)"
    )
    return con.execute("SELECT coalesce(max(versi), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations not yet applied and seed reference data; safe to run any number of times."""
    schema_version(con)
    # Every version not yet applied, not only those above the highest: migrations written on
    # parallel branches (0002, 0003) may land in either order.
    applied = {row[0] for row in con.execute("SELECT versi FROM schema_version").fetchall()}
    for path in sorted(MIGRATIONS.glob("*.sql")):
        version = int(path.name.split("_", 1)[0])
        if version in applied:
            continue
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
    seed(con)
    return schema_version(con)


def setting(con: duckdb.DuckDBPyConnection, kunci: str) -> str:
    return con.execute("SELECT nilai FROM pengaturan WHERE kunci = ?", [kunci]).fetchone()[0]


def seed(con: duckdb.DuckDBPyConnection) -> None:
    with transaction(con):
        con.executemany(
            "INSERT INTO unit (kode, nama, peran) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", UNITS
        )
        for scale, bands in SCALES.items():
            con.executemany(
                "INSERT INTO skala_kategori VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(scale, *band) for band in bands],
            )
        con.executemany("INSERT INTO pengaturan VALUES (?, ?) ON CONFLICT DO NOTHING", list(SETTINGS.items()))


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection):
    """All or nothing: commit when the block ends normally, roll back on any exception."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
