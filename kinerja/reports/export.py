"""Export a year's capaian for the evaluation stage; the format follows the file's extension.

.xlsx  The evaluation workbook, sheet "Capaian": per sasaran (merged over its indicators) and
       indicator: No, Sasaran, Indikator, Satuan, Unit, Target, Realisasi TW I-IV, Realisasi s.d. TW,
       Capaian (%), Kategori (filled with the scale's colour), Keterangan; then the average capaian
       and the scale. Real numbers with '#,##0.00'-style formats, which Excel shows with the
       reader's locale separators (94,83 in Indonesian). A4 landscape, fit to width, header repeated.

.csv / .parquet  The long format, one row per indicator × period × measure:
    tahun      int   the year
    triwulan   int   1-4 the quarter (measures to date mean: at the end of that quarter);
                     0 the whole year. With a quarter asked, only quarters 1 up to it.
    unit       text  unit code (SEKRETARIAT, MUTASI, ...)
    sasaran    text  the Renstra sasaran, empty when the indicator has none
    kode       text  the indicator's code, empty when it has none
    indikator  text  the indicator's name
    satuan     text
    ukuran     text  the measure:
                     target          the period's own target (triwulan 0: the annual target)
                     realisasi       the quarter's own realisation as reported (quarters only)
                     target_sd       target to date that capaian is computed against
                     realisasi_sd    realisation to date (sum, latest or mean, per agregasi)
                     capaian_persen  capaian to date in %, rounded to 2 decimals, not capped
                     kategori        the band of the active scale (in teks)
                     keterangan      why capaian is empty, and flags (in teks)
    nilai      number  the value, dot as decimal separator; empty for a range target and for text
    teks       text  a range target as written ("80 - 90"), the kategori or the keterangan
A measure without a value has no row: an absent row is missing data, never zero. CSV is UTF-8 with
a comma between fields; text that a spreadsheet would take for a formula starts with a quote (').

-excel.csv  (the Ekspor page's second CSV; never chosen by an --out name, whose .csv stays the above)
       The same rows and columns in the dialect Excel opens by a double click in an Indonesian locale:
       ';' between fields, decimal comma in nilai, UTF-8 with a byte-order mark, CRLF line ends.

A demo database (pengaturan data_demo) is said in the .xlsx and .docx on every page, in the
.parquet's schema metadata (kinerja:sumber_data = demo), and on the Ekspor page in the file names;
the CSV rows carry no mark: a column or a comment line would break the fixed long format
(spec/cli.md) for every program that reads it.

.docx  The LKjIP Bab III draft (kinerja.lkjip), written into a template users can replace.
"""
from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd
import xlsxwriter

from kinerja.collect import siklus
from kinerja.engine.capaian import capaian, skala
from kinerja.engine.summaries import TERUKUR, kategori_shown
from kinerja.present.tables import readable
from kinerja.present.xlsx_formats import (
    Formats,
    band,
    fit_row,
    merge_runs,
    print_setup,
    write_number,
)
from kinerja.reports.evaluasi import Evaluasi, evaluasi, is_demo
from kinerja.reports.workbook import (
    demo_line,
    mark,
    text,
    write_analisis,
    write_bab3,
    write_data,
    write_e81,
    write_notes,
)
from kinerja.safety import csv_safe, is_number, write_cell
from kinerja.store.db import setting
from kinerja.values import plain
from kinerja.vocab import ROMAN

LONG_COLUMNS = ["tahun", "triwulan", "unit", "sasaran", "kode", "indikator", "satuan", "ukuran", "nilai", "teks"]
TEXT_COLUMNS = ["unit", "sasaran", "kode", "indikator", "satuan", "teks"]
# measure -> column of the capaian table at the end of the period
TO_DATE = {"target_sd": "target", "realisasi_sd": "realisasi", "capaian_persen": "capaian_persen",
           "kategori": "kategori", "keterangan": "keterangan"}
MEASURES = ["target", "realisasi", *TO_DATE]


class ExportError(ValueError):
    """An export that cannot be made; the message is for the user, in Bahasa Indonesia."""


def export(con: duckdb.DuckDBPyConnection, tahun: int, out: Path, triwulan: int | None = None,
           template: Path | None = None) -> Path:
    """Write the export for `tahun` (to the end of `triwulan` when given) to `out`; returns `out`.
    `template`: the .docx the LKjIP draft is written into (kinerja.lkjip)."""
    out = Path(out)
    content = export_bytes(con, tahun, out.suffix.lower() or out.name, triwulan, template)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    return out


EXCEL_CSV = "-excel.csv"


def export_bytes(con: duckdb.DuckDBPyConnection, tahun: int, suffix: str, triwulan: int | None = None,
                 template: Path | None = None, analisis=None) -> bytes:
    """The export as bytes (for a download button or a file); suffix .xlsx, .docx, .csv,
    -excel.csv (EXCEL_CSV) or .parquet; any other is an ExportError. `analisis`: the Jafung's text
    for the .docx (kinerja.reports.lkjip.Analisis)."""
    from kinerja.reports.lkjip import TemplateError, write_lkjip

    buffer = io.BytesIO()
    if suffix == ".xlsx":
        write_workbook(con, tahun, triwulan, buffer)
    elif suffix == ".docx":
        try:
            write_lkjip(con, tahun, triwulan, buffer, template, analisis)
        except TemplateError as exc:
            raise ExportError(str(exc)) from exc
    elif suffix == ".csv":
        to_csv(long_format(con, tahun, triwulan), buffer)
    elif suffix == EXCEL_CSV:
        to_csv(long_format(con, tahun, triwulan), buffer, excel=True)
    elif suffix == ".parquet":
        to_parquet(long_format(con, tahun, triwulan), buffer, is_demo(con))
    else:
        raise ExportError(f"format '{suffix}' tidak dikenal. Pakai .xlsx, .docx, .csv atau .parquet.")
    return buffer.getvalue()


# --------------------------------------------------------------------------- long format


def long_format(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None = None) -> pd.DataFrame:
    """The long table documented above, ordered by unit, indicator, period and measure."""
    periods = list(range(1, (triwulan or 4) + 1)) + ([] if triwulan else [0])
    records = []
    for period in periods:
        frame = capaian(con, tahun, period or None)
        own_target = f"target_tw{period}" if period else "target_tahunan"
        for position, row in enumerate(frame.itertuples(index=False)):
            values = {"target": getattr(row, own_target),
                      "realisasi": getattr(row, f"realisasi_tw{period}") if period else None,
                      **{m: getattr(row, column) for m, column in TO_DATE.items()}}
            for order, measure in enumerate(MEASURES):
                nilai, teks = split_value(values[measure])
                if nilai is None and teks is None:
                    continue
                records.append({
                    "tahun": tahun, "triwulan": period, "unit": row.unit, "sasaran": text(row.sasaran),
                    "kode": text(row.kode), "indikator": row.indikator, "satuan": text(row.satuan),
                    "ukuran": measure, "nilai": nilai, "teks": teks,
                    "_indikator": row.indikator_id, "_urut": order,
                })
    frame = pd.DataFrame(records, columns=LONG_COLUMNS + ["_indikator", "_urut"])
    frame = frame.sort_values(["unit", "_indikator", "triwulan", "_urut"], kind="stable")
    frame = frame[LONG_COLUMNS].reset_index(drop=True)
    return frame.astype({"tahun": "int64", "triwulan": "int64", "nilai": "float64"})


def split_value(value) -> tuple[float | None, str | None]:
    """(nilai, teks): numbers go to nilai, texts (ranges, kategori, keterangan) to teks."""
    if is_number(value):
        return float(value), None
    return None, text(value) or None


def to_csv(frame: pd.DataFrame, out, excel: bool = False) -> None:
    """Decimals written exactly as stored ("94.83", never "94.830000" or "9.483e1"); with `excel`
    the Indonesian Excel dialect ("94,83", ';' between fields, BOM, CRLF)."""
    frame = frame.copy()
    frame["nilai"] = [(plain(v).replace(".", ",") if excel else plain(v)) if pd.notna(v) else None
                      for v in frame["nilai"]]
    for column in TEXT_COLUMNS:
        frame[column] = [csv_safe(v) if isinstance(v, str) else v for v in frame[column]]
    if excel:
        frame.to_csv(out, index=False, sep=";", encoding="utf-8-sig", lineterminator="\r\n")
    else:
        frame.to_csv(out, index=False, encoding="utf-8", lineterminator="\n")


def to_parquet(frame: pd.DataFrame, out, demo: bool) -> None:
    """The long format, typed; a demo database says so in the schema metadata (kinerja:sumber_data),
    where readers that do not look for it never see it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    if demo:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"kinerja:sumber_data": b"demo"})
    pq.write_table(table, out)


# --------------------------------------------------------------------------- evaluation workbook


HEADERS = ["No", "Sasaran", "Indikator", "Satuan", "Unit", "Target", "TW I", "TW II", "TW III", "TW IV",
           "Realisasi s.d. TW", "Capaian (%)", "Kategori", "Keterangan", "Catatan"]
WIDTHS = [5, 20, 30, 8, 16, 10, 9, 9, 9, 9, 11, 9, 12, 24, 20]  # narrow enough to print readable on A4
C = {name: i for i, name in enumerate(HEADERS)}
TW_COLUMNS = {q: C[f"TW {ROMAN[q]}"] for q in (1, 2, 3, 4)}


def write_workbook(con: duckdb.DuckDBPyConnection, tahun: int, triwulan: int | None, out) -> None:
    """Sheets Capaian, Formulir E.81, LKjIP Bab III, Analisis Kinerja and Data, all from one
    Evaluasi; the Jafung's analysis as stored for the year (kinerja.collect.siklus.analisis), a
    quarter's workbook with its places only, as the .docx draft."""
    ev = evaluasi(con, tahun, triwulan)
    instansi = setting(con, "nama_instansi")
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    formats = Formats(workbook, {"font_name": "Arial", "font_size": 9})
    write_capaian(con, workbook, formats, ev, instansi)
    write_e81(workbook, formats, ev, instansi)
    write_bab3(workbook, formats, ev, instansi)
    write_analisis(workbook, formats, ev, instansi, siklus.analisis(con, tahun) if triwulan is None else None)
    write_data(workbook, formats, long_format(con, tahun, triwulan), ev.demo)
    workbook.close()


def write_capaian(con, workbook, formats: Formats, ev: Evaluasi, instansi: str) -> None:
    frame, tahun, triwulan = ev.capaian, ev.tahun, ev.triwulan
    ws = workbook.add_worksheet("Capaian")
    period = f"S.D. TRIWULAN {ROMAN[triwulan]} TAHUN {tahun}" if triwulan else f"TAHUN {tahun}"
    ws.write_string(0, 0, f"EVALUASI CAPAIAN KINERJA {period}", formats(bold=True, font_size=13))
    write_cell(ws, 1, 0, instansi, formats(bold=True))
    demo_line(ws, formats, 2, ev)
    header = 3
    write_header(ws, formats, header, triwulan)
    first = header + 2
    notes = dict(zip(ev.catatan["indikator_id"], ev.catatan["ket"]))
    last = write_body(ws, formats, first, frame, triwulan, notes)
    write_footer(con, ws, formats, last + 1, ev)
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    ws.freeze_panes(first, 0)
    print_setup(ws, header, header + 1, f"Capaian kinerja {period.lower()}", mark=mark(ev))


def write_header(ws, formats: Formats, r: int, triwulan: int | None) -> None:
    style = formats(bold=True, text_wrap=True, align="center", valign="vcenter", border=1, bg_color="#D9D9D9")
    labels = dict(zip(HEADERS, HEADERS))
    quarter = f"TW {ROMAN[triwulan or 4]}"
    labels["Target"] = f"Target s.d. {quarter}" if triwulan else "Target"
    labels["Realisasi s.d. TW"] = f"Realisasi s.d. {quarter}"
    for name, c in C.items():
        if c in TW_COLUMNS.values():
            ws.write_string(r + 1, c, name, style)
        else:
            ws.merge_range(r, c, r + 1, c, "", style)
            ws.write_string(r, c, labels[name], style)
    ws.merge_range(r, TW_COLUMNS[1], r, TW_COLUMNS[4], "", style)
    ws.write_string(r, TW_COLUMNS[1], "Realisasi", style)


def write_body(ws, formats: Formats, first: int, frame: pd.DataFrame, triwulan: int | None,
               notes: dict) -> int:
    """The indicator rows from row `first`; returns the last row written."""
    cell = dict(border=1, valign="top", text_wrap=True)
    if frame.empty:
        ws.merge_range(first, 0, first, len(HEADERS) - 1, "", formats(**cell))
        ws.write_string(first, 0, "Belum ada data capaian untuk periode ini.", formats(**cell, italic=True))
        return first
    kategori = list(kategori_shown(frame))
    for i, row in enumerate(frame.itertuples(index=False)):
        r = first + i
        write_cell(ws, r, C["Indikator"], row.indikator, formats(**cell))
        write_cell(ws, r, C["Satuan"], text(row.satuan), formats(**cell, align="center"))
        write_cell(ws, r, C["Unit"], text(row.unit_nama) or row.unit, formats(**cell))
        write_number(ws, formats, r, C["Target"], row.target, cell)
        for q, c in TW_COLUMNS.items():
            shown = triwulan is None or q <= triwulan  # later quarters are not part of this evaluation
            write_number(ws, formats, r, c, getattr(row, f"realisasi_tw{q}") if shown else None, cell)
        write_number(ws, formats, r, C["Realisasi s.d. TW"], row.realisasi, cell)
        write_cell(ws, r, C["Capaian (%)"], row.capaian_persen, formats(**cell, num_format="#,##0.00"))
        measured = row.status_data == TERUKUR  # an incomplete row's partial capaian gets no band
        write_cell(ws, r, C["Kategori"], kategori[i], formats(**cell, **band(row.warna if measured else None)))
        write_cell(ws, r, C["Keterangan"], text(readable(row.keterangan)) or None, formats(**cell))
        write_cell(ws, r, C["Catatan"], text(notes.get(row.indikator_id)), formats(**cell))
        fit_row(ws, r, [(row.indikator, WIDTHS[C["Indikator"]]), (text(row.unit_nama) or row.unit, WIDTHS[C["Unit"]]),
                        (text(readable(row.keterangan)), WIDTHS[C["Keterangan"]]),
                        (text(notes.get(row.indikator_id)), WIDTHS[C["Catatan"]])])
    write_groups(ws, formats(**cell, bold=True), formats(**cell, align="center"), first, frame)
    return first + len(frame) - 1


def write_groups(ws, sasaran_fmt, no_fmt, first: int, frame: pd.DataFrame) -> None:
    """No and Sasaran once per sasaran, merged over its indicators."""
    merge_runs(ws, first, frame["sasaran_id"].tolist(), [
        (C["No"], lambda top, number: number, no_fmt),
        (C["Sasaran"], lambda top, number: text(frame.at[top, "sasaran"]), sasaran_fmt)])


def write_footer(con, ws, formats: Formats, r: int, ev: Evaluasi) -> None:
    """The average capaian with its kategori (Formulir E.81), then the scale that colours it."""
    cell = dict(border=1, bold=True)
    measured = int((ev.capaian["status_data"] == TERUKUR).sum())
    ws.merge_range(r, 0, r, C["Capaian (%)"] - 1, "", formats(**cell))
    ws.write_string(r, 0, f"Rata-rata capaian ({measured} indikator terukur)", formats(**cell, align="right"))
    write_cell(ws, r, C["Capaian (%)"], ev.rata_rata, formats(**cell, num_format="#,##0.00"))
    found = ev.predikat
    write_cell(ws, r, C["Kategori"], found[0] if found else None, formats(**cell, **band(found and found[1])))
    for c in (C["Keterangan"], C["Catatan"]):
        ws.write_blank(r, c, None, formats(**cell))
    r += 2
    ws.write_string(r, 1, "Skala kategori capaian", formats(bold=True))
    for i, band_row in enumerate(skala(con).itertuples(index=False), start=1):
        bound = f"≥ {plain(band_row.batas_bawah).replace('.', ',')}" if pd.notna(band_row.batas_bawah) else "lainnya"
        ws.write_string(r + i, 1, bound)
        write_cell(ws, r + i, 2, band_row.kategori, formats(**band(band_row.warna)))
    write_notes(ws, formats, r + len(skala(con)) + 2, ev)
