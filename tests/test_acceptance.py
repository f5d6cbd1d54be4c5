"""A unit's workbook as a real office sends it, imported through the CLI; capaian by hand.

Bidang Pengembangan Kompetensi, 2024: title rows, a three-row merged header, a row of column
numbers, SASARAN merged, a program and two kegiatan rows, percent-formatted cells, Indonesian
text numbers, a range target, a negative indicator, an instructions sheet and a signature block.
"""
import csv
import io

from kinerja.cli import main
from tests.workbooks import Pct, Sheet, xlsx

S1 = "Meningkatnya kompetensi ASN"
HEADER = [
    ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "SIFAT", "TARGET", None, None, None, None,
     "REALISASI", None, None, None, "KET"],
    [None, None, None, None, None, "TAHUNAN", "TRIWULAN", None, None, None, "TRIWULAN", None, None, None, None],
    [None, None, None, None, None, None, "I", "II", "III", "IV", "I", "II", "III", "IV", None],
    list(range(1, 16)),
]
MERGED = ["A5:A7", "B5:B7", "C5:C7", "D5:D7", "E5:E7", "F5:J5", "F6:F7", "G6:J6", "K5:N5", "K6:N6",
          "O5:O7", "B9:B14"]
ROWS = [
    ["FORMAT PENGUMPULAN DATA KINERJA"],
    ["BIDANG PENGEMBANGAN KOMPETENSI"],
    ["TAHUN 2024"],
    [],
    *HEADER,
    # row 9
    [1, S1, "Persentase ASN yang mengikuti pengembangan kompetensi", "%", "(+)", Pct(0.80),
     None, None, None, None, "20,5", Pct(0.41), "60,25", "82,4", "BKPSDM"],
    ["5.03.02", None, "Program Kepegawaian Daerah"],
    ["5.03.02.2.03", None, "Pengembangan Kompetensi ASN"],
    [2, None, "Jumlah JP pengembangan kompetensi", "JP", "positif", "1.200", 300, 300, 300, 300,
     250, 310, 290, None, "TW IV belum"],
    [3, None, "Indeks kepuasan peserta pelatihan", "indeks", "positif", "80 - 90", None, None, None, None,
     None, None, None, 78, None],
    [4, None, "Jumlah ASN dijatuhi hukuman disiplin", "orang", "(-)", 7, None, None, None, None,
     2, 1, "2", "1,5", None],
    [],
    [None, None, None, None, None, None, None, None, None, None, None, "Samarinda, 10 Januari 2025"],
    [None, None, None, None, None, None, None, None, None, None, None, "Kepala Bidang"],
    [None, None, None, None, None, None, None, None, None, None, None, "NIP. 19800101 200501 1 001"],
]


def run(capsys, *args):
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_real_units_workbook_imports_and_its_capaian_matches_hand_calculation(tmp_path, capsys):
    path = tmp_path / "bangkom-2024.xlsx"
    path.write_bytes(xlsx(Sheet("Petunjuk", [["Petunjuk pengisian format"], ["Isi realisasi tiap triwulan"]]),
                          Sheet("Data Kinerja", ROWS, merged=MERGED)))
    dbfile = str(tmp_path / "k.duckdb")
    code, out, err = run(capsys, "import", str(path), "--unit", "BANGKOM", "--year", "2024", "--db", dbfile)
    assert code == 0, err
    assert "Baris indikator dibaca: 4" in out and "Lembar dilewati: 'Petunjuk'" in out

    code, out, _ = run(capsys, "capaian", "--year", "2024", "--format", "csv", "--db", dbfile)
    rows = {r["indikator"]: r for r in csv.DictReader(io.StringIO(out))}
    # % is nilai_akhir: the latest realisation 82,4 against the annual 80 -> 103,00.
    persen = rows["Persentase ASN yang mengikuti pengembangan kompetensi"]
    assert (persen["agregasi"], persen["target"], persen["realisasi"], persen["capaian_persen"]) == \
        ("nilai_akhir", "80", "82.4", "103.00")
    # JP is kumulatif: 250 + 310 + 290 = 850 against 1.200 -> 70,83 (Sedang), TW IV flagged missing.
    jp = rows["Jumlah JP pengembangan kompetensi"]
    assert (jp["realisasi"], jp["capaian_persen"], jp["kategori"]) == ("850", "70.83", "Sedang")
    assert "TW IV" in jp["keterangan"]
    # Range 80 - 90, realisation 78 below it: 78 / 80 -> 97,50.
    indeks = rows["Indeks kepuasan peserta pelatihan"]
    assert (indeks["target"], indeks["capaian_persen"]) == ("80 - 90", "97.50")
    # Negative, formula A, kumulatif: 2 + 1 + 2 + 1,5 = 6,5 against 7 -> (2 - 6,5/7) x 100 = 107,14.
    disiplin = rows["Jumlah ASN dijatuhi hukuman disiplin"]
    assert (disiplin["polaritas"], disiplin["realisasi"], disiplin["capaian_persen"]) == ("negatif", "6.5", "107.14")

    code, out, _ = run(capsys, "capaian", "--year", "2024", "--quarter", "2", "--format", "csv", "--db", dbfile)
    rows = {r["indikator"]: r for r in csv.DictReader(io.StringIO(out))}
    # To TW II: 250 + 310 = 560 against 300 + 300 = 600 -> 93,33.
    assert rows["Jumlah JP pengembangan kompetensi"]["capaian_persen"] == "93.33"
    # The percentage cell 41% reads as 41; against the annual 80 (no quarterly targets) -> 51,25.
    assert rows["Persentase ASN yang mengikuti pengembangan kompetensi"]["capaian_persen"] == "51.25"

    structure = run(capsys, "capaian", "--year", "2024", "--format", "json", "--db", dbfile)[1]
    assert '"sasaran": "Meningkatnya kompetensi ASN"' in structure
