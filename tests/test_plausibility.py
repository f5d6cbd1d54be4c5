"""Implausible values are flagged, never blocked (issue 13.7): capaian above 150 % or below 20 %, a %
indicator above 100 against a target of at most 100, a realisation 50 times the target or more:
"periksa satuan/format" in the import preview (Unggah page and CLI dry run), in the capaian table's
keterangan (pages, CLI) and in the documents. A negative count or duration is no typo of format but
impossible: refused at import."""
import pandas as pd
import pytest

from kinerja.engine.capaian import capaian
from kinerja.ingest.plan import plan_file
from kinerja.plausibility import flags
from kinerja.reports.evaluasi import evaluasi
from tests import seed
from tests.conftest import SEKRETARIAT, db_content
from tests.test_cli import kinerja
from tests.workbooks import Sheet, sop_rows, xlsx


def flag(realisasi, target, capaian_persen, satuan="orang", atas=None) -> str:
    frame = pd.DataFrame({"realisasi": [realisasi], "target_bawah": [target], "target_atas": [atas or target],
                          "capaian_persen": [capaian_persen], "satuan": [satuan]})
    return flags(frame).iloc[0]


@pytest.mark.parametrize("realisasi, target, capaian_persen, satuan, expected", [
    (150.01, 100.0, 150.01, "orang", "periksa satuan/format: capaian di atas 150 %"),
    (150.0, 100.0, 150.0, "orang", ""),                     # the bound itself is plausible
    (19.99, 100.0, 19.99, "orang", "periksa satuan/format: capaian di bawah 20 %"),
    (20.0, 100.0, 20.0, "orang", ""),
    (100.5, 100.0, 100.5, "%", "periksa satuan/format: realisasi persen di atas 100 dengan target paling tinggi 100"),
    (100.5, 100.0, 100.5, "Persen", "periksa satuan/format: realisasi persen di atas 100 dengan target paling "
                                    "tinggi 100"),
    (100.5, 100.0, 100.5, "orang", ""),                     # not a percentage: 100,5 people are fine
    (0.85, 90.0, 0.94, "%", "periksa satuan/format: capaian di bawah 20 %"),   # 0,85 typed for 85 %
    (15.0, 0.3, None, "dokumen", "periksa satuan/format: realisasi 50 kali target atau lebih"),  # 15 = 50 × 0,3
    (14.99, 0.3, None, "dokumen", ""),
    (float("nan"), 10.0, None, "orang", ""),                # nothing reported: nothing to check
])
def test_each_rule_flags_at_its_bound(realisasi, target, capaian_persen, satuan, expected):
    assert flag(realisasi, target, capaian_persen, satuan) == expected


def test_the_capaian_table_says_periksa_in_keterangan_and_keeps_the_number(con):
    """85 % typed as 0,85 against 90: capaian 0,85 / 90 = 0,94 %, Sangat Rendah, flagged."""
    typo = seed.indikator(con, "Persentase layanan tepat waktu", target="90", realisasi={4: "0.85"},
                          agregasi="nilai_akhir", satuan="%")
    fine = seed.indikator(con, "Persentase data mutakhir", target="90", realisasi={4: "88"},
                          agregasi="nilai_akhir", satuan="%")
    # kumulatif, TW I only: 10 of 100 is a partial 10 %, incomplete, not judged, so not flagged
    partial = seed.indikator(con, "Jumlah ASN dilatih", target="100", realisasi={1: "10"}, satuan="orang")
    frame = capaian(con, seed.TAHUN).set_index("indikator_id")
    assert frame.at[typo, "capaian_persen"] == 0.94
    assert frame.at[typo, "periksa"] == "periksa satuan/format: capaian di bawah 20 %"
    assert frame.at[typo, "keterangan"].endswith("periksa satuan/format: capaian di bawah 20 %")
    assert frame.at[fine, "periksa"] == "" and frame.at[partial, "periksa"] == ""


def test_the_documents_carry_the_flag(con):
    seed.indikator(con, "Persentase layanan tepat waktu", target="90", realisasi={1: "80", 2: "85", 3: "88", 4: "0.85"},
                   agregasi="nilai_akhir", satuan="%")
    ev = evaluasi(con, seed.TAHUN)
    assert ev.catatan_data[0].startswith("Periksa satuan/format: 1 indikator")
    assert ev.catatan_data[1] == ("- Persentase layanan tepat waktu (Bidang Mutasi): periksa satuan/format: capaian "
                                  "di bawah 20 %")


PREVIEW = xlsx(Sheet("Data", sop_rows([
    [1, "S", "Persentase layanan tepat waktu", "%", 90, None, None, None, None, "0,85", None, None, None],
    [2, "S", "Jumlah ASN dilatih", "orang", 100, 25, 25, 25, 25, 30, 2500, None, None],
    [3, "S", "Jumlah dokumen", "dokumen", 100, None, None, None, None, 10, None, None, None],
], title=False)))


def test_the_import_preview_warns_at_the_cell_and_still_accepts_the_file(con):
    plan = plan_file(con, PREVIEW, "mutasi.xlsx", "MUTASI", 2025)
    assert plan.ok
    flagged = [(p.row, p.column, p.cell) for p in plan.warnings if p.kind == "periksa_format"]
    # 0,85 % against 90 (0,94 %); 2.500 against the TW II target 25 (100 ×); a kumulatif TW I of 10
    # against the annual 100 with no quarterly target is a fraction of the year, not flagged
    assert flagged == [(2, "REALISASI TRIWULAN I", "0,85"), (3, "REALISASI TRIWULAN II", "2.500")]
    assert "periksa satuan/format: capaian di atas 150 %, realisasi 50 kali target atau lebih" in \
        plan.warnings[1].message


def test_the_cli_dry_run_prints_the_warning_and_writes_nothing(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    kinerja(capsys, "init", "--db", path)
    (tmp_path / "m.xlsx").write_bytes(PREVIEW)
    from kinerja.store import db

    with db.connect(path) as con:
        before = db_content(con)
    code, out, err = kinerja(capsys, "import", str(tmp_path / "m.xlsx"), "--unit", "MUTASI", "--year", "2025",
                             "--dry-run", "--db", path)
    assert code == 0
    assert "Peringatan: Lembar 'Data', baris 2, kolom 'REALISASI TRIWULAN I', isi '0,85': periksa satuan/format" in err
    with db.connect(path) as con:
        assert db_content(con) == before


def test_ringkasan_and_ekspor_show_what_to_check(monkeypatch, demo_db, tmp_path):
    """PEMBINAAN's 2025 TW IV of Indeks Sistem Merit (target 0,68) typed as 68: 100 × the target."""
    import shutil

    from kinerja.ingest.files import import_file
    from kinerja.store import db
    from tests.test_pages import open_page

    path = tmp_path / "salinan.duckdb"
    shutil.copy(demo_db, path)
    typo = xlsx(Sheet("Format", sop_rows([
        [1, "Meningkatnya profesionalitas ASN", "Indeks Sistem Merit", "indeks", "0,68", None, None, None, None,
         None, None, None, "68"]], title=False)))
    with db.connect(path) as con:
        result = import_file(con, typo, "pembinaan.xlsx", "PEMBINAAN", 2025, 4, akun=SEKRETARIAT)
    assert result.ok and any(p.kind == "periksa_format" for p in result.plan.warnings)
    app = open_page(monkeypatch, path)
    app.session_state["buka-ringkasan-periksa"] = True  # the list is folded until opened
    app.run()
    suspect = next(t.value for t in app.dataframe if "Yang janggal" in t.value.columns)
    assert list(suspect["Indikator"]) == ["Indeks Sistem Merit"]
    assert suspect["Yang janggal"].iloc[0] == ("periksa satuan/format: capaian di atas 150 %, realisasi 50 kali "
                                               "target atau lebih")
    app = open_page(monkeypatch, path, "pages/ekspor.py")
    assert "Indeks Sistem Merit (Bidang Pembinaan Aparatur): periksa satuan/format" in app.text[0].value


def test_the_unggah_preview_warns_and_still_lets_the_file_be_saved(monkeypatch, demo_db, tmp_path):
    import shutil

    from tests.test_pages import table
    from tests.test_pages_pengumpulan import upload_page

    path = tmp_path / "salinan.duckdb"
    shutil.copy(demo_db, path)
    typo = xlsx(Sheet("Format", sop_rows([
        [1, "Meningkatnya profesionalitas ASN", "Indeks Sistem Merit", "indeks", "0,68", None, None, None, None,
         None, None, None, "68"]], title=False)))
    app = upload_page(monkeypatch, path)
    app.file_uploader[0].upload("pembinaan.xlsx", typo).run()
    assert not app.error
    warnings = table(app)
    row = warnings[warnings["masalah"].str.startswith("periksa satuan/format")].iloc[0]
    assert (row["kolom"], row["isi"]) == ("REALISASI TRIWULAN IV", "68")
    assert not app.button[0].disabled


def test_warnings_concern_the_values_the_file_brings_not_stored_ones_it_repeats(demo_db, tmp_path):
    """A file repeating a stored (already warned) value unchanged is not warned about it again; a
    new value in the same cell is."""
    import shutil

    from kinerja.ingest import upload
    from kinerja.ingest.files import import_file
    from kinerja.store import db

    path = tmp_path / "salinan.duckdb"
    shutil.copy(demo_db, path)

    def sent(realisasi: str) -> bytes:
        return xlsx(Sheet("Format", sop_rows([
            [1, "Meningkatnya profesionalitas ASN", "Indeks Sistem Merit", "indeks", "0,68", None, None, None, None,
             None, None, None, realisasi]], title=False)))

    with db.connect(path) as con:
        assert import_file(con, sent("68"), "pembinaan.xlsx", "PEMBINAAN", 2025, 4, akun=SEKRETARIAT).ok
        again = upload.plan_upload(con, sent("68"), "pembinaan.xlsx", "PEMBINAAN", 2025, 4)
        changed = upload.plan_upload(con, sent("69"), "pembinaan.xlsx", "PEMBINAAN", 2025, 4)
    assert not [p for p in again.warnings if p.kind == "periksa_format"]
    assert [p.cell for p in changed.warnings if p.kind == "periksa_format"] == ["69"]


def test_a_negative_count_or_duration_is_refused_at_its_cell_and_a_signed_satuan_is_not(con):
    """No unit has -3 days or -5 people: such a file is refused (not only warned about), each cell
    named with what to do. A percentage (a change may fall), an indeks or rupiah may be negative."""
    data = xlsx(Sheet("Data", sop_rows([
        [1, "S", "Rata-rata waktu layanan kenaikan pangkat", "Hari", 10, None, None, None, None, "-3", None, None,
         None],
        [2, "S", "Jumlah ASN dilatih", "orang", 100, 25, 25, 25, 25, 30, "-5", None, None],
        [3, "S", "Persentase perubahan jumlah pengaduan", "%", "-10", None, None, None, None, "-12,5", None, None,
         None],
        [4, "S", "Indeks perubahan kinerja", "indeks", "0,5", None, None, None, None, "-0,25", None, None, None],
    ], title=False)))
    plan = plan_file(con, data, "mutasi.xlsx", "MUTASI", 2025)
    assert not plan.ok
    assert [(p.row, p.column, p.cell, p.kind) for p in plan.errors] == [
        (2, "REALISASI TRIWULAN I", "-3", "negatif"), (3, "REALISASI TRIWULAN II", "-5", "negatif")]
    said = str(plan.errors[0])
    assert said.startswith("Kesalahan: Lembar 'Data', baris 2, kolom 'REALISASI TRIWULAN I', isi '-3': realisasi "
                           "TW I tidak boleh negatif: satuan indikator ini 'Hari'")
    assert "tulis tanpa minus, atau '-' bila belum ada data" in said


def test_only_a_satuan_that_clearly_counts_or_lasts_cannot_be_negative():
    from kinerja.plausibility import cannot_be_negative

    assert all(cannot_be_negative(s) for s in ["hari", "Hari Kerja", "orang", "ORANG", "dokumen", "JP", "kasus",
                                               "Orang ASN", "hari (rata-rata)", "org", "Dokumen SKP", "orang/tahun"])
    assert not any(cannot_be_negative(s) for s in ["%", "persen", "indeks", "nilai", "rupiah", "Rp", "poin", None, "",
                                                   "% ASN", "persen pegawai", "Rp/orang", "indeks kepuasan pegawai"])


def test_a_negative_count_is_named_with_the_files_other_errors_in_one_round(con):
    """A file with a text where a number belongs and a negative count: both are listed at once, so the
    unit fixes them in one round rather than learning of the second after re-sending."""
    data = xlsx(Sheet("Data", sop_rows([
        [1, "S", "Rata-rata waktu layanan kenaikan pangkat", "hari (rata-rata)", 10, None, None, None, None, "-3",
         None, None, None],
        [2, "S", "Jumlah ASN dilatih", "Orang ASN", 100, 25, 25, 25, 25, "abc", None, None, None],
    ], title=False)))
    plan = plan_file(con, data, "mutasi.xlsx", "MUTASI", 2025)
    assert sorted((p.row, p.cell) for p in plan.errors) == [(2, "-3"), (3, "abc")]
