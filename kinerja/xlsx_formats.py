"""Cell formats shared by the workbooks we write with xlsxwriter (template, export)."""
from __future__ import annotations

from decimal import Decimal

MAX_DECIMALS = 6  # values are stored with six decimals


def number_format(value) -> str:
    """'#,##0' with as many decimals as the value has: Excel shows it with the reader's locale
    separators (77.668 and 94,83 in Indonesian), and never a trailing separator ("93,")."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    decimals = min(max(-exponent, 0), MAX_DECIMALS) if isinstance(exponent, int) else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


class Formats:
    """One xlsxwriter Format per distinct set of properties (a workbook holds a limited number)."""

    def __init__(self, workbook, base: dict | None = None):
        self.workbook, self.base, self.cache = workbook, base or {}, {}

    def __call__(self, **props):
        merged = {**self.base, **props}
        key = tuple(sorted(merged.items()))
        if key not in self.cache:
            self.cache[key] = self.workbook.add_format(merged)
        return self.cache[key]
