"""The audit trail as an .xlsx workbook (Audit page): one row per change, every user text written as
text (never a formula or a link)."""
from __future__ import annotations

import io

import pandas as pd
import xlsxwriter

from kinerja.collect.audit import ACTIONS
from kinerja.safety import write_cell

HEADERS = ["Waktu", "Akun", "Dari", "Aksi", "Unit", "Tahun", "Triwulan", "Objek", "Lama", "Baru"]
WIDTHS = [19, 18, 6, 24, 14, 7, 9, 36, 30, 40]


def whole(value) -> int | None:
    return None if pd.isna(value) else int(value)


def audit_xlsx(frame: pd.DataFrame) -> bytes:
    """Rows of audit.trail (columns audit.COLUMNS) as the bytes of a one-sheet workbook "Audit"."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    ws = book.add_worksheet("Audit")
    head = book.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1})
    for c, name in enumerate(HEADERS):
        ws.write_string(0, c, name, head)
    for r, row in enumerate(frame.itertuples(index=False), start=1):
        values = [f"{row.pada:%Y-%m-%d %H:%M:%S}", row.akun, row.sumber.upper(), ACTIONS.get(row.aksi, row.aksi),
                  row.unit, whole(row.tahun), whole(row.triwulan), row.objek, row.lama, row.baru]
        for c, value in enumerate(values):
            write_cell(ws, r, c, None if value is None or pd.isna(value) else value)
    ws.autofilter(0, 0, max(len(frame), 1), len(HEADERS) - 1)
    ws.freeze_panes(1, 0)
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    book.close()
    return out.getvalue()
