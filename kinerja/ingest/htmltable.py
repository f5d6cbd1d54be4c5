"""Read the tables of an HTML page saved as .xls / .xlsx, as web e-SAKIP apps export "Excel".

Their download is the page's <table> (often with a BOM) named .xls; Excel and LibreOffice open it
as a sheet. Each <table> becomes a sheet "Tabel 1", "Tabel 2", … with rowspan/colspan as merged
ranges, so a two-row header reads as one; cells are text, as the page shows them. lxml's HTML
parser (libxml2, as forgiving as a browser) streams the page into the callbacks below without
building a tree (about fifteen times faster than html.parser on a 10,000-row table); every cell,
span and text is checked against the limits in kinerja.cells before it is kept, so a huge page or
a colspan of a million costs nothing.
"""
from __future__ import annotations

import codecs
import re

from lxml import etree

from kinerja.ingest.grid import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TEXT,
    Grid,
    ReadError,
    Sheet,
    column_letter,
    text_cell,
    text_too_long,
    too_large,
)

CHUNK = 1 << 16
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_DIGITS = re.compile(r"\s*(\d{1,9})")
_SKIP = {"script", "style", "template", "head", "title"}
_BREAK = {"br", "p", "div", "li"}


def read_html(data: bytes) -> list[Sheet]:
    """The page's tables as sheets; ReadError when it has none."""
    tables = Tables()
    # decoded here (BOM, <meta charset>, else UTF-8 or Windows-1252) and given to libxml2 as UTF-8
    decoder = codecs.getincrementaldecoder(_encoding(data))("replace")
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            data = data[len(bom):]
            break
    parser = etree.HTMLParser(target=tables, encoding="utf-8", no_network=True, remove_comments=True,
                              remove_pis=True, recover=True)
    try:
        for i in range(0, len(data), CHUNK):
            parser.feed(decoder.decode(data[i:i + CHUNK]).encode("utf-8"))
        parser.feed(decoder.decode(b"", final=True).encode("utf-8"))
        parser.close()
    except ReadError:
        raise
    except (etree.LxmlError, ValueError, LookupError) as exc:
        raise ReadError("berkas halaman web (HTML) ini tidak dapat dibaca. Buka di Excel, simpan sebagai .xlsx, "
                        "lalu unggah lagi.") from exc
    sheets = [sheet for sheet in tables.sheets if not sheet.is_empty]
    if not sheets:
        raise ReadError("berkas ini halaman web (HTML) tanpa tabel berisi data, bukan lembar kerja Excel. Unduh "
                        "ulang tabelnya, atau buka di Excel dan simpan sebagai .xlsx, lalu unggah lagi.")
    return sheets


def _encoding(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    match = _CHARSET.search(data[:4096])
    if match:
        try:
            return codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            pass
    try:
        data[:65536].decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # a cut in the middle of a character at the end of the sample is still UTF-8
        return "utf-8" if exc.start > 65530 else "cp1252"


class Table:
    """One <table> being read: its grid, where the next cell goes, and the cells rowspans hold."""

    def __init__(self, name: str, budget: list[int]):
        self.grid = Grid(name, budget)
        self.row = -1
        self.col = 0
        self.taken: dict[int, int] = {}   # column -> last row a rowspan above occupies
        self.cell: tuple[int, int] | None = None   # (rowspan, colspan) of the open cell
        self.parts: list[str] = []
        self.length = 0

    def start_row(self) -> None:
        self.row += 1
        self.col = 0

    def start_cell(self, attrs) -> None:
        if self.row < 0:
            self.start_row()
        self.grid.element()
        while self.taken.get(self.col, -1) >= self.row:
            self.col += 1
        spans = dict(attrs) if len(attrs) else {}
        self.cell = (_span(spans.get("rowspan"), MAX_ROWS), _span(spans.get("colspan"), MAX_COLUMNS))
        self.parts, self.length = [], 0

    def text(self, data: str) -> None:
        if self.cell is None:
            return
        self.length += len(data)
        if self.length > MAX_TEXT:
            raise text_too_long(self.grid.name, f"sel {column_letter(self.col)}{self.row + 1}", MAX_TEXT)
        self.parts.append(data)

    def end_cell(self) -> None:
        if self.cell is None:
            return
        down, across = self.cell
        self.cell = None
        if self.row >= MAX_ROWS or self.col >= MAX_COLUMNS:
            raise too_large(self.grid.name, self.row, self.col)
        raw = "".join(self.parts)
        if "\n" in raw:
            lines = (" ".join(line.split()) for line in raw.split("\n"))
            text = "\n".join(line for line in lines if line)
        else:
            text = " ".join(raw.split())
        cell = text_cell(text)
        if cell is not None:
            self.grid.put(self.row, self.col, cell)
        if down > 1 or across > 1:
            self.grid.merge(self.row, self.col, self.row + down - 1, self.col + across - 1)
        if down > 1:
            for c in range(self.col, min(self.col + across, MAX_COLUMNS)):
                self.taken[c] = self.row + down - 1
        self.col += across


class Tables:
    """lxml parser target: opens a Table at each <table>, fills it cell by cell."""

    def __init__(self):
        self.sheets: list[Sheet] = []
        self.open: list[Table] = []   # nested tables: the innermost is last
        self.budget = [0, 0]
        self.skip = 0

    def start(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.open.append(Table(f"Tabel {len(self.sheets) + len(self.open) + 1}", self.budget))
        elif not self.open:
            return
        elif tag == "tr":
            table = self.open[-1]
            table.end_cell()
            table.start_row()
        elif tag in ("td", "th"):
            table = self.open[-1]
            table.end_cell()
            table.start_cell(attrs)
        elif tag in _BREAK:
            self.open[-1].text("\n")

    def end(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif not self.open:
            return
        elif tag in ("td", "th"):
            self.open[-1].end_cell()
        elif tag == "table":
            table = self.open.pop()
            table.end_cell()
            self.sheets.append(table.grid.sheet())
        elif tag in _BREAK:
            self.open[-1].text("\n")

    def data(self, data):
        if self.open and not self.skip:
            self.open[-1].text(data)

    def close(self):
        while self.open:   # a page cut short: what was read of its tables still counts
            self.end("table")


def _span(text: str | None, limit: int) -> int:
    """rowspan/colspan as a browser reads it: digits at the start, at least 1, at most `limit`."""
    if not text:
        return 1
    match = _DIGITS.match(text)
    return min(max(int(match.group(1)), 1), limit) if match else 1
