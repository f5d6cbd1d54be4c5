"""Indonesian numbers: parse what units type, format what people read."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, DefaultContext, InvalidOperation
from typing import Iterable

from kinerja.model import TargetValue

MISSING = {"", "-", "–", "—", "n/a", "na", "belum ada data", "tidak ada", "tidak ada data"}
MICRO = Decimal("0.000001")
# Half up in the default context: HALF_UP.quantize(value, exponent) is value.quantize(exponent,
# rounding=ROUND_HALF_UP), the rounding of every published value, at a third of the keyword's cost
# (for a column of values at a time).
HALF_UP = DefaultContext.copy()
HALF_UP.rounding = ROUND_HALF_UP
# Values are stored as DECIMAL(38,6), and capaian multiplies them as integer micro-units in 128-bit
# integers (queries/capaian.sql): below 10^20 every stored value and every product stays exact.
LIMIT = Decimal(10) ** 20
TOO_LARGE = ("terlalu besar (paling banyak 20 angka sebelum koma). Periksa angkanya: mungkin ada angka "
             "yang tertempel atau satuan yang keliru.")
DECIMALS = 6  # the decimals a value keeps: DECIMAL(38, 6) in the database, micro-units in capaian

_NUMBER = re.compile(r"^(?P<sign>[-−]?)\s*(?:rp\.?\s*)?(?P<body>\d[\d.,\s]*?)\s*(?P<pct>%?)$", re.I)
_RANGE = re.compile(r"^(?P<lo>[\d.,]+\s*%?)\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai)\s*(?P<hi>[\d.,]+\s*%?)$", re.I)
NOT_A_NUMBER = "bukan angka. Tulis angka saja, mis. 94,83 atau 1.900.000; tulis '-' bila belum ada data."
# Spaces (also no-break and thin spaces) may only separate groups of three digits: "1 200", "1 200 000,5".
_SPACE_GROUPED = re.compile(r"^(?P<whole>\d{1,3}(?:\s\d{3})+)(?:(?P<point>[.,])(?P<frac>\d+))?$")
_DASH_END = re.compile(r"[,.]-$")
_SPACE = re.compile(r"\s")
SPACE_INSIDE = ("ada spasi di tengah angka yang bukan pemisah ribuan (kelompok tiga angka, mis. 1 200). "
                "Hapus spasinya atau perbaiki angkanya, mis. 295 atau 94,83.")


class NumberError(ValueError):
    """A cell that is not a number; the message says what to do, in Bahasa Indonesia. `kind` is the
    stable code of the fault (model.Problem.kind): "angka", "spasi_angka", "angka_di_luar_batas",
    "tanggal", "rentang"."""

    def __init__(self, message: str, kind: str = "angka"):
        super().__init__(message)
        self.kind = kind


def says_no_data(text: str) -> bool:
    """True for the texts people write for "no data yet" ('-', 'N/A', ...): missing, never zero."""
    return text.strip().lower() in MISSING


def _separators(body: str) -> tuple[str | None, str | None]:
    """(decimal point, thousands separator) as the text itself shows them; ("?", sep) if ambiguous."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:  # both present: the last one is the decimal point
        return ("," , ".") if body.rfind(",") > body.rfind(".") else (".", ",")
    if not dots and not commas:
        return None, None
    sep = "." if dots else ","
    if dots + commas > 1:
        return None, sep
    if len(body.rsplit(sep, 1)[1]) != 3:
        return sep, None
    return "?", sep


def detect_decimal(texts: Iterable[str]) -> str:
    """'titik' when any text number writes its decimals with a dot, else 'koma' (Indonesian)."""
    for text in texts:
        if "." not in text:  # without a dot no decimal is written with one: skipped unparsed (a 'koma' file's cells)
            continue
        match = _NUMBER.match(text.strip())
        if match and not _SPACE.search(match.group("body")) and _separators(match.group("body"))[0] == ".":
            return "titik"
    return "koma"


def parse_number(text: str, decimal: str = "koma") -> Decimal | None:
    """An exact Decimal from text typed the Indonesian way; None for "no value" texts.
    Raises NumberError (message in Bahasa Indonesia) for anything else, for spaces that do not
    separate groups of three digits, and for values of 10^20 or more (LIMIT)."""
    if says_no_data(text):
        return None
    # Non-breaking spaces from copied web pages; money written "Rp 1.500.000,-".
    text = _DASH_END.sub("", text.replace("\xa0", " ").strip())
    match = _NUMBER.match(text)
    if not match:
        raise NumberError(NOT_A_NUMBER)
    body = match.group("body")
    if _SPACE.search(body):
        grouped = _SPACE_GROUPED.match(body)
        if not grouped:
            raise NumberError(SPACE_INSIDE, "spasi_angka")
        whole, frac = _SPACE.sub("", grouped.group("whole")), grouped.group("frac")
        # "1 200.000" mixes two thousands separators unless the file writes decimals with a dot
        if frac and len(frac) == 3 and grouped.group("point") == ("." if decimal == "koma" else ","):
            raise NumberError(NOT_A_NUMBER)
        return _checked(_typed(Decimal(f"{whole}.{frac}" if frac else whole), grouped.group("point")),
                        negative=bool(match.group("sign")))
    point, thousands = _separators(body)
    if point == "?":
        if decimal == "titik":
            raise NumberError(
                "bisa dibaca sebagai ribuan atau desimal, karena berkas ini menulis desimal dengan titik. "
                "Tulis tanpa pemisah ribuan (mis. 1234) atau dengan dua angka desimal (1.23)."
            )
        point, thousands = ("," , None) if thousands == "," else (None, ".")
    whole, _, frac = body.partition(point) if point else (body, "", "")
    if thousands:
        groups = whole.split(thousands)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise NumberError(NOT_A_NUMBER)
        whole = "".join(groups)
    if not whole.isdigit() or (point and not frac.isdigit()):
        raise NumberError(NOT_A_NUMBER)
    return _checked(_typed(Decimal(f"{whole}.{frac}" if frac else whole), point), negative=bool(match.group("sign")))


def _checked(value: Decimal, negative: bool = False) -> Decimal:
    """The value, refused when the database and capaian cannot hold it exactly (see LIMIT)."""
    if not value.is_finite():
        raise NumberError("bukan angka (NaN atau tak hingga). Tulis angkanya saja, mis. 94,83.", "angka_di_luar_batas")
    if abs(value) >= LIMIT:
        raise NumberError(TOO_LARGE, "angka_di_luar_batas")
    return -value if negative else value


def _typed(value: Decimal, point: str | None) -> Decimal:
    """A typed value, refused with more than DECIMALS decimals (written with `point`): rounding it
    silently would store a number the unit did not write, and the same file would then differ from
    what is stored at every import. (Excel's binary floats are rounded instead: from_excel_number.)"""
    decimals = -value.as_tuple().exponent
    if decimals > DECIMALS:
        sign = point or ","
        rounded = format(value.quantize(MICRO, rounding=ROUND_HALF_UP).normalize(), "f").replace(".", sign)
        raise NumberError(f"{decimals} angka di belakang {'koma' if sign == ',' else 'titik'}; paling banyak "
                          f"{DECIMALS}. Tulis angka yang dibulatkan, mis. {rounded}.", "desimal")
    return value


def is_range_shaped(text: str) -> bool:
    """True when `text` has the shape of a target range ("80 - 90", "80 s.d. 90"): parse_target
    reads no other text as a range."""
    return _RANGE.match(text.strip()) is not None


def parse_target(text: str, decimal: str = "koma") -> TargetValue | None:
    """A target: a number, or a range such as "80 - 90" / "80–90" / "80 s.d. 90"."""
    if says_no_data(text):
        return None
    match = _RANGE.match(text.strip())
    if match:
        lo, hi = parse_number(match.group("lo"), decimal), parse_number(match.group("hi"), decimal)
        if lo is None or hi is None or lo > hi:
            raise NumberError("rentang target harus ditulis 'batas bawah - batas atas', mis. 80 - 90.", "rentang")
        return TargetValue(lo, hi, text.strip())
    value = parse_number(text, decimal)
    return None if value is None else TargetValue(value, value)


def from_excel_number(value: float | int, percent_format: bool = False) -> Decimal:
    """An Excel number as the exact Decimal it shows: 0.85 formatted as 85% reads as 85.
    Raises NumberError for NaN, infinities and values of 10^20 or more (LIMIT)."""
    exact = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)  # numpy repr is not a number
    if percent_format:
        exact *= 100
    _checked(exact)
    # Excel stores binary floats; six decimals remove their noise (0.9483 × 100 = 94.83).
    return exact.quantize(MICRO, rounding=ROUND_HALF_UP).normalize() + 0


def format_angka(value, decimals: int | None = None) -> str:
    """Indonesian display: 1.900.000.000; 94,83; decimals=None shows up to six, trailing zeros dropped."""
    if value is None or value != value:
        return "–"
    exact = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)  # numpy repr is not a number
    if decimals is None:
        text = format(exact.quantize(MICRO, rounding=ROUND_HALF_UP).normalize(), "f")
    else:
        text = format(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP), "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def stored_value(text) -> str:
    """A value as riwayat and import plans keep it (canonical text, dot decimals: "1900000000",
    "80 - 90") shown the Indonesian way ("1.900.000.000", "80 - 90"); "–" for none."""
    if not isinstance(text, str):
        return "–"
    try:
        return format_angka(Decimal(text))
    except InvalidOperation:  # a range "80 - 90"
        return " - ".join(stored_value(part.strip()) for part in text.split(" - "))


def format_persen(value) -> str:
    """94,83 %: always two decimals, as capaian is published."""
    return "–" if value is None or value != value else f"{format_angka(value, 2)} %"
