"""Read "XML Spreadsheet 2003" files (SpreadsheetML), which web apps (PHPExcel's Excel2003XML and
many PHP exports) save as .xls and Excel opens as a workbook.

<Workbook> holds <Styles> (each with a <NumberFormat ss:Format>, a code such as 0.00"%" or a name
such as "Percent") and <Worksheet ss:Name> sheets whose <Table> lists <Row>/<Cell> with optional
ss:Index (1-based, rows and cells left out are empty), ss:MergeAcross / ss:MergeDown and a typed
<Data ss:Type="Number|String|DateTime|Boolean|Error">. The declared ExpandedRowCount is ignored;
cells are checked against the limits in kinerja.ingest.grid as they are read, like any sheet.
"""
from __future__ import annotations

from datetime import datetime

from kinerja.ingest import numfmt
from kinerja.ingest.grid import (
    MAX_SHEETS,
    MAX_TEXT,
    Cell,
    Grid,
    ReadError,
    Sheet,
    column_letter,
    excel_date,
    text_cell,
    text_too_long,
)
from kinerja.ingest.zipxml import XmlHandler, parse_bytes

# The named formats of SpreadsheetML (Excel's own names for its built-in formats).
NAMED = {"general": "General", "general number": "General", "fixed": "0.00", "standard": "#,##0.00",
         "percent": "0.00%", "scientific": "0.00E+00", "currency": "#,##0.00", "euro currency": "#,##0.00",
         "short date": "dd/mm/yyyy", "medium date": "dd-mmm-yy", "long date": "dd mmmm yyyy",
         "general date": "dd/mm/yyyy hh:mm", "short time": "hh:mm", "medium time": "hh:mm AM/PM",
         "long time": "hh:mm:ss", "yes/no": "General", "true/false": "General", "on/off": "General"}


def read_xml2003(data: bytes) -> list[Sheet]:
    workbook = Workbook2003()
    parse_bytes(data, workbook, "XML Spreadsheet 2003")
    if not workbook.sheets:
        raise ReadError("berkas XML Spreadsheet 2003 ini tidak berisi lembar. Buka di Excel, simpan sebagai .xlsx, "
                        "lalu unggah lagi.")
    return workbook.sheets


def _local(name: str) -> str:
    return name[name.rfind("}") + 1:]


def _index(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) < 10 else None


class Workbook2003(XmlHandler):
    namespaces = True

    def __init__(self):
        self.sheets: list[Sheet] = []
        self.budget = [0, 0]
        self.formats: dict[str, str] = {}
        self.style: str | None = None
        self.grid: Grid | None = None
        self.hidden = False
        self.in_visible = False
        self.row = -1
        self.row_span = 0
        self.col = -1
        self.cell: dict[str, str] | None = None
        self.data_type: str | None = None
        self.parts: list[str] = []
        self.length = 0
        self.in_data = 0
        self.skip = 0   # inside a <Comment>

    def start(self, name, attrs):
        name = _local(name)
        attrs = {_local(k): v for k, v in attrs.items()} if attrs else attrs
        if self.skip:
            self.skip += 1
        elif self.in_data:
            self.in_data += 1   # rich text: <B>, <Font>, … inside <Data>
        elif name == "Cell" and self.grid is not None:
            self.grid.element()
            self.col = (_index(attrs.get("Index")) or self.col + 2) - 1
            self.cell, self.data_type, self.parts, self.length = attrs, None, [], 0
        elif name == "Data" and self.cell is not None:
            self.in_data = 1
            self.data_type = attrs.get("Type", "String")
        elif name == "Comment":
            self.skip = 1
        elif name == "Row" and self.grid is not None:
            self.row = (_index(attrs.get("Index")) or self.row + 2) - 1
            self.col = -1
            self.row_span = _index(attrs.get("Span")) or 0   # rows alike after this one
        elif name == "Worksheet":
            if len(self.sheets) >= MAX_SHEETS:
                raise ReadError(f"berkas berisi lebih dari {MAX_SHEETS} lembar. Hapus lembar yang tidak perlu, lalu "
                                "unggah lagi.")
            self.grid = Grid(attrs.get("Name", f"Sheet{len(self.sheets) + 1}"), self.budget)
            self.hidden, self.row = False, -1
        elif name == "Visible":
            self.in_visible = True
            self.parts = []
        elif name == "Style":
            self.style = attrs.get("ID")
        elif name == "NumberFormat" and self.style:
            code = attrs.get("Format", "General")[:1000]
            self.formats[self.style] = NAMED.get(code.lower(), code)

    def end(self, name):
        name = _local(name)
        if self.skip:
            self.skip -= 1
        elif self.in_data > 1:
            self.in_data -= 1
        elif name == "Data" and self.in_data:
            self.in_data = 0
        elif name == "Cell" and self.cell is not None:
            self.end_cell()
        elif name == "Row" and self.grid is not None:
            self.row += self.row_span
        elif name == "Worksheet" and self.grid is not None:
            self.sheets.append(self.grid.sheet(self.hidden))
            self.grid = None
        elif name == "Visible":
            self.in_visible = False
            self.hidden = "".join(self.parts).strip() in ("SheetHidden", "SheetVeryHidden")
        elif name == "Style":
            self.style = None

    def text(self, data):
        if self.skip:
            return
        if self.in_data or self.in_visible:
            self.length += len(data)
            if self.length > MAX_TEXT:
                raise text_too_long(self.grid.name if self.grid else "?",
                                    f"sel {column_letter(max(self.col, 0))}{self.row + 1}", MAX_TEXT)
            self.parts.append(data)

    def end_cell(self) -> None:
        attrs, self.cell = self.cell, None
        raw = "".join(self.parts).strip()
        cell = self.typed(raw, attrs) if self.data_type else None
        if cell is None and attrs.get("Formula") and not raw:
            cell = Cell(attrs["Formula"][:1000], "formula_no_value")
        if cell is not None:
            self.grid.put(self.row, self.col, cell)
        across, down = _index(attrs.get("MergeAcross")) or 0, _index(attrs.get("MergeDown")) or 0
        if across or down:
            self.grid.merge(self.row, self.col, self.row + down, self.col + across)
        self.col += across

    def typed(self, raw: str, attrs: dict[str, str]) -> Cell | None:
        kind = self.data_type
        if not raw:
            return None
        code = self.formats.get(attrs.get("StyleID", ""))
        if kind == "Number":
            try:
                value = float(raw) if any(ch in raw for ch in ".eEnN") else int(raw)
            except ValueError:
                return text_cell(raw)
            shown = numfmt.shown_as(code, value)
            if shown == "date":
                return Cell(excel_date(value), "date", fmt=code)
            return Cell(value, "number", shown == "percent", code)
        if kind == "DateTime":
            try:
                return Cell(datetime.fromisoformat(raw[:19]), "date", fmt=code)
            except ValueError:
                return text_cell(raw)
        if kind == "Boolean":
            return Cell(raw in ("1", "true", "TRUE"), "bool")
        if kind == "Error":
            return Cell(raw, "error")
        return text_cell(raw)
