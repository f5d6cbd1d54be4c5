"""Tables as people read them on the pages: Indonesian numbers, category colours."""
from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal

import pandas as pd

from kinerja import proyeksi
from kinerja.collect.reminders import JATUH_TEMPO, TERLAMBAT, keadaan
from kinerja.engine.summaries import MIN_INDIKATOR_SAMA, TERUKUR, UNMEASURED, kategori_shown, selisih
from kinerja.numbers import format_angka, format_persen, stored_value
from kinerja.plausibility import is_percent
from kinerja.present.colours import ink
from kinerja.values import exact, is_missing
from kinerja.vocab import E81_KOLOM, ROMAN, STATUS, period_label, value_label

CAPAIAN_COLUMNS = {"unit": "Unit", "sasaran": "Sasaran", "indikator": "Indikator", "satuan": "Satuan",
                   "target": "Target", "realisasi": "Realisasi", "capaian_persen": "Capaian",
                   "kategori": "Kategori", "keterangan": "Keterangan"}


def angka(value) -> str:
    """A number Indonesian style; a range target ("80 - 90") as written; "–" for missing."""
    return value.replace(".", ",") if isinstance(value, str) else format_angka(value)


def renstra_target_text(bawah, atas) -> str:
    """An end target as people read it: "2.000", "80 - 90", or why there is none."""
    if is_missing(bawah):
        return "belum ada"
    return angka(bawah) if is_missing(atas) or atas == bawah else f"{angka(bawah)} - {angka(atas)}"


def renstra_periods_table(periods) -> pd.DataFrame:
    """Renstra periods (kinerja.store.renstra.Periode) as people read them."""
    return pd.DataFrame({"Periode": [p.label for p in periods], "Tahun awal": [str(p.awal) for p in periods],
                         "Tahun akhir": [str(p.akhir) for p in periods]})


def poin(change) -> str:
    """A change of capaian in percentage points: "+1,25 poin"; "–" for missing."""
    if is_missing(change):
        return "–"
    return f"{'+' if change >= 0 else ''}{format_angka(change, 2)} poin"


CODE_WORDS = {"nilai_akhir": "nilai akhir", "rata_rata": "rata-rata", "per_triwulan": "per triwulan"}
CODES = re.compile(r"\b(" + "|".join(CODE_WORDS) + r")\b")


def readable(text) -> str:
    """A note that may name setting codes (the engine's keterangan: "agregasi nilai_akhir
    ditebak"), with the codes as words; missing is ""."""
    return "" if is_missing(text) else CODES.sub(lambda m: CODE_WORDS[m.group(1)], str(text))


def capaian_table(frame: pd.DataFrame) -> pd.DataFrame:
    table = frame[list(CAPAIAN_COLUMNS)].rename(columns=CAPAIAN_COLUMNS)
    table["Target"] = [angka(v) for v in frame["target"]]
    table["Realisasi"] = [angka(v) for v in frame["realisasi"]]
    table["Capaian"] = [format_persen(v) for v in frame["capaian_persen"]]
    table["Kategori"] = kategori_shown(frame)
    table["Keterangan"] = [readable(v) for v in frame["keterangan"]]
    return table


def kategori_css(frame: pd.DataFrame) -> list[str]:
    """Background of each measured row's Kategori cell in its scale colour (an incomplete row has
    no band)."""
    return [f"background-color: {w}; color: {ink(w)}" if ink(w) and status == TERUKUR else ""
            for w, status in zip(frame["warna"], frame["status_data"])]


def indicator_table(frame: pd.DataFrame, notes: dict[int, str]) -> pd.DataFrame:
    """The capaian table with the gap to the target and the units' notes (KET, bukti dukung); the
    key columns (Indikator, Capaian, Kategori) first, so a phone shows them without scrolling."""
    table = capaian_table(frame)
    table.insert(table.columns.get_loc("Realisasi") + 1, "Selisih", [angka(v) for v in selisih(frame)])
    table["Catatan"] = [notes.get(i, "") for i in frame["indikator_id"]]
    key = ["Indikator", "Capaian", "Kategori"]
    return table[key + [c for c in table.columns if c not in key]]


def gap_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """Every gap of summaries.off_track (lowest capaian first) as people read it."""
    return pd.DataFrame({"Indikator": gaps["indikator"], "Capaian": [format_persen(v) for v in gaps["capaian_persen"]],
                         "Kategori": gaps["kategori"], "Unit": gaps["unit"]})


# The codes of an indicator's settings (kinerja.vocab) as people read them.
SETTING_LABELS = {
    "agregasi": {"kumulatif": "Kumulatif (dijumlah)", "nilai_akhir": "Nilai akhir (nilai terakhir)",
                 "rata_rata": "Rata-rata"},
    "konvensi": {"per_triwulan": "Target tiap triwulan", "kumulatif": "Target s.d. triwulan (kumulatif)",
                 None: "Dideteksi per tahun"},
    "polaritas": {"positif": "Positif (makin tinggi makin baik)", "negatif": "Negatif (makin rendah makin baik)"},
}


def setting_label(kind: str, code) -> str:
    """The label of a setting code (SETTING_LABELS[kind]); a missing code is "Dideteksi per tahun"
    for konvensi and "–" otherwise; an unknown code is shown as written."""
    if is_missing(code):
        code = None
    return SETTING_LABELS[kind].get(code, "–" if code is None else str(code))


def settings_text(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its setting columns (polaritas, agregasi, konvensi_triwulan, where present) as
    labels instead of codes."""
    kinds = {"polaritas": "polaritas", "agregasi": "agregasi", "konvensi_triwulan": "konvensi"}
    return frame.assign(**{column: [setting_label(kind, v) for v in frame[column]]
                           for column, kind in kinds.items() if column in frame.columns})


# An indicator's fields as its page names them (collect.indikator.MASTER and SETTINGS), and where a
# setting came from (the *_sumber columns: read from the file, guessed, set by a person).
FIELD_WORDS = {"kode": "Kode", "nama": "Nama indikator", "satuan": "Satuan", "sasaran": "Sasaran",
               "definisi_operasional": "Definisi operasional", "sumber_data": "Sumber data",
               "polaritas": "Polaritas", "rumus_negatif": "Rumus indikator negatif", "agregasi": "Agregasi",
               "konvensi_triwulan": "Konvensi target triwulan"}
SOURCE_WORDS = {"berkas": "dari berkas", "tebakan": "ditebak dari nama", "satuan": "ditebak dari satuan",
                "pengguna": "ditetapkan pengguna"}
SETTING_KINDS = {"polaritas": "polaritas", "agregasi": "agregasi", "konvensi_triwulan": "konvensi"}
SOURCED = re.compile(r"^(\S+) \((\w+)\)$")


def setting_history_value(field: str, text) -> str:
    """One value of an indicator's change history (collect.indikator.describe: "nilai_akhir
    (satuan)") as words: "Nilai akhir (nilai terakhir), ditebak dari satuan"; rumus "A" is
    "Rumus A"; a missing value "–" (a missing konvensi "Dideteksi per tahun")."""
    if field == "konvensi_triwulan" and is_missing(text):
        return setting_label("konvensi", None)
    if is_missing(text):
        return "–"
    if field == "rumus_negatif":
        return f"Rumus {text}"
    if field not in SETTING_KINDS:
        return str(text)
    sourced = SOURCED.match(str(text))
    code, source = sourced.groups() if sourced else (str(text), None)
    label = setting_label(SETTING_KINDS[field], code)
    return f"{label}, {SOURCE_WORDS.get(source, source)}" if source else label


def settings_history_table(history: pd.DataFrame) -> pd.DataFrame:
    """collect.indikator.history as its page shows it: Waktu (dd-mm-yyyy hh:mm), Oleh, Berlaku mulai (the
    year, "semua tahun" for the master fields), Data, Lama, Baru, Alasan; fields and setting
    codes as words."""
    return pd.DataFrame({
        "Waktu": history["pada"].dt.strftime("%d-%m-%Y %H:%M").values,
        "Oleh": history["oleh"].values,
        "Berlaku mulai": ["semua tahun" if is_missing(t) else str(int(t)) for t in history["tahun"]],
        "Data": [FIELD_WORDS.get(f, f) for f in history["kolom"]],
        "Lama": [setting_history_value(f, v) for f, v in zip(history["kolom"], history["nilai_lama"])],
        "Baru": [setting_history_value(f, v) for f, v in zip(history["kolom"], history["nilai_baru"])],
        "Alasan": history["alasan"].fillna("").values,
    })


def sasaran_table(means: pd.DataFrame) -> pd.DataFrame:
    """summaries.mean_by per sasaran (and tahun, when a column) as people read it."""
    years = {"Tahun": means["tahun"].astype(str).values} if "tahun" in means.columns else {}
    return pd.DataFrame({
        "Sasaran": means["sasaran"].values,
        **years,
        "Indikator": means["jumlah"].values,
        "Terukur": means["terukur"].values,
        "Belum lengkap": means["belum_lengkap"].values,
        "Rata-rata capaian": [format_persen(v) for v in means["rata_rata"]],
        "Kategori": means["kategori"].fillna(UNMEASURED).values,
    })


def years_table(own: pd.DataFrame) -> pd.DataFrame:
    """One indicator's capaian table rows over the years."""
    return pd.DataFrame({
        "Tahun": own["tahun"].astype(str),
        "Target": [angka(v) for v in own["target"]],
        "Realisasi": [angka(v) for v in own["realisasi"]],
        "Capaian": [format_persen(v) for v in own["capaian_persen"]],
        "Kategori": kategori_shown(own),
        "Keterangan": own["keterangan"].fillna(""),
    })


JENIS = {"target": "Target", "realisasi": "Realisasi", "target_renstra": "Target Renstra"}


def history_table(changes: pd.DataFrame) -> pd.DataFrame:
    """riwayat rows as people read them: when, what, old → new, from which file and who."""
    return pd.DataFrame({
        "Waktu": changes["diubah_pada"].dt.strftime("%d-%m-%Y %H:%M"),
        "Jenis": changes["jenis"].map(JENIS),
        "Periode": [period_label(r.jenis, r.tahun, r.triwulan) for r in changes.itertuples()],
        "Nilai lama": [stored_value(v) for v in changes["nilai_lama"]],
        "Nilai baru": [stored_value(v) for v in changes["nilai_baru"]],
        "Berkas": [f"{n} (versi {v})" for n, v in zip(changes["nama_berkas"], changes["versi"])],
        "Oleh": changes["diunggah_oleh"],
    })


def register_table(register: pd.DataFrame, today: date) -> pd.DataFrame:
    """The submission register (kinerja.collect.register.register) as people read it. Ketepatan:
    "Tepat waktu" / "Terlambat" for what was sent; for a quarter the unit owes and has not
    submitted, "Belum dikirim, terlambat" or "Jatuh tempo" on `today`
    (kinerja.collect.reminders.keadaan, as the reminders and the Register's cells); "–" otherwise."""
    def timely(row) -> str:
        state = keadaan(row, today)
        if state == TERLAMBAT and is_missing(row.tepat_waktu):
            return "Belum dikirim, terlambat"
        if not is_missing(row.tepat_waktu):
            return "Tepat waktu" if row.tepat_waktu and state != TERLAMBAT else "Terlambat"
        return "Jatuh tempo" if state == JATUH_TEMPO else "–"

    return pd.DataFrame({
        "Triwulan": [f"TW {ROMAN[q]}" for q in register["triwulan"]],
        "Status": register["status"].map(STATUS).fillna(register["status"]),
        "Indikator": register["jumlah_indikator"],
        "Terisi": register["terisi"],
        "Kelengkapan": [format_persen(v) for v in register["kelengkapan_persen"]],
        "Diunggah pada": register["diunggah_pada"].dt.strftime("%d-%m-%Y %H:%M").fillna("–"),
        "Ketepatan": [timely(row) for row in register.itertuples()],
    })


ARAH = {"naik konsisten": "Naik konsisten", "turun konsisten": "Turun konsisten",
        "berfluktuasi": "Berfluktuasi", "data kurang": "Data kurang"}


def trend_table(trends: pd.DataFrame, years: pd.DataFrame) -> pd.DataFrame:
    """Per indicator its capaian in each year (columns), the latest change and the direction."""
    years = years[years["indikator_id"].isin(trends["indikator_id"])]
    wide = years.pivot_table(index="indikator_id", columns="tahun", values="capaian_persen", aggfunc="first")
    table = pd.DataFrame({"Unit": trends["unit"].values, "Indikator": trends["indikator"].values})
    for tahun in wide.columns:
        table[str(tahun)] = [format_persen(wide.at[i, tahun]) if i in wide.index else "–"
                             for i in trends["indikator_id"]]
    table["Perubahan terakhir"] = [poin(v) for v in trends["perubahan_terakhir"]]
    table["Arah"] = trends["arah"].map(ARAH).values
    return table


DATA_HEADERS = {"unit": "Unit", "sasaran": "Sasaran", "kode": "Kode", "indikator": "Indikator",
                "satuan": "Satuan", "polaritas": "Polaritas", "agregasi": "Agregasi",
                "target_tahunan": "Target tahunan", "target_tw1": "Target TW I", "target_tw2": "Target TW II",
                "target_tw3": "Target TW III", "target_tw4": "Target TW IV", "realisasi_tw1": "Realisasi TW I",
                "realisasi_tw2": "Realisasi TW II", "realisasi_tw3": "Realisasi TW III",
                "realisasi_tw4": "Realisasi TW IV", "target": "Target s.d. periode",
                "realisasi": "Realisasi s.d. periode", "selisih": "Selisih", "capaian_persen": "Capaian",
                "kategori": "Kategori", "keterangan": "Keterangan"}


def data_table(rows: pd.DataFrame) -> pd.DataFrame:
    """analisis.data_rows as people read them: every number the Indonesian way."""
    table = rows.rename(columns=DATA_HEADERS)
    for column in ["target_tahunan", "target_tw1", "target_tw2", "target_tw3", "target_tw4", "realisasi_tw1",
                   "realisasi_tw2", "realisasi_tw3", "realisasi_tw4", "target", "realisasi", "selisih"]:
        table[DATA_HEADERS[column]] = [angka(v) for v in rows[column]]
    table["Capaian"] = [format_persen(v) for v in rows["capaian_persen"]]
    table["Agregasi"] = rows["agregasi"].str.replace("_", " ")
    table["Kategori"] = kategori_shown(rows)
    table["Keterangan"] = [readable(v) for v in rows["keterangan"]]
    return table.drop(columns="status_data").fillna({"Kode": "", "Sasaran": "", "Satuan": ""})


CHANGE_STATUS = {"baru": "Baru", "berubah": "Berubah", "sama": "Tidak berubah", "dihapus": "Dihapus"}


def changes_table(changes: pd.DataFrame) -> pd.DataFrame:
    """An import plan's value changes (ImportPlan.changes_frame) as people read them."""
    return pd.DataFrame({
        "Indikator": changes["indikator"],
        "Nilai": [value_label(r.jenis, r.tahun, r.triwulan) for r in changes.itertuples()],
        "Lama": [stored_value(v) for v in changes["lama"]],
        "Baru": [stored_value(v) for v in changes["baru"]],
        "Status": changes["status"].map(CHANGE_STATUS),
    })


# Register cells: Okabe-Ito again, so the page reads like the others.
STATUS_COLOURS = {"belum": "#EEEEEE", "draf": "#F0E442", "diajukan": "#56B4E9", "diverifikasi": "#009E73",
                  "dibuka_kembali": "#E69F00"}


def register_matrix(register: pd.DataFrame, today: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The register as unit × triwulan: (text, css) frames. A cell says the status, the upload
    date and "terlambat" when it came after the deadline, or when the unit owes it, has not
    submitted it and the deadline has passed (kinerja.collect.reminders.keadaan, as the reminders)."""
    text, css = {}, {}
    for row in register.itertuples():
        late = keadaan(row, today) == TERLAMBAT or (not is_missing(row.tepat_waktu) and not row.tepat_waktu)
        uploaded = "" if is_missing(row.diunggah_pada) else f" · {row.diunggah_pada:%d-%m}"
        column = f"TW {ROMAN[row.triwulan]}"
        text.setdefault(row.unit, {})[column] = STATUS[row.status] + uploaded + (" · terlambat" if late else "")
        fill = STATUS_COLOURS[row.status]
        css.setdefault(row.unit, {})[column] = (f"background-color: {fill}; color: {ink(fill)}"
                                                + ("; font-weight: bold" if late else ""))
    index = sorted(text)
    return pd.DataFrame(text).T.reindex(index), pd.DataFrame(css).T.reindex(index)


def version_labels(listed) -> dict[int, str]:
    """versi.versions rows as choices: "Versi 2 · TW II · mutasi.xlsx · 05-07-2025 10:20 · rina"."""
    def part(triwulan) -> str:
        return "setahun" if is_missing(triwulan) else f"TW {ROMAN[int(triwulan)]}"

    return {int(r.id): f"Versi {r.versi} · {part(r.triwulan)} · {r.nama_berkas} · {r.diunggah_pada:%d-%m-%Y %H:%M}"
                       f" · {r.diunggah_oleh}" for r in listed.itertuples()}


def e81_table(e81: pd.DataFrame) -> pd.DataFrame:
    """Formulir E.81 for a preview: the form's column numbers in the headers, K and Rp per column."""
    table = pd.DataFrame({
        "(1) No": e81["no"], "(2) Sasaran": e81["sasaran"].fillna(""),
        "(3) Program/Kegiatan": e81["program_kegiatan"].fillna(""),
        "(4) Indikator": [f"{i} ({s})" if isinstance(s, str) and s else (i or "")
                          for i, s in zip(e81["indikator"], e81["satuan"])],
    })
    for n, label in E81_KOLOM.items():
        k_shown = format_persen if n == 14 else angka
        table[f"({n}) {label} K"] = [k_shown(v) if v is not None else "" for v in e81[f"k{n}"]]
        rp_shown = format_persen if n == 14 else format_angka
        table[f"({n}) {label} Rp"] = [rp_shown(v) if v is not None else "" for v in e81[f"rp{n}"]]
    table["(15) Unit Penanggung Jawab"] = e81["unit"].fillna("")
    return table


def efisiensi_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Capaian kinerja beside serapan anggaran, per program/kegiatan."""
    return pd.DataFrame({
        "Kode": frame["kode"], "Program/Kegiatan": frame["program_kegiatan"],
        "Pagu (Rp)": [format_angka(v) for v in frame["pagu"]],
        "Realisasi anggaran (Rp)": [format_angka(v) for v in frame["realisasi"]],
        "Serapan anggaran": [format_persen(v) for v in frame["serapan_persen"]],
        "Rata-rata capaian kinerja": [format_persen(v) for v in frame["capaian_kinerja"]],
        "Jumlah indikator": frame["jumlah_indikator"],
    })


PROYEKSI_STATUS = {"diperkirakan tercapai": "Diperkirakan tercapai", "berisiko": "Berisiko",
                   "diperkirakan tidak tercapai": "Diperkirakan tidak tercapai"}


def presisi(row) -> int:
    """The decimals an indicator's own figures are written with (its annual target, both bounds of a
    range, and its realisation to date), at most 2 as capaian: every figure of its early warning is
    shown with that many (dalam_satuan), so a sentence does not mix "90" with "57,5429"."""
    bounds = proyeksi.bounds(row.target_tahunan) if isinstance(row.target_tahunan, str) \
        else (exact(row.target_tahunan),)
    figures = [v for v in (*(bounds or ()), exact(row.realisasi)) if v is not None]
    return min(max((max(0, -v.normalize().as_tuple().exponent) for v in figures), default=0), 2)


def dalam_satuan(value, satuan, decimals: int, rounding: str = ROUND_HALF_UP, gap: bool = False) -> str:
    """A computed figure with the indicator's unit, with exactly `decimals` decimals (presisi: the
    indicator's own), Indonesian style: "221,67 orang", "60 orang", "90,00 %"; "–" for missing.
    `rounding`: half up (the project's rounding), except that a value that is not 0 is never shown
    as 0 (0,3 orang short is 1 orang); ROUND_UP (away from 0) for what each quarter still needs, so
    it is never understated (3,33 meetings a quarter are 4); ROUND_DOWN for a limit not to pass
    ("paling banyak"). `gap`: a difference of two levels, which for a percentage is in points (a
    gap between 90 % and 32,46 % is 57,54 poin)."""
    if is_missing(value):
        return "–"
    number, step = exact(value), Decimal(1).scaleb(-decimals)
    rounded = number.quantize(step, rounding=rounding)
    if rounding == ROUND_HALF_UP and rounded == 0 and number != 0:
        rounded = number.quantize(step, rounding=ROUND_UP)
    shown = format_angka(rounded, decimals)
    unit = "poin" if gap and is_percent(satuan) else satuan.strip() if isinstance(satuan, str) else ""
    return f"{shown} {unit}" if unit else shown


def kekurangan_text(row) -> str:
    """How far the year's end falls short of the target (kinerja.proyeksi: kekurangan), saying
    whether that end is projected or already reported: "Proyeksi akhir tahun kurang 40 orang dari
    target"; for a negative indicator how far it passes its limit; "–" without a projection."""
    if is_missing(row.kekurangan):
        return "–"
    end = "Realisasi akhir tahun" if row.sisa_triwulan == 0 else "Proyeksi akhir tahun"
    if row.kekurangan == 0:
        return f"{end} memenuhi target"
    amount = dalam_satuan(row.kekurangan, row.satuan, presisi(row), gap=True)
    return (f"{end} melampaui batas target sebesar {amount}" if row.polaritas == "negatif"
            else f"{end} kurang {amount} dari target")


def target_text(row) -> str:
    """The annual target of a projection row with the indicator's unit: a point at the indicator's
    precision ("90,00 %", "8 kasus"), a range as written ("80 - 90 %"); "–" without one."""
    if not isinstance(row.target_tahunan, str):
        return dalam_satuan(row.target_tahunan, row.satuan, presisi(row))
    unit = row.satuan.strip() if isinstance(row.satuan, str) else ""
    return f"{angka(row.target_tahunan)} {unit}".strip()


def selisih_singkat(row) -> str:
    """The shortfall in a narrow cell, worded by polarity: "kurang 40 orang" (higher is better),
    "lebih 16 kasus" (lower is better: above its limit), "memenuhi target"; "–" without a projection."""
    if is_missing(row.kekurangan):
        return "–"
    if row.kekurangan == 0:
        return "memenuhi target"
    amount = dalam_satuan(row.kekurangan, row.satuan, presisi(row), gap=True)
    return f"{'lebih' if row.polaritas == 'negatif' else 'kurang'} {amount}"


def quarters_text(quarters: list[int]) -> str:
    """"TW II", "TW II dan TW III", "TW I, TW II dan TW III"."""
    names = [f"TW {ROMAN[k]}" for k in quarters]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} dan {names[-1]}"


def kebutuhan(row, selesai: int) -> tuple[str, bool]:
    """(what the rest of the year must bring, whether it asks something of the quarters left):
    kebutuhan_text's words, and True when they are an ask ("perlu …") a sentence may lead with
    "agar tercapai"."""
    if is_missing(row.kebutuhan_per_triwulan) or not row.sisa_triwulan:
        return "–", False
    left = proyeksi.sisa(row, selesai)
    ended = "" if selesai == 4 else " sudah berakhir tetapi"  # a year over says it once
    missing = [f"{quarters_text(left.belum_dilaporkan)}{ended} belum dilaporkan"] if left.belum_dilaporkan else []
    if not left.tersisa:
        return "; ".join((["tahun sudah berakhir"] if selesai == 4 else []) + missing), False
    d, satuan, count = presisi(row), row.satuan, len(left.tersisa)
    per, negatif = left.per_triwulan, row.polaritas == "negatif"
    limit, ask = (ROUND_DOWN, "paling banyak") if negatif else (ROUND_UP, "perlu")
    if row.agregasi == "kumulatif":
        if negatif and per == 0 and row.kekurangan > 0:
            return f"batas setahun ({target_text(row)}) sudah terlampaui", False
        text = f"{ask} {dalam_satuan(per, satuan, d, limit)} per triwulan pada {count} triwulan tersisa"
    elif row.agregasi == "rata_rata":
        count += len(left.belum_dilaporkan)
        text = (f"rata-rata {'paling tinggi' if negatif else 'minimal'} {dalam_satuan(per, satuan, d, limit)} pada "
                f"{count} triwulan {'yang belum dilaporkan' if left.belum_dilaporkan else 'tersisa'}")
    else:
        goal = dalam_satuan(row.kebutuhan, satuan, d)
        if per == 0:
            text = f"pertahankan {'paling tinggi' if negatif else 'minimal'} {goal} sampai TW IV"
        else:
            step = dalam_satuan(abs(per), satuan, d, ROUND_UP, gap=True)
            text = f"{'turun' if per < 0 else 'naik'} {step} per triwulan hingga {goal} pada TW IV"
    return "; ".join([text] + missing), True


def kebutuhan_text(row, selesai: int) -> str:
    """What the rest of the year must bring (kinerja.proyeksi: kebutuhan, kebutuhan_per_triwulan,
    over the quarters still to come that have not ended: kinerja.proyeksi.sisa), said as a unit
    would act on it: "perlu 55 orang per triwulan pada 1 triwulan tersisa". `selesai`: the quarters
    of the year ended today (kinerja.vocab.triwulan_berakhir); an ended quarter not reported is
    named as such ("TW III sudah berakhir tetapi belum dilaporkan"), never counted as time left; once
    the year is over (4) nothing is asked: "tahun sudah berakhir". "–" when no quarter remains or
    there is no projection. Figures at the indicator's precision (presisi); what each quarter needs
    rounded up, a limit down (dalam_satuan)."""
    return kebutuhan(row, selesai)[0]


def peringatan_text(row, selesai: int) -> str:
    """An at-risk indicator in one sentence for leadership (Ringkasan's cards): the year-end
    shortfall (kekurangan_text), then what the remaining quarters must bring to reach the target
    (kebutuhan_text; `selesai` as there): "Proyeksi akhir tahun kurang 40 orang dari target; agar
    tercapai perlu 55 orang per triwulan pada 1 triwulan tersisa."; once the year is over or every
    quarter is reported, the shortfall alone or with what is missing."""
    need, asks = kebutuhan(row, selesai)
    if need == "–":
        return f"{kekurangan_text(row)}."
    return f"{kekurangan_text(row)}; {'agar tercapai ' if asks else ''}{need}."


# The status of a projection in a table, short enough that Indikator, Status and Proyeksi (the
# projected capaian) show side by side on a phone (the columns' help says they are projections).
PROYEKSI_STATUS_SINGKAT = {"diperkirakan tercapai": "Tercapai", "berisiko": "Berisiko",
                           "diperkirakan tidak tercapai": "Tidak tercapai"}
PROYEKSI_KEY = ["Indikator", "Status", "Proyeksi"]


def proyeksi_table(rows: pd.DataFrame, selesai: int) -> pd.DataFrame:
    """Early-warning rows (kinerja.proyeksi) as people read them, the key columns (PROYEKSI_KEY;
    Proyeksi: the projected capaian) first so a phone shows them without scrolling: the projection
    and the shortfall in the indicator's unit at its precision, what each remaining quarter must
    bring (kebutuhan_text; `selesai`: the quarters of the year ended today), and the rule used."""
    return pd.DataFrame({
        "Indikator": rows["indikator"].values,
        "Status": rows["status"].map(PROYEKSI_STATUS_SINGKAT).fillna("Tanpa proyeksi").values,
        "Proyeksi": [format_persen(v) for v in rows["proyeksi_capaian"]],
        "Unit": rows["unit"].values,
        "Target tahunan": [target_text(r) for r in rows.itertuples()],
        "Proyeksi akhir tahun": [dalam_satuan(r.proyeksi, r.satuan, presisi(r)) for r in rows.itertuples()],
        "Selisih dari target": [selisih_singkat(r) for r in rows.itertuples()],
        "Yang masih diperlukan": [kebutuhan_text(r, selesai) for r in rows.itertuples()],
        "Dasar proyeksi": [r.alasan or r.aturan for r in rows.itertuples()],
    })


def perbandingan_text(tahun_lalu: int | None, same: dict | None, before: dict | None) -> str:
    """What the changes on Ringkasan compare, to follow "Tahun 2025, setahun": "." without a
    previous year; "; perubahan dibandingkan … atas 12 indikator …" over the indicators measured
    in both years (engine.capaian.perbandingan); ". Tidak dapat dibandingkan …" when they are fewer
    than MIN_INDIKATOR_SAMA (before is None), saying how many (none, or only 1)."""
    if tahun_lalu is None:
        return "."
    if before is None:
        common = "tidak ada indikator" if same["jumlah"] == 0 else f"hanya {format_angka(same['jumlah'])} indikator"
        return (f". Tidak dapat dibandingkan dengan periode yang sama tahun {tahun_lalu}: {common} yang sama "
                f"terukur pada kedua tahun (perlu minimal {MIN_INDIKATOR_SAMA}).")
    return (f"; perubahan dibandingkan periode yang sama tahun {tahun_lalu}, atas {format_angka(same['jumlah'])} "
            "indikator yang terukur pada kedua tahun.")


def late_text(rows: pd.DataFrame) -> str:
    """The late units among reminders (kinerja.collect.reminders.reminders) in one line for
    leadership: "Unit Mutasi (TW II, TW III; 40 hari); …"; "" when none is late."""
    late = rows[rows["keadaan"] == TERLAMBAT]
    return "; ".join(f"{r.unit_nama} ({', '.join(f'TW {ROMAN[q]}' for q in r.triwulan)}; {format_angka(r.hari)} hari)"
                     for r in late.itertuples())


def reminder_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Units to remind (kinerja.collect.reminders.reminders) as people read them."""
    return pd.DataFrame({
        "Unit": rows["unit_nama"].values,
        "Keadaan": ["Terlambat" if k == TERLAMBAT else "Jatuh tempo" for k in rows["keadaan"]],
        "Triwulan": [", ".join(f"TW {ROMAN[q]}" for q in quarters) for quarters in rows["triwulan"]],
        "Tenggat": [f"{t:%d-%m-%Y}" for t in rows["tenggat"]],
        "Hari": [f"terlambat {format_angka(h)} hari" if k == TERLAMBAT else "hari ini" if h == 0
                 else f"{format_angka(h)} hari lagi"
                 for k, h in zip(rows["keadaan"], rows["hari"])],
    })
