"""Test helper: a year for the evaluation exports, with program/kegiatan, budget, earlier Renstra
years, a Renstra end target, notes, and user text that looks like a formula."""
from decimal import Decimal

from tests import seed

TAHUN = 2024
S1 = "Meningkatnya profesionalitas ASN"
KEGIATAN = ("5.03.02.2.03", "Pengembangan Kompetensi ASN")


def kegiatan(con, indikator_id: int) -> int:
    """Program 5.03.02 and its kegiatan 5.03.02.2.03, the indicator listed under the kegiatan."""
    program = con.execute("INSERT INTO program_kegiatan (kode, nama, level) VALUES "
                          "('5.03.02', 'Program Kepegawaian Daerah', 'program') RETURNING id").fetchone()[0]
    pk = con.execute("INSERT INTO program_kegiatan (kode, nama, level, parent_id) VALUES (?, ?, 'kegiatan', ?) "
                     "RETURNING id", [*KEGIATAN, program]).fetchone()[0]
    con.execute("UPDATE indikator SET level = 'kegiatan', parent_id = ? WHERE id = ?", [pk, indikator_id])
    seed.stored(con, [indikator_id])
    return pk


def anggaran(con, pk: int, tahun: int, triwulan: int, jenis: str, nilai: str) -> None:
    con.execute("INSERT INTO anggaran (program_kegiatan_id, tahun, triwulan, jenis, nilai) VALUES (?, ?, ?, ?, ?)",
                [pk, tahun, triwulan, jenis, Decimal(nilai)])


def evaluation_year(con):
    """A kumulatif kegiatan indicator with earlier Renstra years (none in 2021), Renstra targets for
    every year of 2021-2026 and a budget;
    the published check (93 → 94,83); a sasaran, an indicator and a note that look like formulas."""
    jp = seed.indikator(con, "Jumlah ASN mengikuti pengembangan kompetensi", unit="BANGKOM", target="400",
                        realisasi={1: 100, 2: 100, 3: 100, 4: 120}, satuan="orang", sasaran_teks=S1)
    for tahun, quarters in ((2022, (80, 90, 90, 90)), (2023, (95, 95, 95, 95))):  # 350 and 380, complete
        for q, nilai in enumerate(quarters, 1):
            con.execute("INSERT INTO realisasi VALUES (?, ?, ?, ?, NULL)", [jp, tahun, q, nilai])
        con.execute("INSERT INTO target VALUES (?, ?, 0, 400, 400, NULL, NULL)", [jp, tahun])
    # the Renstra 2021-2026 targets of every year: 300 + 350 + 400 + 400 + 450 + 500 = 2400 for the period
    for tahun, nilai in zip(range(2021, 2027), (300, 350, 400, 400, 450, 500)):
        con.execute("INSERT INTO target_renstra VALUES (?, ?, ?, ?, NULL, NULL)", [jp, tahun, nilai, nilai])
    pk = kegiatan(con, jp)
    anggaran(con, pk, TAHUN, 0, "pagu", "1900000000")
    for q, nilai in ((1, "400000000"), (2, "500000000.50"), (3, "300000000"), (4, "600000000")):
        anggaran(con, pk, TAHUN, q, "realisasi", nilai)
    anggaran(con, pk, 2023, 0, "realisasi", "1700000000")
    seed.indikator(con, "Persentase record data base aparatur yang terisi lengkap", target="93",
                   realisasi={4: "94.83"}, satuan="%", agregasi="nilai_akhir", sasaran_teks=S1)
    bad = seed.indikator(con, "=HYPERLINK(\"http://contoh.id\",\"klik\")", unit="UMPEG", target="10",
                         realisasi={1: 5}, satuan="dokumen", sasaran_teks="+62 sasaran palsu")
    con.execute("INSERT INTO catatan (indikator_id, tahun, triwulan, ket) VALUES (?, ?, 1, ?)",
                [bad, TAHUN, "=cmd|' /C calc'!A0"])
    return con
