"""Read a file's sheets as grids of typed cells; no reader guesses a type for us.

The bytes decide the reader, the name only which kinds are accepted: an .xls may be an HTML table
or an .xlsx, an .xlsx may be an .ods. Each reader fills a bounded grid (kinerja.ingest.grid).
"""
from __future__ import annotations

import re
from pathlib import PurePath

from kinerja.ingest import htmltable, numfmt, ods, ooxml, xml2003
from kinerja.ingest.csvfile import CsvError
from kinerja.ingest.csvfile import read_csv as csv_rows
from kinerja.ingest.grid import (
    EMPTY,
    MAX_CELLS,
    MAX_ROWS,
    MAX_SHEETS,
    Cell,
    Grid,
    ReadError,
    Sheet,
    check_file_size,
    excel_date,
    text_cell,
    too_many_cells,
)
from kinerja.ingest.zipxml import Package
from kinerja.numbers import format_angka

# Cell, Sheet and ReadError are used by every reader of sheets; importable from here as before.
__all__ = ["EMPTY", "EXCEL_TYPES", "Cell", "ReadError", "Sheet", "read_sheets", "sniff", "type_refusal"]

EXCEL_TYPES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
ACCEPTED = ".xlsx, .xlsm, .xls, .ods, .csv, dan tabel HTML yang disimpan sebagai .xls oleh aplikasi web"
# what bytes of a kind read (sniff) look like, and the name that lets them be read
NAME_FOR = {"ole": ("buku kerja Excel 97-2003", ".xls"), "html": ("tabel HTML dari aplikasi web", ".xls"),
            "xml": ("XML Spreadsheet 2003", ".xls"), "text": ("teks berpemisah (CSV)", ".csv")}


def type_refusal(filename: str, data: bytes = b"") -> str | None:
    """Why a file is not read because of its name, in Bahasa Indonesia; None when the name ends in a
    kind that is read (EXCEL_TYPES; the bytes then decide the reader). Says the kind the name gives,
    or that it gives none, the kinds accepted, and when the bytes (`data`, optional) are of a kind
    that is read, the name to give the file."""
    name = PurePath(filename)
    suffix = name.suffix.lower()
    if suffix in EXCEL_TYPES:
        return None
    what = (f"jenis berkas {suffix} tidak diterima" if suffix else
            "namanya tanpa akhiran jenis berkas (mis. .xlsx), sehingga jenisnya tidak dikenali")
    found = NAME_FOR.get(sniff(data)) if data else None
    todo = (f"Isinya tampak {found[0]}: ganti namanya menjadi '{name.stem}{found[1]}', lalu kirim lagi." if found
            else "Buka di Excel atau LibreOffice, simpan sebagai .xlsx, lalu kirim lagi.")
    return f"{what}. Yang diterima: {ACCEPTED}. {todo}"


def read_sheets(data: bytes, filename: str) -> list[Sheet]:
    """The sheets of a file named `filename`, read by what its bytes are (an .xls may be an HTML
    table or an .xlsx); raises ReadError with a message for the user."""
    suffix = PurePath(filename).suffix.lower()
    if (refused := type_refusal(filename, data)) is not None:
        raise ReadError(refused)
    if not data:
        raise ReadError("berkas kosong (0 byte). Simpan ulang lalu unggah lagi.")
    check_file_size(len(data))
    if suffix == ".csv":
        check_csv_size(data)
        return [within_limits(read_csv(data, PurePath(filename).stem))]
    kind = sniff(data)
    if kind == "zip":
        package = Package(data)
        return ods.read_ods(package) if ods.is_ods(package) else ooxml.read_xlsx(package)
    if kind == "ole":
        return read_xls(data)
    if kind == "html":
        return htmltable.read_html(data)
    if kind == "xml":
        return xml2003.read_xml2003(data)
    if kind == "text":
        # web apps also send tab- or semicolon-separated text as "Excel"
        check_csv_size(data)
        try:
            return [within_limits(read_csv(data, PurePath(filename).stem))]
        except ReadError:
            pass
    raise ReadError(f"isi berkas bukan lembar kerja yang dikenal (.xlsx, .xlsm, .xls, .ods, atau tabel HTML), "
                    f"meskipun namanya berakhiran {suffix}. Buka di Excel atau LibreOffice, simpan sebagai .xlsx, "
                    "lalu unggah lagi.")


def check_csv_size(data: bytes) -> None:
    """Every line and field of a CSV becomes a cell: bound lines and separators before parsing
    (twice the limits, as quoted fields may hold line breaks and commas), then check the cells."""
    lines = data.count(b"\n")
    if lines > 2 * MAX_ROWS:
        raise ReadError(f"berkas CSV berisi {format_angka(lines)} baris, lebih dari batas {format_angka(MAX_ROWS)} "
                        "baris yang dibaca. Hapus baris di luar tabel atau pecah berkas per unit atau per triwulan, "
                        "lalu unggah lagi.")
    if sum(data.count(separator) for separator in (b";", b",", b"\t")) > 2 * MAX_CELLS:
        raise too_many_cells()


def within_limits(sheet: Sheet) -> Sheet:
    """A sheet a reader made without the grid (CSV), checked against the same limits."""
    budget = [0, 0]
    grid = Grid(sheet.name, budget)
    for r, row in enumerate(sheet.rows):
        for c, cell in enumerate(row):
            if cell.kind != "empty":
                grid.put(r, c, cell)
    return sheet


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str | None:
    """What the bytes are: 'zip' (.xlsx/.xlsm/.ods), 'ole' (.xls), 'html', 'xml' (XML Spreadsheet 2003),
    'text' (separated values), or None."""
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if data[:8] == _OLE:
        return "ole"
    head = data[:4096]
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(encoding, "ignore").encode("ascii", "ignore")
            break
    head = head.lstrip().lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head and b"<workbook" in head and b"<html" not in head:
        return "xml"
    # anywhere in the start: web apps may print a PHP notice before the table
    if re.search(rb"<(html|table|!doctype html|head|body|meta)\b", head):
        return "html"
    first = head.split(b"\n", 1)[0]
    if b"\0" not in head and any(sep in first for sep in (b"\t", b";", b",")):
        return "text"
    return None


_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_XLS_FILLED = re.compile(rb"[^\x00\x06]")   # cell types other than xlrd's XL_CELL_EMPTY and XL_CELL_BLANK


def read_xls(data: bytes) -> list[Sheet]:
    """A legacy Excel 97-2003 workbook (BIFF, via xlrd); number formats read like those of .xlsx."""
    import xlrd

    if _ENCRYPTED_OOXML in data:
        raise ReadError("berkas terkunci kata sandi. Buka di Excel, hapus kata sandinya (Info > Lindungi Buku "
                        "Kerja), simpan sebagai .xlsx, lalu unggah lagi.")
    try:
        # Ragged rows keep only the cells that are there; on_demand reads one sheet at a time.
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, ragged_rows=True, on_demand=True)
    except Exception as exc:  # xlrd signals damage and encryption with various exceptions
        if "encrypt" in str(exc).lower():
            raise ReadError("berkas .xls terkunci kata sandi. Buka di Excel, hapus kata sandinya, simpan sebagai "
                            ".xlsx, lalu unggah lagi.") from exc
        raise ReadError("berkas .xls rusak atau tidak dapat dibaca. Buka di Excel atau LibreOffice, simpan "
                        "sebagai .xlsx, lalu unggah lagi.") from exc
    if book.nsheets > MAX_SHEETS:
        raise ReadError(f"berkas berisi {book.nsheets} lembar, lebih dari batas {MAX_SHEETS}. Hapus lembar yang "
                        "tidak perlu, lalu unggah lagi.")
    budget = [0, 0]
    sheets = []
    try:
        for index in range(book.nsheets):
            ws = book.sheet_by_index(index)
            grid = Grid(ws.name, budget)
            for r in range(ws.nrows):
                # only the cells that hold something: formatted blanks may fill whole rows
                for found in _XLS_FILLED.finditer(bytes(ws.row_types(r))):
                    cell = _xls_cell(book, ws, r, found.start())
                    if cell is not None:
                        grid.put(r, found.start(), cell)
            for r1, r2, c1, c2 in ws.merged_cells:
                grid.merge(r1, c1, r2 - 1, c2 - 1)
            sheets.append(grid.sheet(ws.visibility != 0))
            book.unload_sheet(index)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError("berkas .xls rusak atau tidak dapat dibaca. Buka di Excel atau LibreOffice, simpan "
                        "sebagai .xlsx, lalu unggah lagi.") from exc
    return sheets


def _xls_cell(book, ws, r: int, c: int) -> Cell | None:
    import xlrd

    kind, value = ws.cell_type(r, c), ws.cell_value(r, c)
    if kind in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
        fmt = book.format_map.get(book.xf_list[ws.cell_xf_index(r, c)].format_key)
        code = fmt.format_str if fmt else None
        if kind == xlrd.XL_CELL_DATE:
            return Cell(excel_date(value, book.datemode == 1), "date", fmt=code)
        return Cell(value, "number", numfmt.is_percent(code, value), code)
    if kind == xlrd.XL_CELL_TEXT:
        return text_cell(value)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return Cell(bool(value), "bool")
    if kind == xlrd.XL_CELL_ERROR:
        return Cell(xlrd.error_text_from_code.get(value, "#ERROR"), "error")
    return None


def read_csv(data: bytes, name: str) -> Sheet:
    """A CSV as one sheet of text cells, in its own dialect and encoding (kinerja.ingest.csvfile)."""
    try:
        rows = csv_rows(data)
    except CsvError as exc:
        raise ReadError(str(exc)) from None
    return Sheet(name, [[Cell(v, "text") if v else EMPTY for v in row] for row in rows])
