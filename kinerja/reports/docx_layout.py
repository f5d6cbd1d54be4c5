"""Page layout of the .docx documents: portrait or landscape sections, and tables that print as
they should: column widths that never break a word, the header row repeated on every page, rows
that do not split across a page, group rows spanning the table.

Widths are measured with the advance widths of Arial (Liberation Sans on LibreOffice, metric
compatible), the font the tables are set in, so the measure holds in Word and LibreOffice alike.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

FONT = "Arial"
# Advance widths of Arial / Liberation Sans in 1/1000 em for the characters 32-126 (from the font's
# hmtx table); any other character counts as the widest Latin letter.
_REGULAR = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
            556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
            722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
            278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_BOLD = [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
         556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
         556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
         556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
         333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584]
WIDEST = 1015
SAFETY = 1.06                 # renderers round glyph positions; a word measured exactly may still not fit
CELL_MARGIN = Cm(0.1)         # left and right inside every cell (set on each table)
BORDER = Pt(1)                # both borders of a column, roughly
FONT_SIZES = [8, 7.5, 7, 6.5, 6]  # tried in turn until every word of the table fits its column
MIN_TEXT = Cm(3)              # a text column narrower than this reads as a column of broken lines



def text_width(text: str, size: float, bold: bool = False) -> Emu:
    """The width of `text` set on one line in FONT at `size` points."""
    table = _BOLD if bold else _REGULAR
    units = sum(table[ord(ch) - 32] if 32 <= ord(ch) < 127 else WIDEST for ch in text)
    return Emu(int(Pt(size) * units / 1000 * SAFETY))


@dataclass
class Column:
    words: list[tuple[str, bool]]  # every unbreakable piece of the column's cells, with bold
    lines: list[tuple[str, bool]]  # every cell's whole text, with bold
    text: bool                     # a text column (gets the room left over); else numbers


def column(header: str, values: list[str], text: bool) -> Column:
    """A column to measure: a text column may wrap between words, a numbers column only inside its
    header ("101,97 %" and "1.900.000.000" stay on one line)."""
    words = [(w, True) for w in header.split()]
    if text:
        words += [(w, False) for v in values for w in v.split()]
    else:
        words += [(v, False) for v in values if v]
    return Column(words, [(header, True)] + [(v, False) for v in values if v], text)


def least(col: Column, size: float) -> Emu:
    """The narrowest the column can be without breaking a word."""
    widest = max((text_width(w, size, b) for w, b in col.words), default=0)
    return Emu(int(widest + 2 * CELL_MARGIN + BORDER))


def natural(col: Column, size: float) -> Emu:
    """The width at which no cell of the column wraps at all."""
    widest = max((text_width(t, size, b) for t, b in col.lines), default=0)
    return Emu(int(widest + 2 * CELL_MARGIN + BORDER))


def widths(columns: list[Column], room: Emu) -> tuple[list[Emu], float] | None:
    """Column widths that fill `room` and break no word, with the font size (points) that makes it
    possible: numbers columns as narrow as their values, text columns sharing what is left in
    proportion to how much they would need not to wrap. None when no size in FONT_SIZES fits."""
    for size in FONT_SIZES:
        low = [least(c, size) for c in columns]
        if sum(low) > room:
            continue
        want = [natural(c, size) for c in columns]
        if sum(want) <= room:  # nothing needs to wrap: the spare room goes to the text columns
            low, want = want, [w if not c.text else w * 4 for w, c in zip(want, columns)]
        spare = room - sum(low)
        need = [max(w - m, 0) if c.text else 0 for w, m, c in zip(want, low, columns)]
        if not sum(need):
            need = [1] * len(columns)
        return [Emu(int(m + spare * n / sum(need))) for m, n in zip(low, need)], size
    return None


def needs_landscape(columns: list[Column], portrait_room: Emu) -> bool:
    """Landscape when the table does not fit portrait with room to read: every word unbroken at the
    largest size and each text column at least MIN_TEXT wide."""
    size = FONT_SIZES[0]
    total = sum(max(least(c, size), MIN_TEXT) if c.text else least(c, size) for c in columns)
    return total > portrait_room


# --------------------------------------------------------------------------- sections


def text_room(section) -> Emu:
    return Emu(section.page_width - section.left_margin - section.right_margin)


def is_landscape(section) -> bool:
    return section.page_width > section.page_height


# --------------------------------------------------------------------------- tables


def fixed_table(document, widths_: list[Emu]):
    """An empty grid table with fixed column widths, centred, cell margins CELL_MARGIN."""
    table = document.add_table(rows=0, cols=len(widths_))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(CELL_MARGIN.twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    look = table._tbl.tblPr.find(qn("w:tblLook"))  # the schema's order: tblCellMar before tblLook
    if look is not None:
        look.addprevious(margins)
    else:
        table._tbl.tblPr.append(margins)
    for col, width in zip(table.columns, widths_):
        col.width = width
    return table


def add_row(table, widths_: list[Emu], header: bool = False):
    """A row that never splits across pages; a header row is repeated on every page."""
    row = table.add_row()
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if header:
        props.append(OxmlElement("w:tblHeader"))
    for cell, width in zip(row.cells, widths_):
        cell.width = width
    return row


def shade(cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:shd")
    el.set(qn("w:val"), "clear")
    el.set(qn("w:color"), "auto")
    el.set(qn("w:fill"), fill)
    props.append(el)


def set_text(cell, text: str, size: float, bold: bool = False, align=None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    run.font.name = FONT
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:cs"), FONT)
    fonts.set(qn("w:eastAsia"), FONT)
