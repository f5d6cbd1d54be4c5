"""CSV files as units' programs write them (issue 12, kind 6): the delimiter that makes the header the
SOP header and every line the same width, whatever character is most frequent; BOM, `sep=` lines,
UTF-8, UTF-16 and Windows-1252; bytes that are no text refused naming the line."""
from decimal import Decimal

import pytest

from kinerja.ingest.cells import ReadError
from kinerja.ingest.csvfile import CsvError, decode, read_csv
from kinerja.ingest.reader import read_workbook

D = Decimal
HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I", "KET"]
ROWS = [
    ["1", "Meningkatnya kualitas data, manajemen, dan layanan ASN", "Persentase record data terisi lengkap, akurat, dan "
     "mutakhir", "%", "95,5", "94,83", "data SIMPEG, diverifikasi, final, lengkap, sesuai SOP, tanpa koreksi"],
    ["2", "", "Jumlah ASN dilatih, dibina, dan dievaluasi", "orang", "1.200", "300", "rekap LMS, BPSDM, mandiri"],
]


def csv_text(delimiter=";", rows=ROWS, header=HEADER, title=True, quote_all=False) -> str:
    def cell(value):
        if quote_all or delimiter in value or '"' in value or "\n" in value:
            return '"' + value.replace('"', '""') + '"'
        return value
    top = ["FORMAT PENGUMPULAN DATA KINERJA", "BIDANG MUTASI", ""] if title else []
    return "\r\n".join(top + [delimiter.join(cell(v) for v in row) for row in [header] + rows]) + "\r\n"


def values(data: bytes, name="berkas.csv"):
    book = read_workbook(data, name, quarter=None)
    assert not book.errors, book.errors
    return [(r.nama, r.target_tahunan.bawah, r.realisasi.get(1)) for r in book.rows]


EXPECTED = [("Persentase record data terisi lengkap, akurat, dan mutakhir", D("95.5"), D("94.83")),
            ("Jumlah ASN dilatih, dibina, dan dievaluasi", D("1200"), D("300"))]


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_every_delimiter_is_found_by_the_header_not_by_counting(delimiter):
    assert values(csv_text(delimiter).encode("utf-8")) == EXPECTED


def test_semicolons_win_although_commas_outnumber_them():
    rows = [r[:-1] + [r[-1] + ", dicek, diparaf, diarsip, dilaporkan"] for r in ROWS]
    text = csv_text(";", rows)
    assert text.count(",") > text.count(";")
    assert values(text.encode()) == EXPECTED


def test_a_comma_file_with_quoted_semicolons_in_notes():
    rows = [r[:-1] + [r[-1].replace(",", ";")] for r in ROWS]
    assert values(csv_text(",", rows, quote_all=True).encode()) == EXPECTED


def test_a_quoted_cell_may_hold_a_line_break():
    rows = [ROWS[0][:-1] + ["baris satu\nbaris dua; tiga"], ROWS[1]]
    book = read_workbook(csv_text(";", rows).encode(), "berkas.csv")
    assert book.rows[0].ket == "baris satu\nbaris dua; tiga"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""), ("utf-16-be", b""), ("cp1252", b""),
])
@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_encodings_office_programs_write(encoding, bom, delimiter):
    assert values(bom + csv_text(delimiter).encode(encoding)) == EXPECTED


def test_windows_1252_text_keeps_its_characters():
    rows = [ROWS[0][:4] + ["90–95", "94,83", "catatan: naik ± 2 poin, “final”"]]
    book = read_workbook(csv_text(";", rows).encode("cp1252"), "berkas.csv")
    assert book.rows[0].target_tahunan.teks == "90–95"
    assert book.rows[0].ket == "catatan: naik ± 2 poin, “final”"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_an_excel_sep_line_names_the_delimiter_and_is_not_a_row(bom, delimiter):
    data = bom + f"sep={delimiter}\r\n".encode() + csv_text(delimiter, title=False).encode()
    assert values(data) == EXPECTED
    assert read_csv(data)[0][0] == "NO"


@pytest.mark.parametrize("raw, line", [(b"\x81", 6), (b"\x8d\x90", 6), (b"\x9d", 6)])
def test_bytes_that_are_no_text_are_refused_naming_the_line(raw, line):
    data = csv_text(";").encode("utf-8").replace(b"Jumlah ASN", b"Jumlah" + raw + b" ASN")
    with pytest.raises(ReadError, match=f"baris {line} .*0x{raw[0]:02X}.*UTF-8"):
        read_workbook(data, "berkas.csv")


def test_an_odd_utf16_file_is_refused_not_crashed():
    with pytest.raises(CsvError, match="bukan teks"):
        decode(b"\xff\xfeA\x00\x00\xd8")   # a lone surrogate


def test_an_unclosed_quote_at_the_end_is_read_as_written():
    data = csv_text(";").encode() + b'3;;"Indikator tanpa penutup;orang;1;1;\r\n'
    book = read_workbook(data, "berkas.csv")
    assert len(book.rows) >= 2


def test_a_file_with_no_table_says_so():
    book = read_workbook("nama;nilai\nA;1\n".encode(), "berkas.csv")
    assert "INDIKATOR KINERJA" in book.errors[0].message


def test_control_characters_and_escape_sequences_are_not_kept():
    rows = [["1", "S", "Jumlah ASN\x01 dilatih\x1b[31m", "orang", "100", "\x1b[2J10\x07", "ket\x0b"]]
    book = read_workbook(csv_text(";", rows).encode(), "berkas.csv")
    assert not book.errors
    row = book.rows[0]
    assert (row.nama, row.realisasi[1], row.ket) == ("Jumlah ASN dilatih", D(10), "ket")


def test_a_line_split_by_an_unquoted_delimiter_is_refused_naming_it():
    text = csv_text(";") + "3;;Jumlah dokumen; laporan, dan SK;dokumen;12;10;catatan\r\n"
    with pytest.raises(ReadError, match="baris 7 berisi 8 kolom, lebih banyak dari 7 kolom judul tabel"):
        read_workbook(text.encode(), "berkas.csv")


def test_trailing_empty_fields_and_short_lines_are_fine():
    text = csv_text(";").replace("\r\n", ";;;\r\n") + "Samarinda, 10 Januari 2025\r\n"
    assert values(text.encode()) == EXPECTED
