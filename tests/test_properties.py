"""Properties across the whole path: workbook -> import -> capaian, checked against the reference."""
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.cli import main
from kinerja.engine.capaian import capaian
from kinerja.ingest.files import import_file
from kinerja.numbers import format_angka
from kinerja.store import db
from tests import reference_capaian as reference
from tests.conftest import SEKRETARIAT, db_content
from tests.workbooks import Sheet, xlsx

HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "POLARITAS", "AGREGASI", "TARGET TAHUNAN",
          "TARGET TRIWULAN I", "TARGET TRIWULAN II", "TARGET TRIWULAN III", "TARGET TRIWULAN IV",
          "REALISASI TRIWULAN I", "REALISASI TRIWULAN II", "REALISASI TRIWULAN III", "REALISASI TRIWULAN IV"]
NUMBER_COLUMNS = range(6, 15)
SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

amounts = st.integers(0, 10**7).map(lambda n: Decimal(n).scaleb(-2))
positive = st.integers(1, 10**7).map(lambda n: Decimal(n).scaleb(-2))


@st.composite
def indicators(draw):
    agregasi = draw(st.sampled_from(["kumulatif", "nilai_akhir", "rata_rata"]))
    if agregasi == "kumulatif" and draw(st.booleans()):
        quarters = draw(st.lists(amounts, min_size=4, max_size=4))
        annual = sum(quarters)
    else:
        quarters, annual = None, draw(positive)
    realisasi = draw(st.lists(st.none() | amounts, min_size=4, max_size=4))
    return {
        "polaritas": draw(st.sampled_from(["positif", "negatif"])),
        "rumus_negatif": "A", "agregasi": agregasi, "annual": annual, "quarters": quarters,
        "realisasi": realisasi, "as_text": draw(st.lists(st.booleans(), min_size=9, max_size=9)),
    }


def cell(value: Decimal | None, as_text: bool):
    if value is None:
        return "-" if as_text else None
    return format_angka(value) if as_text else float(value)


def workbook(inds: list[dict]) -> bytes:
    rows = [["FORMAT PENGUMPULAN DATA KINERJA"], [], HEADER]
    for i, ind in enumerate(inds, 1):
        values = [ind["annual"], *(ind["quarters"] or [None] * 4), *ind["realisasi"]]
        rows.append([i, "Sasaran uji", f"Indikator {i}", "satuan uji", ind["polaritas"], ind["agregasi"],
                     *(cell(v, t) for v, t in zip(values, ind["as_text"]))])
    return xlsx(Sheet("Format", rows))


def as_reference(ind: dict) -> dict:
    target = {0: (Fraction(ind["annual"]),) * 2}
    for q, value in enumerate(ind["quarters"] or [], 1):
        target[q] = (Fraction(value),) * 2
    return {
        "polaritas": ind["polaritas"], "rumus_negatif": "A", "agregasi": ind["agregasi"],
        "konvensi": "per_triwulan" if ind["quarters"] else None, "konvensi_triwulan": None,
        "target": target,
        "realisasi": {q: Fraction(v) for q, v in enumerate(ind["realisasi"], 1) if v is not None},
    }


@SETTINGS
@given(st.lists(indicators(), min_size=1, max_size=4))
def test_a_generated_valid_workbook_imports_and_its_capaian_equals_the_reference(tmp_path_factory, inds):
    con = db.connect(tmp_path_factory.mktemp("p") / "k.duckdb")
    result = import_file(con, workbook(inds), "uji.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    assert result.ok, [str(p) for p in result.problems]
    for triwulan in (None, 1, 2, 3, 4):
        got = capaian(con, 2024, triwulan).set_index("indikator")
        for i, ind in enumerate(inds, 1):
            expected = reference.capaian(as_reference(ind), triwulan)["capaian_persen"]
            value = got.loc[f"Indikator {i}", "capaian_persen"]
            if expected is None:
                assert value != value, (triwulan, i, value)  # NaN: missing, never 0
            else:
                assert value == float(expected), (triwulan, i)
    con.close()


@SETTINGS
@given(st.lists(indicators(), min_size=1, max_size=3), st.data(),
       st.sampled_from(["dua puluh", "12,5,0", "abc", "1..2", "80-90x", "Rp"]))
def test_corrupting_any_one_number_cell_fails_the_import_and_changes_nothing(tmp_path_factory, capsys, inds, data, bad):
    folder = tmp_path_factory.mktemp("c")
    path = str(folder / "k.duckdb")
    con = db.connect(path)
    import_file(con, workbook(inds[:1]), "awal.xlsx", "MUTASI", 2024, akun=SEKRETARIAT)
    before = db_content(con)
    con.close()
    row = data.draw(st.integers(0, len(inds) - 1))
    column = data.draw(st.sampled_from(NUMBER_COLUMNS))
    rows_data = workbook(inds)
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(rows_data))
    book["Format"].cell(4 + row, column + 1).value = bad
    buffer = io.BytesIO()
    book.save(buffer)
    (folder / "rusak.xlsx").write_bytes(buffer.getvalue())
    try:
        main(["import", str(folder / "rusak.xlsx"), "--unit", "MUTASI", "--year", "2024", "--db", path])
        code = 0
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 1
    assert f"baris {4 + row}" in err and bad in err
    con = db.connect(path)
    assert db_content(con) == before
    con.close()
