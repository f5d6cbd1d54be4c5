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
