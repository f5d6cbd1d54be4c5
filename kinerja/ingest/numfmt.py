"""What a spreadsheet number format says about its number: a percentage, a date, or neither.

A format is read as Excel reads it (ECMA-376 Part 1, 18.8.31 numFmts): up to four sections split by
unquoted ";" (positive; negative; zero; text), optional [conditions] choosing the section, and
literal text that never counts as a code: "quoted text", a backslash-escaped character (\\%), the
character after "_" (a space as wide as it) or "*" (a fill), and [brackets] (colours, conditions,
currency and locale such as [$Rp-421]). So `0.00%` shows 0.9483 as 94.83%, while `0.00"%"`,
`0.00\\%` and `0.0_%` show the stored number itself (94.83) followed by a percent sign or a space.
"""
from __future__ import annotations

import operator
import re
from functools import lru_cache

# Built-in formats (ECMA-376 18.8.30) that are not stored in the file. 27-36 and 50-58 are the
# East-Asian date formats; xlrd and Excel treat them as dates as well.
BUILTIN = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
    18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    **{n: "yyyy-mm-dd" for n in (*range(27, 37), *range(50, 59))},
}

_TOKEN = re.compile(r'"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?|.', re.S)
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\]")
_ELAPSED = re.compile(r"^\[(h+|m+|s+)\]$", re.I)
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "=": operator.eq,
            "<>": operator.ne}


@lru_cache(maxsize=4096)
def sections(code: str) -> tuple[tuple[str, ...], ...]:
    """The format's sections, each a tuple of tokens ("quoted", \\x, _x, *x, [..] or one character)."""
    out, current = [], []
    for token in _TOKEN.findall(code or ""):
        if token == ";":
            out.append(tuple(current))
            current = []
        else:
            current.append(token)
    out.append(tuple(current))
    return tuple(out)


def _condition(section: tuple[str, ...]):
    for token in section:
        if (match := _CONDITION.fullmatch(token)):
            return _COMPARE[match.group(1)], float(match.group(2))
    return None


def section_for(code: str, value: float) -> tuple[str, ...]:
    """The section Excel uses to show the number `value`."""
    found = [s for s in sections(code)][:4]
    numeric = found[:3]
    conditions = [_condition(s) for s in numeric]
    if any(conditions[:2]):
        # [cond1]a;[cond2]b;c — the first section whose condition holds, else the last one given.
        for section, condition in zip(numeric, conditions):
            if condition and condition[0](value, condition[1]):
                return section
        rest = [s for s, c in zip(numeric, conditions) if not c]
        return rest[0] if rest else numeric[-1]
    if value < 0 and len(numeric) >= 2:
        return numeric[1]
    if value == 0 and len(numeric) >= 3:
        return numeric[2]
    return numeric[0]


def _codes(section: tuple[str, ...]) -> str:
    """The section's format codes with every literal and bracket taken out (lower case)."""
    return "".join(t for t in section if len(t) == 1 or _ELAPSED.match(t)).lower()


def is_percent(code: str | None, value: float = 1.0) -> bool:
    """The number is shown multiplied by 100: an unquoted, unescaped % in the section used for it."""
    if not code or "%" not in code:
        return False
    return "%" in _codes(section_for(code, value))


def is_date(code: str | None, value: float = 1.0) -> bool:
    """The number is shown as a date or time (y, m, d, h, s codes, AM/PM, elapsed [h])."""
    if not code:
        return False
    section = section_for(code, value)
    if any(_ELAPSED.match(t) for t in section):
        return True
    codes = _codes(section)
    if "general" in codes:
        codes = codes.replace("general", "")
    # "E+00" is the scientific exponent, not a date code.
    codes = re.sub(r"e[-+]", "", codes)
    return bool(re.search(r"[ymdhs]", codes))


def shown_as(code: str | None, value: float) -> str:
    """'date', 'percent' or 'number': how the format shows `value` (cached per format and sign)."""
    if not code or code == "General":
        return "number"
    if "[" in code and _CONDITION.search(code):
        return _shown_as(code, value)
    return _shown_as(code, 1.0 if value > 0 else -1.0 if value < 0 else 0.0)


@lru_cache(maxsize=4096)
def _shown_as(code: str, value: float) -> str:
    return "date" if is_date(code, value) else "percent" if is_percent(code, value) else "number"
