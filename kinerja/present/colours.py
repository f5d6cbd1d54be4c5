"""Text on a coloured cell: the kategori colours of any scale a user sets, in every output."""
from __future__ import annotations


def ink(warna) -> str | None:
    """Black or white, whichever reads better on the "#RRGGBB" fill; None for no colour."""
    if not isinstance(warna, str) or not warna.startswith("#") or len(warna) != 7:
        return None
    red, green, blue = (int(warna[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#FFFFFF"
