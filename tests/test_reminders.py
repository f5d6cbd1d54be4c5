"""Deadlines that remind (kinerja.collect.reminders, kinerja.reports.pengingat, the Register page):
which units are late or due within a week, the reminder text, the WhatsApp link and the letter."""
import io
from datetime import date, timedelta
from urllib.parse import unquote

import docx
import pandas as pd
import pytest

from kinerja.collect import reminders as r
from kinerja.collect.register import register as register_of
from kinerja.present.tables import register_matrix, register_table
from kinerja.reports.pengingat import surat_pengingat
from kinerja.store import db
from kinerja.store.queries import run
from tests import seed

TODAY = date(2026, 10, 20)
UNITS = pd.DataFrame({"kode": ["MUTASI", "BANGKOM", "UMPEG", "KEUANGAN", "KOSONG"],
                      "nama": ["Bidang Mutasi", "Bidang Bangkom", "Subbag Umpeg", "Subbag Keuangan", "Unit Kosong"]})


def register(rows) -> pd.DataFrame:
    """Register rows (unit, triwulan, status, deadline as days from TODAY, whether the unit owes the year)."""
    return pd.DataFrame([{"unit": u, "triwulan": q, "status": s, "tenggat": pd.Timestamp(TODAY + timedelta(days=d)),
                          "wajib": w} for u, q, s, d, w in rows])


REGISTER = register([
    ("MUTASI", 2, "belum", -100, True),       # late 100 days
    ("MUTASI", 3, "belum", -10, True),        # late 10 days
    ("BANGKOM", 3, "draf", -10, True),        # a draft is not submitted: late
    ("BANGKOM", 4, "belum", 82, True),        # far ahead: not yet
    ("UMPEG", 3, "diajukan", -10, True),      # sent
    ("KEUANGAN", 3, "diverifikasi", -10, True),
    ("KEUANGAN", 4, "belum", 7, True),        # due in exactly 7 days
    ("UMPEG", 4, "belum", 0, True),           # due today
    ("KOSONG", 3, "belum", -10, False),       # no longer part of the year: owes nothing
])


def test_late_and_due_within_seven_days_are_listed_nothing_else():
    quarters = r.pending_quarters(REGISTER, UNITS, TODAY)
    assert quarters[["unit", "triwulan", "keadaan", "hari", "status"]].values.tolist() == [
        ["MUTASI", 2, r.TERLAMBAT, 100, "belum"],
        ["BANGKOM", 3, r.TERLAMBAT, 10, "draf"],
        ["MUTASI", 3, r.TERLAMBAT, 10, "belum"],
        ["UMPEG", 4, r.JATUH_TEMPO, 0, "belum"],
        ["KEUANGAN", 4, r.JATUH_TEMPO, 7, "belum"],
    ]
    assert r.pending_quarters(REGISTER, UNITS, TODAY - timedelta(days=1))["unit"].tolist().count("KEUANGAN") == 0, \
        "8 days ahead is not yet due"


def test_one_reminder_per_unit_late_ones_first():
    rows = r.reminders(REGISTER, UNITS, 2026, TODAY).set_index("unit")
    assert list(rows.index) == ["MUTASI", "BANGKOM", "UMPEG", "KEUANGAN"]
    assert rows.loc["MUTASI", "triwulan"] == [2, 3] and rows.loc["MUTASI", "hari"] == 100
    assert rows.loc["MUTASI", "tenggat"] == TODAY - timedelta(days=100)
    assert (rows.loc["UMPEG", "keadaan"], rows.loc["UMPEG", "hari"]) == (r.JATUH_TEMPO, 0)


def test_the_reminder_text_names_the_unit_quarters_deadlines_and_what_to_do():
    rows = r.reminders(REGISTER, UNITS, 2026, TODAY).set_index("unit")
    text = rows.loc["MUTASI", "teks"]
    assert text.startswith("Yth. Kepala Bidang Mutasi,")
    assert "Per 20 Oktober 2026, data kinerja tahun 2026 berikut belum kami terima:" in text
    assert "- Triwulan II: tenggat 12 Juli 2026, terlambat 100 hari" in text
    assert "- Triwulan III: tenggat 10 Oktober 2026, terlambat 10 hari" in text
    assert "halaman Unggah" in text and "Sekretariat (Unit Pengelola Data)" in text
    draft = rows.loc["BANGKOM", "teks"]
    assert "masih draf, belum diajukan" in draft and "draf yang sudah diunggah perlu diajukan" in draft
    assert "Triwulan IV" not in draft, "its TW IV is not due yet"
    assert "tenggat hari ini" in rows.loc["UMPEG", "teks"]
    assert "- Triwulan IV: tenggat 27 Oktober 2026, 7 hari lagi" in rows.loc["KEUANGAN", "teks"]
    assert "sebelum tenggat" in rows.loc["KEUANGAN", "teks"]


def test_the_whatsapp_link_carries_the_text():
    row = r.reminders(REGISTER, UNITS, 2026, TODAY).iloc[0]
    assert row.tautan_wa.startswith("https://wa.me/?text=")
    encoded = row.tautan_wa.removeprefix("https://wa.me/?text=")
    assert " " not in encoded and "\n" not in encoded and "&" not in encoded
    assert unquote(encoded) == row.teks


def test_the_registers_cells_and_the_unit_table_say_late_where_the_reminders_do():
    """A draft sent on time but never submitted was "Draf" on the Register and late in the reminder."""
    rows = REGISTER.assign(diunggah_pada=pd.NaT, tepat_waktu=None, jumlah_indikator=3, terisi=0,
                           kelengkapan_persen=0.0)
    sent = {("BANGKOM", 3): True, ("UMPEG", 3): True, ("KEUANGAN", 3): False}  # KEUANGAN TW III came late
    for (unit, q), on_time in sent.items():
        at = (rows["unit"] == unit) & (rows["triwulan"] == q)
        rows.loc[at, "diunggah_pada"] = pd.Timestamp(TODAY - timedelta(days=20))
        rows.loc[at, "tepat_waktu"] = on_time
    text, _ = register_matrix(rows, TODAY)
    late = {(unit, column) for unit, cells in text.iterrows() for column, cell in cells.items()
            if isinstance(cell, str) and cell.endswith("terlambat")}
    assert late == {("MUTASI", "TW II"), ("MUTASI", "TW III"), ("BANGKOM", "TW III"), ("KEUANGAN", "TW III")}
    assert text.loc["KOSONG", "TW III"] == "Belum", "a unit that owes nothing is not late"
    ketepatan = dict(zip(zip(rows["unit"], rows["triwulan"]), register_table(rows, TODAY)["Ketepatan"]))
    assert ketepatan == {("MUTASI", 2): "Belum dikirim, terlambat", ("MUTASI", 3): "Belum dikirim, terlambat",
                         ("BANGKOM", 3): "Terlambat", ("BANGKOM", 4): "–", ("UMPEG", 3): "Tepat waktu",
                         ("KEUANGAN", 3): "Terlambat", ("KEUANGAN", 4): "Jatuh tempo", ("UMPEG", 4): "Jatuh tempo",
                         ("KOSONG", 3): "–"}


def test_nothing_to_remind_is_an_empty_frame():
    quiet = register([("UMPEG", 1, "diverifikasi", -200, True)])
    assert r.reminders(quiet, UNITS, 2026, TODAY).empty
    assert list(r.reminders(quiet, UNITS, 2026, TODAY).columns) == r.COLUMNS


def letter_text(data: bytes) -> tuple[str, list]:
    document = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    return body, document.tables


def test_the_letter_goes_to_late_units_only_one_page_each():
    quarters = r.pending_quarters(REGISTER, UNITS, TODAY)
    body, tables = letter_text(surat_pengingat(quarters, 2026, TODAY, "BADAN KEPEGAWAIAN KOTA CONTOH"))
    assert body.count("BADAN KEPEGAWAIAN KOTA CONTOH") == 2
    assert "Yth. Kepala Bidang Mutasi" in body and "Yth. Kepala Bidang Bangkom" in body
    assert "Subbag Umpeg" not in body and "Subbag Keuangan" not in body, "due, not late: no letter"
    assert "paling lambat tanggal 27 Oktober 2026" in body
    rows = [[c.text for c in row.cells] for row in tables[0].rows]
    assert rows == [["No", "Triwulan", "Tenggat", "Terlambat", "Keterangan"],
                    ["1", "Triwulan II", "12 Juli 2026", "100 hari", "Belum diunggah"],
                    ["2", "Triwulan III", "10 Oktober 2026", "10 hari", "Belum diunggah"]]
    assert [[c.text for c in row.cells] for row in tables[1].rows][1][-1] == "Masih draf, belum diajukan"


def test_no_late_unit_no_letter():
    quarters = r.pending_quarters(register([("UMPEG", 4, "belum", 3, True)]), UNITS, TODAY)
    with pytest.raises(ValueError, match="tidak ada unit yang terlambat"):
        surat_pengingat(quarters, 2026, TODAY, "X")


# --------------------------------------------------------------------------- who owes a year

ALL_UNITS = {kode for kode, _, _ in db.UNITS}


def owing(con, tahun: int) -> set[str]:
    rows = register_of(con, tahun)
    return set(rows.loc[rows["wajib"], "unit"])


def test_every_unit_owes_a_collected_year_one_that_sent_nothing_too(con):
    """A fresh-user trial: only MUTASI had sent a file; the seven units that sent nothing were
    neither late nor due anywhere (Register, reminders, letter, Ringkasan)."""
    assert owing(con, 2024) == set(), "an empty database owes nothing"
    seed.indikator(con, "Indikator Mutasi", unit="MUTASI", tahun=2024, target=90)
    assert owing(con, 2024) == ALL_UNITS
    quarters = r.pending_quarters(register_of(con, 2024), run(con, "units"), date(2024, 7, 5))
    late = quarters[quarters["keadaan"] == r.TERLAMBAT]
    assert set(late["unit"]) == ALL_UNITS and set(late["triwulan"]) == {1}
    due = quarters[quarters["keadaan"] == r.JATUH_TEMPO]
    assert set(due["unit"]) == ALL_UNITS and set(due["hari"]) == {5}, "TW II's deadline, 10 July, is 5 days ahead"
    letters, _ = letter_text(surat_pengingat(quarters, 2024, date(2024, 7, 5), "X"))
    assert letters.count("Yth. Kepala") == len(ALL_UNITS)


def test_a_unit_no_longer_part_of_the_year_and_a_year_nobody_collects_owe_nothing(con):
    seed.indikator(con, "Indikator Bangkom", unit="BANGKOM", tahun=2022, target=90)
    seed.indikator(con, "Indikator Mutasi", unit="MUTASI", tahun=2024, target=90)
    never = ALL_UNITS - {"BANGKOM", "MUTASI"}  # units that never had an indicator: owe every collected year
    assert owing(con, 2021) == set(), "before the agency used the app"
    assert owing(con, 2022) == never | {"BANGKOM"}, "MUTASI starts in 2024"
    assert owing(con, 2023) == never | {"BANGKOM"}, "the year after its last, BANGKOM is late, not gone"
    assert owing(con, 2024) == never | {"MUTASI"}, "nothing from BANGKOM in 2023 nor 2024: no longer a part"
    assert owing(con, 2025) == never | {"MUTASI"}, "a new year is owed before anyone has sent anything"
    assert owing(con, 2026) == set()


# --------------------------------------------------------------------------- the Register page

def test_the_register_page_lists_late_units_with_text_link_and_letter(monkeypatch, demo_db):
    from kinerja.collect.register import register as engine_register
    from kinerja.store.queries import run
    from tests.test_pages import engine, open_page

    app = open_page(monkeypatch, demo_db, "pages/pengumpulan.py", tahun="2025")
    today = date.today()
    expected = r.reminders(engine(demo_db, engine_register, 2025), engine(demo_db, run, "units"), 2025, today)
    assert {"MUTASI", "BANGKOM", "KEUANGAN"} <= set(expected["unit"]), "2025 TW IV of three units was not sent"
    shown = next(d.value for d in app.table if "Keadaan" in d.value.columns)
    assert list(shown["Unit"]) == list(expected["unit_nama"])
    assert set(shown["Keadaan"]) == {"Terlambat"}
    assert [c.value for c in app.code] == list(expected["teks"])
    assert [b.proto.url for b in app.get("link_button")] == list(expected["tautan_wa"])
    letters = [b for b in app.get("download_button") if "surat pengingat" in b.label]
    assert len(letters) == 1
    assert "Pengingat tenggat" in [h.value for h in app.subheader]
    assert not app.error
    # the letter the button builds on click
    from kinerja.web import cache

    body, _ = letter_text(cache.reminder_letter(str(demo_db), 2025, today))
    late = expected[expected["keadaan"] == r.TERLAMBAT]
    assert [line.removeprefix("Yth. Kepala ") for line in body.splitlines() if line.startswith("Yth. Kepala ")] == \
        list(late["unit_nama"])


def test_long_delays_are_written_the_indonesian_way():
    quarters = r.pending_quarters(register([("MUTASI", 3, "belum", -1512, True)]), UNITS, TODAY)
    assert "terlambat 1.512 hari" in r.reminder_text("Bidang Mutasi", 2022, quarters, TODAY)
