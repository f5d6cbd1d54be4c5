"""Deadlines that remind: which units must still send a quarter that is late or due within a week,
and the reminder they get (text to copy, a WhatsApp share link).

Source: SOP Pengumpulan Data Kinerja (data of a quarter due by the 10th of the next month unless the
Sekretariat sets another deadline: kinerja.collect.workflow.deadlines). A quarter is still to be
sent while its status is `belum` (nothing uploaded) or `draf` (uploaded as a draft, not submitted);
only the units that owe the year's data (the register's wajib: kinerja.collect.register.register
states who) are reminded, a unit that sent nothing at all too. keadaan() is the one rule every
reader of lateness uses: the reminders, the letter, the register's cells and Ringkasan's tiles.
"""
from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import quote

import pandas as pd

from kinerja.collect.workflow import VERIFIER
from kinerja.numbers import format_angka
from kinerja.vocab import ROMAN

DUE_DAYS = 7
TERLAMBAT, JATUH_TEMPO = "terlambat", "jatuh tempo"
PENDING = {"belum", "draf"}
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]

COLUMNS = ["unit", "unit_nama", "keadaan", "triwulan", "tenggat", "hari", "status", "teks", "tautan_wa"]
QUARTER_COLUMNS = ["unit", "unit_nama", "triwulan", "tenggat", "status", "keadaan", "hari"]


def keadaan(row, today: date, days: int = DUE_DAYS) -> str | None:
    """Where one register row (kinerja.collect.register.register: wajib, status, tenggat) stands on
    `today`: TERLAMBAT when the unit owes the quarter, has not submitted it (PENDING) and its
    deadline is before today; JATUH_TEMPO when such a quarter's deadline is from today to today +
    `days` (both included); None otherwise (submitted, not owed, or the deadline further ahead)."""
    if not row.wajib or row.status not in PENDING:
        return None
    tenggat = pd.Timestamp(row.tenggat).date()
    if tenggat < today:
        return TERLAMBAT
    return JATUH_TEMPO if tenggat <= today + timedelta(days=days) else None


def fallen_due(register: pd.DataFrame, today: date) -> pd.Series:
    """Per register row (kinerja.collect.register.register) whether the quarter has fallen due on
    `today`: the unit owes it (wajib) and its own deadline is today or before. A quarter is not due
    before its deadline, TW IV's included (January of the next year unless set otherwise)."""
    return register["wajib"].astype(bool) & (pd.to_datetime(register["tenggat"]) <= pd.Timestamp(today))


def pending_quarters(register: pd.DataFrame, units: pd.DataFrame, today: date,
                     days: int = DUE_DAYS) -> pd.DataFrame:
    """The quarters still to be sent that are late (deadline before `today`) or due within `days`
    days (deadline from `today` to `today` + days, both included), oldest deadline first.
    register: kinerja.collect.register.register(con, tahun); units: kode, nama. The rule: keadaan().
    Columns QUARTER_COLUMNS: unit (kode), unit_nama, triwulan (int), tenggat (date), status
    (belum/draf), keadaan (TERLAMBAT / JATUH_TEMPO), hari (int: days late, or days left; 0 = today)."""
    names = dict(zip(units["kode"], units["nama"]))
    rows = []
    for row in register.itertuples():
        state = keadaan(row, today, days)
        if state is None:
            continue
        tenggat = pd.Timestamp(row.tenggat).date()
        rows.append([row.unit, names.get(row.unit, row.unit), int(row.triwulan), tenggat, row.status, state,
                     abs((today - tenggat).days)])
    frame = pd.DataFrame(rows, columns=QUARTER_COLUMNS)
    return frame.sort_values(["tenggat", "unit"], kind="stable").reset_index(drop=True)


def reminders(register: pd.DataFrame, units: pd.DataFrame, tahun: int, today: date,
              days: int = DUE_DAYS) -> pd.DataFrame:
    """One reminder per unit with quarters late or due within `days` days (pending_quarters): late
    units first (most days late first), then those due (nearest deadline first).
    Columns COLUMNS: unit, unit_nama; keadaan: TERLAMBAT when any quarter is late, else JATUH_TEMPO;
    triwulan: list of the quarters (int); tenggat: the earliest of their deadlines (date); hari:
    days late of the oldest late quarter, else days left to the nearest deadline; status: list of
    their statuses; teks: the reminder in Bahasa Indonesia (reminder_text); tautan_wa: a WhatsApp
    share link carrying that text (whatsapp_link)."""
    quarters = pending_quarters(register, units, today, days)
    rows = []
    for unit, own in quarters.groupby("unit", sort=False):
        late = own[own["keadaan"] == TERLAMBAT]
        text = reminder_text(own["unit_nama"].iloc[0], tahun, own, today)
        rows.append([unit, own["unit_nama"].iloc[0], TERLAMBAT if len(late) else JATUH_TEMPO, own["triwulan"].tolist(),
                     own["tenggat"].min(), int(late["hari"].max() if len(late) else own["hari"].min()),
                     own["status"].tolist(), text, whatsapp_link(text)])
    frame = pd.DataFrame(rows, columns=COLUMNS)
    order = frame.assign(_late=frame["keadaan"] == TERLAMBAT,
                         _key=[-h if k == TERLAMBAT else h for k, h in zip(frame["keadaan"], frame["hari"])])
    return order.sort_values(["_late", "_key", "unit"], ascending=[False, True, True]).drop(
        columns=["_late", "_key"]).reset_index(drop=True)


def tanggal(value: date) -> str:
    """A date as a letter writes it: "10 Oktober 2026"."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def quarter_line(row) -> str:
    """One quarter of a reminder: "Triwulan III: tenggat 10 Oktober 2026, terlambat 51 hari"."""
    if row.keadaan == TERLAMBAT:
        when = f"terlambat {format_angka(row.hari)} hari"
    else:
        when = "tenggat hari ini" if row.hari == 0 else f"{format_angka(row.hari)} hari lagi"
    draft = "; masih draf, belum diajukan" if row.status == "draf" else ""
    return f"- Triwulan {ROMAN[row.triwulan]}: tenggat {tanggal(row.tenggat)}, {when}{draft}"


def reminder_text(unit_nama: str, tahun: int, quarters: pd.DataFrame, today: date) -> str:
    """The reminder to a unit, ready to paste into a message: its quarters (QUARTER_COLUMNS rows)
    with their deadlines, what to do and who to contact."""
    late = (quarters["keadaan"] == TERLAMBAT).any()
    lines = [f"Yth. Kepala {unit_nama},", "",
             f"Per {tanggal(today)}, data kinerja tahun {tahun} berikut belum kami terima:",
             *(quarter_line(row) for row in quarters.itertuples()), "",
             ("Mohon data tersebut segera diisi pada format pengumpulan data kinerja dan diunggah melalui "
              "halaman Unggah aplikasi Kinerja" if late else
              "Mohon data tersebut diisi pada format pengumpulan data kinerja dan diunggah melalui halaman "
              "Unggah aplikasi Kinerja sebelum tenggat")
             + ("; draf yang sudah diunggah perlu diajukan." if (quarters["status"] == "draf").any() else "."),
             f"Bila ada kendala, silakan hubungi {VERIFIER}.", "",
             "Terima kasih.", VERIFIER]
    return "\n".join(lines)


def whatsapp_link(text: str) -> str:
    """A WhatsApp share link (the sender picks the recipient): https://wa.me/?text=<urlencoded>."""
    return "https://wa.me/?text=" + quote(text, safe="")
