"""The Indikator page and its write functions (issue 13, point 2): the master of each indicator with
its settings for the year, inferred ones first; every change recorded (who, when, why) and capaian
recomputed; settings of a year with a verified quarter refused."""
import shutil

import pytest

from kinerja.collect import indikator
from kinerja.engine.capaian import capaian
from kinerja.store import db
from tests.cases import run, sop
from tests.conftest import PERENCANA
from tests.test_pages import engine, open_page, table

PENSIUN = "Rata-rata waktu penyelesaian layanan pensiun"
HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "REALISASI TRIWULAN I"]


@pytest.fixture
def con(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    run(capsys, "init", "--db", path)
    rows = [[1, "Sasaran", "Jumlah ASN dilatih", "orang", 100, 30], [2, "Sasaran", PENSIUN, "hari", 12, "15,5"]]
    for tahun in (2025, 2026):
        assert run(capsys, "import", sop(tmp_path / f"{tahun}.xlsx", HEADER, *rows, tahun=tahun), "--unit", "MUTASI",
                   "--year", tahun, "--quarter", 1, "--db", path)[0] == 0
    assert run(capsys, "verifikasi", "--unit", "MUTASI", "--year", 2025, "--quarter", 1, "--db", path)[0] == 0
    connection = db.connect(path)
    yield connection
    connection.close()


def ids(con):
    return dict(con.execute("SELECT nama, id FROM indikator").fetchall())


def capaian_of(con, tahun, nama):
    frame = capaian(con, tahun)
    return frame.set_index("indikator").loc[nama, ["polaritas", "capaian_persen", "belum_dikonfirmasi"]].tolist()


def test_the_list_puts_inferred_polarities_first_with_the_master_fields(con):
    iid = ids(con)["Jumlah ASN dilatih"]
    indikator.change_settings(con, iid, 2026, {"polaritas": "positif"}, PERENCANA, "dikonfirmasi")
    listed = indikator.daftar(con, 2026)
    assert listed["nama"].tolist() == [PENSIUN, "Jumlah ASN dilatih"]
    assert listed[["polaritas", "polaritas_sumber", "belum_dikonfirmasi"]].values.tolist() == [
        ["negatif", "tebakan", "polaritas, agregasi"], ["positif", "pengguna", "agregasi"]]


def test_a_change_from_an_open_year_leaves_the_verified_year_and_is_recorded(con):
    iid = ids(con)[PENSIUN]
    assert capaian_of(con, 2025, PENSIUN)[:2] == ["negatif", 70.83]
    with pytest.raises(indikator.IndikatorError, match="TW I 2025"):
        indikator.change_settings(con, iid, 2025, {"polaritas": "positif"}, PERENCANA, "salah tebak")
    assert capaian_of(con, 2025, PENSIUN)[:2] == ["negatif", 70.83]
    indikator.change_settings(con, iid, 2026, {"polaritas": "positif", "rumus_negatif": "B"}, PERENCANA, "uji")
    assert capaian_of(con, 2026, PENSIUN) == ["positif", 129.17, "agregasi nilai_akhir"]
    assert capaian_of(con, 2025, PENSIUN)[:2] == ["negatif", 70.83]
    history = indikator.history(con, iid)
    assert history[["tahun", "kolom", "nilai_lama", "nilai_baru", "oleh", "alasan"]].values.tolist() == [
        [2026, "rumus_negatif", "A", "B", PERENCANA.label, "uji"],
        [2026, "polaritas", "negatif (tebakan)", "positif (pengguna)", PERENCANA.label, "uji"]]


def test_confirming_without_changing_is_allowed_in_a_verified_year_and_removes_the_mark(con):
    iid = ids(con)[PENSIUN]
    indikator.change_settings(con, iid, 2025, {"polaritas": "negatif", "agregasi": "nilai_akhir"}, PERENCANA,
                              "sesuai Renstra")
    assert capaian_of(con, 2025, PENSIUN) == ["negatif", 70.83, ""]
    assert capaian_of(con, 2026, PENSIUN) == ["negatif", 70.83, ""], "2026 has its own row and follows"


def test_every_change_needs_a_reason_and_a_known_value(con):
    iid = ids(con)[PENSIUN]
    with pytest.raises(indikator.IndikatorError, match="alasan"):
        indikator.change_settings(con, iid, 2026, {"polaritas": "positif"}, PERENCANA, " ")
    with pytest.raises(indikator.IndikatorError, match="tidak dikenal"):
        indikator.change_settings(con, iid, 2026, {"agregasi": "median"}, PERENCANA, "uji")
    with pytest.raises(indikator.IndikatorError, match="alasan"):
        indikator.change_master(con, iid, {"sumber_data": "SIASN"}, PERENCANA, "")


def test_the_master_fields_are_kept_and_a_rename_cannot_take_another_indicators_name(con):
    iid = ids(con)[PENSIUN]
    indikator.change_master(con, iid, {"definisi_operasional": "Rata-rata hari kerja dari berkas lengkap sampai SK",
                                       "sumber_data": "SIASN", "nama": "Rata-rata waktu layanan pensiun"},
                            PERENCANA, "definisi dari Renstra")
    row = indikator.daftar(con, 2026).set_index("indikator_id").loc[iid]
    assert row[["nama", "sumber_data"]].tolist() == ["Rata-rata waktu layanan pensiun", "SIASN"]
    assert set(indikator.history(con, iid)["kolom"]) == {"nama", "definisi_operasional", "sumber_data"}
    with pytest.raises(indikator.IndikatorError, match="sudah punya indikator"):
        indikator.change_master(con, iid, {"nama": "jumlah  ASN dilatih"}, PERENCANA, "uji")


@pytest.fixture
def demo_copy(demo_db, tmp_path):
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, copy)
    return copy


def test_the_page_lists_inferred_first_and_a_confirmation_recomputes_and_is_recorded(monkeypatch, demo_copy):
    app = open_page(monkeypatch, demo_copy, "pages/indikator.py", akun="perencana", tahun="2025", unit="PENGADAAN")
    listed = table(app)
    first = listed.iloc[0]
    assert (first["nama"], first["belum_dikonfirmasi"]) == (PENSIUN, "polaritas, agregasi")
    assert "belum dikonfirmasi" in app.warning[0].value.lower()
    before = engine(demo_copy, capaian, 2025, None, "PENGADAAN").set_index("indikator").loc[PENSIUN]
    assert before["belum_dikonfirmasi"] == "polaritas negatif, agregasi nilai_akhir"

    inputs = {t.label: t for t in app.text_input}
    inputs["Alasan perubahan (wajib)"].set_value("sesuai Renstra: makin singkat makin baik")
    app.button[0].click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Tersimpan" in app.success[0].value
    after = engine(demo_copy, capaian, 2025, None, "PENGADAAN").set_index("indikator").loc[PENSIUN]
    assert (after["capaian_persen"], after["belum_dikonfirmasi"]) == (before["capaian_persen"], "")
    history = table(app, 1)
    assert list(history.columns) == ["Waktu", "Oleh", "Berlaku mulai", "Data", "Lama", "Baru", "Alasan"]
    assert {"Polaritas", "Agregasi"} <= set(history["Data"]) and set(history["Oleh"]) == {"perencana"}
    changed = history.set_index("Data")
    assert changed.loc["Agregasi", "Lama"] == "Nilai akhir (nilai terakhir), ditebak dari satuan"
    assert changed.loc["Agregasi", "Baru"] == "Nilai akhir (nilai terakhir), ditetapkan pengguna"
    assert changed.loc["Polaritas", "Berlaku mulai"] == "2025"
    assert not history[["Lama", "Baru"]].stack().str.contains("_").any(), "no setting code reaches the reader"
