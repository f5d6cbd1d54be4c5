"""The demo set: varied files like units really send, all imported through the real path."""
from kinerja.demo import write_demo_files
from kinerja.ingest.reader import read_workbook
from kinerja.store import db


def test_demo_files_come_in_the_varied_shapes_units_send(tmp_path):
    files = write_demo_files(tmp_path)
    assert {f.path.suffix for f in files} == {".xlsx", ".csv"}
    assert any(f.triwulan for f in files), "some files have a single REALISASI column for their quarter"
    skipped = set()
    for demo in [f for f in files if f.tahun == 2021]:
        book = read_workbook(demo.path.read_bytes(), demo.path.name, demo.triwulan)
        assert not book.problems, [str(p) for p in book.problems]
        skipped |= {reason for _, reason in book.skipped_sheets}
    assert {"tersembunyi", "tidak ada tabel dengan kolom INDIKATOR KINERJA"} <= skipped


def test_the_demo_database_has_eight_units_five_years_and_real_gaps(demo_db):
    con = db.connect(demo_db)
    count = lambda query: con.execute(query).fetchone()[0]  # noqa: E731
    assert count("SELECT count(*) FROM unit") == 8
    assert 30 <= count("SELECT count(*) FROM indikator") <= 50
    assert count("SELECT count(DISTINCT unit_kode) FROM indikator") == 8
    assert [r[0] for r in con.execute("SELECT DISTINCT tahun FROM target ORDER BY 1").fetchall()] == \
        [2021, 2022, 2023, 2024, 2025]
    assert count("SELECT count(*) FROM indikator WHERE polaritas = 'negatif'") >= 3
    assert count("SELECT count(DISTINCT satuan) FROM indikator") >= 6
    assert count("SELECT count(*) FROM target WHERE bawah <> atas") >= 1
    assert count("SELECT count(*) FROM program_kegiatan WHERE level = 'kegiatan'") == 4
    # 2025 TW IV is missing for some units, and some quarters were sent late.
    assert count("SELECT count(*) FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
                 "WHERE r.tahun = 2025 AND r.triwulan = 4 AND i.unit_kode = 'MUTASI'") == 0
    status = con.execute("SELECT count(*) FILTER (WHERE NOT tepat_waktu), count(*) FILTER (WHERE tepat_waktu) "
                         "FROM (SELECT s.diunggah_pada < make_date(s.tahun + (st.triwulan = 4)::INT, "
                         "CASE WHEN st.triwulan = 4 THEN 1 ELSE 3 * st.triwulan + 1 END, 11) AS tepat_waktu "
                         "FROM submission s JOIN submission_triwulan st ON st.submission_id = s.id)").fetchone()
    assert status[0] > 0 and status[1] > status[0]
    con.close()
