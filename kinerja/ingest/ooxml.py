"""Read .xlsx / .xlsm workbooks (ECMA-376 SpreadsheetML) into typed cells, in one streaming pass.

Own reader rather than openpyxl or python-calamine (bench/bench_reading.py compares them): openpyxl's
read-only mode trusts the declared <dimension> (a WPS file declaring A1 reads as one cell, a file
declaring A1:XFD1048576 pads rows to 16,384 columns), refuses xl/SharedStrings.xml, and needs a
second pass for the values of formulas; calamine gives no number formats (a percentage cannot be
told from a literal "%") and lays every sheet out densely from its extreme cells. Here only cells
that hold something are kept, each checked against the limits in kinerja.ingest.grid before it is kept;
macros (.xlsm) and pictures are never unpacked.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from kinerja.ingest import grid as limits
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
    too_large,
    too_many_elements,
)
from kinerja.ingest.zipxml import REBUILD, Package, XmlHandler, local, rels_of, resolve
from kinerja.numbers import format_angka

_REF = re.compile(r"^\$?([A-Za-z]{1,7})\$?(\d{1,9})$")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
MAX_COLUMN_INDEX = 16_384
MAX_ROW_INDEX = 1_048_576


def read_xlsx(package: Package) -> list[Sheet]:
    """Every worksheet of the workbook (chart sheets have no cells); raises ReadError."""
    workbook_part = _office_document(package)
    targets = _relationships(package, workbook_part)
    book = WorkbookXml()
    package.stream(workbook_part, book)
    if len(book.sheets) > MAX_SHEETS:
        raise ReadError(f"berkas berisi {len(book.sheets)} lembar, lebih dari batas {MAX_SHEETS}. Hapus lembar "
                        "yang tidak perlu, lalu unggah lagi.")
    folder = workbook_part.rpartition("/")[0]
    strings = SharedStrings()
    part = _first(targets, "sharedstrings") or f"{folder}/sharedStrings.xml"
    if package.has(part):
        package.stream(part, strings)
    styles = Styles()
    part = _first(targets, "styles") or f"{folder}/styles.xml"
    if package.has(part):
        package.stream(part, styles)
    budget = [0, 0]
    sheets = []
    for index, (name, state, rel) in enumerate(book.sheets, start=1):
        kind, part = targets.get(rel, (None, None))
        if kind is None and package.has(f"{folder}/worksheets/sheet{index}.xml"):
            kind, part = "worksheet", f"{folder}/worksheets/sheet{index}.xml"   # relationships lost: the usual name
        if kind is None or not kind.endswith("worksheet"):
            continue  # chart or dialog sheet, or a sheet without its part
        reader = WorksheetXml(name, budget, strings.values, styles.formats, book.date1904)
        package.stream(part, reader)
        sheets.append(reader.grid.sheet(hidden=state in ("hidden", "veryHidden")))
    return sheets


def _office_document(package: Package) -> str:
    found = _relationships(package, "") if package.has("_rels/.rels") else {}
    for kind, target in found.values():
        if kind.endswith("officedocument"):
            return target
    if package.has("xl/workbook.xml"):
        return "xl/workbook.xml"
    raise ReadError(f"berkas bukan buku kerja Excel (.xlsx): bagian xl/workbook.xml tidak ada. {REBUILD}")


def _relationships(package: Package, source: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type's last word in lower case, target part) of part `source`."""
    part = "_rels/.rels" if not source else rels_of(source)
    if not package.has(part):
        return {}
    rels = Relationships()
    package.stream(part, rels)
    return {rid: (kind.rsplit("/", 1)[-1].lower(), resolve(source, target))
            for rid, kind, target in rels.found}


def _first(targets: dict[str, tuple[str, str]], kind: str) -> str | None:
    return next((part for found, part in targets.values() if found == kind), None)


class Relationships(XmlHandler):
    def __init__(self):
        self.found: list[tuple[str, str, str]] = []

    def start(self, name, attrs):
        if local(name) == "Relationship" and attrs.get("TargetMode") != "External":
            self.found.append((attrs.get("Id", ""), attrs.get("Type", ""), attrs.get("Target", "")))


class WorkbookXml(XmlHandler):
    def __init__(self):
        self.sheets: list[tuple[str, str, str]] = []   # name, state, relationship id
        self.date1904 = False

    def start(self, name, attrs):
        name = local(name)
        if name == "sheet":
            rid = next((v for k, v in attrs.items() if k.endswith(":id")), "")
            self.sheets.append((attrs.get("name", f"Sheet{len(self.sheets) + 1}"), attrs.get("state", "visible"), rid))
        elif name == "workbookPr":
            self.date1904 = attrs.get("date1904", "0").lower() in ("1", "true")


class Texts(XmlHandler):
    """Collects the text of <t> elements inside the element being read, bounded by MAX_TEXT; the
    phonetic runs (<rPh>) of East-Asian text are not part of the value."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.in_t = False
        self.phonetic = 0

    def reset(self) -> None:
        self.parts, self.length = [], 0

    def start_text(self, name: str) -> None:
        if name == "t" and not self.phonetic:
            self.in_t = True
        elif name == "rPh":
            self.phonetic += 1

    def end_text(self, name: str) -> None:
        if name == "t":
            self.in_t = False
        elif name == "rPh":
            self.phonetic -= 1

    def text(self, data):
        if self.in_t:
            self.length += len(data)
            if self.length > MAX_TEXT:
                raise self.too_long()
            self.parts.append(data)

    def value(self) -> str:
        return unescape("".join(self.parts))

    def too_long(self) -> ReadError:
        raise NotImplementedError


class SharedStrings(Texts):
    def __init__(self):
        super().__init__()
        self.values: list[str] = []

    def start(self, name, attrs):
        name = local(name)
        if name == "si":
            self.reset()
        else:
            self.start_text(name)

    def end(self, name):
        name = local(name)
        if name == "si":
            self.values.append(self.value())
            if len(self.values) > limits.MAX_XML_CELLS:
                raise ReadError(f"berkas berisi lebih dari {format_angka(limits.MAX_XML_CELLS)} teks bersama, di atas "
                                "batas yang dibaca. Hapus lembar yang tidak perlu atau salin tabelnya saja ke buku kerja "
                                "baru, simpan, lalu unggah lagi.")
        else:
            self.end_text(name)

    def too_long(self) -> ReadError:
        return text_too_long("(teks bersama)", f"teks nomor {len(self.values) + 1}", MAX_TEXT)


class Styles(XmlHandler):
    """Number format code of each cell style (cellXfs index)."""

    def __init__(self):
        self.codes: dict[int, str] = dict(numfmt.BUILTIN)
        self.formats: list[str | None] = []
        self.in_xfs = False

    def start(self, name, attrs):
        name = local(name)
        if name == "numFmt":
            try:
                self.codes[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")[:1000]
            except ValueError:
                pass
        elif name == "cellXfs":
            self.in_xfs = True
        elif name == "xf" and self.in_xfs:
            try:
                self.formats.append(self.codes.get(int(attrs.get("numFmtId", "0"))))
            except ValueError:
                self.formats.append(None)

    def end(self, name):
        if local(name) == "cellXfs":
            self.in_xfs = False


class WorksheetXml(Texts):
    """One worksheet's <sheetData> and <mergeCells>, streamed; the <dimension> is ignored. A cell's
    place and type are worked out only when it holds something: sheets often carry a million empty
    cells that only have a format."""

    def __init__(self, name: str, budget: list[int], strings: list[str], formats: list[str | None],
                 date1904: bool):
        super().__init__()
        self.grid = Grid(name, budget)
        self.budget = budget   # [filled cells, cell elements] of the whole file
        self.strings, self.formats, self.date1904 = strings, formats, date1904
        self.row = -1
        self.col = -1
        self.attrs: dict[str, str] = {}
        self.last_ref: str | None = None   # the row's last cell reference, and cells since without one
        self.unreferenced = 0
        self.formula: list[str] | None = None   # the formula's text, when the cell has one
        self.has_value = False
        # Cells are never changed after reading, so one Cell serves every use of a shared string
        # (by its index) and of an inline text (by the text: a file written by openpyxl has no
        # shared strings, and its "%", "orang" or "90,5" recur on every row), and a style's number
        # format is looked up once.
        self.string_cells: dict[str, Cell | None] = {}
        self.inline_cells: dict[str, Cell | None] = {}
        self.style_codes: dict[str | None, str | None] = {}

    def start(self, name, attrs):
        if ":" in name:
            name = local(name)
        if name == "c":
            self.attrs = attrs
            ref = attrs.get("r")
            if ref:
                self.last_ref, self.unreferenced = ref, 0
            else:
                self.unreferenced += 1
            self.formula = None
            self.has_value = False
            if self.parts:
                self.reset()
            self.budget[1] += 1
            if self.budget[1] > limits.MAX_XML_CELLS:
                raise too_many_elements(self.grid.name)
        elif name == "v":
            self.in_t = self.has_value = True
        elif name == "f":
            self.formula = []
        elif name == "row":
            r = attrs.get("r")
            self.row = int(r) - 1 if r and r.isdigit() else self.row + 1
            self.last_ref, self.unreferenced = None, 0
        elif name == "mergeCell":
            self.merge(attrs.get("ref", ""))
        else:
            self.start_text(name)

    def place(self) -> None:
        """Row and column of the cell just read, from its reference or the last one in its row."""
        ref = self.last_ref
        if ref:
            letters = ref.rstrip("0123456789")
            digits = ref[len(letters):]
            if not digits or len(digits) > 9 or letters.startswith("$") or letters.endswith("$"):
                letters, digits = _split_ref(ref)
            self.col = _column(letters) + self.unreferenced
            self.row = int(digits) - 1
        else:
            self.col = self.unreferenced - 1
        if self.row >= MAX_ROW_INDEX or self.col >= MAX_COLUMN_INDEX or self.row < 0:
            raise too_large(self.grid.name, self.row, self.col)

    def end(self, name):
        if ":" in name:
            name = local(name)
        if name == "c":
            if self.parts or self.formula is not None:
                self.place()
                cell = self.typed()
                if cell is not None:
                    self.grid.put(self.row, self.col, cell)
        elif name == "v":
            self.in_t = False
        else:
            self.end_text(name)

    def text(self, data):
        if self.in_t:
            self.length += len(data)
            if self.length > MAX_TEXT:
                raise self.too_long()
            self.parts.append(data)
        elif self.formula is not None and not self.has_value:
            if sum(map(len, self.formula)) < 1000:   # only shown in a message
                self.formula.append(data)

    def too_long(self) -> ReadError:
        self.place()
        return text_too_long(self.grid.name, f"sel {column_letter(self.col)}{self.row + 1}", MAX_TEXT)

    def typed(self) -> Cell | None:
        parts = self.parts
        raw = parts[0] if len(parts) == 1 else "".join(parts)
        if "_x" in raw:
            raw = unescape(raw)
        kind = self.attrs.get("t", "n")
        if kind == "s" and raw in self.string_cells:
            return self.string_cells[raw]
        if not raw.strip():
            # an empty <v> is a stored value only for a text result ("" from =IF(..;"";..))
            if self.formula is not None and not (self.has_value and kind == "str"):
                return Cell("=" + "".join(self.formula), "formula_no_value")
            return None
        if kind == "s":
            try:
                text = self.strings[int(raw)]
            except (ValueError, IndexError):
                raise ReadError(f"berkas .xlsx rusak: sel {column_letter(self.col)}{self.row + 1} lembar "
                                f"'{self.grid.name}' menunjuk teks yang tidak ada. {REBUILD}") from None
            cell = self.string_cells[raw] = text_cell(text)
            return cell
        if kind in ("str", "inlineStr"):
            try:
                return self.inline_cells[raw]
            except KeyError:
                cell = self.inline_cells[raw] = text_cell(raw)
                return cell
        if kind == "b":
            return Cell(raw.strip() in ("1", "true"), "bool")
        if kind == "e":
            return Cell(raw.strip(), "error")
        style = self.attrs.get("s")
        try:
            code = self.style_codes[style]
        except KeyError:
            index = int(style) if style and style.isdigit() else 0
            code = self.style_codes[style] = self.formats[index] if index < len(self.formats) else None
        if kind == "d":
            try:
                return Cell(datetime.fromisoformat(raw.strip()), "date", fmt=code)
            except ValueError:
                return Cell(raw.strip(), "text")
        return number_cell(raw.strip(), code, self.date1904)

    def merge(self, ref: str) -> None:
        first, _, last = ref.partition(":")
        a, b = _REF.match(first), _REF.match(last)
        if a and b:
            self.grid.merge(int(a.group(2)) - 1, _column(a.group(1)), int(b.group(2)) - 1, _column(b.group(1)))


def number_cell(raw: str, code: str | None, date1904: bool = False) -> Cell:
    """The <v> of a number cell with its format: a number (percent or not) or a date."""
    try:
        value = int(raw) if raw.isdigit() or (raw[:1] == "-" and raw[1:].isdigit()) else float(raw)
    except ValueError:
        return Cell(raw, "text")   # not a number at all: the reader names the cell
    shown = "number" if code is None or code == "General" else numfmt.shown_as(code, value)
    if shown == "date":
        return Cell(excel_date(value, date1904), "date", fmt=code)
    return Cell(value, "number", shown == "percent", code)


def _split_ref(ref: str) -> tuple[str, str]:
    match = _REF.match(ref)
    if not match:
        raise ReadError(f"berkas .xlsx rusak: alamat sel '{ref[:20]}' tidak sah. {REBUILD}")
    return match.group(1), match.group(2)


@lru_cache(maxsize=20_000)
def _column(letters: str) -> int:
    """Excel column letters -> 0-based index (A -> 0)."""
    if not letters.isalpha() or not letters.isascii() or len(letters) > 7:
        raise ReadError(f"berkas .xlsx rusak: kolom '{letters[:20]}' tidak sah. {REBUILD}")
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def unescape(text: str) -> str:
    """OOXML writes characters XML cannot hold as _xHHHH_ (a line break as _x000D_)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text
