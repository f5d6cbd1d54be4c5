"""`kinerja capaian` reads the year's capaian from the stored table (kinerja.store.materialised)
and flags it in SQL (engine.capaian_tabel); its output is byte for byte the output of the same rows
computed on the fly (queries/engine/capaian.sql, plausibility flags by numpy: capaian_langsung),
formatted alike, on the demo and on a generated database (bench/generate.py), for every format,
the whole year and to date, every unit and one."""
import sys
from pathlib import Path

from kinerja.engine.capaian import capaian_langsung
from kinerja.present.tabel_sql import CAPAIAN_SOURCE, capaian_text
from kinerja.store import db
from tests.cases import run

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
from generate import generate  # noqa: E402  (bench/ is a folder of scripts, not a package)


def on_the_fly(path, tahun: int, triwulan: int | None, unit: str | None, fmt: str) -> str:
    con = db.connect(path, read_only=True)
    try:
        frame = capaian_langsung(con, tahun, triwulan, unit)
        con.register("langsung", frame.assign(_baris=range(len(frame)))[["_baris"] + CAPAIAN_SOURCE])
        return capaian_text(con, "langsung", fmt).decode("utf-8")
    finally:
        con.close()


def assert_cli_equals_on_the_fly(capsys, path, tahun: int) -> None:
    for fmt in ("table", "csv", "json"):
        for triwulan in (None, 2):
            for unit in (None, "MUTASI"):
                args = ["capaian", "--year", tahun, "--format", fmt, "--db", path]
                args += ["--quarter", triwulan] if triwulan else []
                args += ["--unit", unit] if unit else []
                code, out, err = run(capsys, *args)
                assert code == 0, err
                assert out == on_the_fly(path, tahun, triwulan, unit, fmt), (fmt, triwulan, unit)


def test_the_demo(capsys, demo_db, tmp_path):
    years = db.connect(demo_db, read_only=True)
    try:
        (tahun,) = years.execute("SELECT max(tahun) FROM realisasi").fetchone()
    finally:
        years.close()
    assert_cli_equals_on_the_fly(capsys, str(demo_db), tahun)


def test_a_generated_database(capsys, tmp_path):
    path = tmp_path / "gen.duckdb"
    generate(path, 400, years=3, first=2023)
    assert_cli_equals_on_the_fly(capsys, str(path), 2025)
