"""Files as offices really make them, and files made to sink a server, built in the test: each is
read to the values a person sees, or refused before it costs anything, with one message that says
what was too large or broken and what to do."""
import io
import struct
import zipfile
import zlib
from decimal import Decimal

import pytest
import xlsxwriter

from kinerja.ingest import grid
from kinerja.ingest.annotate import annotate_errors
from kinerja.ingest.cells import ReadError, read_sheets
from kinerja.ingest.reader import read_workbook
from kinerja.ingest.upload import TYPES, check_file
from tests.workbooks import Pct, Sheet, sop_rows, xls, xlsx

S1 = "Meningkatnya kualitas data dan manajemen ASN"
HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TW I",
          "REALISASI TW II", "REALISASI TW III", "REALISASI TW IV"]
ROWS = [[1, S1, "Persentase record data kepegawaian terisi lengkap", "%", 95, 91.2, 92.5, 94.1, 94.83],
        [2, None, "Jumlah berkas kenaikan pangkat yang diproses tepat waktu", "berkas", 1200, 280, 310, 295, 330],
        [3, None, "Jumlah ASN dijatuhi hukuman disiplin", "orang", 20, 4, 6, 3, 5]]
SHOWN = {"Persentase record data kepegawaian terisi lengkap": ("95", ["91.2", "92.5", "94.1", "94.83"]),
         "Jumlah berkas kenaikan pangkat yang diproses tepat waktu": ("1200", ["280", "310", "295", "330"]),
         "Jumlah ASN dijatuhi hukuman disiplin": ("20", ["4", "6", "3", "5"])}
SHEET = "xl/worksheets/sheet1.xml"


def base() -> bytes:
    return xlsx(Sheet("TW IV", sop_rows(ROWS, HEADER)))


def values(book):
    """indikator -> (annual target, [realisasi TW I..IV]) as the reader found them."""
    assert not book.errors, [str(p) for p in book.errors]
    return {row.nama: (row.target_tahunan.canonical(), [str(row.realisasi[q]) for q in sorted(row.realisasi)])
            for row in book.rows}


def rezip(data: bytes, rename=None, change=None, add=None, drop=()) -> bytes:
    """The package with parts renamed, their bytes changed (name -> function), added or dropped."""
    rename, change, add = rename or {}, change or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            body = source.read(info)
            body = change[info.filename](body) if info.filename in change else body
            target.writestr(rename.get(info.filename, info.filename), body)
        for name, body in add.items():
            target.writestr(name, body)
    return out.getvalue()


def sheet_xml(change):
    return {SHEET: change}


# ---------------------------------------------------------------- the declared size is only a hint

@pytest.mark.parametrize("dimension", ['<dimension ref="A1"/>', '<dimension ref="A1:C3"/>',
                                       '<dimension ref="B2:D9"/>', '<dimension ref="A1:XFD1048576"/>', ""])
def test_whatever_range_a_sheet_declares_every_cell_there_is_read(dimension):
    def declare(xml):
        start = xml.index(b"<dimension")
        return xml[:start] + dimension.encode() + xml[xml.index(b"/>", start) + 2:]

    assert values(read_workbook(rezip(base(), change=sheet_xml(declare)), "wps.xlsx")) == SHOWN


def test_cells_and_rows_without_their_reference_follow_the_previous_one():
    import re

    def strip_refs(xml):
        return re.sub(rb' r="[A-Z]+\d+"', b"", re.sub(rb'<row r="(\d+)"', b"<row", xml))

    # every cell of a row present, so that positions follow from order alone
    rows = sop_rows([[S1 if v is None else v for v in row] for row in ROWS], HEADER)
    data = rezip(xlsx(Sheet("TW IV", rows)), change=sheet_xml(strip_refs))
    assert values(read_workbook(data, "tanpa_ref.xlsx")) == SHOWN


# ---------------------------------------------------------------- bounded before reading

def far_cell(row: int, col: int) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = book.add_worksheet("DATA")
    for r, values_ in enumerate(sop_rows(ROWS, HEADER)):
        ws.write_row(r, 0, values_)
    ws.write_string(row, col, "x")
    book.close()
    return buffer.getvalue()


def test_content_up_to_the_last_row_and_column_read_is_accepted():
    sheet = read_sheets(far_cell(grid.MAX_ROWS - 1, grid.MAX_COLUMNS - 1), "besar.xlsx")[0]
    assert sheet.cell(grid.MAX_ROWS - 1, grid.MAX_COLUMNS - 1).value == "x"


@pytest.mark.parametrize("row, col, ref", [(25_000, 0, "A25001"), (5, 256, "IW6"), (1_048_575, 16_383, "XFD1048576")])
def test_content_past_the_last_row_or_column_read_is_refused_naming_the_cell(row, col, ref):
    with pytest.raises(ReadError, match=f"sel {ref} .*Hapus isi di luar tabel"):
        read_sheets(far_cell(row, col), "besar.xlsx")


def test_a_reference_beyond_what_excel_allows_is_refused():
    data = rezip(base(), change=sheet_xml(lambda xml: xml.replace(b'r="A6"', b'r="ZZZZ6"', 1)))
    with pytest.raises(ReadError, match="di luar batas"):
        read_sheets(data, "x.xlsx")


def test_more_filled_cells_than_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(grid, "MAX_CELLS", 20)
    with pytest.raises(ReadError, match="lebih dari 20 sel terisi"):
        read_sheets(base(), "x.xlsx")


def test_a_merged_range_over_the_whole_sheet_costs_nothing():
    def merge_all(xml):
        return xml.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>'
                                            b"</mergeCells>")

    sheet = read_sheets(rezip(base(), change=sheet_xml(merge_all)), "x.xlsx")[0]
    assert sheet.merged == [(0, 0, grid.MAX_ROWS - 1, grid.MAX_COLUMNS - 1)]
    read_workbook(rezip(base(), change=sheet_xml(merge_all)), "x.xlsx")   # the header is found without a hang


def inline_text(length: int) -> bytes:
    return rezip(base(), change=sheet_xml(lambda xml: xml.replace(
        b"</sheetData>", b'<row r="101"><c r="A101" t="inlineStr"><is><t>' + b"A" * length +
        b"</t></is></c></row></sheetData>")))


def test_a_cell_text_longer_than_excel_allows_is_refused_naming_the_cell():
    assert read_sheets(inline_text(grid.MAX_TEXT), "x.xlsx")[0].cell(100, 0).value == "A" * grid.MAX_TEXT
    with pytest.raises(ReadError, match="sel A101: teks sepanjang lebih dari 32.767 karakter"):
        read_sheets(inline_text(grid.MAX_TEXT + 1), "x.xlsx")


def test_a_shared_text_longer_than_excel_allows_is_refused():
    data = rezip(base(), change={"xl/sharedStrings.xml": lambda xml: xml.replace(
        b"<si><t>", b"<si><t>" + b"B" * 40_000, 1)})
    with pytest.raises(ReadError, match="teks nomor 1: teks sepanjang"):
        read_sheets(data, "x.xlsx")


def test_parts_that_unpack_past_the_limit_together_are_refused_before_reading():
    padding = b" " * (grid.MAX_XML_BYTES // 3 + 1)
    add = {f"xl/worksheets/sheet{n}.xml": b"<worksheet>" + padding + b"</worksheet>" for n in (7, 8, 9)}
    with pytest.raises(ReadError, match="terlalu besar setelah dibuka.*batasnya 64 MB"):
        read_sheets(rezip(base(), add=add), "x.xlsx")


def test_pictures_and_macros_are_never_unpacked_so_they_do_not_count():
    big = zlib.compress(b"\0" * 10, 1) * 10
    data = rezip(base(), add={"xl/media/image1.png": b"\0" * (grid.MAX_XML_BYTES + 1), "xl/vbaProject.bin": big})
    assert values(read_workbook(data, "x.xlsm")) == SHOWN


def shrink_declared_size(data: bytes, name: str, size: int) -> bytes:
    """The zip with `name` declaring an unpacked size of `size` bytes in both of its headers."""
    data = bytearray(data)
    encoded = name.encode()
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:   # central directory entries
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == encoded:
            struct.pack_into("<I", data, at + 24, size)
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        at += 4
    return bytes(data)


def test_a_part_that_unpacks_to_more_than_it_declares_is_refused_as_damaged():
    padded = rezip(base(), change=sheet_xml(lambda xml: xml.replace(b"<sheetData>", b" " * 5_000_000 + b"<sheetData>")))
    with pytest.raises(ReadError, match="rusak"):
        read_sheets(shrink_declared_size(padded, SHEET, 1000), "x.xlsx")


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
                  b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
                  b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol4;</t></si></sst>')
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&secret;</t></si></sst>')


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL], ids=["billion_laughs", "external_entity"])
def test_entities_in_a_part_are_refused_as_a_damaged_file(xml):
    with pytest.raises(ReadError, match="bagian 'xl/sharedStrings.xml' bukan XML yang sah.*simpan ulang"):
        read_sheets(rezip(base(), change={"xl/sharedStrings.xml": lambda _: xml}), "x.xlsx")


@pytest.mark.parametrize("broken", [b"not a zip at all", b"PK\x03\x04" + b"\0" * 100])
def test_a_file_that_is_not_a_workbook_is_one_message(broken):
    with pytest.raises(ReadError) as raised:
        read_sheets(broken, "x.xlsx")
    assert "simpan" in str(raised.value).lower() and "Error" not in str(raised.value)


def test_a_file_larger_than_the_upload_limit_is_refused_by_the_reader_too(monkeypatch):
    monkeypatch.setattr(grid, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ReadError, match="melebihi batas"):
        read_sheets(base(), "x.xlsx")


# ---------------------------------------------------------------- number formats

@pytest.mark.parametrize("code, stored, shown", [
    ('0.00"%"', 94.83, "94.83"), ("0.00\\%", 94.83, "94.83"), ('0.0"%";-0.0"%"', 94.83, "94.83"),
    ('#,##0.00" %"', 94.83, "94.83"), ("0.0_%", 94.83, "94.83"), ('"Rp "#,##0', 1200, "1200"),
    ("0.00%", 0.9483, "94.83"), ("[Red]0.00%;[Blue]-0.00%", 0.9483, "94.83"), ("0%", 0.95, "95"),
])
def test_each_number_format_reads_the_number_it_shows_in_xlsx(code, stored, shown):
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = book.add_worksheet("TW IV")
    for r, row in enumerate(sop_rows([[1, S1, "Persentase record data", "%", 95, None, None, None, None]], HEADER)):
        ws.write_row(r, 0, row)
    ws.write_number(5, 8, stored, book.add_format({"num_format": code}))
    book.close()
    row = values(read_workbook(buffer.getvalue(), "format.xlsx"))["Persentase record data"]
    assert row == ("95", [shown])


@pytest.mark.parametrize("code, stored, shown", [
    ('0.00"%"', 94.83, "94.83"), ("0.00\\%", 94.83, "94.83"), ('0.0" %";-0.0" %"', 94.83, "94.83"),
    ("0.00%", 0.9483, "94.83"),
])
def test_each_number_format_reads_the_number_it_shows_in_xls(code, stored, shown):
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("TW IV")
    for r, row in enumerate(sop_rows([[1, S1, "Persentase record data", "%", 95, None, None, None, None]], HEADER)):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    ws.write(5, 8, stored, xlwt.easyxf(num_format_str=code))
    buffer = io.BytesIO()
    book.save(buffer)
    row = values(read_workbook(buffer.getvalue(), "format.xls"))["Persentase record data"]
    assert row == ("95", [shown])


def test_a_date_format_makes_a_date_cell_that_keeps_its_format():
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = book.add_worksheet("TW IV")
    ws.write_number(0, 0, 45560, book.add_format({"num_format": "dd/mm/yyyy"}))
    ws.write_number(0, 1, 45560, book.add_format({"num_format": '0" hari"'}))
    book.close()
    date, days = read_sheets(buffer.getvalue(), "x.xlsx")[0].rows[0]
    assert (date.kind, date.value.date().isoformat(), date.fmt) == ("date", "2024-09-25", "dd/mm/yyyy")
    assert (days.kind, days.value) == ("number", 45560)


# ---------------------------------------------------------------- office-suite variants

@pytest.mark.parametrize("rename", [
    {"xl/sharedStrings.xml": "xl/SharedStrings.xml"},
    {"xl/workbook.xml": "XL/Workbook.xml"},
    {SHEET: "xl/Worksheets/Sheet1.XML"},
    {"xl/styles.xml": "xl/Styles.xml"},
    {"[Content_Types].xml": "[content_types].xml", "_rels/.rels": "_RELS/.RELS"},
    {SHEET: "xl\\worksheets\\sheet1.xml", "xl/sharedStrings.xml": "xl\\sharedStrings.xml"},
], ids=["shared_strings", "workbook", "sheet", "styles", "content_types_and_rels", "backslashes"])
def test_part_names_in_another_case_or_with_backslashes_open(rename):
    rows = sop_rows([[1, S1, "Persentase record data", "%", 95, Pct(0.912), None, None, None]], HEADER)
    data = rezip(xlsx(Sheet("TW IV", rows)), rename=rename)
    assert values(read_workbook(data, "x.xlsx")) == {"Persentase record data": ("95", ["91.2"])}


def test_relationship_targets_absolute_or_relative_lead_to_the_same_parts():
    def absolute(xml):
        return xml.replace(b'Target="worksheets/', b'Target="/xl/worksheets/').replace(
            b'Target="sharedStrings.xml"', b'Target="../xl/sharedStrings.xml"')

    data = rezip(base(), change={"xl/_rels/workbook.xml.rels": absolute})
    assert values(read_workbook(data, "x.xlsx")) == SHOWN


def test_an_xlsm_is_read_and_its_macros_ignored():
    def macro_type(xml):
        return xml.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")

    data = rezip(base(), change={"[Content_Types].xml": macro_type}, add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})
    assert values(read_workbook(data, "makro.xlsm")) == SHOWN


def test_hidden_sheets_chart_sheets_and_the_1904_date_system():
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "date_1904": True})
    book.add_worksheet("DATA").write_number(0, 0, 0, book.add_format({"num_format": "dd/mm/yyyy"}))
    hidden = book.add_worksheet("RAHASIA")
    hidden.write(0, 0, "x")
    hidden.hide()
    chart = book.add_chart({"type": "line"})
    chart.add_series({"values": "=DATA!$A$1:$A$1"})
    book.add_chartsheet("GRAFIK").set_chart(chart)
    book.close()
    sheets = read_sheets(buffer.getvalue(), "x.xlsx")
    assert [(s.name, s.hidden) for s in sheets] == [("DATA", False), ("RAHASIA", True)]
    assert sheets[0].cell(0, 0).value.year == 1904


def test_an_xls_named_xlsx_and_an_xlsx_named_xls_are_read_by_what_they_are():
    rows = sop_rows(ROWS, HEADER)
    assert values(read_workbook(xls(Sheet("TW IV", rows)), "sebenarnya_xls.xlsx")) == SHOWN
    assert values(read_workbook(xlsx(Sheet("TW IV", rows)), "sebenarnya_xlsx.xls")) == SHOWN


def test_a_password_protected_workbook_is_asked_to_be_unlocked():
    fake = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 400
    with pytest.raises(ReadError, match="terkunci kata sandi"):
        read_sheets(fake, "kunci.xlsx")


def test_the_unggah_page_takes_every_kind_it_reads():
    assert set(TYPES) == {"xlsx", "xlsm", "xls", "ods", "csv"}
    for name in ("a.xlsm", "a.ods", "a.XLSX", "a.xls", "a.csv"):
        check_file(name, 1000)


def test_the_marked_copy_of_a_workbook_openpyxl_cannot_open_is_still_made(tmp_path):
    rows = sop_rows([[1, S1, "Persentase record data", "%", 95, "sembilan puluh", None, None, None]], HEADER)
    data = rezip(xlsx(Sheet("TW IV", rows)), rename={"xl/sharedStrings.xml": "xl/SharedStrings.xml"})
    book = read_workbook(data, "x.xlsx")
    assert [p.cell for p in book.errors] == ["sembilan puluh"]
    annotate_errors(data, "x.xlsx", book.problems, tmp_path / "ditandai.xlsx")
    assert (tmp_path / "ditandai.xlsx").stat().st_size > 0


# ---------------------------------------------------------------- LibreOffice .ods

def ods(hidden_sheet=False, trailing_rows=1_048_000, filled_repeat=1, long_spaces=0) -> bytes:
    """An .ods written by odfpy as LibreOffice writes it: merged header, typed cells, a percentage,
    a comment, the empty rest of the sheet as repeated rows."""
    from odf.office import Annotation
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P, S

    doc = OpenDocumentSpreadsheet()

    def cell(value, **kw):
        if value is None:
            return TableCell(**kw)
        if isinstance(value, Pct):
            made = TableCell(valuetype="percentage", value=str(value.value), **kw)
            text = f"{value.value * 100:.2f}%"
        elif isinstance(value, (int, float)):
            made = TableCell(valuetype="float", value=str(value), **kw)
            text = str(value)
        else:
            made = TableCell(valuetype="string", **kw)
            text = value
        made.addElement(P(text=text))
        return made

    table = Table(name="TW IV")
    for title in (["FORMAT PENGUMPULAN DATA KINERJA"], ["TAHUN 2024"], []):
        row = TableRow()
        for value in title:
            row.addElement(cell(value))
        table.addElement(row)
    top, below = TableRow(), TableRow()
    for label in HEADER[:5]:
        top.addElement(cell(label, numberrowsspanned=2))
        below.addElement(CoveredTableCell())
    top.addElement(cell("REALISASI", numbercolumnsspanned=4))
    for q in ("TW I", "TW II", "TW III", "TW IV"):
        if q != "TW I":
            top.addElement(CoveredTableCell())
        below.addElement(cell(q))
    table.addElement(top)
    table.addElement(below)
    data_rows = [[1, S1, "Persentase record data kepegawaian terisi lengkap", "%", 95, Pct(0.912), "92,5", 94.1,
                  Pct(0.9483)],
                 [2, None, "Jumlah berkas kenaikan pangkat yang diproses tepat waktu", "berkas", 1200, 280, 310, 295,
                  330]]
    for values_ in data_rows:
        row = TableRow(numberrowsrepeated=filled_repeat) if filled_repeat > 1 else TableRow()
        for value in values_:
            made = cell(value)
            if value == 280:
                note = Annotation()
                note.addElement(P(text="angka dari SIMPEG 9999"))
                made.addElement(note)
            row.addElement(made)
        row.addElement(TableCell(numbercolumnsrepeated=1000))
        table.addElement(row)
    if long_spaces:
        row = TableRow()
        made = TableCell(valuetype="string")
        paragraph = P(text="a")
        paragraph.addElement(S(c=long_spaces))
        made.addElement(paragraph)
        row.addElement(made)
        table.addElement(row)
    empty = TableRow(numberrowsrepeated=trailing_rows)
    empty.addElement(TableCell(numbercolumnsrepeated=1024))
    table.addElement(empty)
    doc.spreadsheet.addElement(table)
    if hidden_sheet:
        style = Style(name="taHidden", family="table")
        style.addElement(TableProperties(display="false"))
        doc.automaticstyles.addElement(style)
        secret = Table(name="CATATAN", stylename=style)
        row = TableRow()
        row.addElement(cell("rahasia"))
        secret.addElement(row)
        doc.spreadsheet.addElement(secret)
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()


ODS_SHOWN = {"Persentase record data kepegawaian terisi lengkap": ("95", ["91.2", "92.5", "94.1", "94.83"]),
             "Jumlah berkas kenaikan pangkat yang diproses tepat waktu": ("1200", ["280", "310", "295", "330"])}


def test_an_ods_from_libreoffice_reads_like_an_xlsx():
    assert values(read_workbook(ods(), "unit.ods")) == ODS_SHOWN


def test_an_ods_hidden_sheet_is_skipped_and_a_comment_is_not_the_value():
    book = read_workbook(ods(hidden_sheet=True), "unit.ods")
    assert values(book) == ODS_SHOWN
    assert ("CATATAN", "tersembunyi") in book.skipped_sheets


def test_an_ods_row_repeated_past_the_limit_with_content_is_refused():
    with pytest.raises(ReadError, match="di luar batas yang dibaca"):
        read_sheets(ods(filled_repeat=grid.MAX_ROWS + 1), "unit.ods")


def test_an_ods_text_of_a_billion_spaces_is_refused_before_it_is_made():
    with pytest.raises(ReadError, match="teks sepanjang"):
        read_sheets(ods(long_spaces=10 ** 9), "unit.ods")


def test_an_ods_named_xlsx_is_read_as_ods():
    assert values(read_workbook(ods(), "unit.xlsx")) == ODS_SHOWN


# ---------------------------------------------------------------- HTML tables saved as .xls

def html_page(body: str, head: str = "", encoding="utf-8", bom=b"") -> bytes:
    return bom + f"<html><head>{head}</head><body>{body}</body></html>".encode(encoding)


TWO_ROW_HEADER = (
    "<tr><th rowspan=2>No</th><th rowspan=2>Sasaran</th><th rowspan=2>Indikator Kinerja</th>"
    "<th rowspan=2>Satuan</th><th rowspan=2>Target<br>Tahunan</th><th colspan=4>Realisasi</th></tr>"
    "<tr><th>TW I</th><th>TW II</th><th>TW III</th><th>TW IV</th></tr>")


def test_an_html_page_in_windows_1252_with_a_meta_charset_and_a_title_table():
    body = ("<table><tr><td>LAPORAN CAPAIAN KINERJA — BKPSDM</td></tr></table>"
            f"<table>{TWO_ROW_HEADER}"
            "<tr><td>1</td><td rowspan=2>Meningkatnya kualitas data – ASN</td>"
            "<td>Persentase record data kepegawaian terisi lengkap</td><td>%</td><td>95</td>"
            "<td>91,2</td><td>92,5</td><td>94,1</td><td>94,83</td></tr>"
            "<tr><td>2</td><td>Jumlah berkas kenaikan pangkat yang diproses tepat waktu</td><td>berkas</td>"
            "<td>1.200</td><td>280</td><td>310</td><td>295</td><td>330</td></tr></table>")
    data = html_page(body, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252")
    book = read_workbook(data, "laporan.xls")
    assert values(book) == ODS_SHOWN
    assert {row.sasaran for row in book.rows} == {"Meningkatnya kualitas data – ASN"}


def test_an_html_table_saved_as_xlsx_with_thead_tbody_and_a_utf16_bom():
    body = (f"<table border=1><thead>{TWO_ROW_HEADER}</thead><tbody>"
            "<tr><td>1</td><td>S</td><td>Jumlah ASN dijatuhi hukuman disiplin</td><td>orang</td><td>20</td>"
            "<td>4</td><td>6</td><td>3</td><td>5</td></tr></tbody></table>")
    data = "\ufeff".encode("utf-16-le") + html_page(body).decode().encode("utf-16-le")
    assert values(read_workbook(data, "unduhan.xlsx")) == {
        "Jumlah ASN dijatuhi hukuman disiplin": ("20", ["4", "6", "3", "5"])}


def test_html_spans_past_the_limits_are_clipped_and_rows_past_them_refused():
    body = ("<table><tr><td rowspan=99999999>x</td><td colspan=100000000>INDIKATOR KINERJA</td></tr>"
            "<tr><td>y</td></tr></table>")
    sheet = read_sheets(html_page(body), "x.xls")[0]
    assert sheet.merged == [(0, 0, grid.MAX_ROWS - 1, 0), (0, 1, 0, grid.MAX_COLUMNS - 1)]
    assert sheet.cell(1, 1).value == "y"   # beside the cell the rowspan holds
    rows = "<tr><td>1</td></tr>" * (grid.MAX_ROWS + 1)
    with pytest.raises(ReadError, match="A25001"):
        read_sheets(html_page(f"<table>{rows}</table>"), "x.xls")


def test_an_html_cell_text_past_the_limit_is_refused():
    with pytest.raises(ReadError, match="teks sepanjang"):
        read_sheets(html_page(f"<table><tr><td>{'A' * (grid.MAX_TEXT + 1)}</td></tr></table>"), "x.xls")


def test_an_html_page_without_a_table_says_what_it_is():
    with pytest.raises(ReadError, match="halaman web \\(HTML\\) tanpa tabel"):
        read_sheets(html_page("<p>Sesi Anda habis, silakan login ulang.</p>"), "unduhan.xls")


def test_script_and_style_text_is_not_read_into_cells():
    body = ("<table><tr><td>INDIKATOR<script>document.write('x')</script></td><td><style>td{}</style>2</td>"
            "</tr></table>")
    assert [c.value for c in read_sheets(html_page(body), "x.xls")[0].rows[0]] == ["INDIKATOR", "2"]


XML2003 = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><NumberFormat/></Style>
  <Style ss:ID="pct"><NumberFormat ss:Format="Percent"/></Style>
  <Style ss:ID="lit"><NumberFormat ss:Format="0.00&quot;%&quot;"/></Style>
  <Style ss:ID="tgl"><NumberFormat ss:Format="Short Date"/></Style>
 </Styles>
 <Worksheet ss:Name="TW IV">
  <Table ss:ExpandedColumnCount="1" ss:ExpandedRowCount="1">
   <Row><Cell><Data ss:Type="String">FORMAT PENGUMPULAN DATA KINERJA</Data></Cell></Row>
   <Row ss:Index="4">
    <Cell ss:MergeDown="1"><Data ss:Type="String">NO</Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">SASARAN</Data></Cell>
    <Cell ss:MergeDown="1"><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>INDIKATOR</B> KINERJA</ss:Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">SATUAN</Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">TARGET TAHUNAN</Data></Cell>
    <Cell ss:MergeAcross="3"><Data ss:Type="String">REALISASI</Data></Cell>
   </Row>
   <Row>
    <Cell ss:Index="6"><Data ss:Type="String">TW I</Data></Cell><Cell><Data ss:Type="String">TW II</Data></Cell>
    <Cell><Data ss:Type="String">TW III</Data></Cell><Cell><Data ss:Type="String">TW IV</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">S</Data></Cell>
    <Cell><Data ss:Type="String">Persentase record data kepegawaian terisi lengkap</Data>
     <Comment ss:Author="x"><ss:Data><Font>angka 12345</Font></ss:Data></Comment></Cell>
    <Cell><Data ss:Type="String">%</Data></Cell><Cell ss:Formula="=100-5"><Data ss:Type="Number">95</Data></Cell>
    <Cell ss:StyleID="pct"><Data ss:Type="Number">0.912</Data></Cell>
    <Cell ss:StyleID="lit"><Data ss:Type="Number">92.5</Data></Cell>
    <Cell><Data ss:Type="String">94,1</Data></Cell>
    <Cell ss:StyleID="lit"><Data ss:Type="Number">94.83</Data></Cell>
   </Row>
   <Row ss:Index="9"><Cell ss:StyleID="tgl"><Data ss:Type="DateTime">2024-09-25T00:00:00.000</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="RAHASIA">
  <Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
</Workbook>
"""


def test_an_xml_spreadsheet_2003_file_named_xls_is_read_with_its_formats_merges_and_hidden_sheets():
    book = read_workbook(XML2003.encode(), "ekspor.xls")
    assert values(book) == {"Persentase record data kepegawaian terisi lengkap": ("95", ["91.2", "92.5", "94.1", "94.83"])}
    assert ("RAHASIA", "tersembunyi") in book.skipped_sheets
    sheet = read_sheets(XML2003.encode(), "ekspor.xls")[0]
    assert (3, 5, 3, 8) in sheet.merged and (3, 0, 4, 0) in sheet.merged
    assert sheet.cell(8, 0).kind == "date" and sheet.cell(8, 0).value.isoformat() == "2024-09-25T00:00:00"


def test_an_xml_spreadsheet_2003_file_declaring_entities_is_refused():
    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + XML2003.split("?>", 2)[2].encode()
    with pytest.raises(ReadError, match="bukan XML yang sah"):
        read_sheets(data, "ekspor.xls")


def test_an_xml_spreadsheet_2003_row_past_the_limit_is_refused_naming_the_cell():
    data = XML2003.replace('<Row ss:Index="9">', '<Row ss:Index="30000">').encode()
    with pytest.raises(ReadError, match="sel A30000"):
        read_sheets(data, "ekspor.xls")


def test_a_decimal_read_from_any_reader_is_exact():
    book = read_workbook(ods(), "unit.ods")
    assert book.rows[0].realisasi[4] == Decimal("94.83")


# ---------------------------------------------------------------- CSV within the same limits

def test_a_csv_of_a_million_short_lines_is_refused_before_it_is_parsed():
    with pytest.raises(ReadError, match="berkas CSV berisi 1.000.000 baris"):
        read_sheets(b"1\n" * 1_000_000, "x.csv")


def test_a_csv_of_separators_only_is_refused_before_it_is_parsed():
    with pytest.raises(ReadError, match="sel terisi"):
        read_sheets((b";" * 10_000 + b"\n") * 100, "x.csv")


def test_a_csv_row_past_the_last_row_read_is_refused_naming_the_cell():
    data = b"INDIKATOR KINERJA;TARGET\n" + b"\n" * (grid.MAX_ROWS + 10) + b"x;1\n"
    with pytest.raises(ReadError, match="sel A25012"):
        read_sheets(data, "x.csv")


# ---------------------------------------------------------------- other writers of .xlsx

def test_a_sheet_whose_namespace_is_prefixed_reads_the_same():
    import re

    def prefix(xml):
        xml = xml.replace(b'<worksheet xmlns="', b'<x:worksheet xmlns:x="').replace(b"</worksheet>", b"</x:worksheet>")
        return re.sub(rb"<(/?)(sheetData|row|c|v|is|t|dimension|sheetViews|sheetView|selection|sheetFormatPr|"
                      rb"pageMargins|cols|col|f|mergeCells|mergeCell)\b", rb"<\1x:\2", xml)

    assert values(read_workbook(rezip(base(), change=sheet_xml(prefix)), "x.xlsx")) == SHOWN


def test_a_strict_open_xml_workbook_reads_the_same():
    def strict(xml):
        return xml.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                           b"http://purl.oclc.org/ooxml/spreadsheetml/main").replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships")

    names = zipfile.ZipFile(io.BytesIO(base())).namelist()
    data = rezip(base(), change={n: strict for n in names if n.endswith((".xml", ".rels"))})
    assert values(read_workbook(data, "x.xlsx")) == SHOWN


def test_rich_text_runs_are_one_text_without_their_phonetic_guide():
    def rich(xml):
        return xml.replace(b"<si><t>INDIKATOR KINERJA</t></si>",
                           b'<si><r><rPr><b/></rPr><t>INDIKATOR </t></r><r><t xml:space="preserve">KINERJA</t></r>'
                           b'<rPh sb="0" eb="1"><t>XX</t></rPh></si>')

    data = rezip(base(), change={"xl/sharedStrings.xml": rich})
    assert read_sheets(data, "x.xlsx")[0].rows[4][2].value == "INDIKATOR KINERJA"
    assert values(read_workbook(data, "x.xlsx")) == SHOWN


def test_a_workbook_that_lost_its_relationships_part_still_finds_its_sheet():
    assert values(read_workbook(rezip(base(), drop=("xl/_rels/workbook.xml.rels",)), "x.xlsx")) == SHOWN


def test_every_cell_type_and_formula_result_is_typed():
    def typed(xml):
        return xml.replace(b"</sheetData>", b'<row r="30"><c r="A30" t="d"><v>2024-09-25T00:00:00</v></c>'
                           b'<c r="B30" t="e"><v>#DIV/0!</v></c><c r="C30" t="b"><v>1</v></c>'
                           b'<c r="D30" t="str"><f>A1&amp;""</f><v>hasil</v></c><c r="E30"><f>1/0</f></c>'
                           b'<c r="F30" t="str"><f>""</f><v></v></c><c r="G30"><f t="shared" si="0"/><v>5</v></c>'
                           b'<c r="H30"><v>abc</v></c><c r="I30" t="s"><v>0</v></c>'
                           b'<c r="J30" t="inlineStr"><is><t>baris_x000D__x000A_baru</t></is></c></row></sheetData>')

    row = read_sheets(rezip(base(), change=sheet_xml(typed)), "x.xlsx")[0].rows[29]
    assert [(c.kind, c.value) for c in row[1:]] == [
        ("error", "#DIV/0!"), ("bool", True), ("text", "hasil"), ("formula_no_value", "=1/0"), ("empty", None),
        ("number", 5), ("text", "abc"), ("text", "FORMAT PENGUMPULAN DATA KINERJA"),
        ("text", "baris\nbaru")]   # _x000D_ unescaped, then dropped as a control character
    assert row[0].kind == "date" and row[0].value.isoformat() == "2024-09-25T00:00:00"


def test_a_shared_text_index_that_does_not_exist_is_a_damaged_file():
    data = rezip(base(), change=sheet_xml(lambda xml: xml.replace(b"</sheetData>", b'<row r="30"><c r="A30" t="s">'
                                                                                  b"<v>999999</v></c></row></sheetData>")))
    with pytest.raises(ReadError, match="sel A30 lembar 'TW IV' menunjuk teks yang tidak ada"):
        read_sheets(data, "x.xlsx")


def test_an_html_table_after_a_php_notice_is_still_the_table():
    body = (f"<table>{TWO_ROW_HEADER}<tr><td>1</td><td>S</td><td>Jumlah ASN dijatuhi hukuman disiplin</td>"
            "<td>orang</td><td>20</td><td>4</td><td>6</td><td>3</td><td>5</td></tr></table>")
    data = b"\nNotice: Undefined index: tahun in /var/www/html/cetak.php on line 12\n" + body.encode()
    assert values(read_workbook(data, "cetak.xls")) == {"Jumlah ASN dijatuhi hukuman disiplin": ("20", ["4", "6", "3", "5"])}


# ---------------------------------------------------------------- empty cells that only carry a format

def styled_empty_cells(rows: int, columns=(b"AA", b"AB", b"AC", b"AD", b"AE")) -> bytes:
    block = b"".join(b'<row r="%d">' % r + b"".join(b'<c r="%s%d" s="0"/>' % (c, r) for c in columns) + b"</row>"
                     for r in range(100, 100 + rows))
    return rezip(base(), change=sheet_xml(lambda xml: xml.replace(b"</sheetData>", block + b"</sheetData>")))


def test_empty_cells_with_only_a_format_are_not_content():
    data = styled_empty_cells(20_000)
    sheet = read_sheets(data, "x.xlsx")[0]
    assert len(sheet.rows) == len(sop_rows(ROWS, HEADER))   # the title and the table, nothing below
    assert values(read_workbook(data, "x.xlsx")) == SHOWN


def test_more_cell_elements_than_the_limit_are_refused_saying_to_clear_the_formats(monkeypatch):
    monkeypatch.setattr(grid, "MAX_XML_CELLS", 5_000)
    with pytest.raises(ReadError, match="lebih dari 5.000 sel, kebanyakan sel kosong.*Clear All"):
        read_sheets(styled_empty_cells(2_000), "x.xlsx")


def test_the_marked_copy_of_a_workbook_too_big_for_openpyxl_is_rendered_from_what_was_read(tmp_path, monkeypatch):
    from kinerja.ingest import annotate

    monkeypatch.setattr(annotate, "COPY_LIMIT_XML_BYTES", 1000)
    rows = sop_rows([[1, S1, "Persentase record data", "%", 95, "sembilan puluh", None, None, None]], HEADER)
    data = xlsx(Sheet("TW IV", rows))
    book = read_workbook(data, "x.xlsx")
    annotate_errors(data, "x.xlsx", book.problems, tmp_path / "ditandai.xlsx")
    import openpyxl

    marked = openpyxl.load_workbook(tmp_path / "ditandai.xlsx")
    assert marked.sheetnames == ["KESALAHAN", "TW IV"] and marked["TW IV"]["F6"].comment is not None


@pytest.mark.parametrize("name, data", [
    ("kosong.xls", html_page("<table>" + ("<tr>" + "<td></td>" * 200 + "</tr>") * 50 + "</table>")),
    ("kosong.ods", None),
])
def test_empty_cells_of_ods_and_html_count_against_the_same_limit(name, data, monkeypatch):
    monkeypatch.setattr(grid, "MAX_XML_CELLS", 5_000)
    if data is None:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table, TableCell, TableRow

        doc = OpenDocumentSpreadsheet()
        table = Table(name="KOSONG")
        for _ in range(60):
            row = TableRow()
            for _ in range(100):
                row.addElement(TableCell())
            table.addElement(row)
        doc.spreadsheet.addElement(table)
        buffer = io.BytesIO()
        doc.write(buffer)
        data = buffer.getvalue()
    with pytest.raises(ReadError, match="lebih dari 5.000 sel"):
        read_sheets(data, name)


def test_entities_declared_in_an_html_page_are_never_expanded_nor_fetched():
    laughs = "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefg", "bcdefgh"))
    page = (f'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">{laughs}<!ENTITY s SYSTEM "file:///etc/passwd">]>'
            "<table><tr><td>INDIKATOR &h;</td><td>&s;</td></tr></table>").encode()
    assert [c.value for c in read_sheets(page, "x.xls")[0].rows[0]] == ["INDIKATOR &h;", "&s;"]


def test_more_shared_texts_than_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(grid, "MAX_XML_CELLS", 10)
    with pytest.raises(ReadError, match="lebih dari 10 teks bersama"):
        read_sheets(base(), "x.xlsx")


def test_a_package_of_ten_thousand_parts_is_refused_before_any_is_read():
    from kinerja.ingest.zipxml import MAX_ENTRIES

    add = {f"xl/media/image{n}.png": b"" for n in range(MAX_ENTRIES)}
    with pytest.raises(ReadError, match="bagian, lebih dari batas 10.000"):
        read_sheets(rezip(base(), add=add), "x.xlsx")


def test_an_encrypted_or_oddly_compressed_part_is_a_damaged_file():
    data = bytearray(rezip(base()))
    at = data.find(b"PK\x01\x02")
    while at >= 0:   # every part now says it uses compression method 9 (deflate64)
        struct.pack_into("<H", data, at + 10, 9)
        struct.pack_into("<H", data, struct.unpack_from("<I", data, at + 42)[0] + 8, 9)
        at = data.find(b"PK\x01\x02", at + 4)
    with pytest.raises(ReadError, match="tidak dapat dibuka"):
        read_sheets(bytes(data), "x.xlsx")


def test_an_ods_whose_content_unpacks_past_the_limit_is_refused_before_reading():
    padding = b" " * (grid.MAX_XML_BYTES + 1)
    data = rezip(ods(), change={"content.xml": lambda xml: xml.replace(b"<office:body>", padding + b"<office:body>", 1)})
    with pytest.raises(ReadError, match="terlalu besar setelah dibuka.*'content.xml'"):
        read_sheets(data, "unit.ods")


def test_an_xls_cell_past_the_last_row_read_is_refused_naming_it():
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("DATA")
    ws.write(0, 0, "INDIKATOR KINERJA")
    ws.write(grid.MAX_ROWS, 2, "x")
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ReadError, match="lembar 'DATA' berisi sesuatu di sel C25001"):
        read_sheets(buffer.getvalue(), "x.xls")


def test_an_ods_cell_repeated_across_columns_is_each_of_those_cells():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="ULANG")
    for _ in range(2):
        row = TableRow()
        cell = TableCell(valuetype="float", value="5", numbercolumnsrepeated=3)
        cell.addElement(P(text="5"))
        row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.write(buffer)
    sheet = read_sheets(buffer.getvalue(), "x.ods")[0]
    assert [[c.value for c in row] for row in sheet.rows] == [[5, 5, 5], [5, 5, 5]]


def test_the_dashboard_refuses_uploads_past_the_reading_limit_before_holding_them():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * grid.MEGABYTE == grid.MAX_FILE_BYTES


@pytest.mark.parametrize("name, encoding, separator", [("ekspor.xls", "utf-8", "\t"), ("ekspor.xlsx", "utf-16", ";"),
                                                       ("ekspor.xls", "cp1252", ",")])
def test_separated_text_saved_as_xls_or_xlsx_is_read_as_the_table_it_is(name, encoding, separator):
    lines = [HEADER] + [["" if v is None else str(v).replace(".", ",") for v in row] for row in ROWS]
    data = "\r\n".join(separator.join(f'"{v}"' if separator in v else v for v in line) for line in lines).encode(encoding)
    assert values(read_workbook(data, name)) == SHOWN


def test_binary_bytes_named_xlsx_are_one_message_saying_what_to_do():
    with pytest.raises(ReadError, match="bukan lembar kerja yang dikenal.*simpan sebagai .xlsx"):
        read_sheets(bytes(range(256)) * 10, "aneh.xlsx")


def test_a_password_protected_ods_is_asked_to_be_unlocked():
    def encrypted(xml):
        return xml.replace(b'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
                           b'manifest:full-path="content.xml" manifest:media-type="text/xml">'
                           b'<manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry>')

    with pytest.raises(ReadError, match="berkas .ods terkunci kata sandi"):
        read_sheets(rezip(ods(), change={"META-INF/manifest.xml": encrypted}), "kunci.ods")
