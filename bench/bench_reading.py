"""Benchmark: what reading a file costs, for bombs and for big honest workbooks (goal: every upload
within the limits answered in under 10 s with a peak under 500 MB; a bomb refused at once).

Each measurement runs in a fresh process, so its peak resident memory is its own. Reports:
1. `read_workbook` (the whole reading path: file -> indicator rows, or the refusal) on the bomb
   corpus (../shared/cases/reliability/bomb_dimension_XFD1048576.xlsx and the files make_bombs.py
   makes), on 2,000- and 10,000-row SOP workbooks (.xlsx, .xls, .ods, HTML), and on workbooks at
   the limits: 300,000 filled cells (15,000 rows x 20 columns), and a 2,000-row table among 2
   million empty cells that only carry a format;
2. the bare reading cost of kinerja's reader, openpyxl (read-only: values and number formats) and
   python-calamine (values only) on the same .xlsx files. Calamine gives no number formats and
   so cannot tell 0.9483 shown as 94.83% from 94.83 followed by a literal "%"; openpyxl trusts
   the declared <dimension>. Both are shown for the cost only.

Run: .venv/bin/python bench/bench_reading.py   (about a minute; the bombs are made once into
bench/out/reading, 3 MB, if ../shared is there)
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT.parent / "shared" / "cases" / "reliability"
WORK = ROOT / "bench" / "out" / "reading"
GOAL_SECONDS, GOAL_MB = 10.0, 500

HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "TARGET TRIWULAN 1",
          "TARGET TRIWULAN 2", "TARGET TRIWULAN 3", "TARGET TRIWULAN 4", "REALISASI TRIWULAN I",
          "REALISASI TRIWULAN II", "REALISASI TRIWULAN III", "REALISASI TRIWULAN IV", "KET"]


def sop_rows(n: int) -> list[list]:
    rows = [["FORMAT PENGUMPULAN DATA KINERJA"], ["Bidang Mutasi"], [], HEADER]
    for i in range(1, n + 1):
        sasaran = f"Sasaran {i // 50 + 1}" if i % 50 == 1 else None
        if i % 2:
            rows.append([i, sasaran, f"Jumlah layanan jenis {i}", "orang", 400, 100, 100, 100, 100, "98", 101,
                         "99,5", None, "tepat waktu"])
        else:
            rows.append([i, sasaran, f"Persentase layanan jenis {i}", "%", "93%", None, None, None, None, "90,5",
                         "91,25", 0.9483, None, None])
    return rows


def write_xlsx(rows: list[list], path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("Format")
    percent = book.add_format({"num_format": "0.00%"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, float) and value < 1:
                ws.write_number(r, c, value, percent)
            else:
                ws.write(r, c, value)
    book.close()


def write_xls(rows: list[list], path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("Format")
    percent = xlwt.easyxf(num_format_str="0.00%")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value, percent) if isinstance(value, float) and value < 1 else ws.write(r, c, value)
    book.save(str(path))


def write_ods(rows: list[list], path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Format")
    for row in rows:
        tr = TableRow()
        for value in row:
            if value is None:
                tr.addElement(TableCell())
                continue
            kind = "percentage" if isinstance(value, float) and value < 1 else \
                "float" if isinstance(value, (int, float)) else "string"
            cell = TableCell(valuetype=kind, value=str(value)) if kind != "string" else TableCell(valuetype=kind)
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def write_html(rows: list[list], path: Path) -> None:
    cells = ("".join(f"<td>{'' if v is None else v}</td>" for v in row) for row in rows)
    path.write_bytes(("\ufeff<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>").encode())


def limit_workbook(path: Path) -> None:
    """15,000 rows x 20 filled columns: the most cells a file may hold (cells.MAX_CELLS)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("Format")
    ws.write_row(0, 0, HEADER + [f"KOLOM {c}" for c in range(6)])
    for r in range(1, 15_000):
        ws.write_row(r, 0, [r, "Sasaran", f"Indikator {r}", "orang"] + [r % 97 + c for c in range(16)])
    book.close()


def formatted_blanks(path: Path) -> None:
    """A 2,000-row table and 1,990,000 empty cells that only carry a format (MAX_XML_CELLS)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("Format")
    shade = book.add_format({"bg_color": "#FFFFCC", "border": 1})
    rows = sop_rows(2_000)
    for r in range(9_950):
        row = rows[r] if r < len(rows) else []
        for c in range(200):
            value = row[c] if c < len(row) else None
            if value is None or (isinstance(value, float) and value < 1):
                ws.write_blank(r, c, None, shade)
            else:
                ws.write(r, c, value)
    book.close()


def inputs() -> list[tuple[str, Path]]:
    WORK.mkdir(parents=True, exist_ok=True)
    found = []
    if CASES.is_dir():
        found.append(("bomb: declares A1:XFD1048576 (5.6 KB)", CASES / "bomb_dimension_XFD1048576.xlsx"))
        if not (WORK / "zipbomb_sharedstring_1GB.xlsx").exists():
            subprocess.run([sys.executable, str(CASES / "make_bombs.py"), str(WORK)], check=True,
                           capture_output=True)
        found += [("bomb: 2 MB -> 2 GiB sheet XML", WORK / "zipbomb_sheet_2GB_whitespace.xlsx"),
                  ("bomb: 1 MB -> 1 GiB shared string", WORK / "zipbomb_sharedstring_1GB.xlsx")]
    for n in (2_000, 10_000):
        rows = sop_rows(n)
        for suffix, write in ((".xlsx", write_xlsx), (".xls", write_xls), (".ods", write_ods), (".html.xls", write_html)):
            path = WORK / f"sop_{n}{suffix}"
            if not path.exists():
                write(rows, path)
            found.append((f"{n:,} rows {suffix}", path))
    path = WORK / "limit_300k_cells.xlsx"
    if not path.exists():
        limit_workbook(path)
    found.append(("at the limit: 300,000 cells .xlsx", path))
    path = WORK / "limit_2M_formatted_blanks.xlsx"
    if not path.exists():
        formatted_blanks(path)
    found.append(("at the limit: 2M formatted blank cells", path))
    return found


# ------------------------------------------------------------------ one measurement (child process)

def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(how: str, path: str) -> dict:
    from kinerja.ingest.cells import ReadError, read_sheets
    from kinerja.ingest.reader import read_workbook

    data = Path(path).read_bytes()
    if how == "openpyxl":
        from openpyxl import load_workbook
    elif how == "calamine":
        from python_calamine import CalamineWorkbook
    start = time.perf_counter()   # imports above are not counted
    if how == "read_workbook":
        try:
            book = read_workbook(data, Path(path).name)
            outcome = f"{len(book.rows)} rows, {len(book.errors)} errors"
        except ReadError as exc:
            outcome = "refused: " + str(exc)[:70]
    elif how == "kinerja":
        sheets = read_sheets(data, Path(path).name)
        outcome = f"{sum(len(s.rows) for s in sheets)} rows"
    elif how == "openpyxl":
        book = load_workbook(io.BytesIO(data), read_only=True)
        count = 0
        for ws in book.worksheets:
            for row in ws.iter_rows():
                count += 1
                for cell in row:
                    _ = (cell.value, getattr(cell, "number_format", None))
        outcome = f"{count} rows"
    else:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        count = sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
        outcome = f"{count} rows"
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": peak_mb(), "outcome": outcome}


def run(how: str, path: Path) -> dict:
    try:
        done = subprocess.run([sys.executable, __file__, "--one", how, str(path)], capture_output=True, text=True,
                              timeout=120, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"seconds": 120.0, "peak_mb": float("nan"), "outcome": "stopped after 120 s"}
    if done.returncode != 0:
        return {"seconds": float("nan"), "peak_mb": float("nan"),
                "outcome": "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:70]}
    return json.loads(done.stdout)


def main() -> None:
    found = inputs()
    print(f"{'read_workbook':<40} {'s':>7} {'peak MB':>8} {'t/goal':>7} {'mem/goal':>8}  outcome")
    for label, path in found:
        r = run("read_workbook", path)
        print(f"{label:<40} {r['seconds']:7.2f} {r['peak_mb']:8.0f} {r['seconds'] / GOAL_SECONDS:7.2f} "
              f"{r['peak_mb'] / GOAL_MB:8.2f}  {r['outcome']}")
    print()
    print(f"{'bare reading, same .xlsx files':<40} {'kinerja s/MB':>14} {'openpyxl s/MB':>15} {'calamine s/MB':>15}")
    for label, path in found:
        if path.suffix != ".xlsx" or "bomb" in label:
            continue
        cols = [run(how, path) for how in ("kinerja", "openpyxl", "calamine")]
        print(f"{label:<40} " + " ".join(f"{c['seconds']:7.2f}/{c['peak_mb']:<6.0f}" for c in cols))
    print("\nopenpyxl and calamine on the bombs are not run: both follow the declared or extreme cells "
          "(measured before: >6 GB).")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
    else:
        main()
