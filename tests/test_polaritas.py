"""Polarity inferred when a file has no POLARITAS column (issue 13, point 1), marked "belum
dikonfirmasi" wherever the capaian is shown until someone confirms it."""

import pytest
from openpyxl import load_workbook

from kinerja.collect import indikator
from kinerja.ingest import upload as unggah
from kinerja.polaritas import infer
from kinerja.store import db
from tests.cases import capaian_row, run, sop
from tests.conftest import PERENCANA, SEKRETARIAT

PENSIUN = "Rata-rata waktu penyelesaian layanan pensiun"
HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I"]
SASARAN = "Meningkatnya kualitas pelayanan administrasi kepegawaian"


@pytest.mark.parametrize("nama, satuan", [
    (PENSIUN, "hari"),
    ("Lama penyelesaian usulan mutasi", "hari kerja"),
    ("Rata rata waktu tunggu layanan", "menit"),
    ("Lama proses penerbitan SK", "hari"),
    ("Persentase kasus disiplin ASN", "%"),
    ("Jumlah pelanggaran disiplin pegawai", "kasus"),
    ("Jumlah pengaduan masyarakat", "aduan"),
    ("Jumlah aduan layanan", "laporan"),
    ("Jumlah keluhan pengguna layanan", "keluhan"),
    ("Jumlah temuan BPK", "temuan"),
    ("Jumlah tunggakan berkas kenaikan pangkat", "berkas"),
    ("Persentase keterlambatan penyampaian laporan", "%"),
    ("Tingkat kesalahan data kepegawaian", "%"),
    ("Angka kematian ibu", "per 100.000"),
    ("Tingkat pengangguran terbuka", "%"),
    ("Persentase penduduk miskin (angka kemiskinan)", "%"),
    ("Jumlah ASN dijatuhi hukuman disiplin", "orang"),
    ("Jumlah laporan", "kasus"),
    ("Jumlah temuan pemeriksaan yang belum ditindaklanjuti", "temuan"),
    ("Jumlah pengaduan yang tidak diselesaikan", "aduan"),
    ("Persentase kasus yang belum tertangani", "%"),
])
def test_lower_is_better_wording_is_negatif(nama, satuan):
    polaritas, reason = infer(nama, satuan)
    assert polaritas == "negatif", reason
    assert "makin" in reason


@pytest.mark.parametrize("nama, satuan", [
    ("Persentase usulan kenaikan pangkat tepat waktu", "%"),
    ("Persentase temuan BPK yang ditindaklanjuti", "%"),
    ("Persentase pengaduan yang diselesaikan", "%"),
    ("Persentase penyelesaian kasus disiplin", "%"),
    ("Penurunan angka kemiskinan", "%"),
    ("Persentase ASN tanpa pelanggaran disiplin", "%"),
    ("Jumlah ASN dilatih", "orang"),
    ("Jumlah hari pelatihan yang difasilitasi", "hari"),
    ("Indeks kepuasan masyarakat", "indeks"),
    ("Nilai SAKIP", "nilai"),
])
def test_results_stay_positif(nama, satuan):
    assert infer(nama, satuan)[0] == "positif"


@pytest.fixture
def dbfile(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert run(capsys, "init", "--db", path)[0] == 0
    return path


def pensiun_file(tmp_path, realisasi="15,5"):
    return sop(tmp_path / "pensiun.xlsx", HEADER, [1, SASARAN, PENSIUN, "hari", 12, realisasi])


def test_the_pensiun_example_scores_downward_and_says_it_is_not_confirmed(tmp_path, dbfile, capsys):
    code, _, err = run(capsys, "import", pensiun_file(tmp_path), "--unit", "MUTASI", "--year", 2026, "--quarter", 1,
                       "--db", dbfile)
    assert code == 0, err
    row = capaian_row(capsys, dbfile, 2026, PENSIUN)
    assert (row["polaritas"], row["capaian_persen"], row["kategori"]) == ("negatif", 70.83, "Sedang")
    assert row["belum_dikonfirmasi"] == "polaritas negatif, agregasi nilai_akhir"
    assert "belum dikonfirmasi" in row["keterangan"]
    # the table the CLI prints for people shows it too
    code, out, _ = run(capsys, "capaian", "--year", 2026, "--unit", "MUTASI", "--db", dbfile)
    assert "70,83" in out and "belum dikonfirmasi" in out


def test_confirming_on_the_indikator_page_removes_the_mark(tmp_path, dbfile, capsys):
    run(capsys, "import", pensiun_file(tmp_path), "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)
    con = db.connect(dbfile)
    iid = con.execute("SELECT id FROM indikator").fetchall()[0][0]
    indikator.change_settings(con, iid, 2026, {"polaritas": "negatif", "agregasi": "nilai_akhir"}, PERENCANA,
                              "sesuai Renstra")
    con.close()
    row = capaian_row(capsys, dbfile, 2026, PENSIUN)
    assert (row["capaian_persen"], row["belum_dikonfirmasi"]) == (70.83, "")
    assert "belum dikonfirmasi" not in row["keterangan"]


def test_the_exports_show_the_unconfirmed_setting(tmp_path, dbfile, capsys):
    run(capsys, "import", pensiun_file(tmp_path), "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)
    out = tmp_path / "evaluasi.xlsx"
    assert run(capsys, "export", "--year", 2026, "--out", out, "--db", dbfile)[0] == 0
    texts = [str(c.value) for ws in load_workbook(out) for r in ws.iter_rows() for c in r if c.value]
    assert any(PENSIUN in t and "belum dikonfirmasi" in t for t in texts)
    docx = tmp_path / "bab3.docx"
    assert run(capsys, "export", "--year", 2026, "--out", docx, "--db", dbfile)[0] == 0
    from docx import Document
    assert any("belum dikonfirmasi" in p.text for p in Document(docx).paragraphs)
    long = tmp_path / "panjang.csv"
    assert run(capsys, "export", "--year", 2026, "--out", long, "--db", dbfile)[0] == 0
    assert "belum dikonfirmasi" in long.read_text(encoding="utf-8")


def test_a_polaritas_column_wins_and_counts_as_stated(tmp_path, dbfile, capsys):
    header = HEADER[:4] + ["POLARITAS"] + HEADER[4:]
    path = sop(tmp_path / "p.xlsx", header, [1, SASARAN, PENSIUN, "hari", "positif", 12, "15,5"])
    assert run(capsys, "import", path, "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)[0] == 0
    row = capaian_row(capsys, dbfile, 2026, PENSIUN)
    assert (row["polaritas"], row["capaian_persen"], row["belum_dikonfirmasi"]) == ("positif", 129.17,
                                                                                    "agregasi nilai_akhir")


def test_an_inferred_setting_is_kept_by_later_files_until_confirmed(tmp_path, dbfile, capsys):
    run(capsys, "import", pensiun_file(tmp_path), "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN II"]
    path = sop(tmp_path / "tw2.xlsx", header, [1, SASARAN, PENSIUN, "hari", 12, "13"])
    assert run(capsys, "import", path, "--unit", "MUTASI", "--year", 2026, "--quarter", 2, "--db", dbfile)[0] == 0
    row = capaian_row(capsys, dbfile, 2026, PENSIUN, quarter=2)
    assert (row["polaritas"], row["capaian_persen"], row["belum_dikonfirmasi"][:18]) == ("negatif", 91.67,
                                                                                         "polaritas negatif,")


def test_the_upload_preview_says_where_the_polarity_came_from(tmp_path, dbfile):
    con = db.connect(dbfile)
    data = open(pensiun_file(tmp_path), "rb").read()
    plan = unggah.plan_upload(con, data, "pensiun.xlsx", "MUTASI", 2026, 1)
    shown = unggah.settings(plan).iloc[0]
    assert shown["polaritas"] == "negatif"
    assert shown["asal_polaritas"].startswith("ditebak (belum dikonfirmasi): kata 'rata-rata waktu'")
    # leaving the guess as shown does not confirm it; a setting the user corrects is the user's
    result = unggah.confirm(con, unggah.with_settings(plan, unggah.settings(plan).assign(agregasi="rata_rata")),
                            SEKRETARIAT)
    assert result.written
    assert con.execute("SELECT polaritas, polaritas_sumber, agregasi, agregasi_sumber FROM pengaturan_indikator"
                       ).fetchall() == [("negatif", "tebakan", "rata_rata", "pengguna")]
    con.close()


def test_the_template_round_trip_does_not_confirm_a_guess(tmp_path, dbfile, capsys):
    run(capsys, "import", pensiun_file(tmp_path), "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)
    out = tmp_path / "template.xlsx"
    assert run(capsys, "template", "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--out", out, "--db", dbfile)[0] == 0
    code, _, err = run(capsys, "import", out, "--unit", "MUTASI", "--year", 2026, "--quarter", 1, "--db", dbfile)
    assert code == 0, err
    row = capaian_row(capsys, dbfile, 2026, PENSIUN)
    assert (row["polaritas"], row["capaian_persen"], row["belum_dikonfirmasi"]) == (
        "negatif", 70.83, "polaritas negatif, agregasi nilai_akhir")
