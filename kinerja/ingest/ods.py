"""Read LibreOffice / OpenDocument spreadsheets (.ods, ODF 1.2 part 1, section 9) like .xlsx.

One streaming pass over content.xml. A cell's value type says what it holds: "percentage" is a
fraction shown times 100 (like an Excel % format), "float" and "currency" are the number itself
(a "%" typed as text in the format stays text). LibreOffice writes the empty rest of a sheet as
rows and cells "repeated" up to a million times; repeats only advance the position, and a
repeated cell that holds something is checked against the limits before it is kept.
"""
from __future__ import annotations

from datetime import datetime

from kinerja.ingest.grid import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SHEETS,
    MAX_TEXT,
    Cell,
    Grid,
    ReadError,
    Sheet,
    column_letter,
    text_cell,
    text_too_long,
    too_large,
)
from kinerja.ingest.zipxml import Package, XmlHandler

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def is_ods(package: Package) -> bool:
    """An OpenDocument package (content.xml) rather than an OOXML one (ODF 1.2 part 3, 3.3)."""
    return package.has("content.xml") and not package.has("[Content_Types].xml")


def read_ods(package: Package) -> list[Sheet]:
    if package.has("META-INF/manifest.xml"):
        manifest = Manifest()
        package.stream("META-INF/manifest.xml", manifest)
        if manifest.encrypted:
            raise ReadError("berkas .ods terkunci kata sandi. Buka di LibreOffice, hapus kata sandinya (Berkas > "
                            "Simpan Sebagai, tanpa kata sandi), lalu unggah lagi.")
    content = Content()
    package.stream("content.xml", content)
    return content.sheets


class Manifest(XmlHandler):
    def __init__(self):
        self.encrypted = False

    def start(self, name, attrs):
        self.encrypted |= name.endswith("encryption-data")


class Content(XmlHandler):
    namespaces = True

    def __init__(self):
        self.sheets: list[Sheet] = []
        self.budget = [0, 0]
        self.hidden_styles: set[str] = set()
        self.style: str | None = None          # the automatic table style being read
        self.grid: Grid | None = None
        self.hidden = False
        self.row = 0                            # 0-based row of the <table-row> being read
        self.row_repeat = 1
        self.col = 0
        self.cell: dict[str, str] | None = None  # attributes of the cell being read
        self.paragraphs: list[list[str]] = []
        self.length = 0
        self.in_p = 0
        self.skip = 0                           # inside a comment (<office:annotation>)
        self.row_cells: list[tuple[int, int, Cell]] = []

    def start(self, name, attrs):
        name = name[name.rfind("}") + 1:]
        if self.skip:
            self.skip += 1
            return
        if name in ("table-cell", "covered-table-cell") and self.grid is not None:
            self.grid.element()
            self.cell = attrs
            self.paragraphs, self.length = [], 0
        elif name == "p" and self.cell is not None:
            self.in_p += 1
            if self.in_p == 1:
                self.paragraphs.append([])
        elif name == "s" and self.in_p:
            self.add(" " * min(_int(attrs.get(TEXT + "c"), 1), MAX_TEXT + 1))
        elif name == "tab" and self.in_p:
            self.add("\t")
        elif name == "line-break" and self.in_p:
            self.add("\n")
        elif name == "annotation":
            self.skip = 1
        elif name == "table-row" and self.grid is not None:
            self.row_repeat = max(1, _int(attrs.get(TABLE + "number-rows-repeated"), 1))
            self.col = 0
            self.row_cells = []
        elif name == "table":
            if len(self.sheets) >= MAX_SHEETS:
                raise ReadError(f"berkas berisi lebih dari {MAX_SHEETS} lembar. Hapus lembar yang tidak perlu, "
                                "lalu unggah lagi.")
            self.grid = Grid(attrs.get(TABLE + "name", f"Sheet{len(self.sheets) + 1}"), self.budget)
            self.hidden = attrs.get(TABLE + "style-name") in self.hidden_styles
            self.row = 0
        elif name == "style" and attrs.get(STYLE + "family") == "table":
            self.style = attrs.get(STYLE + "name")
        elif name == "table-properties" and self.style and attrs.get(TABLE + "display") == "false":
            self.hidden_styles.add(self.style)

    def end(self, name):
        name = name[name.rfind("}") + 1:]
        if self.skip:
            self.skip -= 1
            return
        if name in ("table-cell", "covered-table-cell") and self.cell is not None:
            self.end_cell(name)
        elif name == "p" and self.in_p:
            self.in_p -= 1
        elif name == "table-row" and self.grid is not None:
            self.end_row()
        elif name == "table" and self.grid is not None:
            self.sheets.append(self.grid.sheet(self.hidden))
            self.grid = None
        elif name == "style":
            self.style = None

    def text(self, data):
        if self.in_p and not self.skip:
            self.add(data)

    def add(self, data: str) -> None:
        self.length += len(data)
        if self.length > MAX_TEXT:
            raise text_too_long(self.grid.name, f"sel {column_letter(self.col)}{self.row + 1}", MAX_TEXT)
        self.paragraphs[-1].append(data)

    def end_cell(self, name: str) -> None:
        attrs, self.cell = self.cell, None
        repeat = max(1, _int(attrs.get(TABLE + "number-columns-repeated"), 1))
        cell = typed(attrs, "\n".join("".join(p) for p in self.paragraphs)) if name == "table-cell" else None
        if cell is not None:
            last = self.col + repeat - 1
            if last >= MAX_COLUMNS or self.row >= MAX_ROWS:
                raise too_large(self.grid.name, self.row, max(self.col, MAX_COLUMNS) if last >= MAX_COLUMNS
                                else self.col)
            self.row_cells += [(c, cell) for c in range(self.col, last + 1)]
        across = _int(attrs.get(TABLE + "number-columns-spanned"), 1)
        down = _int(attrs.get(TABLE + "number-rows-spanned"), 1)
        if (across > 1 or down > 1) and self.row < MAX_ROWS and self.col < MAX_COLUMNS:
            self.grid.merge(self.row, self.col, self.row + down - 1, self.col + across - 1)
        self.col += repeat

    def end_row(self) -> None:
        if self.row_cells:
            last = self.row + self.row_repeat - 1
            if last >= MAX_ROWS:
                raise too_large(self.grid.name, max(self.row, MAX_ROWS), self.row_cells[0][0])
            for r in range(self.row, last + 1):
                for c, cell in self.row_cells:
                    self.grid.put(r, c, cell)
        self.row += self.row_repeat


def typed(attrs: dict[str, str], shown: str) -> Cell | None:
    """The cell's value by its office:value-type; the text shown when it has none."""
    kind = attrs.get(OFFICE + "value-type")
    if attrs.get(CALCEXT + "value-type") == "error":
        return Cell(shown.strip() or "#NILAI!", "error")
    if kind in ("float", "percentage", "currency"):
        raw = attrs.get(OFFICE + "value", "")
        try:
            value = float(raw) if any(ch in raw for ch in ".eEnN") else int(raw)
        except ValueError:
            return text_cell(shown)
        return Cell(value, "number", kind == "percentage")
    if kind == "date":
        raw = attrs.get(OFFICE + "date-value", "")
        try:
            return Cell(datetime.fromisoformat(raw), "date")
        except ValueError:
            return Cell(shown.strip() or raw, "date")
    if kind == "time":
        return Cell(shown.strip() or attrs.get(OFFICE + "time-value", ""), "date")
    if kind == "boolean":
        return Cell(attrs.get(OFFICE + "boolean-value", "").lower() == "true", "bool")
    if kind == "string" and OFFICE + "string-value" in attrs:
        shown = attrs[OFFICE + "string-value"][:MAX_TEXT]
    return text_cell(shown)


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default
