"""A date cell as the spreadsheet shows it, so a message quotes what the user sees (25/09/2024, 4-Mei).

Excel keeps a date as a number and shows it through the cell's number format (ECMA-376 Part 1,
18.8.31 numFmt): d, dd, ddd, dddd; m, mm, mmm, mmmm (minutes after h or before s); yy, yyyy;
h, hh, ss, AM/PM; "quoted text", backslash-escaped characters and [colour]/[$-locale] brackets.
Month and day names are the Indonesian ones, as Excel in Indonesian shows them.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
BULAN_SINGKAT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

_TOKEN = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM/PM|A/P|.',
                    re.I)


def date_text(value, number_format: str | None) -> str:
    """The value (datetime, date or time) through the date part of `number_format`; 25/09/2024 when
    there is no date format; anything else as str()."""
    fmt = (number_format or "").split(";")[0]
    if not re.search(r"[dmyhs]", re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt), re.I):
        return _plain(value)
    moment = value if isinstance(value, datetime) else (
        datetime.combine(value, time()) if isinstance(value, date) else datetime.combine(date(1900, 1, 1), value))
    tokens = _TOKEN.findall(fmt)
    twelve = any(t.upper() in ("AM/PM", "A/P") for t in tokens)
    out = []
    for i, token in enumerate(tokens):
        low = token.lower()
        if token.startswith('"'):
            out.append(token[1:-1])
        elif token.startswith("\\"):
            out.append(token[1:])
        elif token.startswith("["):
            continue
        elif low in ("m", "mm") and _is_minute(tokens, i):
            out.append(f"{moment.minute:0{len(low)}d}")
        elif low[0] in "ymdhs" or low in ("am/pm", "a/p"):
            out.append(_part(moment, low, twelve))
        else:
            out.append(token)
    return "".join(out)


def _is_minute(tokens: list[str], i: int) -> bool:
    """m after an hour or before seconds is minutes (Excel's rule)."""
    before = [t.lower() for t in tokens[:i] if t.lower()[:1] in "ymdhs" and not t.startswith(('"', "\\"))]
    after = [t.lower() for t in tokens[i + 1:] if t.lower()[:1] in "ymdhs" and not t.startswith(('"', "\\"))]
    return bool(before and before[-1][0] == "h") or bool(after and after[0][0] == "s")


def _part(moment: datetime, token: str, twelve: bool) -> str:
    hour = (moment.hour % 12 or 12) if twelve else moment.hour
    return {
        "yyyy": f"{moment.year:04d}", "yy": f"{moment.year % 100:02d}",
        "mmmmm": BULAN[moment.month - 1][0], "mmmm": BULAN[moment.month - 1],
        "mmm": BULAN_SINGKAT[moment.month - 1], "mm": f"{moment.month:02d}", "m": str(moment.month),
        "dddd": HARI[moment.weekday()], "ddd": HARI[moment.weekday()][:3], "dd": f"{moment.day:02d}",
        "d": str(moment.day), "hh": f"{hour:02d}", "h": str(hour), "ss": f"{moment.second:02d}",
        "s": str(moment.second), "am/pm": "AM" if moment.hour < 12 else "PM", "a/p": "A" if moment.hour < 12 else "P",
    }.get(token, token)


def _plain(value) -> str:
    """Without a date format: 25/09/2024, with the time only when there is one."""
    if isinstance(value, datetime):
        shown = f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
        return shown if value.time() == time() else f"{shown} {value:%H:%M:%S}"
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return f"{value:%H:%M:%S}" if isinstance(value, time) else str(value)
