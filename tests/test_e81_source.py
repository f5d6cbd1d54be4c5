"""Formulir E.81 (Permendagri 86/2017, evaluasi hasil Renja) read as a source (issue 12, kind 9):
K / % / Rp sub-columns under numbered columns; the target from the Renja column (K), the quarterly
realisation from the quarter columns (K, amounts of each quarter: column 13 = 9 + 10 + 11 + 12), the
budget from the Rp sub-columns; program / kegiatan rows by code."""
from decimal import Decimal

import pytest

from kinerja.ingest.reader import read_workbook
from tests.conftest import SEKRETARIAT
from tests.workbooks import Sheet, xlsx

D = Decimal
KODE_PROGRAM = "5.03.02 Program Kepegawaian Daerah"
KODE_KEGIATAN = "5.03.02.2.02 Mutasi dan Promosi ASN"
# The official layout (Lampiran Permendagri 86/2017): K / Rp under every numbered column, the K / Rp row
# above the row of column numbers, "Realisasi Kinerja Pada Triwulan" over I-IV, no Satuan column.
TOP = ["No", "Sasaran", "Program/Kegiatan", "Indikator Kinerja Program (outcome)/Kegiatan (output)",
       "Target Renstra SKPD pada Tahun 2026 (Akhir Periode Renstra SKPD)", None,
       "Realisasi Capaian Kinerja Renstra SKPD s/d Renja SKPD Tahun Lalu (2024)", None,
       "Target Kinerja dan Anggaran Renja SKPD Tahun Berjalan (2025) yang Dievaluasi", None,
       "Realisasi Kinerja Pada Triwulan", None, None, None, None, None, None, None,
       "Realisasi Capaian Kinerja dan Anggaran Renja SKPD yang Dievaluasi", None,
       "Realisasi Kinerja dan Anggaran Renstra SKPD s/d Tahun 2025", None,
       "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra SKPD s/d Tahun 2025 (%)", None,
       "Unit SKPD Penanggung Jawab"]
QUARTERS = [None] * 10 + ["I", None, "II", None, "III", None, "IV", None] + [None] * 7
UNITS = [None] * 4 + ["K", "Rp"] * 10 + [None]
NUMBERS = [1, 2, 3, 4] + [n for n in range(5, 15) for _ in (0, 1)] + [15]
MERGED = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F2", "G1:H2", "I1:J2", "K1:R1", "K2:L2", "M2:N2", "O2:P2",
          "Q2:R2", "S1:T2", "U1:V2", "W1:X2", "Y1:Y3"]


def e81_row(no, sasaran, program, indikator, target, quarters, pagu=None, anggaran=(None,) * 4, total=None):
    """One body row: K values of the Renja target and of each quarter, Rp pagu and per-quarter budget."""
    row = [no, sasaran, program, indikator, None, None, None, None, target, pagu]
    for k, rp in zip(quarters, anggaran):
        row += [k, rp]
    summed = sum(q for q in quarters if q is not None)
    return row + [summed if total is None else total, None, None, None, None, None, "Bidang Mutasi"]


def e81(body, units_first=True):
    head = [TOP, QUARTERS, UNITS, NUMBERS] if units_first else [TOP, QUARTERS, NUMBERS, UNITS]
    merged = MERGED if units_first else [m.replace("Y1:Y3", "Y1:Y2") for m in MERGED]
    return xlsx(Sheet("E.81", head + body, merged))


BODY = [
    e81_row(1, "Meningkatnya kualitas manajemen ASN", KODE_PROGRAM, "Persentase ASN yang dimutasi sesuai "
            "kompetensi", 100, [20, 30, 25, 25], pagu=1_900_000_000, anggaran=(400e6, 500e6, 450e6, 500e6)),
    e81_row(None, None, KODE_KEGIATAN, "Jumlah SK mutasi yang diterbitkan", 400, [90, 110, 100, 95],
            pagu=250_000_000, anggaran=(50e6, 60e6, 70e6, 65e6)),
    e81_row(None, None, None, "Jumlah ASN dipromosikan", 40, [10, None, 12, 14]),
]


def read(data):
    return read_workbook(data, "e81.xlsx")


@pytest.mark.parametrize("units_first", [True, False])
def test_the_official_layout_reads_targets_quarters_and_budgets(units_first):
    book = read(e81(BODY, units_first))
    assert not book.errors, [str(p) for p in book.errors]
    rows = {r.nama: r for r in book.rows}
    assert list(rows) == ["Persentase ASN yang dimutasi sesuai kompetensi", "Jumlah SK mutasi yang diterbitkan",
                          "Jumlah ASN dipromosikan"]
    pct = rows["Persentase ASN yang dimutasi sesuai kompetensi"]
    assert pct.target_tahunan.bawah == 100 and pct.realisasi == {1: 20, 2: 30, 3: 25, 4: 25}
    # the form adds the quarters (column 13 = 9 + 10 + 11 + 12), also for a % indicator
    assert {r.agregasi for r in book.rows} == {"kumulatif"}
    assert rows["Jumlah ASN dipromosikan"].realisasi == {1: 10, 3: 12, 4: 14}
    # program / kegiatan by code: the kegiatan's indicators belong to it, under the program
    assert pct.program == ("5.03.02", "Program Kepegawaian Daerah") and pct.kegiatan is None
    sk = rows["Jumlah SK mutasi yang diterbitkan"]
    assert sk.kegiatan == ("5.03.02.2.02", "Mutasi dan Promosi ASN") and sk.program[0] == "5.03.02"
    budgets = {b.kode: b for b in book.budgets}
    assert budgets["5.03.02"].pagu == D(1_900_000_000)
    assert budgets["5.03.02.2.02"].realisasi == {1: D(50e6), 2: D(60e6), 3: D(70e6), 4: D(65e6)}


def test_percent_sub_columns_and_renstra_columns_are_not_values():
    book = read(e81(BODY))
    for row in book.rows:
        assert not row.target_renstra and not row.target_triwulan


def test_a_total_equal_to_the_last_quarter_reads_the_row_as_a_level_with_a_warning():
    body = [e81_row(1, "S", None, "Indeks kepuasan layanan", 80, [78, 79, 81, 82], total=82)]
    book = read(e81(body))
    assert not book.errors
    assert book.rows[0].agregasi == "nilai_akhir"
    (warning,) = book.warnings
    assert "nilai akhir" in warning.message and warning.column.startswith("Realisasi Capaian Kinerja")


def test_a_total_that_is_neither_sum_nor_last_quarter_is_a_warning_and_the_quarters_count():
    body = [e81_row(1, "S", None, "Jumlah dokumen", 10, [2, 3, 3, 2], total=7)]
    book = read(e81(body))
    assert book.rows[0].agregasi == "kumulatif" and sum(book.rows[0].realisasi.values()) == 10
    assert "tidak sama dengan kolom ini" in book.warnings[0].message


def test_budget_on_a_row_without_a_code_is_said_once_not_blocking():
    body = [e81_row(1, "S", "Program tanpa kode", "Indikator A", 10, [1, 2, 3, 4], pagu=1e6, anggaran=(1e5,) * 4),
            e81_row(2, None, "Kegiatan tanpa kode", "Indikator B", 10, [1, 2, 3, 4], pagu=1e6)]
    book = read(e81(body))
    assert not book.errors and not book.budgets and len(book.rows) == 2
    assert len(book.warnings) == 1 and "tanpa kode" in book.warnings[0].message


def test_every_row_of_the_form_is_accounted_for():
    heading = [None, None, "5.03 URUSAN KEPEGAWAIAN"] + [None] * 22
    footer = [["Rata-rata capaian kinerja"], ["Predikat kinerja"], ["Faktor pendorong", None, "tim solid"]]
    book = read(e81([heading] + BODY + footer))
    assert book.fate_counts() == {"indikator": 3, "judul": 1, "dilewati": 3}
    assert not book.errors


def test_a_file_neither_sop_nor_e81_says_which_formats_are_read_and_what_it_holds():
    data = xlsx(Sheet("Rekap", [["Daftar hadir"], ["Nama", "NIP", "Jabatan"], ["A", "1", "Staf"]]),
                Sheet("Kosong", []))
    (problem,) = read_workbook(data, "rekap.xlsx").errors
    assert problem.sheet is None and str(problem).startswith("Kesalahan: tidak ditemukan tabel")
    assert "format SOP" in problem.message and "Formulir E.81" in problem.message
    assert "lembar 'Rekap' baris 2: 'Nama', 'NIP', 'Jabatan'" in problem.message
    assert "lembar 'Kosong' kosong" in problem.message


def test_an_e81_imports_to_the_capaian_of_its_hand_arithmetic(con):
    from kinerja.engine.capaian import capaian
    from kinerja.ingest.files import import_files

    batch = import_files(con, [("e81.xlsx", e81(BODY))], "MUTASI", 2025, akun=SEKRETARIAT)
    assert batch.written, [str(p) for r in batch.results for p in r.plan.errors]
    year = capaian(con, 2025, None, "MUTASI").set_index("indikator")
    # (20 + 30 + 25 + 25) / 100; (90 + 110 + 100 + 95) / 400 = 98,75; (10 + 12 + 14) / 40 = 90 (TW II missing)
    assert year.loc["Persentase ASN yang dimutasi sesuai kompetensi", "capaian_persen"] == 100
    assert year.loc["Jumlah SK mutasi yang diterbitkan", "capaian_persen"] == 98.75
    assert year.loc["Jumlah ASN dipromosikan", "capaian_persen"] == 90
    assert set(year["agregasi"]) == {"kumulatif"}
    budget = con.execute("SELECT count(*) FROM anggaran").fetchone()[0]
    assert budget == 10   # pagu and four quarters for the program and for the kegiatan


@pytest.mark.parametrize("rp", ["Rp", "Rp.", "RP", "Rupiah"])
def test_the_rp_sub_column_in_its_spellings(rp):
    head_units = [u if u != "Rp" else rp for u in UNITS]
    data = xlsx(Sheet("E.81", [TOP, QUARTERS, head_units, NUMBERS] + BODY, MERGED))
    book = read(data)
    assert not book.errors and len(book.rows) == 3 and book.budgets


def test_a_form_without_the_k_rp_row_is_still_read_as_e81():
    top = [t for t, u in zip(TOP, UNITS) if u != "Rp"]
    quarters = [q for q, u in zip(QUARTERS, UNITS) if u != "Rp"]
    numbers = [1, 2, 3, 4] + list(range(5, 15)) + [15]
    body = [[v for v, u in zip(row, UNITS) if u != "Rp"] for row in BODY]
    merged = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:G2", "H1:K1", "L1:L2", "M1:M2", "N1:N2",
              "O1:O2"]
    book = read(xlsx(Sheet("E.81", [top, quarters, numbers] + body, merged)))
    assert not book.errors, [str(p) for p in book.errors]
    rows = {r.nama: r for r in book.rows}
    assert rows["Jumlah SK mutasi yang diterbitkan"].target_tahunan.bawah == 400
    assert rows["Jumlah SK mutasi yang diterbitkan"].realisasi == {1: 90, 2: 110, 3: 100, 4: 95}
    assert not book.budgets and {r.agregasi for r in book.rows} == {"kumulatif"}
