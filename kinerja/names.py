"""Normalised names, so that "Persentase  ASN yang..." and "PERSENTASE ASN YANG ..." match."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z%]+")


@lru_cache(maxsize=65536)  # imports normalise the same names many times over
def normalize_name(text: str) -> str:
    """Lower case, accents and punctuation folded, runs of spaces collapsed."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub(" ", folded.lower()).strip()


# Signs that change what an indicator measures: "SKP ≥ 90" and "SKP < 90" are two indicators.
_MEANINGFUL = "≥≤<>=%"
_SPELLINGS = ((">=", "≥"), ("=>", "≥"), ("<=", "≤"), ("=<", "≤"))
_KEY_SPLIT = re.compile(r"([≥≤<>=%])|[^0-9a-z≥≤<>=%]+")


@lru_cache(maxsize=65536)
def indicator_key(text: str) -> str:
    """The identity of an indicator's name within a unit: like normalize_name (case, accents,
    punctuation and spacing folded), but comparison signs and % kept as words of their own and
    ">=" read as "≥". Migration 0004 computes the same key in SQL for indikator.nama_norm."""
    text = unicodedata.normalize("NFKC", text).lower()
    for spelling, sign in _SPELLINGS:
        text = text.replace(spelling, sign)
    folded = "".join(c if c in _MEANINGFUL else unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode()
                     for c in text)
    return " ".join(_KEY_SPLIT.sub(r" \1 ", folded).split())
