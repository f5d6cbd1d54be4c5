"""No row of a table is lost without a word (issue 12, kind 3): every non-empty row under a table's
header is read as an indicator, taken as a heading, or skipped with a reason the summary shows,
whatever the sheet declares as its used range."""
import io
import re
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.ingest.reader import read_workbook
from tests.workbooks import SOP_HEADER, Sheet, sop_rows, xlsx

WIDTH = len(SOP_HEADER)


def padded(*cells):
    return list(cells) + [None] * (WIDTH - len(cells))


# kind of row -> (cells given its number, the fate the reader must give it; None: an empty row)
ROWS = {
    "indikator": (lambda i: padded(i, None, f"Indikator {i}", "orang", 100, 25, 25, 25, 25, 10), "indikator"),
    "indikator_tanpa_nilai": (lambda i: padded(i, None, f"Indikator {i}", "orang"), "indikator"),
    "sasaran_kolom": (lambda i: padded(None, f"Meningkatnya mutu layanan {i}"), "judul"),
    "sasaran_baris": (lambda i: padded(None, None, f"Sasaran {i}: Meningkatnya mutu layanan"), "judul"),
    "program": (lambda i: padded(None, None, "5.03.02 Program Kepegawaian Daerah"), "judul"),
    "kegiatan": (lambda i: padded(None, None, f"5.03.02.2.0{i % 9 + 1} Kegiatan {i}"), "judul"),
    "catatan": (lambda i: padded(*[None] * 13, f"catatan {i}"), "dilewati"),
    "jumlah": (lambda i: padded("JUMLAH", None, None, None, 400), "dilewati"),
    "angka_tanpa_nama": (lambda i: padded(None, None, None, None, 100 + i), "dilewati"),
    "kosong": (lambda i: [], None),
}
FOOTER = [padded(*[None] * 10, "Samarinda, 10 Januari 2025"), padded(*[None] * 10, "Kepala Bidang Mutasi"), [],
          padded(*[None] * 10, "NIP. 19780101 200501 1 001")]
DIMENSIONS = st.sampled_from([None, "A1", "A1:C3", "B2:D4", "A1:N6", "A1:Z400", "A5:N5"])


def declare(data: bytes, ref: str | None) -> bytes:
    """The same workbook with its sheet declaring `ref` as its used range (None: as written)."""
    if ref is None:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), body)
            target.writestr(info, body)
    return out.getvalue()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(sorted(ROWS)), min_size=1, max_size=30), st.booleans(), DIMENSIONS)
def test_every_non_empty_row_is_accounted_for(kinds, footer, dimension):
    body = [ROWS[kind][0](i + 1) for i, kind in enumerate(kinds)]
    rows = sop_rows(body) + (FOOTER if footer else [])
    first = len(sop_rows([]))   # rows of the table start after the title rows and the header
    expected = {first + i + 1: ROWS[kind][1] for i, kind in enumerate(kinds) if ROWS[kind][1]}
    if footer:
        expected.update({first + len(body) + i + 1: "dilewati" for i, row in enumerate(FOOTER) if row})

    book = read_workbook(declare(xlsx(Sheet("TW I", rows)), dimension), "unit.xlsx")

    assert {fate.row: fate.fate for fate in book.fates} == expected
    assert len(book.fates) == len(expected)   # each row once
    assert all(fate.reason for fate in book.fates)
    assert book.fate_counts()["indikator"] == len(book.rows)
    assert [r.nama for r in book.rows] == [f"Indikator {i + 1}" for i, kind in enumerate(kinds)
                                           if ROWS[kind][1] == "indikator"]
    # a number without an indicator name is never dropped silently: it blocks the import
    nameless = [first + i + 1 for i, kind in enumerate(kinds) if kind == "angka_tanpa_nama"]
    assert sorted(p.row for p in book.errors) == nameless
    assert {p.kind for p in book.errors} <= {"tanpa_nama"}


def test_the_reasons_say_why_a_row_was_skipped():
    rows = sop_rows([ROWS["indikator"][0](1), ROWS["jumlah"][0](2), ROWS["catatan"][0](3)]) + FOOTER
    book = read_workbook(xlsx(Sheet("TW I", rows)), "unit.xlsx")
    reasons = [(f.row, f.fate, f.reason) for f in book.fates]
    assert reasons[1] == (7, "dilewati", "baris jumlah (dihitung ulang oleh aplikasi, tidak diimpor)")
    assert reasons[2] == (8, "dilewati", "tanpa nama indikator dan tanpa nilai")
    assert reasons[3][2] == "di bawah tabel (blok tanda tangan mulai baris 9)"
    assert book.fate_counts() == {"indikator": 1, "judul": 0, "dilewati": 5}


def test_an_unknown_column_with_numbers_is_a_warning_not_a_silent_loss():
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "HASIL PENGUKURAN", "CAPAIAN (%)",
              "KET"]
    rows = sop_rows([[1, "S", "Jumlah ASN", "orang", 100, 20, 20, "catatan"]], header)
    book = read_workbook(xlsx(Sheet("TW I", rows)), "unit.xlsx")
    (warning,) = book.warnings
    assert (warning.row, warning.column, warning.cell, warning.kind) == (6, "HASIL PENGUKURAN", "20", "kolom_tak_dikenal")
    assert not book.errors and book.rows[0].realisasi == {}
