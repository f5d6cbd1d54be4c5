"""The evaluation workbook's sheets after "Capaian": Formulir E.81, LKjIP Bab III, Analisis Kinerja, Data.

Every sheet prints landscape, one page wide, its header rows repeated, page numbers in the footer
(Formulir E.81 on A3: its 25 columns are unreadable on A4; the others on A4); a demo database's
sheets say DATA DEMO at the top of every printed page and under the title; user text goes through
kinerja.safety.write_cell (text, never a formula); numbers stay numbers with formats that Excel
shows in the reader's locale (1.900.000.000 and 94,83 in Indonesian).
"""
from __future__ import annotations

import pandas as pd

from kinerja.collect import siklus
from kinerja.engine.summaries import kategori_shown
from kinerja.present.tables import readable
from kinerja.present.xlsx_formats import (
    A3,
    Formats,
    band,
    fit_row,
    merge_runs,
    number_width,
    pieces,
    print_setup,
    write_number,
)
from kinerja.reports.bab3 import Tabel, groups, periode, tables
from kinerja.reports.evaluasi import DEMO_MARK, DEMO_NOTE, FAKTOR, Evaluasi
from kinerja.safety import printable, write_cell
from kinerja.vocab import E81_KOLOM, ROMAN

PERSEN = "#,##0.00"
CELL = dict(border=1, valign="top", text_wrap=True)
HEAD = dict(bold=True, text_wrap=True, align="center", valign="vcenter", border=1, bg_color="#D9D9D9")

# Formulir E.81 columns (0-based): 1-4 text, 5-14 a K and an Rp column each, 15 the unit.
E81_TEKS = {1: "No", 2: "Sasaran", 3: "Program/Kegiatan",
            4: "Indikator Kinerja Program (outcome)/Kegiatan (output)"}
E81_UNIT = "Unit Penanggung Jawab"


def k_col(n: int) -> int:
    return 4 + 2 * (n - 5)


UNIT_COL = k_col(14) + 2
E81_FOOTER = ["Rata-rata capaian kinerja (%)", "Predikat kinerja", *FAKTOR.values()]


# --------------------------------------------------------------------------- Formulir E.81


def write_e81(workbook, formats: Formats, ev: Evaluasi, instansi: str) -> None:
    ws = workbook.add_worksheet("Formulir E.81")
    title = formats(bold=True, font_size=12)
    ws.write_string(0, 0, "FORMULIR E.81", title)
    ws.write_string(1, 0, "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", title)
    write_cell(ws, 2, 0, f"LINGKUP {instansi}", formats(bold=True))
    ws.write_string(3, 0, f"Periode pelaksanaan: {periode(ev)} (Permendagri Nomor 86 Tahun 2017)")
    demo_line(ws, formats, 4, ev)
    h = 5
    head = formats(**HEAD)
    for c, label in enumerate(E81_TEKS.values()):
        ws.merge_range(h, c, h + 2, c, label, head)
    ws.merge_range(h, UNIT_COL, h + 2, UNIT_COL, E81_UNIT, head)
    for n, label in E81_KOLOM.items():
        c = k_col(n)
        if n in (8, 9, 10, 11):
            ws.merge_range(h + 1, c, h + 1, c + 1, f"Triwulan {ROMAN[n - 7]}", head)
        else:
            ws.merge_range(h, c, h + 1, c + 1, label, head)
        ws.write_string(h + 2, c, "K", head)
        ws.write_string(h + 2, c + 1, "Rp", head)
    ws.merge_range(h, k_col(8), h, k_col(11) + 1, "Realisasi kinerja dan anggaran Renja pada triwulan", head)
    widths = e81_widths(ev.e81)
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    # the labels merged over rows h and h + 1 wrap inside their K and Rp columns
    labels = [(label, widths[k_col(n)] + widths[k_col(n) + 1])
              for n, label in E81_KOLOM.items() if n not in (8, 9, 10, 11)]
    labels += [(label, widths[c]) for c, label in enumerate(E81_TEKS.values())] + [(E81_UNIT, widths[UNIT_COL])]
    fit_row(ws, h + 1, labels)
    # the form's column numbers: 1-4, 5-14 over each K/Rp pair, 15
    number = formats(**HEAD, italic=True)
    for c in range(4):
        ws.write_number(h + 3, c, c + 1, number)
    for n in E81_KOLOM:
        ws.merge_range(h + 3, k_col(n), h + 3, k_col(n) + 1, n, number)
    ws.write_number(h + 3, UNIT_COL, 15, number)
    first = h + 4
    last = write_e81_body(ws, formats, first, ev.e81, widths)
    write_e81_footer(ws, formats, last + 1, ev, widths)
    ws.freeze_panes(first, 4)
    print_setup(ws, h, h + 3, f"Formulir E.81 {periode(ev)}", paper=A3, mark=mark(ev))


def e81_widths(rows: pd.DataFrame) -> list[float]:
    """Column widths of the E.81: text columns fixed, each K and Rp column as wide as its longest
    number (so the form stays readable on one A3 page across)."""
    widths = [4, 16, 20, 28]
    for n in E81_KOLOM:
        for kind in ("k", "rp"):
            widths.append(number_width(rows[f"{kind}{n}"] if len(rows) else [], minimum=6 if kind == "k" else 8))
    return widths + [14]


def write_e81_body(ws, formats: Formats, first: int, rows: pd.DataFrame, widths: list[float]) -> int:
    if rows.empty:
        ws.merge_range(first, 0, first, UNIT_COL, "", formats(**CELL))
        ws.write_string(first, 0, "Belum ada data untuk periode ini.", formats(**CELL, italic=True))
        return first
    for i, row in enumerate(rows.to_dict("records")):
        r = first + i
        bold = row["jenis"] in ("program", "kegiatan")
        write_cell(ws, r, 2, row["program_kegiatan"], formats(**CELL, bold=bold))
        indikator = row["indikator"]
        if indikator is not None and row["satuan"]:
            indikator = f"{indikator} ({row['satuan']})"
        if indikator is not None and row["belum_dikonfirmasi"]:
            indikator = f"{indikator} [{readable(row['belum_dikonfirmasi'])} ditebak: belum dikonfirmasi]"
        write_cell(ws, r, 3, indikator, formats(**CELL))
        for n in E81_KOLOM:
            for kind, c in (("k", k_col(n)), ("rp", k_col(n) + 1)):
                value = row[f"{kind}{n}"]
                if n == 14:
                    write_cell(ws, r, c, value, formats(**CELL, num_format=PERSEN))
                else:
                    write_number(ws, formats, r, c, value, {**CELL, "bold": bold})
        write_cell(ws, r, UNIT_COL, row["unit"], formats(**CELL))
        fit_row(ws, r, [(row["program_kegiatan"], widths[2]), (indikator, widths[3]), (row["unit"], widths[UNIT_COL])])
    merge_runs(ws, first, rows["no"].tolist(), [
        (0, lambda top, number: rows.at[top, "no"], formats(**CELL, align="center")),
        (1, lambda top, number: rows.at[top, "sasaran"], formats(**CELL, bold=True))])
    return first + len(rows) - 1


def write_e81_footer(ws, formats: Formats, r: int, ev: Evaluasi, widths: list[float]) -> None:
    """Rata-rata capaian (the period's mean capaian, as on the dashboard; Rp: mean serapan),
    predikat on the category scale, then the factors and follow-ups the units recorded, or room
    to write them."""
    label = formats(**CELL, bold=True)
    for i, name in enumerate(E81_FOOTER):
        ws.merge_range(r + i, 0, r + i, 3, "", label)
        ws.write_string(r + i, 0, name, label)
    k, rp = k_col(14), k_col(14) + 1
    ws.merge_range(r, 4, r, k - 1, "", label)
    ws.write_string(r, 4, "Capaian kinerja (K) dan serapan anggaran (Rp) rata-rata", formats(**CELL, italic=True))
    write_cell(ws, r, k, ev.rata_rata, formats(**CELL, bold=True, num_format=PERSEN))
    write_cell(ws, r, rp, ev.rata_serapan, formats(**CELL, bold=True, num_format=PERSEN))
    ws.write_blank(r, UNIT_COL, None, label)
    ws.merge_range(r + 1, 4, r + 1, k - 1, "", label)
    write_cell(ws, r + 1, k, ev.predikat[0] if ev.predikat else None,
               formats(**CELL, bold=True, **band(ev.predikat and ev.predikat[1])))
    ws.write_blank(r + 1, rp, None, label)
    ws.write_blank(r + 1, UNIT_COL, None, label)
    for i, key in enumerate(FAKTOR, start=2):
        text = faktor_text(ev, key)
        ws.merge_range(r + i, 4, r + i, UNIT_COL, "", formats(**CELL))
        write_cell(ws, r + i, 4, text, formats(**CELL))
        fit_row(ws, r + i, [(text, sum(widths[4:]))], minimum=30)
    write_notes(ws, formats, r + len(E81_FOOTER) + 1, ev)


def write_notes(ws, formats: Formats, r: int, ev: Evaluasi) -> int:
    """Evaluasi.catatan_data under a sheet's table, one line a row; returns the next free row."""
    if ev.catatan_data:
        ws.write_string(r, 0, "Catatan data", formats(bold=True))
    for i, line in enumerate(ev.catatan_data, start=1):
        write_cell(ws, r + i, 0, line, formats(italic=True))
    return r + len(ev.catatan_data) + 1


def faktor_text(ev: Evaluasi, key: str) -> str | None:
    """The recorded notes of one kind, one line per indicator ("indikator: note"). Where no faktor
    penghambat is recorded for an indicator, the unit's KET note stands for it."""
    values = ev.catatan[key]
    if key == "faktor_penghambat":
        values = values.where(values.notna(), ev.catatan["ket"])
    names = dict(zip(ev.capaian["indikator_id"], ev.capaian["indikator"]))
    lines = [f"{names[i]}: {v}" for i, v in zip(ev.catatan["indikator_id"], values)
             if i in names and isinstance(v, str) and v.strip()]
    return "\n".join(lines) or None


# --------------------------------------------------------------------------- LKjIP Bab III


# Columns of the Bab III sheet, shared by its four tables: text where the tables hold text (3.3's
# Pembanding in column 3 and Keterangan in column 7), numbers elsewhere.
BAB3_WIDTHS = [5, 30, 30, 20, 12, 12, 12, 22]
BAB3_NUMBER = 12


def write_bab3(workbook, formats: Formats, ev: Evaluasi, instansi: str) -> None:
    ws = workbook.add_worksheet("LKjIP Bab III")
    ws.write_string(0, 0, f"LKjIP BAB III: AKUNTABILITAS KINERJA {periode(ev).upper()}", formats(bold=True, font_size=12))
    write_cell(ws, 1, 0, instansi, formats(bold=True))
    demo_line(ws, formats, 2, ev)
    r = 3
    bab3 = tables(ev)
    widest = max(len(tabel.kolom) for tabel in bab3)
    widths = (BAB3_WIDTHS + [BAB3_NUMBER] * widest)[:widest]
    starts = []
    for tabel in bab3:
        starts.append(r)
        r = write_table(ws, formats, r, tabel, widths) + 2
    ws.set_h_pagebreaks(starts[1:])  # each table from the top of a page, its header with it
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    print_setup(ws, 0, 1, f"LKjIP Bab III {periode(ev)}", mark=mark(ev))


def write_table(ws, formats: Formats, r: int, tabel: Tabel, widths: list[float]) -> int:
    """Title, header and rows from row r, each row as tall as its text; returns the last row written."""
    ws.write_string(r, 0, tabel.judul, formats(bold=True))
    for c, (header, _) in enumerate(tabel.kolom):
        ws.write_string(r + 1, c, header, formats(**HEAD))
    fit_row(ws, r + 1, [(header, widths[c]) for c, (header, _) in enumerate(tabel.kolom)])
    if not tabel.baris:
        ws.merge_range(r + 2, 0, r + 2, len(tabel.kolom) - 1, "", formats(**CELL))
        ws.write_string(r + 2, 0, "Belum ada data.", formats(**CELL, italic=True))
        return r + 2
    for i, row in enumerate(tabel.baris, start=r + 2):
        for c, ((_, kind), value) in enumerate(zip(tabel.kolom, row)):
            if kind == "persen":
                write_cell(ws, i, c, value, formats(**CELL, num_format=PERSEN))
            elif kind in ("angka", "rp"):
                write_number(ws, formats, i, c, value, CELL)
            else:
                write_cell(ws, i, c, value, formats(**CELL))
        fit_row(ws, i, [(value, widths[c]) for c, ((_, kind), value) in enumerate(zip(tabel.kolom, row))
                        if kind == "teks"])
    return r + 1 + len(tabel.baris)


# --------------------------------------------------------------------------- Analisis Kinerja


# The Jafung Perencana's analysis (SOP step 4) as kinerja.collect.siklus stores it: column -> header.
ANALISIS_KOLOM = siklus.ANALISIS_TEKS
ANALISIS_HEADERS = ["No", "Sasaran / Indikator Kinerja", "Unit", "Capaian (%)", "Kategori",
                    *ANALISIS_KOLOM.values(), "Ditulis oleh"]
ANALISIS_WIDTHS = [6, 32, 14, 9, 12, 34, 34, 30, 15]
BELUM_DITULIS = "Belum ditulis"
TRIWULAN_NOTE = ("Analisis Jafung Perencana ditulis atas capaian setahun (langkah 4 siklus LKjIP); "
                 "dokumen triwulan memuat tempatnya saja.")


def write_analisis(workbook, formats: Formats, ev: Evaluasi, instansi: str, tertulis: pd.DataFrame | None) -> None:
    """Per sasaran (a row of its own) and per indicator under it: capaian and kategori, then the
    Jafung's penyebab, solusi and efisiensi as stored (kinerja.collect.siklus.analisis: sasaran,
    indikator_id, penyebab, solusi, efisiensi, pada, oleh), and who wrote them when. Every kind not
    written says BELUM_DITULIS on a yellow fill, so an unfinished analysis never looks done.
    `tertulis` None: a quarter's workbook, every place a placeholder (the analysis is the year's)."""
    ws = workbook.add_worksheet("Analisis Kinerja")
    ws.write_string(0, 0, f"ANALISIS CAPAIAN KINERJA {periode(ev).upper()}", formats(bold=True, font_size=12))
    write_cell(ws, 1, 0, instansi, formats(bold=True))
    demo_line(ws, formats, 2, ev)
    frame = ev.capaian
    written = tertulis if tertulis is not None else pd.DataFrame(
        columns=["sasaran", "indikator_id", *ANALISIS_KOLOM, "pada", "oleh"])
    per_indikator = {int(r["indikator_id"]): r for r in written.to_dict("records") if pd.notna(r["indikator_id"])}
    per_sasaran = {r["sasaran"]: r for r in written.to_dict("records") if pd.isna(r["indikator_id"])}
    sasaran_list = list(dict.fromkeys(groups(frame)))  # None once for the indicators without one
    if tertulis is None:
        ws.write_string(3, 0, TRIWULAN_NOTE, formats(italic=True))
    else:
        done = sum(1 for i in frame["indikator_id"] if ditulis(per_indikator.get(int(i))))
        named = [s for s in sasaran_list if s]
        done_s = sum(1 for s in named if ditulis(per_sasaran.get(s)))
        ws.write_string(3, 0, f"Analisis ditulis untuk {done} dari {len(frame)} indikator dan {done_s} dari "
                              f"{len(named)} sasaran.", formats(italic=True))
    h = 4
    for c, header in enumerate(ANALISIS_HEADERS):
        ws.write_string(h, c, header, formats(**HEAD))
    fit_row(ws, h, list(zip(ANALISIS_HEADERS, ANALISIS_WIDTHS)))
    r = h + 1
    if frame.empty:
        ws.merge_range(r, 0, r, len(ANALISIS_HEADERS) - 1, "", formats(**CELL))
        ws.write_string(r, 0, "Belum ada data capaian untuk periode ini.", formats(**CELL, italic=True))
    kategori = dict(zip(frame["indikator_id"], kategori_shown(frame)))
    for n, sasaran in enumerate(sasaran_list, 1):
        if sasaran:
            r += write_analysis_row(ws, formats, r, str(n), f"Sasaran: {sasaran}", None, None, None,
                                    per_sasaran.get(sasaran), bold=True)
        elif siklus.TANPA_SASARAN in per_sasaran:  # the Siklus page lets the group be analysed too
            r += write_analysis_row(ws, formats, r, str(n), siklus.TANPA_SASARAN, None, None, None,
                                    per_sasaran[siklus.TANPA_SASARAN], bold=True)
        else:  # no sasaran to analyse: only the group's title
            ws.merge_range(r, 0, r, len(ANALISIS_HEADERS) - 1, "", formats(**CELL, bold=True, bg_color="#F2F2F2"))
            ws.write_string(r, 0, f"{n}  {siklus.TANPA_SASARAN}", formats(**CELL, bold=True, bg_color="#F2F2F2"))
            r += 1
        rows = frame[frame["sasaran"] == sasaran] if sasaran else frame[frame["sasaran"].isna()]
        for m, row in enumerate(rows.itertuples(index=False), 1):
            r += write_analysis_row(ws, formats, r, f"{n}.{m}", row.indikator, text(row.unit_nama) or row.unit,
                                    row.capaian_persen, kategori[row.indikator_id],
                                    per_indikator.get(int(row.indikator_id)))
    for c, width in enumerate(ANALISIS_WIDTHS):
        ws.set_column(c, c, width)
    ws.freeze_panes(h + 1, 0)
    print_setup(ws, h, h, f"Analisis kinerja {periode(ev)}", mark=mark(ev))


def ditulis(record) -> bool:
    return record is not None and any(text(record[k]) and record[k].strip() for k in ANALISIS_KOLOM)


def write_analysis_row(ws, formats: Formats, r: int, number: str, name: str, unit, capaian, kategori,
                       record, bold: bool = False) -> int:
    """One sasaran or indicator of the Analisis Kinerja sheet from row r; `record`: its stored
    analysis or None. A text too long for one row goes on in the rows below (xlsx_formats.pieces),
    the other columns merged over them. Returns the number of rows written."""
    columns = {}
    for c, key in enumerate(ANALISIS_KOLOM, start=5):
        value = printable(record[key]) if record is not None and text(record[key]) else None
        columns[c] = pieces(value.strip(), ANALISIS_WIDTHS[c]) if value and value.strip() else None
    oleh = None
    if ditulis(record):
        pada = pd.Timestamp(record["pada"]) if pd.notna(record["pada"]) else None
        oleh = "\n".join(v for v in (text(record["oleh"]), pada and f"{pada:%d-%m-%Y}") if v)
    height = max([len(p) for p in columns.values() if p] or [1])
    cell = {**CELL, "bg_color": "#F2F2F2"} if bold else CELL  # a sasaran's row stands out as a group row
    for c, value, fmt in [(0, number, formats(**cell, align="center", bold=bold)), (1, name, formats(**cell, bold=bold)),
                          (2, unit, formats(**cell)), (3, capaian, formats(**cell, num_format=PERSEN)),
                          (4, kategori, formats(**cell, align="center")), (8, oleh, formats(**cell))]:
        span(ws, r, c, height, value, fmt)
    for c, found in columns.items():
        if found is None:
            span(ws, r, c, height, BELUM_DITULIS, formats(**CELL, italic=True, bg_color="#FFF2CC"))
            continue
        for i, piece in enumerate(found):
            span(ws, r + i, c, height - i if i == len(found) - 1 else 1, piece, formats(**CELL))
    for i in range(height):
        cells = [(found[i], ANALISIS_WIDTHS[c]) for c, found in columns.items() if found and i < len(found)]
        if i == 0:
            cells += [(name, ANALISIS_WIDTHS[1]), (unit, ANALISIS_WIDTHS[2]), (oleh, ANALISIS_WIDTHS[8])]
        fit_row(ws, r + i, cells)
    return height


def span(ws, r: int, c: int, rows: int, value, fmt) -> None:
    """`value` in column c from row r, merged over `rows` rows."""
    if rows > 1:
        ws.merge_range(r, c, r + rows - 1, c, "", fmt)
    write_cell(ws, r, c, value, fmt)


def text(value) -> str | None:
    """The value when it is text, else None (a missing value reads NaN)."""
    return value if isinstance(value, str) else None


# --------------------------------------------------------------------------- Data


def write_data(workbook, formats: Formats, frame: pd.DataFrame, demo: bool = False) -> None:
    """The long format as a plain table for pivot tables: one header row, no merged cells (a demo
    database's mark only in the printed page header, so the table stays one for machines)."""
    ws = workbook.add_worksheet("Data")
    head = formats(bold=True, bg_color="#D9D9D9", border=1)
    for c, name in enumerate(frame.columns):
        ws.write_string(0, c, name, head)
    for r, row in enumerate(frame.itertuples(index=False), start=1):
        for c, value in enumerate(row):
            write_cell(ws, r, c, value)
    ws.autofilter(0, 0, max(len(frame), 1), len(frame.columns) - 1)
    ws.freeze_panes(1, 0)
    for c, width in enumerate([6, 8, 14, 30, 10, 40, 10, 14, 12, 20]):
        ws.set_column(c, c, width)
    print_setup(ws, 0, 0, "Data (format panjang)", mark=DEMO_MARK if demo else None)


def mark(ev: Evaluasi) -> str | None:
    """The mark a demo database's printed pages carry at the top."""
    return DEMO_MARK if ev.demo else None


def demo_line(ws, formats: Formats, r: int, ev: Evaluasi) -> None:
    """DATA DEMO under a sheet's title (row r is free), for a demo database."""
    if ev.demo:
        ws.write_string(r, 0, DEMO_NOTE, formats(bold=True, font_color="#C00000"))
