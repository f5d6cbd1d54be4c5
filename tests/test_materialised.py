"""The stored capaian (kinerja.store.materialised, issue 18) equals the on-the-fly engine
(queries/engine/capaian.sql) for every year and period, over the demo database after writes of
every kind, and over generated databases after random sequences of writes."""
import shutil
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kinerja.collect import indikator, versions, workflow
from kinerja.engine import proyeksi as stored_proyeksi
from kinerja.engine import summaries
from kinerja.engine.capaian import (
    SOROTAN,
    SOROTAN_COLUMNS,
    capaian,
    capaian_langsung,
    perbandingan,
    perbandingan_tersimpan,
    rata_rata,
    ringkasan,
    ringkasan_tersimpan,
    skala,
    sorotan_baris,
    sorotan_jumlah,
    tren,
    tren_indikator,
)
from kinerja.ingest.files import import_file
from kinerja.proyeksi import proyeksi
from kinerja.store import db, materialised
from kinerja.store.materialised import untuk_proyeksi
from kinerja.store.queries import execute_script, insert_frame, sql
from tests.cases import run, sop
from tests.conftest import PERENCANA, SEKRETARIAT
from tests.reference_proyeksi import at_risk, by_risk


def key(row: tuple) -> tuple:
    """A sort key for rows with None in any column."""
    return tuple((v is None, v if v is not None else 0) for v in row)


def assert_stored_equals_on_the_fly(con) -> None:
    """capaian_tersimpan holds exactly capaian.sql's rows of every year with values, every period, and
    capaian_ringkas exactly their sums; the engine's capaian() gives capaian_langsung()'s frame."""
    years = [y for (y,) in con.execute(sql("capaian_tahun_bernilai")).fetchall()]
    stored = con.execute("SELECT * FROM capaian_tersimpan").fetchall()
    fresh = [row for tahun in years for row in con.execute(
        sql("capaian"), {"tahun": tahun, "periode": materialised.PERIODS, "unit": None, "indikator": None}).fetchall()]
    assert sorted(stored, key=key) == sorted(fresh, key=key)
    expected: dict[tuple, list] = {}
    for row in fresh:
        group = (row[0], row[1], row[2], row[18], row[38], row[12])  # tahun periode unit sasaran_id status kategori
        total = expected.setdefault(group, [0, 0, None])
        total[0] += 1
        if row[11] is not None:
            total[1] += 1
            total[2] = (total[2] or 0) + round(row[11] * 100)
    rows = con.execute("SELECT tahun, periode, unit, sasaran_id, status_data, kategori, jumlah, dinilai, "
                       "seratusan_jumlah FROM capaian_ringkas").fetchall()
    assert sorted(rows, key=key) == sorted([(*g, *t) for g, t in expected.items()], key=key)
    if years:
        pd.testing.assert_frame_equal(capaian(con, years[-1], 2), capaian_langsung(con, years[-1], 2))
    for triwulan in (None, 1, 2, 3, 4):  # capaian_tren: summaries.trend of the stored years, per period
        pd.testing.assert_frame_equal(tren_indikator(con, triwulan), summaries.trend(tren(con, triwulan)),
                                      check_dtype=False)
    assert_stored_projection_equals_the_rule(con, years)


def assert_stored_projection_equals_the_rule(con, years: list[int]) -> None:
    """proyeksi_tersimpan holds, for every year with values and quarter, exactly the rule's projection
    of the stored capaian (kinerja.proyeksi.proyeksi), read by the pages in by_risk's and at_risk's
    orders, per unit too, with the counts they show; no row of an indicator × year without capaian."""
    scale = skala(con)
    assert con.execute("SELECT count(*) FROM proyeksi_tersimpan").fetchone()[0] == con.execute(
        "SELECT count(*) FROM capaian_tersimpan WHERE periode > 0").fetchone()[0]
    for tahun in years:
        for triwulan in (1, 2, 3, 4):
            fly = proyeksi(untuk_proyeksi(con, tahun, triwulan), scale, triwulan)
            for unit in [None, *fly["unit"].dropna().unique()[:2]]:
                mine = fly if unit is None else fly[fly["unit"] == unit]
                got = {pilihan: stored_proyeksi.baris(con, tahun, triwulan, unit, pilihan)
                       for pilihan in stored_proyeksi.PILIHAN}
                # a part of the year read from the database has its own dtypes (ids without NULL: int)
                part = {"check_dtype": unit is None}
                pd.testing.assert_frame_equal(got["semua"], by_risk(mine).reset_index(drop=True), **part)
                pd.testing.assert_frame_equal(got["berisiko"], at_risk(mine).reset_index(drop=True), check_dtype=False)
                pd.testing.assert_frame_equal(got["tanpa"], mine[mine["status"].isna()].reset_index(drop=True),
                                              check_dtype=False)
                assert stored_proyeksi.jumlah(con, tahun, triwulan, unit) == {
                    "semua": len(mine), "berisiko": len(got["berisiko"]), "tanpa": len(got["tanpa"]),
                    "tersisa": bool((mine["sisa_triwulan"].fillna(0) > 0).any())}
            page = stored_proyeksi.baris(con, tahun, triwulan, None, "semua", 3, 7)
            pd.testing.assert_frame_equal(page, by_risk(fly).iloc[3:7].reset_index(drop=True), check_dtype=False)


def assert_pages_read_what_the_engine_computes(con) -> None:
    """assert_stored_equals_on_the_fly, and Ringkasan's small queries (assert_ringkasan_equals_on_the_fly)
    of the latest year with values."""
    assert_stored_equals_on_the_fly(con)
    assert_ringkasan_equals_on_the_fly(con, con.execute(sql("capaian_tahun_bernilai")).fetchall()[-1][0])


def assert_ringkasan_equals_on_the_fly(con, tahun: int) -> None:
    """What Ringkasan reads from the stored capaian with small queries (its numbers, the changes
    against last year, its lists) equals what the engine computes from capaian_langsung's rows, for
    every period of `tahun` and every unit."""
    scale = skala(con)
    units = [None, *sorted({u for (u,) in con.execute("SELECT DISTINCT unit FROM capaian_tersimpan WHERE tahun = ? "
                                                      "AND unit IS NOT NULL", [tahun]).fetchall()})]
    for triwulan in (None, 1, 2, 3, 4):
        now = capaian_langsung(con, tahun, triwulan)
        before = capaian_langsung(con, tahun - 1, triwulan)
        for unit in units:
            mine = now if unit is None else now[now["unit"] == unit]
            theirs = before if unit is None else before[before["unit"] == unit]
            assert ringkasan_tersimpan(con, tahun, triwulan, unit) == ringkasan(mine, con), (triwulan, unit)
            assert perbandingan_tersimpan(con, tahun, triwulan, unit) == perbandingan(mine, theirs, con), (triwulan, unit)
        lists = {"kesenjangan": summaries.off_track(now, scale), "belum_lengkap": summaries.incomplete(now),
                 "periksa": now[now["periksa"] != ""], "tidak_dihitung": summaries.not_computable(now)}
        assert list(lists) == SOROTAN
        assert sorotan_jumlah(con, tahun, triwulan) == {name: len(rows) for name, rows in lists.items()}
        if triwulan:
            pd.testing.assert_frame_equal(proyeksi(untuk_proyeksi(con, tahun, triwulan), scale, triwulan),
                                          proyeksi(now, scale, triwulan))
        for name, rows in lists.items():
            assert_pages_equal(lambda start, stop: sorotan_baris(con, tahun, triwulan, name, start, stop),
                               rows[SOROTAN_COLUMNS].reset_index(drop=True), name)


def assert_pages_equal(rows_of, expected: pd.DataFrame, name: str, size: int = 7) -> None:
    """rows_of(start, stop) (stop None: to the end) gives `expected` whole and every page of `size`
    rows of it, and nothing past its end. Each part is read on its own, so a column without a missing
    value in that part has its own dtype: the values are compared."""
    pd.testing.assert_frame_equal(rows_of(0, None), expected, check_dtype=False, obj=name)
    for start in range(0, len(expected) + 1, size):
        pd.testing.assert_frame_equal(rows_of(start, start + size).reset_index(drop=True),
                                      expected.iloc[start:start + size].reset_index(drop=True), check_dtype=False,
                                      obj=f"{name}[{start}:{start + size}]")


@pytest.fixture
def demo(demo_db, tmp_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, path)
    connection = db.connect(path)
    yield connection, str(path)
    connection.close()


def mutasi_indicator(con, tahun):
    return con.execute("SELECT i.id, i.nama, s.teks FROM indikator i JOIN target t ON t.indikator_id = i.id "
                       "LEFT JOIN sasaran s ON s.id = i.sasaran_id WHERE i.unit_kode = 'MUTASI' AND t.tahun = ? "
                       "AND t.triwulan = 0 ORDER BY i.id LIMIT 1", [tahun]).fetchone()


HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "POLARITAS", "AGREGASI", "TARGET TAHUNAN",
          "REALISASI TRIWULAN I", "REALISASI TRIWULAN II", "REALISASI TRIWULAN III", "REALISASI TRIWULAN IV"]


def test_the_demo_after_writes_of_every_kind(demo, tmp_path):
    con, path = demo
    assert_pages_read_what_the_engine_computes(con)
    ind_id, nama, sasaran = mutasi_indicator(con, 2025)

    def imported(name, rows, tahun):
        data = open(sop(tmp_path / name, HEADER, *rows, tahun=tahun), "rb").read()
        result = import_file(con, data, name, "MUTASI", tahun, akun=SEKRETARIAT)
        assert result.ok, [str(p) for p in result.problems]
        return result

    # an import: a known indicator with other settings in a new year, a new indicator and sasaran
    first = imported("a.xlsx", [[1, sasaran, nama, "%", "negatif", "nilai akhir", 80, 70, 75, None, None],
                                [2, "Sasaran baru uji", "Indikator baru uji", "orang", "positif", "kumulatif",
                                 40, 10, 10, 10, None]], 2026)
    assert_pages_read_what_the_engine_computes(con)
    # re-import: a value changed, one removed, one added
    imported("a.xlsx", [[1, sasaran, nama, "%", "negatif", "nilai akhir", 80, 70, None, 90, None],
                        [2, "Sasaran baru uji", "Indikator baru uji", "orang", "positif", "kumulatif",
                         40, 10, 12, 10, 9]], 2026)
    assert_pages_read_what_the_engine_computes(con)
    # the same file again writes nothing and changes nothing
    imported("a.xlsx", [[1, sasaran, nama, "%", "negatif", "nilai akhir", 80, 70, None, 90, None],
                        [2, "Sasaran baru uji", "Indikator baru uji", "orang", "positif", "kumulatif",
                         40, 10, 12, 10, 9]], 2026)
    assert_pages_read_what_the_engine_computes(con)
    # rollback to the first version
    versions.rollback(con, first.submission_id, SEKRETARIAT, timpa=True)
    assert_pages_read_what_the_engine_computes(con)
    # settings of a year (and the later years with rows of their own), then a rename
    indikator.change_settings(con, ind_id, 2026, {"polaritas": "negatif", "rumus_negatif": "B"}, PERENCANA,
                              "uji: polaritas negatif")
    assert_pages_read_what_the_engine_computes(con)
    indikator.change_master(con, ind_id, {"nama": nama + " (baru)", "satuan": "persen"}, SEKRETARIAT, "uji: nama")
    assert_pages_read_what_the_engine_computes(con)
    # verification changes no capaian; a refused import (verified quarter) writes nothing
    workflow.set_status(con, "MUTASI", 2026, 1, "diverifikasi", SEKRETARIAT)
    data = open(sop(tmp_path / "b.xlsx", HEADER, [1, sasaran, nama + " (baru)", "%", "negatif", "nilai akhir",
                                                   80, 71, None, None, None], tahun=2026), "rb").read()
    assert not import_file(con, data, "b.xlsx", "MUTASI", 2026, akun=SEKRETARIAT).ok
    assert_pages_read_what_the_engine_computes(con)
    # another scale: every kategori changes
    with db.transaction(con):
        con.executemany("INSERT INTO skala_kategori VALUES ('uji', ?, ?, ?, ?)",
                        [(1, 100, "Tercapai", "#0072B2"), (2, None, "Belum tercapai", "#D55E00")])
        con.execute("UPDATE pengaturan SET nilai = 'uji' WHERE kunci = 'skala_aktif'")
        materialised.touch_all(con)
    assert_pages_read_what_the_engine_computes(con)
    assert set(capaian(con, 2025)["kategori"].dropna()) <= {"Tercapai", "Belum tercapai"}


def test_a_write_that_fails_leaves_the_stored_capaian_as_it_was(demo):
    con, _ = demo
    before = capaian(con, 2025, 2)
    with pytest.raises(RuntimeError), db.transaction(con):
        con.execute("DELETE FROM realisasi WHERE tahun = 2025")
        materialised.touch_all(con)
        raise RuntimeError("gagal di tengah jalan")
    pd.testing.assert_frame_equal(capaian(con, 2025, 2), before)
    assert_stored_equals_on_the_fly(con)


def test_the_rebuild_command_recomputes_what_a_direct_write_left_stale(demo, capsys):
    con, path = demo
    con.execute("UPDATE realisasi SET nilai = nilai + 1 WHERE tahun = 2024")  # behind the write functions' back
    assert not capaian(con, 2024).equals(capaian_langsung(con, 2024))
    con.close()
    code, out, err = run(capsys, "hitung-ulang", "--db", path)
    assert code == 0, err
    assert "dihitung ulang" in out
    con = db.connect(path)
    try:
        assert_stored_equals_on_the_fly(con)
    finally:
        con.close()


def test_an_existing_database_is_filled_when_migrated(demo):
    con, _ = demo
    expected = sorted(con.execute("SELECT * FROM capaian_ringkas").fetchall(), key=key)
    execute_script(con, "capaian_kosongkan")
    con.execute("DROP TABLE capaian_tersimpan; DROP TABLE capaian_ringkas; DELETE FROM schema_version WHERE versi = 8")
    db.migrate(con)
    assert sorted(con.execute("SELECT * FROM capaian_ringkas").fetchall(), key=key) == expected
    assert_stored_equals_on_the_fly(con)


@pytest.mark.parametrize("below", [[11], [8, 11]])
def test_an_existing_database_gets_its_stored_trends_when_migrated(demo, below):
    """From version 10 (the trends only) and from version 7 (the stored capaian first, then the trends)."""
    con, _ = demo
    expected = sorted(con.execute("SELECT * FROM capaian_tren").fetchall(), key=key)
    assert expected
    con.execute("DROP TABLE capaian_tren")
    if 8 in below:
        execute_script(con, "capaian_kosongkan")
        con.execute("DROP TABLE capaian_tersimpan; DROP TABLE capaian_ringkas")
    con.execute("DELETE FROM schema_version WHERE list_contains(?, versi)", [below])
    db.migrate(con)
    assert sorted(con.execute("SELECT * FROM capaian_tren").fetchall(), key=key) == expected
    assert_stored_equals_on_the_fly(con)


@pytest.mark.parametrize("below", [[14], [13, 14]])
def test_an_existing_database_gets_the_early_warning_of_the_rule_in_force_when_migrated(demo, below):
    """From version 13 (stored by an older rule: here every status wrong) and from version 12 (no
    table yet): after migrating, the stored early warning is the rule's, computed once."""
    con, _ = demo
    expected = sorted(con.execute("SELECT * FROM proyeksi_tersimpan").fetchall(), key=key)
    assert expected
    if 13 in below:
        con.execute("DROP TABLE proyeksi_tersimpan")
    else:
        con.execute("UPDATE proyeksi_tersimpan SET status = 'diperkirakan tercapai', proyeksi_capaian = 200")
    con.execute("DELETE FROM schema_version WHERE list_contains(?, versi)", [below])
    db.migrate(con)
    assert sorted(con.execute("SELECT * FROM proyeksi_tersimpan").fetchall(), key=key) == expected


# --------------------------------------------------------------------------- generated databases

FILL = """
INSERT INTO sasaran (id, kode, teks, teks_norm) SELECT s, CAST(s AS VARCHAR), 'Sasaran ' || s, 'sasaran ' || s
FROM range(1, 5) r(s);
INSERT INTO indikator (id, kode, nama, nama_norm, unit_kode, sasaran_id, satuan, polaritas, rumus_negatif, agregasi)
SELECT i, CAST(i AS VARCHAR), 'Indikator ' || i, 'indikator ' || i, ['MUTASI', 'BANGKOM', 'UMPEG'][i % 3 + 1],
       CASE WHEN i % 7 = 0 THEN NULL ELSE i % 4 + 1 END, CASE WHEN i % 2 = 0 THEN 'orang' ELSE '%' END,
       CASE WHEN i % 5 = 0 THEN 'negatif' ELSE 'positif' END, CASE WHEN i % 10 = 0 THEN 'B' ELSE 'A' END,
       ['kumulatif', 'nilai_akhir', 'rata_rata'][i % 3 + 1]
FROM range(1000, 1030) r(i);
INSERT INTO target (indikator_id, tahun, triwulan, bawah, atas)
SELECT i, y, q, 50 + (i * 7 + y + q) % 50, 50 + (i * 7 + y + q) % 50 + CASE WHEN i % 9 = 0 THEN 10 ELSE 0 END
FROM range(1000, 1030) r(i), range(2022, 2025) t(y), range(0, 5) s(q) WHERE q = 0 OR i % 2 = 0;
INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai)
SELECT i, y, q, CAST(((i * 37 + y * 11 + q * 13) % 12000) / 100 AS DECIMAL(38, 6))
FROM range(1000, 1030) r(i), range(2022, 2025) t(y), range(1, 5) s(q) WHERE (i + y + q) % 5 <> 0
"""

IDS = st.integers(1000, 1029)
YEARS = st.integers(2021, 2025)
VALUE = st.one_of(st.none(), st.decimals(0, 200, places=2, allow_nan=False, allow_infinity=False))
WRITE = st.one_of(
    st.tuples(st.just("nilai"), IDS, YEARS, st.sampled_from(["target", "realisasi"]), st.integers(0, 4), VALUE),
    st.tuples(st.just("pengaturan"), IDS, YEARS, st.sampled_from(["positif", "negatif"]),
              st.sampled_from(["kumulatif", "nilai_akhir", "rata_rata"]), st.sampled_from([None, "kumulatif"])),
    st.tuples(st.just("konvensi"), IDS, YEARS, st.sampled_from(["per_triwulan", "kumulatif"])),
    st.tuples(st.just("master"), IDS, st.sampled_from([None, 1, 2, 3]), st.text("abc ", min_size=1, max_size=5)),
)


def apply(con, write) -> None:
    """One write through the statements the write functions use, in a transaction, saying what it
    touched as they do."""
    kind, ind, *rest = write
    with db.transaction(con):
        if kind == "nilai":
            tahun, jenis, triwulan, value = rest
            triwulan = max(triwulan, 1) if jenis == "realisasi" else triwulan
            text = None if value is None else str(value)
            insert_frame(con, "write_values", "incoming_values", pd.DataFrame(
                [{"jenis": jenis, "indikator_id": ind, "tahun": tahun, "triwulan": triwulan, "bawah": text,
                  "atas": text, "teks": None, "lama": None, "baru": text}]), {"submission": 0, "waktu": pd.Timestamp("2026-01-01").to_pydatetime()})
            materialised.touch(con, [ind], tahun)
        elif kind == "pengaturan":
            tahun, polaritas, agregasi, konvensi = rest
            indikator.write_year_settings(con, [{
                "indikator_id": ind, "tahun": tahun, "polaritas": polaritas, "polaritas_sumber": "pengguna",
                "rumus_negatif": "A", "agregasi": agregasi, "agregasi_sumber": "pengguna",
                "konvensi_triwulan": konvensi}], "uji", pd.Timestamp("2026-01-01").to_pydatetime())
        elif kind == "konvensi":
            tahun, konvensi = rest
            insert_frame(con, "write_konvensi", "incoming_konvensi",
                         pd.DataFrame([(ind, tahun, konvensi)], columns=["indikator_id", "tahun", "konvensi"]))
            materialised.touch(con, [ind], tahun)
        else:
            sasaran_id, nama = rest
            con.execute("UPDATE indikator SET sasaran_id = ?, nama = ? WHERE id = ?", [sasaran_id, nama, ind])
            materialised.touch(con, [ind], None)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("gen") / "gen.duckdb"
    con = db.connect(path)
    execute_script(con, "capaian_kosongkan")  # FILL is a direct write: the rebuild fills the tables
    for statement in FILL.split(";\n"):
        con.execute(statement)
    with db.transaction(con):
        materialised.rebuild(con)
    con.close()
    return path


def test_a_generated_database_after_its_rebuild(generated):
    con = db.connect(generated, read_only=True)
    try:
        assert con.execute("SELECT count(DISTINCT tahun) FROM capaian_tersimpan").fetchone()[0] == 3
        assert_stored_equals_on_the_fly(con)
    finally:
        con.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(writes=st.lists(WRITE, min_size=1, max_size=6))
# found by it: a year whose indicator loses its annual target (no projection, no target cell), or
# where no indicator can be projected (every status missing)
@example(writes=[("nilai", 1000, 2021, "target", 1, Decimal("0.00"))])
@example(writes=[("nilai", 1000, 2021, "target", 0, Decimal("0.00"))])
def test_random_writes_on_a_generated_database(generated, tmp_path_factory, writes):
    path = tmp_path_factory.mktemp("w") / "gen.duckdb"
    shutil.copy(generated, path)
    con = db.connect(path)
    try:
        for write in writes:
            apply(con, write)
        assert_stored_equals_on_the_fly(con)
    finally:
        con.close()


@pytest.mark.parametrize("keys", [["sasaran"], ["unit"], ["unit", "sasaran"], []])
def test_means_from_the_stored_sums_equal_mean_by_of_the_rows(demo, keys):
    con, _ = demo
    scale = skala(con)
    for tahun in (2024, 2025):
        for triwulan in (None, 2):
            frame = capaian_langsung(con, tahun, triwulan)
            expected = summaries.mean_by(frame.assign(_semua=1), keys or ["_semua"], scale)
            got = rata_rata(con, tahun, triwulan, keys)
            if not keys:
                expected = expected.drop(columns="_semua")
            pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_means_over_years_and_quarters_from_the_stored_sums(demo):
    con, _ = demo
    scale = skala(con)
    years = [2023, 2024, 2025]
    frames = summaries.over_years({t: capaian_langsung(con, t) for t in years})
    expected = summaries.mean_by(frames, ["tahun", "sasaran"], scale)
    pd.testing.assert_frame_equal(rata_rata(con, years, None, ["tahun", "sasaran"]), expected, check_dtype=False)
    quarters = {q: capaian_langsung(con, 2025, q) for q in range(1, 5)}
    expected = summaries.by_quarter(quarters, ["unit"], scale)
    got = rata_rata(con, 2025, [1, 2, 3, 4], ["unit", "triwulan"])
    got = got[got["rata_rata"].notna()].reset_index(drop=True)
    got = got[["unit", *summaries.MEAN_COLUMNS, "triwulan"]].sort_values(["triwulan", "unit"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
