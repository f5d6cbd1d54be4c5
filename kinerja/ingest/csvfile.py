"""CSV files as units send them: Excel in Indonesian writes `;` with decimal commas, often a BOM and
sometimes a `sep=;` first line; "Unicode text" is UTF-16 with tabs; older files are Windows-1252.

The encoding is read from the bytes (BOM, then strict UTF-8, then strict Windows-1252; anything else
is refused naming the line). The delimiter is the one that makes a row the table's header (a row
with INDIKATOR among several cells) and splits the lines below it into that header's width, never
the character that merely occurs most often: names and notes are full of commas.
"""
from __future__ import annotations

import csv
import io
import re

from kinerja.safety import printable

DELIMITERS = [";", ",", "\t", "|"]   # in order of preference on a tie (Excel in Indonesian: ';')
BOMS = [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]
_SEP_LINE = re.compile(r"^\s*sep=(.)\s*$", re.I)


class CsvError(ValueError):
    """Bytes that are no text in the encodings units' programs write, or no CSV; in Bahasa Indonesia."""


def read_csv(data: bytes) -> list[list[str]]:
    """The file's rows of cell texts (without control characters, stripped). Raises CsvError."""
    text = decode(data)
    lines = text.split("\n", 1)
    forced = None
    if (match := _SEP_LINE.match(lines[0])):
        forced, text = match.group(1), lines[1] if len(lines) > 1 else ""
    delimiter = forced or choose_delimiter(text)
    rows = [[printable(value).strip() for value in row] for row in split(text, delimiter)]
    check_widths(rows, delimiter)
    return rows


def check_widths(rows: list[list[str]], delimiter: str) -> None:
    """A line below the header with text past the header's last column was split by a delimiter
    inside a name or note: its values would land under the wrong columns. Raises CsvError."""
    header = next((i for i, row in enumerate(rows) if _is_header(row)), None)
    if header is None:
        return
    width = max((c for c, v in enumerate(rows[header]) if v), default=0) + 1
    for i, row in enumerate(rows[header + 1:], start=header + 2):
        if any(row[width:]):
            shown = {";": "titik koma (;)", ",": "koma (,)", "\t": "tab", "|": "garis tegak (|)"}[delimiter]
            raise CsvError(f"baris {i} berisi {len(row)} kolom, lebih banyak dari {width} kolom judul tabel: ada "
                           f"{shown} di dalam teks yang tidak diapit tanda kutip, sehingga angka bergeser ke kolom "
                           "lain. Apit teks itu dengan tanda kutip (\"...\") atau simpan berkas sebagai .xlsx.")


def decode(data: bytes) -> str:
    """The text of the file; line ends become "\\n"."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom):], encoding)
    sample = data[:4096]
    if sample.count(0) * 4 >= len(sample):
        # UTF-16 without a BOM: ASCII text has its zero bytes on one side of every pair.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return _decoded(data, "utf-16-be" if even > odd else "utf-16-le")
    try:
        return _decoded(data, "utf-8")
    except CsvError:
        return _decoded(data, "cp1252")


def _decoded(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise CsvError(
            f"baris {line} berisi byte 0x{data[exc.start]:02X} yang bukan teks (dibaca sebagai UTF-8, UTF-16 dan "
            "Windows-1252). Buka berkas di Excel lalu simpan sebagai 'CSV UTF-8 (Comma delimited)', atau "
            "simpan sebagai .xlsx.") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [row for row in reader]
    except csv.Error:
        raise CsvError(f"baris {reader.line_num} tidak dapat dibaca sebagai CSV: tanda kutip (\") tidak "
                        "berpasangan atau isi satu sel terlalu panjang. Periksa baris itu, atau simpan berkas "
                        "sebagai .xlsx.") from None


def choose_delimiter(text: str) -> str:
    """The delimiter under which a header row is found and the most lines below it have its width."""
    def score(delimiter: str) -> tuple:
        try:
            rows = split(text, delimiter)
        except CsvError:
            return (False, 0, 0)
        header = next((i for i, row in enumerate(rows) if _is_header(row)), None)
        if header is None:
            return (False, 0, 0)
        width = len(rows[header])
        body = [row for row in rows[header + 1:] if len(row) > 1]
        return (True, -sum(len(row) != width for row in body), sum(bool(v.strip()) for v in rows[header]))

    scores = {d: score(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (scores[d], -DELIMITERS.index(d)))
    return best if scores[best][0] else max(DELIMITERS, key=lambda d: (text.count(d), -DELIMITERS.index(d)))


def _is_header(row: list[str]) -> bool:
    """As headers.find_header sees a header: several cells, one of them naming INDIKATOR."""
    return sum(bool(v.strip()) for v in row) >= 2 and any("INDIKATOR" in v.upper() for v in row)

