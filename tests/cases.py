"""The shared reproducer files (../shared/cases/reliability) and a way to run the CLI on them."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

CASES = Path(__file__).parents[2] / "shared" / "cases"
RELIABILITY = CASES / "reliability"


def case(name: str) -> str:
    """The path of a reliability reproducer; the test is skipped, saying why, when it is absent."""
    path = RELIABILITY / name
    if not path.exists():
        pytest.skip(f"berkas reproduksi {path} tidak ada (salinan ../shared/cases/reliability tidak tersedia)")
    return str(path)


def run(capsys, *args) -> tuple[int, str, str]:
    """Run `kinerja ARGS` in-process: (exit code, stdout, stderr)."""
    from kinerja.cli import main

    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err


def sop(path: Path, header: list[str], *rows: list, title: str = "BIDANG MUTASI", tahun: int = 2026) -> str:
    """A unit file in the SOP layout, as the reproducers are written: title rows, header on row 5."""
    wb = Workbook()
    ws = wb.active
    ws.title = "DATA"
    for line in (["FORMAT PENGUMPULAN DATA KINERJA"], [title], [f"TAHUN {tahun}"], [], header, *rows):
        ws.append(line)
    wb.save(path)
    return str(path)


def capaian_row(capsys, db: str, tahun: int, nama: str, quarter: int | None = None) -> dict:
    """The `kinerja capaian --format json` row of one indicator."""
    import json

    args = ["capaian", "--year", tahun, "--unit", "MUTASI", "--format", "json", "--db", db]
    code, out, err = run(capsys, *args, *(["--quarter", quarter] if quarter else []))
    assert code == 0, err
    rows = [r for r in json.loads(out) if r["indikator"] == nama]
    assert len(rows) == 1, rows
    return rows[0]
