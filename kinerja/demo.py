"""Demo data: a BKPSDM-like set of units, indicators and five years of quarterly submissions.

Every figure is generated (seeded, so the set is the same every time) and the files say DATA DEMO:
nothing here is a real Samarinda statistic. The files are written the varied ways units really send
them (spec/spreadsheets.md) and loaded through the same import path users use.
"""
from __future__ import annotations

import csv
import io
import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import xlsxwriter

from kinerja.auth import cli_account
from kinerja.ingest.files import import_file
from kinerja.numbers import format_angka
from kinerja.vocab import ROMAN

YEARS = range(2021, 2026)
# The Renstra period the database starts with (migration 0007), and the next one, which the
# Sekretariat has already recorded for the new RPJMD (so the pages show more than one period).
RENSTRA = (2021, 2026)
NEXT_RENSTRA = (2027, 2031)
# The csv units give the end target without a year ("TARGET AKHIR RENSTRA") and the other years' apart.
EARLIER_RENSTRA_YEARS = range(RENSTRA[0], RENSTRA[1])
SEED = 2021
PROGRAM = ("5.03.02", "Program Kepegawaian Daerah")
KEGIATAN = {
    "PENGADAAN": ("5.03.02.2.01", "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN"),
    "MUTASI": ("5.03.02.2.02", "Mutasi dan Promosi ASN"),
    "BANGKOM": ("5.03.02.2.03", "Pengembangan Kompetensi ASN"),
    "PEMBINAAN": ("5.03.02.2.04", "Penilaian dan Evaluasi Kinerja Aparatur"),
}
S_AKUNTABILITAS = "Meningkatnya akuntabilitas kinerja perangkat daerah"
S_PELAYANAN = "Meningkatnya kualitas pelayanan administrasi kepegawaian"
S_PROFESIONAL = "Meningkatnya profesionalitas ASN"


@dataclass(frozen=True)
class Indicator:
    unit: str
    sasaran: str
    nama: str
    satuan: str
    target: float            # the 2021 annual target
    growth: float = 0.0      # added to the target each year
    polaritas: str = "positif"
    agregasi: str | None = None       # written in the file only where a unit's format has the column
    kumulatif_target: bool = False    # quarterly targets cumulative to date (the other convention)
    rentang: bool = False             # a range target such as "80 - 90"
    kegiatan: bool = False            # listed under the unit's kegiatan row
    decimals: int = 2


INDICATORS = [
    Indicator("SEKRETARIAT", S_AKUNTABILITAS, "Nilai SAKIP BKPSDM", "nilai", 70, 2),
    Indicator("SEKRETARIAT", S_AKUNTABILITAS, "Persentase dokumen perencanaan dan pelaporan tepat waktu", "%", 90, 2),
    Indicator("SEKRETARIAT", S_PELAYANAN, "Indeks kepuasan masyarakat terhadap layanan BKPSDM", "indeks", 80,
              rentang=True),
    Indicator("SEKRETARIAT", S_AKUNTABILITAS, "Jumlah rapat koordinasi kinerja", "kegiatan", 12, decimals=0),
    Indicator("UMPEG", S_AKUNTABILITAS, "Persentase pegawai BKPSDM yang mengikuti pembinaan", "%", 85, 3),
    Indicator("UMPEG", S_AKUNTABILITAS, "Jumlah dokumen administrasi kepegawaian internal diproses", "dokumen",
              400, 40, kumulatif_target=True, decimals=0),
    Indicator("UMPEG", S_AKUNTABILITAS, "Persentase sarana prasarana kantor dalam kondisi baik", "%", 88, 2),
    Indicator("PERENCANAAN", S_AKUNTABILITAS, "Persentase dokumen perencanaan disusun tepat waktu", "%", 90, 2),
    Indicator("PERENCANAAN", S_AKUNTABILITAS, "Jumlah dokumen evaluasi kinerja disusun", "dokumen", 8, 1,
              decimals=0),
    Indicator("PERENCANAAN", S_AKUNTABILITAS, "Nilai evaluasi LKjIP", "nilai", 72, 1.5),
    Indicator("KEUANGAN", S_AKUNTABILITAS, "Persentase realisasi anggaran", "%", 92, 1),
    Indicator("KEUANGAN", S_AKUNTABILITAS, "Persentase laporan keuangan disampaikan tepat waktu", "%", 95, 1),
    Indicator("KEUANGAN", S_AKUNTABILITAS, "Jumlah temuan pemeriksaan yang belum ditindaklanjuti", "temuan",
              6, -1, polaritas="negatif", agregasi="nilai_akhir", decimals=0),
    Indicator("PENGADAAN", S_PELAYANAN, "Persentase record data kepegawaian terisi lengkap", "%", 90, 2),
    Indicator("PENGADAAN", S_PELAYANAN, "Persentase layanan administrasi kepegawaian tepat waktu", "%", 85, 3),
    Indicator("PENGADAAN", S_PELAYANAN, "Jumlah ASN pensiun yang SK-nya terbit tepat waktu", "orang", 240, 10,
              kegiatan=True, decimals=0),
    Indicator("PENGADAAN", S_PELAYANAN, "Rata-rata waktu penyelesaian layanan pensiun", "hari", 14, -1,
              polaritas="negatif", kegiatan=True, decimals=1),
    Indicator("PENGADAAN", S_PELAYANAN, "Persentase data SIASN yang mutakhir", "%", 80, 4, kegiatan=True),
    Indicator("PEMBINAAN", S_PROFESIONAL, "Indeks Sistem Merit", "indeks", 0.48, 0.05),
    Indicator("PEMBINAAN", S_PROFESIONAL, "Persentase ASN dengan nilai kinerja minimal baik", "%", 85, 2),
    Indicator("PEMBINAAN", S_PROFESIONAL, "Jumlah ASN dijatuhi hukuman disiplin", "orang", 12, -1,
              polaritas="negatif", kegiatan=True, decimals=0),
    Indicator("PEMBINAAN", S_PROFESIONAL, "Persentase penyelesaian kasus disiplin", "%", 90, 2, kegiatan=True),
    Indicator("PEMBINAAN", S_PROFESIONAL, "Jumlah ASN menerima penghargaan Satyalancana Karya Satya", "orang",
              150, 10, kegiatan=True, decimals=0),
    Indicator("MUTASI", S_PELAYANAN, "Persentase usulan kenaikan pangkat tepat waktu", "%", 85, 3),
    Indicator("MUTASI", S_PELAYANAN, "Rata-rata waktu penyelesaian layanan kenaikan pangkat", "hari", 10, -1,
              polaritas="negatif", decimals=1),
    Indicator("MUTASI", S_PROFESIONAL, "Jumlah ASN dimutasi sesuai kompetensi", "orang", 120, 10,
              kegiatan=True, decimals=0),
    Indicator("MUTASI", S_PROFESIONAL, "Persentase jabatan diisi melalui seleksi terbuka", "%", 70, 5, kegiatan=True),
    Indicator("MUTASI", S_PROFESIONAL, "Jumlah pelaksanaan uji kompetensi", "kegiatan", 8, 1, kegiatan=True,
              decimals=0),
    Indicator("BANGKOM", S_PROFESIONAL, "Indeks Profesionalitas ASN", "indeks", 68, 2),
    Indicator("BANGKOM", S_PROFESIONAL, "Persentase ASN yang mengikuti pengembangan kompetensi", "%", 60, 8),
    Indicator("BANGKOM", S_PROFESIONAL, "Jumlah JP pengembangan kompetensi yang difasilitasi", "JP", 12000, 1000,
              kegiatan=True, decimals=0),
    Indicator("BANGKOM", S_PROFESIONAL, "Jumlah ASN mengikuti pelatihan kepemimpinan", "orang", 80, 5,
              kegiatan=True, decimals=0),
    Indicator("BANGKOM", S_PROFESIONAL, "Jumlah ASN tugas belajar dan izin belajar difasilitasi", "orang", 60, 5,
              kegiatan=True, decimals=0),
]

# Each unit sends its data in its own way (spec/spreadsheets.md).
# Units whose format has no polarity column (besides the "formal" one): lower-is-better indicators
# of theirs are inferred from the wording and wait for confirmation on the Indikator page.
WITHOUT_POLARITAS = {"KEUANGAN"}
STYLE = {"SEKRETARIAT": "formal", "PENGADAAN": "formal", "MUTASI": "ringkas", "PEMBINAAN": "ringkas",
         "BANGKOM": "csv", "KEUANGAN": "csv", "UMPEG": "lengkap", "PERENCANAAN": "lengkap"}
# Quarters not (yet) reported: the 2025 TW IV of three units, and one forgotten quarter.
NOT_SENT = {(2025, 4, "MUTASI"), (2025, 4, "BANGKOM"), (2025, 4, "KEUANGAN"), (2022, 3, "PEMBINAAN")}


@dataclass(frozen=True)
class DemoFile:
    path: Path
    unit: str
    tahun: int
    triwulan: int | None
    waktu: datetime


def q(value: float, decimals: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def annual_target(ind: Indicator, tahun: int) -> Decimal:
    value = ind.target + ind.growth * (tahun - YEARS[0])
    if ind.satuan == "%":
        value = min(value, 100)
    return q(value, ind.decimals)


def renstra_target_text(ind: Indicator, tahun: int = RENSTRA[1]) -> str:
    """A Renstra target as a unit types it (some units carry them in their files): by default the
    end-of-period one, the target of the period's last year."""
    end = annual_target(ind, tahun)
    return f"{format_angka(end)} - {format_angka(end + 10)}" if ind.rentang else format_angka(end)


def agregasi(ind: Indicator) -> str:
    from kinerja.ingest.reader import infer_agregasi

    return ind.agregasi or infer_agregasi(ind.satuan)


def quarterly_targets(ind: Indicator, annual: Decimal) -> list[Decimal] | None:
    """Per-quarter amounts for kumulatif indicators (cumulative to date for one of them)."""
    if agregasi(ind) != "kumulatif":
        return None
    step = Decimal(1).scaleb(-ind.decimals)
    parts = [(annual / 4).quantize(step, rounding=ROUND_HALF_UP)] * 3
    parts.append(annual - sum(parts))
    if ind.kumulatif_target:
        return [sum(parts[: k + 1]) for k in range(4)]
    return parts


# Realisation relative to the usual spread, per indicator and year, so that the demo has what
# leadership looks for: indicators falling behind, one declining steadily, one improving steadily.
# For a negative indicator a factor above 1 is worse.
PERFORMANCE = {
    "Persentase data SIASN yang mutakhir": {2024: 0.8, 2025: 0.7},
    "Jumlah ASN mengikuti pelatihan kepemimpinan": {2022: 0.95, 2023: 0.85, 2024: 0.75, 2025: 0.6},
    "Persentase jabatan diisi melalui seleksi terbuka": {2025: 0.55},
    "Rata-rata waktu penyelesaian layanan kenaikan pangkat": {2024: 1.25, 2025: 1.45},
    "Indeks Sistem Merit": {2021: 0.8, 2022: 0.86, 2023: 0.92, 2024: 0.98, 2025: 1.04},
    "Jumlah JP pengembangan kompetensi yang difasilitasi": {2023: 0.8},
}


def realisation(ind: Indicator, tahun: int, rng: random.Random) -> list[Decimal]:
    """Values as the unit reports them, in the convention of its targets."""
    annual = annual_target(ind, tahun)
    quarters = quarterly_targets(ind, annual)
    values = []
    for k in range(4):
        factor = rng.uniform(0.75, 1.2) if ind.polaritas == "positif" else rng.uniform(0.6, 1.3)
        if ind.nama in PERFORMANCE:  # a story of its own: little noise around the year's level
            factor = PERFORMANCE[ind.nama].get(tahun, 1) * (1 + (factor - 1) / 10)
        if quarters is None:  # a level: climbs towards the annual value through the year
            base = annual * Decimal(repr(0.85 + 0.05 * k))
            value = float(base) * factor if ind.polaritas == "positif" else float(annual) * factor
            if ind.satuan == "%":
                value = min(value, 100)
            values.append(q(value, ind.decimals))
        else:
            amount = (quarters[k] - (quarters[k - 1] if k and ind.kumulatif_target else 0))
            values.append(q(float(amount) * factor, ind.decimals))
    if ind.kumulatif_target:
        values = [sum(values[: k + 1]) for k in range(4)]
    return values


def anggaran(kode: str, tahun: int) -> tuple[Decimal, list[Decimal]]:
    """Pagu and the four quarters' realisasi anggaran (Rp) of a program/kegiatan. A generator of its
    own (seeded by kode and year), so the indicator values stay what they were."""
    if kode == PROGRAM[0]:
        kegiatan = [anggaran(k, tahun) for k, _ in KEGIATAN.values()]
        pagu = sum(p for p, _ in kegiatan) + Decimal(750_000_000)
        return pagu, [sum(q[k] for _, q in kegiatan) + Decimal(150_000_000) for k in range(4)]
    rng = random.Random(f"{kode}-{tahun}")
    pagu = Decimal(rng.randrange(1_200, 2_400)) * 1_000_000
    shares = [rng.uniform(0.12, 0.2), rng.uniform(0.2, 0.28), rng.uniform(0.2, 0.28), rng.uniform(0.22, 0.3)]
    return pagu, [(pagu * Decimal(repr(share))).quantize(Decimal(1)) for share in shares]


def rupiah(value: Decimal) -> str:
    return f"Rp {format_angka(value, 2)}"


def upload_time(tahun: int, triwulan: int, rng: random.Random) -> datetime:
    """Most units send before the 10th of the month after the quarter; some are late."""
    month, year = (triwulan * 3 + 1, tahun) if triwulan < 4 else (1, tahun + 1)
    day = rng.randint(12, 24) if rng.random() < 0.15 else rng.randint(2, 9)
    return datetime(year, month, day, rng.randint(8, 15), rng.randint(0, 59))


def write_demo_files(folder: Path) -> list[DemoFile]:
    """One file per unit and quarter (the report up to that quarter), in the unit's own style."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    files = []
    for tahun in YEARS:
        for unit, style in STYLE.items():
            indicators = [i for i in INDICATORS if i.unit == unit]
            values = {i.nama: realisation(i, tahun, rng) for i in indicators}
            sent: list[int] = []
            for triwulan in range(1, 5):
                if (tahun, triwulan, unit) in NOT_SENT:
                    continue
                sent.append(triwulan)
                name = f"{tahun}-TW{triwulan}-{unit.lower()}"
                writer = WRITERS[style]
                path, single = writer(folder / name, unit, tahun, triwulan, indicators, values, sent)
                files.append(DemoFile(path, unit, tahun, triwulan if single else None,
                                      upload_time(tahun, triwulan, rng)))
    return files


def load_demo(con, folder: Path, progress=None) -> list:
    """Record the next Renstra period, write the demo files and import each through the real
    import path."""
    from kinerja.collect.renstra import add_period
    from kinerja.store.renstra import period_of

    if period_of(con, NEXT_RENSTRA[0]) is None:
        add_period(con, *NEXT_RENSTRA, cli_account("demo sekretariat"))
    results = []
    files = write_demo_files(Path(folder))
    for number, demo in enumerate(files, 1):
        result = import_file(con, demo.path.read_bytes(), demo.path.name, demo.unit, demo.tahun,
                             demo.triwulan, akun=cli_account(f"demo {demo.unit.lower()}"), waktu=demo.waktu)
        if not result.ok:
            problems = "\n".join(str(p) for p in result.problems)
            raise RuntimeError(f"berkas demo {demo.path.name} gagal diimpor:\n{problems}")
        results.append(result)
        if progress and (number % 20 == 0 or number == len(files)):
            progress(f"Data demo: {number}/{len(files)} berkas diimpor")
    verify_demo(con)
    confirm_demo(con)
    mark_demo(con, SEKRETARIAT_DEMO)
    return results


def mark_demo(con, akun) -> None:
    """pengaturan 'data_demo' = 'ya': every export of this database carries the DATA DEMO mark
    (kinerja.reports.evaluasi.is_demo). A setting, so it needs the right "pengaturan"; audited."""
    from kinerja.auth import require
    from kinerja.collect import audit
    from kinerja.store.db import transaction
    from kinerja.store.queries import sql

    require(akun, "pengaturan")
    with transaction(con):
        con.execute(sql("write_tanda_demo"))
        audit.record(con, akun, "pengaturan", objek="data_demo", baru="ya")


# The Sekretariat has verified every quarter up to 2025 TW II, three days after it arrived, and sent
# one quarter back to its unit.
VERIFIED_UNTIL = (2025, 2)
REOPENED = {(2025, 2, "PENGADAAN"): "Realisasi TW II belum sesuai bukti dukung; mohon diperbaiki dan diunggah ulang."}


SEKRETARIAT_DEMO = cli_account("sekretariat (demo)")
# One account per role, and an operator serving two units; passwords are made when created.
DEMO_ACCOUNTS = [
    ("pimpinan", ["pimpinan"], [], "Kepala Badan (demo)"),
    ("sekretariat", ["sekretariat"], [], "Sekretaris Badan (demo)"),
    ("perencana", ["perencana"], [], "Jafung Perencana (demo)"),
    ("operator.mutasi", ["operator"], ["MUTASI"], "Operator Bidang Mutasi (demo)"),
    ("operator.bidang", ["operator"], ["PEMBINAAN", "BANGKOM"], "Operator dua bidang (demo)"),
]


def demo_accounts(con) -> list[tuple[str, str, str]]:
    """Create the demo accounts that do not exist yet, each with a new random password; returns
    (nama, peran and unit, sandi) of those created, to be shown once."""
    from kinerja.collect.accounts import create, describe

    existing = set(con.execute("SELECT nama FROM akun").df()["nama"])
    created = []
    for nama, peran, unit, lengkap in DEMO_ACCOUNTS:
        if nama in existing:
            continue
        sandi = secrets.token_urlsafe(9)
        create(con, cli_account("demo"), nama, sandi, peran, unit, lengkap)
        created.append((nama, describe(peran, unit), sandi))
    return created


def verify_demo(con) -> None:
    from kinerja.collect.register import register
    from kinerja.collect.workflow import set_status

    for tahun in YEARS:
        quarters = register(con, tahun)
        for row in quarters[quarters["status"] == "diajukan"].itertuples():
            if (tahun, row.triwulan) > VERIFIED_UNTIL:
                continue
            when = row.diunggah_pada + timedelta(days=3)
            set_status(con, row.unit, tahun, row.triwulan, "diverifikasi", SEKRETARIAT_DEMO, waktu=when)
            reason = REOPENED.get((tahun, row.triwulan, row.unit))
            if reason:
                set_status(con, row.unit, tahun, row.triwulan, "dibuka_kembali", SEKRETARIAT_DEMO, reason,
                           when + timedelta(days=1))


# The Jafung Perencana has confirmed one inferred setting on the Indikator page; the others (among
# them the lower-is-better indicators of files without a POLARITAS column) still await it.
CONFIRMED = {"Persentase layanan administrasi kepegawaian tepat waktu": {"polaritas": "positif"}}


def confirm_demo(con) -> None:
    from kinerja.collect.indikator import change_settings

    for nama, settings in CONFIRMED.items():
        (indikator_id,) = con.execute("SELECT id FROM indikator WHERE nama = ?", [nama]).fetchall()[0]
        change_settings(con, indikator_id, YEARS[0], settings, cli_account("perencana (demo)"),
                        "Dikonfirmasi sesuai Renstra: makin tinggi makin baik.", datetime(YEARS[-1], 10, 20, 10, 0))


# --------------------------------------------------------------------------- the units' styles


def table_rows(unit: str, indicators: list[Indicator]):
    """The unit's indicators per sasaran; the program and kegiatan rows above the kegiatan's own."""
    shown = set()
    for ind in sorted(indicators, key=lambda i: (i.sasaran, i.kegiatan)):
        if ind.kegiatan and ind.sasaran not in shown:
            shown.add(ind.sasaran)
            yield "marker", (*PROGRAM, ind.sasaran)
            yield "marker", (*KEGIATAN[unit], ind.sasaran)
        yield "indikator", ind


def title(unit: str, tahun: int, triwulan: int) -> list[list]:
    from kinerja.store.db import UNITS

    nama = next(n for kode, n, _ in UNITS if kode == unit)
    return [["FORMAT PENGUMPULAN DATA KINERJA (DATA DEMO)"], [nama.upper()],
            [f"TAHUN {tahun} - TRIWULAN {ROMAN[triwulan]}"], []]


def write_formal(base: Path, unit, tahun, triwulan, indicators, values, sent):
    """Three-row merged header, column numbers, merged sasaran, kegiatan rows, percent cells,
    a signature block and an instructions sheet."""
    path = base.with_suffix(".xlsx")
    book = xlsxwriter.Workbook(path)
    bold = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True})
    percent = book.add_format({"num_format": "0.00%"})
    ws = book.add_worksheet("Data Kinerja")
    for r, row in enumerate(title(unit, tahun, triwulan)):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    top = 4
    for c, name in enumerate(["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN"]):
        ws.merge_range(top, c, top + 2, c, name, bold)
    ws.merge_range(top, 4, top, 8, "TARGET", bold)
    ws.merge_range(top + 1, 4, top + 2, 4, "TAHUNAN", bold)
    ws.merge_range(top + 1, 5, top + 1, 8, "TRIWULAN", bold)
    ws.merge_range(top, 9, top, 12, "REALISASI", bold)
    ws.merge_range(top + 1, 9, top + 1, 12, "TRIWULAN", bold)
    for k in range(4):
        ws.write(top + 2, 5 + k, ROMAN[k + 1], bold)
        ws.write(top + 2, 9 + k, ROMAN[k + 1], bold)
    ws.merge_range(top, 13, top + 2, 13, "KET", bold)
    ws.merge_range(top, 14, top + 2, 14, "PAGU ANGGARAN", bold)
    ws.merge_range(top, 15, top, 18, "REALISASI ANGGARAN", bold)
    ws.merge_range(top + 1, 15, top + 1, 18, "TRIWULAN", bold)
    for k in range(4):
        ws.write(top + 2, 15 + k, ROMAN[k + 1], bold)
    for c in range(19):
        ws.write(top + 3, c, c + 1)
    r, number = top + 4, 0
    rows_by_sasaran: dict[str, list[int]] = {}
    for kind, item in table_rows(unit, indicators):
        if kind == "marker":
            ws.write(r, 0, item[0])
            ws.write(r, 1, item[2])
            ws.write(r, 2, item[1])
            pagu, quarters = anggaran(item[0], tahun)
            ws.write_string(r, 14, rupiah(pagu))
            for k in sent:
                ws.write_string(r, 14 + k, rupiah(quarters[k - 1]))
            r += 1
            continue
        ind, number = item, number + 1
        rows_by_sasaran.setdefault(ind.sasaran, []).append(r)
        annual = annual_target(ind, tahun)
        ws.write(r, 0, number)
        ws.write(r, 2, ind.nama)
        ws.write(r, 3, ind.satuan)
        write_target(ws, r, 4, ind, annual, percent)
        for k, value in enumerate(quarterly_targets(ind, annual) or []):
            ws.write_number(r, 5 + k, float(value))
        for k in sent:
            write_value(ws, r, 8 + k, ind, values[ind.nama][k - 1], percent)
        r += 1
    for sasaran, rows in rows_by_sasaran.items():
        if len(rows) > 1 and rows[-1] - rows[0] == len(rows) - 1:
            ws.merge_range(rows[0], 1, rows[-1], 1, sasaran)
        else:
            ws.write(rows[0], 1, sasaran)  # merged or written once: the reader carries it down
    ws.write(r + 1, 10, "Samarinda, 10 " + ["April", "Juli", "Oktober", "Januari"][triwulan - 1])
    ws.write(r + 2, 10, "Kepala Bidang")
    ws.write(r + 5, 10, "NIP. 19700101 199503 1 001 (DEMO)")
    notes = book.add_worksheet("Petunjuk")
    notes.write(0, 0, "Petunjuk pengisian: isi realisasi triwulan berjalan; jangan ubah judul kolom.")
    book.close()
    return path, False


def write_target(ws, r, c, ind, annual, percent):
    if ind.rentang:
        ws.write_string(r, c, f"{format_angka(annual)} - {format_angka(annual + 10)}")
    elif ind.satuan == "%":
        ws.write_number(r, c, float(annual) / 100, percent)
    else:
        ws.write_number(r, c, float(annual))


def write_value(ws, r, c, ind, value, percent):
    if ind.satuan == "%":
        ws.write_number(r, c, float(value) / 100, percent)
    else:
        ws.write_number(r, c, float(value))


def write_ringkas(base: Path, unit, tahun, triwulan, indicators, values, sent):
    """Two-row header with "TW 1" spellings, text numbers with decimal commas, a single REALISASI
    column for the quarter (imported with its quarter) and a hidden sheet."""
    path = base.with_suffix(".xlsx")
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet(f"TW {triwulan}")
    for r, row in enumerate(title(unit, tahun, triwulan)):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    ws.merge_range(4, 0, 5, 0, "No.")
    ws.merge_range(4, 1, 5, 1, "Sasaran Strategis")
    ws.merge_range(4, 2, 5, 2, "Indikator Kinerja")
    ws.merge_range(4, 3, 5, 3, "Satuan")
    ws.merge_range(4, 4, 5, 4, "Sifat")
    ws.merge_range(4, 5, 4, 9, "Target")
    for c, name in enumerate(["Tahunan", "TW 1", "TW 2", "TW 3", "TW 4"]):
        ws.write(5, 5 + c, name)
    ws.merge_range(4, 10, 5, 10, "Realisasi")
    ws.merge_range(4, 11, 5, 11, "Keterangan")
    previous, number = None, 0
    for r, (kind, item) in enumerate(table_rows(unit, indicators), 6):
        sasaran = item[-1] if kind == "marker" else item.sasaran
        if sasaran != previous:  # sasaran written once, blank below
            previous = sasaran
            ws.write(r, 1, sasaran)
        if kind == "marker":
            ws.write(r, 2, f"{item[0]} {item[1]}")
            continue
        ind, number = item, number + 1
        annual = annual_target(ind, tahun)
        ws.write(r, 0, number)
        ws.write(r, 2, ind.nama)
        ws.write(r, 3, ind.satuan)
        ws.write(r, 4, "(+)" if ind.polaritas == "positif" else "(-)")
        suffix = "%" if ind.satuan == "%" else ""
        ws.write_string(r, 5, format_angka(annual) + suffix)
        for k, value in enumerate(quarterly_targets(ind, annual) or []):
            ws.write_string(r, 6 + k, format_angka(value))
        value = values[ind.nama][triwulan - 1]
        ws.write_string(r, 10, format_angka(value) + suffix)
        if ind.polaritas == "negatif" and value > annual:
            ws.write_string(r, 11, "melebihi batas; tindak lanjut pembinaan")
    archive = book.add_worksheet("Arsip")
    archive.write(0, 0, "lembar lama (tersembunyi)")
    archive.hide()
    book.close()
    return path, True


def write_csv(base: Path, unit, tahun, triwulan, indicators, values, sent):
    """Semicolon CSV with Indonesian text numbers and "Q1" spellings; KEUANGAN's has no SIFAT
    (polarity) column, so its lower-is-better indicator is inferred from the wording."""
    path = base.with_suffix(".csv")
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=";")

    def write(row: list) -> None:
        out.writerow(row[:4] + row[5:] if unit in WITHOUT_POLARITAS else row)

    out.writerow(["DATA DEMO", unit, tahun])
    write(["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "SIFAT", "AGREGASI", "TARGET TAHUNAN",
           *[f"TARGET Q{k}" for k in range(1, 5)], *[f"REALISASI Q{k}" for k in range(1, 5)], "KET",
           "TARGET AKHIR RENSTRA", *[f"TARGET RENSTRA {y}" for y in EARLIER_RENSTRA_YEARS], "PAGU ANGGARAN",
           *[f"REALISASI ANGGARAN Q{k}" for k in range(1, 5)]])
    number = 0
    for kind, item in table_rows(unit, indicators):
        if kind == "marker":
            pagu, quarters = anggaran(item[0], tahun)
            spent = [format_angka(quarters[k - 1]) if k in sent else "-" for k in range(1, 5)]
            write([item[0], item[2], item[1], *[""] * (14 + len(EARLIER_RENSTRA_YEARS)), format_angka(pagu), *spent])
            continue
        ind, number = item, number + 1
        annual = annual_target(ind, tahun)
        quarters = quarterly_targets(ind, annual) or [None] * 4
        reported = [format_angka(values[ind.nama][k - 1]) if k in sent else "-" for k in range(1, 5)]
        write([number, ind.sasaran, ind.nama, ind.satuan, "minimal" if ind.polaritas == "negatif" else "maksimal",
               agregasi(ind).replace("_", " "), format_angka(annual),
               *["" if t is None else format_angka(t) for t in quarters], *reported, "",
               renstra_target_text(ind), *[renstra_target_text(ind, y) for y in EARLIER_RENSTRA_YEARS]])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path, False


def write_lengkap(base: Path, unit, tahun, triwulan, indicators, values, sent):
    """One header row with KODE, POLARITAS and AGREGASI, "Triwulan I" spellings, percent cells."""
    path = base.with_suffix(".xlsx")
    book = xlsxwriter.Workbook(path)
    percent = book.add_format({"num_format": "0%"})
    ws = book.add_worksheet("Format SOP")
    header = ["NO", "KODE", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "POLARITAS", "AGREGASI",
              "TARGET TAHUNAN", *[f"Target Triwulan {ROMAN[k]}" for k in range(1, 5)],
              *[f"Realisasi Triwulan {ROMAN[k]}" for k in range(1, 5)], "KET.", "BUKTI DUKUNG",
              *[f"TARGET RENSTRA {y}" for y in range(RENSTRA[0], RENSTRA[1] + 1)]]
    ws.write(0, 0, f"DATA DEMO - {unit} - {tahun}")
    ws.write_row(2, 0, header)
    for r, ind in enumerate(indicators, 3):
        annual = annual_target(ind, tahun)
        kode = f"{unit[:3]}-{INDICATORS.index(ind) + 1:02d}"
        ws.write_row(r, 0, [r - 2, kode, ind.sasaran, ind.nama, ind.satuan, ind.polaritas,
                            agregasi(ind).replace("_", " ")])
        write_target(ws, r, 7, ind, annual, percent)
        for k, value in enumerate(quarterly_targets(ind, annual) or []):
            ws.write_number(r, 8 + k, float(value))
        for k in sent:
            write_value(ws, r, 11 + k, ind, values[ind.nama][k - 1], percent)
        ws.write(r, 17, f"bukti-{kode.lower()}-{tahun}.pdf")
        for c, y in enumerate(range(RENSTRA[0], RENSTRA[1] + 1), 18):
            ws.write_string(r, c, renstra_target_text(ind, y))
    book.close()
    return path, False


WRITERS = {"formal": write_formal, "ringkas": write_ringkas, "csv": write_csv, "lengkap": write_lengkap}
