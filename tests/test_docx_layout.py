"""Column widths of the draft's tables: never narrower than a column's longest word in the font it
is printed in; numbers narrow, text wide; a smaller size before a broken word."""
from docx.shared import Cm

from kinerja.reports.docx_layout import (
    FONT_SIZES,
    column,
    least,
    needs_landscape,
    text_width,
    widths,
)


def test_text_is_measured_in_arial_metrics():
    assert text_width("WWW", 10) > text_width("iii", 10) * 3  # proportional, not a character count
    assert text_width("Realisasi", 8, bold=True) > text_width("Realisasi", 8)
    assert abs(text_width("0", 10) - Cm(0.556 * 10 / 72 * 2.54) * 1.06) < 2000  # Arial's digit: 0.556 em


def test_every_column_is_as_wide_as_its_longest_word_and_the_text_column_gets_the_rest():
    columns = [column("No", ["1", "12"], text=False),
               column("Indikator Kinerja", ["Persentase pegawai yang mengikuti pembinaan kepegawaian"] * 3, text=True),
               column("Satuan", ["dokumen"], text=True),
               column("Realisasi anggaran (Rp)", ["1.900.000.000"], text=False)]
    found, size = widths(columns, Cm(16))
    assert size == FONT_SIZES[0] and abs(sum(found) - Cm(16)) < 100
    assert all(w >= least(c, size) for w, c in zip(found, columns))
    assert found[1] == max(found) and found[0] == min(found)  # the text column wide, No narrow


def test_a_crowded_table_gets_a_smaller_font_before_a_word_is_broken():
    columns = [column(f"Realisasi {y}", ["1.900.000.000"], text=False) for y in range(2021, 2031)]
    roomy = widths(columns, Cm(25))
    crowded = widths(columns, sum(least(c, FONT_SIZES[0]) for c in columns) - Cm(0.5))
    assert roomy[1] == FONT_SIZES[0] and crowded is not None and crowded[1] < FONT_SIZES[0]
    assert widths(columns, Cm(3)) is None  # no size fits: the caller says so


def test_a_table_goes_landscape_when_portrait_has_no_room_to_read():
    narrow = [column("No", ["1"], text=False), column("Sasaran", ["Meningkatnya akuntabilitas"], text=True)]
    wide = narrow + [column(f"Capaian (%) {y}", ["101,97 %"], text=False) for y in range(2021, 2027)] * 2
    assert not needs_landscape(narrow, Cm(16)) and needs_landscape(wide, Cm(16))
