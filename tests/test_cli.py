"""The `kinerja` command line as cli.md writes it: names, options, exit codes, columns, messages."""
import csv
import io
import json

import pytest
from openpyxl import Workbook, load_workbook

from kinerja.cli import main
from tests.conftest import db_content

HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN", "TARGET TRIWULAN 1",
          "TARGET TRIWULAN 2", "TARGET TRIWULAN 3", "TARGET TRIWULAN 4", "REALISASI TRIWULAN I",
          "REALISASI TRIWULAN II", "REALISASI TRIWULAN III", "REALISASI TRIWULAN IV", "KET"]
SASARAN = "Meningkatnya profesionalitas ASN"
ROWS = [
    [1, SASARAN, "Persentase record data base aparatur yang terisi lengkap", "%", "93%",
     None, None, None, None, None, None, None, "94,83", "BKD Sumbar 2015"],
    [2, None, "Nilai rata-rata PPK PNS", "%", 78, None, None, None, None, None, None, None, "75,15", None],
    [3, None, "Indeks Sistem Merit", "indeks", "0,48", None, None, None, None, None, None, None, "0,50", None],
    [4, None, "Jumlah ASN mengikuti pengembangan kompetensi", "orang", 400, 100, 100, 100, 100,
     90, 110, None, None, None],
]


def sop_file(path, rows=ROWS, header=HEADER, title="BIDANG MUTASI"):
    wb = Workbook()
    ws = wb.active
    ws.title = "Format"
    ws.append(["FORMAT PENGUMPULAN DATA KINERJA"])
    ws.append([title])
    ws.append([])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def kinerja(capsys, *args):
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def dbfile(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert kinerja(capsys, "init", "--db", path)[0] == 0
    return path


def content(path):
    from kinerja.store import db

    con = db.connect(path)
    try:
        return db_content(con)
    finally:
        con.close()


def test_init_is_idempotent_and_seeds_the_eight_units(tmp_path, capsys):
    path = str(tmp_path / "k.duckdb")
    assert kinerja(capsys, "init", "--db", path)[0] == 0
    first = content(path)
    assert kinerja(capsys, "init", "--db", path)[0] == 0
    assert content(path) == first
    units = [u.split(",")[0] for u in first["unit"]]
    assert len(units) == 8
    assert {"'SEKRETARIAT'", "'UMPEG'", "'PERENCANAAN'", "'KEUANGAN'", "'PENGADAAN'", "'PEMBINAAN'",
            "'MUTASI'", "'BANGKOM'"} == {u.strip("(") for u in units}


def test_db_defaults_to_the_environment_variable(tmp_path, capsys, monkeypatch):
    path = tmp_path / "env.duckdb"
    monkeypatch.setenv("KINERJA_DB", str(path))
    assert kinerja(capsys, "init")[0] == 0
    assert path.exists()


def test_import_writes_a_valid_file_and_prints_a_summary(tmp_path, dbfile, capsys):
    code, out, err = kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "mutasi",
                             "--year", "2024", "--db", dbfile)
    assert code == 0, err
    assert "Baris indikator dibaca: 4" in out
    assert "Indikator: 4 baru" in out
    assert "ditulis" in out


def test_import_accepts_a_unit_name_case_insensitively(tmp_path, dbfile, capsys):
    code, _, err = kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit",
                           "bidang MUTASI", "--year", "2024", "--db", dbfile)
    assert code == 0, err


def test_an_unknown_unit_is_an_error_in_bahasa_indonesia(tmp_path, dbfile, capsys):
    code, out, err = kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "HUMAS",
                             "--year", "2024", "--db", dbfile)
    assert code == 2
    assert "unit 'HUMAS' tidak dikenal" in err and "MUTASI" in err
    assert "Traceback" not in err + out


def test_an_invalid_cell_writes_nothing_and_names_sheet_row_column_and_text(tmp_path, dbfile, capsys):
    rows = [list(r) for r in ROWS]
    rows[1][12] = "dua puluh"          # row 6 of the sheet, REALISASI TRIWULAN IV
    rows[3][9] = "12,5,0"              # row 8, REALISASI TRIWULAN I
    before = content(dbfile)
    code, out, err = kinerja(capsys, "import", str(sop_file(tmp_path / "bad.xlsx", rows)), "--unit", "MUTASI",
                             "--year", "2024", "--db", dbfile)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("Kesalahan")]
    assert len(lines) == 2
    assert "Lembar 'Format'" in lines[0] and "baris 6" in lines[0]
    assert "REALISASI TRIWULAN IV" in lines[0] and "dua puluh" in lines[0]
    assert "baris 8" in lines[1] and "12,5,0" in lines[1]
    assert "Traceback" not in err
    assert content(dbfile) == before


def test_errors_out_marks_the_bad_cells_in_a_copy_of_the_workbook(tmp_path, dbfile, capsys):
    rows = [list(r) for r in ROWS]
    rows[1][12] = "dua puluh"
    out_file = tmp_path / "salah.xlsx"
    code, _, _ = kinerja(capsys, "import", str(sop_file(tmp_path / "bad.xlsx", rows)), "--unit", "MUTASI",
                         "--year", "2024", "--errors-out", str(out_file), "--db", dbfile)
    assert code == 1
    cell = load_workbook(out_file)["Format"]["M6"]
    assert cell.value == "dua puluh"
    assert cell.comment is not None and "dua puluh" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("FF0000") or "C7CE" in cell.fill.fgColor.rgb


def test_dry_run_validates_and_shows_but_writes_nothing(tmp_path, dbfile, capsys):
    before = content(dbfile)
    code, out, _ = kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI",
                           "--year", "2024", "--dry-run", "--db", dbfile)
    assert code == 0
    assert "belum ada yang ditulis" in out and "baru: Indeks Sistem Merit" in out
    assert content(dbfile) == before


def test_reimport_is_idempotent_and_a_corrected_file_keeps_history(tmp_path, dbfile, capsys):
    path = sop_file(tmp_path / "m.xlsx")
    kinerja(capsys, "import", str(path), "--unit", "MUTASI", "--year", "2024", "--db", dbfile)
    before = content(dbfile)
    code, out, _ = kinerja(capsys, "import", str(path), "--unit", "MUTASI", "--year", "2024", "--db", dbfile)
    assert code == 0 and "Tidak ada perubahan" in out
    assert content(dbfile) == before
    rows = [list(r) for r in ROWS]
    rows[2][12] = "0,52"
    kinerja(capsys, "import", str(sop_file(tmp_path / "m2.xlsx", rows)), "--unit", "MUTASI",
            "--year", "2024", "--db", dbfile)
    code, out, _ = kinerja(capsys, "capaian", "--year", "2024", "--format", "json", "--db", dbfile)
    merit = next(r for r in json.loads(out) if r["indikator"] == "Indeks Sistem Merit")
    assert merit["realisasi"] == 0.52
    history = [h for h in content(dbfile)["riwayat"] if "'0.5'" in h and "'0.52'" in h]
    assert len(history) == 1


def test_capaian_csv_has_the_contract_columns_and_the_published_values(tmp_path, dbfile, capsys):
    kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI", "--year", "2024",
            "--db", dbfile)
    code, out, _ = kinerja(capsys, "capaian", "--year", "2024", "--format", "csv", "--db", dbfile)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:10] == ["unit", "sasaran", "indikator", "satuan", "polaritas", "agregasi",
                                  "target", "realisasi", "capaian_persen", "kategori"]
    by_name = {r["indikator"]: r for r in rows}
    record = by_name["Persentase record data base aparatur yang terisi lengkap"]
    assert (record["target"], record["realisasi"], record["capaian_persen"], record["kategori"]) == \
        ("93", "94.83", "101.97", "Sangat Tinggi")
    assert by_name["Nilai rata-rata PPK PNS"]["capaian_persen"] == "96.35"
    assert by_name["Indeks Sistem Merit"]["capaian_persen"] == "104.17"
    assert record["unit"] == "MUTASI" and record["sasaran"] == SASARAN


def test_capaian_to_a_quarter_and_missing_is_empty_not_zero(tmp_path, dbfile, capsys):
    kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI", "--year", "2024",
            "--db", dbfile)
    code, out, _ = kinerja(capsys, "capaian", "--year", "2024", "--quarter", "2", "--format", "json",
                           "--db", dbfile)
    by_name = {r["indikator"]: r for r in json.loads(out)}
    jumlah = by_name["Jumlah ASN mengikuti pengembangan kompetensi"]
    assert (jumlah["target"], jumlah["realisasi"], jumlah["capaian_persen"]) == (200, 200, 100.0)
    merit = by_name["Indeks Sistem Merit"]
    assert merit["capaian_persen"] is None and merit["kategori"] is None and merit["keterangan"]


def test_capaian_table_uses_indonesian_numbers_and_unit_filter(tmp_path, dbfile, capsys):
    kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI", "--year", "2024",
            "--db", dbfile)
    code, out, _ = kinerja(capsys, "capaian", "--year", "2024", "--unit", "MUTASI", "--db", dbfile)
    assert code == 0 and "101,97" in out and "94,83" in out
    code, out, _ = kinerja(capsys, "capaian", "--year", "2024", "--unit", "KEUANGAN", "--format", "json",
                           "--db", dbfile)
    assert code == 0 and json.loads(out) == []


def test_template_round_trips_with_zero_errors(tmp_path, dbfile, capsys):
    kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI", "--year", "2024",
            "--db", dbfile)
    template = tmp_path / "template.xlsx"
    code, _, err = kinerja(capsys, "template", "--unit", "MUTASI", "--year", "2025", "--out", str(template),
                           "--db", dbfile)
    assert code == 0, err
    code, out, err = kinerja(capsys, "import", str(template), "--unit", "MUTASI", "--year", "2025",
                             "--dry-run", "--db", dbfile)
    assert code == 0, err
    assert "Kesalahan" not in err


def test_export_writes_xlsx_and_csv_long_format(tmp_path, dbfile, capsys):
    kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI", "--year", "2024",
            "--db", dbfile)
    for name in ("evaluasi.xlsx", "panjang.csv", "panjang.parquet"):
        code, out, err = kinerja(capsys, "export", "--year", "2024", "--out", str(tmp_path / name), "--db", dbfile)
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 0
    code, _, err = kinerja(capsys, "export", "--year", "2024", "--out", str(tmp_path / "x.txt"), "--db", dbfile)
    assert code == 2 and "Galat" in err


def test_status_has_one_row_per_unit_with_the_contract_columns(tmp_path, dbfile, capsys):
    kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI", "--year", "2024",
            "--db", dbfile)
    code, out, _ = kinerja(capsys, "status", "--year", "2024", "--quarter", "1", "--format", "csv", "--db", dbfile)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["unit", "triwulan", "status", "jumlah_indikator", "terisi",
                             "kelengkapan_persen", "diunggah_pada", "tepat_waktu"]
    assert len(rows) == 8
    mutasi = next(r for r in rows if r["unit"] == "MUTASI")
    assert (mutasi["status"], mutasi["jumlah_indikator"], mutasi["terisi"], mutasi["kelengkapan_persen"]) == \
        ("diajukan", "4", "1", "25.00")
    assert next(r for r in rows if r["unit"] == "KEUANGAN")["status"] == "belum"


def test_usage_errors_are_in_bahasa_indonesia_with_exit_code_2(capsys):
    code, _, err = kinerja(capsys, "capaian")
    assert code == 2 and "opsi '--year' wajib diisi" in err
    code, _, err = kinerja(capsys, "capaian", "--year", "2024", "--quarter", "5")
    assert code == 2 and "tidak sah" in err


def test_a_file_that_is_not_a_spreadsheet_is_refused_without_traceback(tmp_path, dbfile, capsys):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan berkas excel")
    code, out, err = kinerja(capsys, "import", str(bad), "--unit", "MUTASI", "--year", "2024", "--db", dbfile)
    assert code == 1 and "Galat" in err and "Traceback" not in err


def test_verifikasi_locks_a_quarter_and_buka_reopens_it_with_a_reason(tmp_path, dbfile, capsys):
    path = sop_file(tmp_path / "mutasi.xlsx", rows=ROWS[3:])
    assert kinerja(capsys, "import", str(path), "--unit", "MUTASI", "--year", "2024", "--db", dbfile)[0] == 0
    code, out, _ = kinerja(capsys, "verifikasi", "--unit", "mutasi", "--year", "2024", "--quarter", "1",
                           "--db", dbfile)
    assert code == 0 and "unit MUTASI: diverifikasi." in out
    code, _, err = kinerja(capsys, "verifikasi", "--unit", "MUTASI", "--year", "2024", "--quarter", "1",
                           "--db", dbfile)
    assert code == 1 and err.startswith("Galat: Triwulan I 2024 unit MUTASI sudah berstatus diverifikasi")
    code, _, err = kinerja(capsys, "buka", "--unit", "MUTASI", "--year", "2024", "--quarter", "1", "--db", dbfile)
    assert code == 2 and "--alasan" in err
    code, out, _ = kinerja(capsys, "buka", "--unit", "MUTASI", "--year", "2024", "--quarter", "1",
                           "--alasan", "angka keliru", "--db", dbfile)
    assert code == 0 and "unit MUTASI: dibuka kembali." in out


def test_capaian_csv_says_which_rows_are_incomplete_after_the_contract_columns(tmp_path, dbfile, capsys):
    kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx")), "--unit", "MUTASI", "--year", "2024",
            "--db", dbfile)
    code, out, _ = kinerja(capsys, "capaian", "--year", "2024", "--format", "csv", "--db", dbfile)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[10:] == ["keterangan", "belum_dikonfirmasi", "status_data"]
    by_name = {r["indikator"]: r for r in rows}
    assert by_name["Persentase record data base aparatur yang terisi lengkap"]["status_data"] == "terukur"
    assert {r["status_data"] for r in rows} <= {"terukur", "belum_lengkap", "tidak_dapat_dihitung"}
    code, out, _ = kinerja(capsys, "capaian", "--year", "2024", "--quarter", "2", "--format", "json", "--db", dbfile)
    merit = next(r for r in json.loads(out) if r["indikator"] == "Indeks Sistem Merit")
    assert merit["status_data"] == "belum_lengkap" and merit["capaian_persen"] is None


def test_a_quarter_out_of_range_is_said_in_words(dbfile, capsys):
    code, _, err = kinerja(capsys, "verifikasi", "--unit", "MUTASI", "--year", "2024", "--quarter", "5",
                           "--db", dbfile)
    assert code == 2 and "5 di luar rentang 1 sampai 4" in err and "<=" not in err


# --------------------------------------------------------------------------- help and usage errors

ENGLISH_HELP = ["Usage:", "Options:", "Commands:", "Show this message and exit.", "required", "default:",
                "INTEGER", "TEXT", "FILE"]


def every_command(group=None, path=()):
    from kinerja.cli import cli

    group = group or cli
    yield path
    for name, command in getattr(group, "commands", {}).items():
        yield from every_command(command, (*path, name)) if hasattr(command, "commands") else [(*path, name)]


def test_every_help_page_speaks_indonesian_and_lists_whole_descriptions():
    from click.testing import CliRunner

    from kinerja.cli import cli

    runner = CliRunner()
    paths = list(every_command())
    assert ("akun", "tambah") in paths and ("renstra", "daftar") in paths and len(paths) > 15
    for path in paths:
        result = runner.invoke(cli, [*path, "--help"], prog_name="kinerja", terminal_width=80)
        assert result.exit_code == 0, (path, result.output)
        text = result.output
        assert text.startswith(f"Penggunaan: {' '.join(('kinerja', *path))} [OPSI]"), text
        assert "Opsi:" in text and "--help" in text and "Tampilkan bantuan ini lalu keluar." in text
        assert not [w for w in ENGLISH_HELP if w in text], (path, text)
        assert not [line for line in text.splitlines()[1:] if line.rstrip().endswith("...")], text  # nothing cut
    top = runner.invoke(cli, ["--help"], prog_name="kinerja", terminal_width=80).output
    assert "Perintah:" in top and "PERINTAH [ARG]..." in top
    # a description longer than click's 45 characters is listed whole (wrapped), not cut with "..."
    listed = " ".join(top.split())
    assert "Menghitung ulang tabel capaian tersimpan dari data (mis. setelah data diubah langsung di basis data)." \
        in listed


@pytest.mark.parametrize("args, said", [
    (["capaian", "--tahunx", "2024"], "Galat: opsi '--tahunx' tidak dikenal. Lihat 'kinerja capaian --help'."),
    (["capaian", "--tahun", "2024"], "Galat: opsi '--tahun' tidak dikenal. Maksudnya '--unit'?"),
    (["capaian"], "Galat: opsi '--year' wajib diisi."),
    (["capaian", "--year", "abc"], "Galat: nilai untuk '--year' tidak sah: abc bukan bilangan bulat."),
    (["--nope"], "Galat: opsi '--nope' tidak dikenal. Lihat 'kinerja --help'."),
    (["capaian", "--year"], "Galat: opsi '--year' perlu diberi nilai."),
    (["import"], "Galat: argumen 'BERKAS...' wajib diisi. Lihat 'kinerja import --help'."),
])
def test_a_wrong_call_is_answered_in_indonesian_with_exit_code_2(capsys, args, said):
    code, out, err = kinerja(capsys, *args)
    assert code == 2 and said in err, err
    assert not [w for w in ["Error", "No such", "Missing", "Invalid", "Did you mean", "requires", "FILE"] if w in err], err


def test_every_command_is_listed_with_its_whole_description():
    """`kinerja --help` (and `kinerja akun --help`, `kinerja renstra --help`) lists each command with
    its description whole: click would cut "Menambah periode Renstra, mis. --awal 2027 ..." at "mis.",
    taking the abbreviation's period for the end of a sentence."""
    from click.testing import CliRunner

    from kinerja.cli import cli

    runner = CliRunner()
    checked = 0
    for path in every_command():
        if not path:
            continue
        parent = cli
        for name in path[:-1]:
            parent = parent.commands[name]
        listing = runner.invoke(cli, [*path[:-1], "--help"], prog_name="kinerja", terminal_width=80).output
        description = " ".join(parent.commands[path[-1]].help.split())
        assert description in " ".join(listing.split()), (path, listing)
        checked += 1
    assert checked > 15
    listed = " ".join(runner.invoke(cli, ["renstra", "--help"], prog_name="kinerja", terminal_width=80).output.split())
    assert "Menambah periode Renstra, mis. --awal 2027 --akhir 2031." in listed


def test_a_wrong_db_path_creates_nothing_for_a_command_that_reads(tmp_path, capsys):
    """A mistyped --db in a folder that does not exist: the command says the database is not there
    and how to make it (exit 1, as any other fault of the database file), and leaves no folder, no
    database and no lock file behind. Only `kinerja init` makes them."""
    wrong = tmp_path / "nope" / "x" / "y.duckdb"
    for args in (["capaian", "--year", "2025"], ["status", "--year", "2025"], ["akun", "daftar"],
                 ["renstra", "daftar"], ["template", "--unit", "MUTASI", "--year", "2025", "--out",
                                         str(tmp_path / "t.xlsx")],
                 ["verifikasi", "--unit", "MUTASI", "--year", "2025", "--quarter", "1"], ["cadangan"]):
        code, out, err = kinerja(capsys, *args, "--db", str(wrong))
        assert code == 1, (args, err)
        said = f"Galat: Basis data tidak ditemukan: {wrong}. Buat dengan `kinerja init --db {wrong}`"
        assert err.startswith(said), err
        assert list(tmp_path.iterdir()) == [], args
    assert kinerja(capsys, "init", "--db", str(wrong))[0] == 0
    assert wrong.exists()


@pytest.mark.parametrize("name", ["t.txt", "t.xls", "t"])
def test_template_refuses_a_name_that_is_not_xlsx_and_writes_nothing(tmp_path, dbfile, capsys, name):
    """The template is an .xlsx workbook (cli.md: --out FILE.xlsx): under another name Excel would
    not open it, so it is refused (exit 2, the command called wrongly) and no file is written."""
    out = tmp_path / name
    code, _, err = kinerja(capsys, "template", "--unit", "MUTASI", "--year", "2025", "--out", str(out), "--db", dbfile)
    assert code == 2 and err.startswith("Galat: template adalah buku kerja Excel"), err
    assert ".xlsx" in err and f"'{out}'" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("name, data, said", [
    ("passwd", b"root:x:0:0:root:/root:/bin/bash\n", "namanya tanpa akhiran jenis berkas (mis. .xlsx)"),
    ("catatan.txt", b"sekadar catatan\n", "jenis berkas .txt tidak diterima"),
    ("laporan.html", b"<html><table><tr><td>NO</td></tr></table></html>",
     "Isinya tampak tabel HTML dari aplikasi web: ganti namanya menjadi 'laporan.xls'"),
])
def test_a_file_of_a_kind_not_read_is_named_with_the_kinds_that_are(tmp_path, dbfile, capsys, name, data, said):
    """`kinerja import /etc/passwd` once said "jenis berkas .?": the message names the file, says
    what is wrong with its name and lists the kinds read; when the content is of a kind read, it
    says the name to give it."""
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = kinerja(capsys, "import", str(path), "--unit", "MUTASI", "--year", "2024", "--db", dbfile)
    assert code == 1 and "Traceback" not in err
    assert f"'{name}'" in err and said in err, err
    assert "Yang diterima: .xlsx, .xlsm, .xls, .ods, .csv, dan tabel HTML" in err
    assert ".?" not in err


def test_dry_run_shows_numbers_the_indonesian_way_and_quotes_cells_as_typed(tmp_path, dbfile, capsys):
    """The dry run is read by people: values as 94,5 and 1.900.000.000 (never 94.5 or 1900000000,
    which only csv and json print), and a cell quoted as it was typed."""
    rows = [
        [1, SASARAN, "Persentase layanan tepat waktu", "%", 93, None, None, None, None, None, None, None, 94.5, None],
        [2, None, "Jumlah anggaran pelatihan terserap", "rupiah", 2000000000, None, None, None, None, None, None,
         None, 1900000000, None],
        [3, None, "Persentase ASN dilatih", "%", 90, None, None, None, None, "0.85", None, None, None, None],
    ]
    code, out, err = kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx", rows)), "--unit", "MUTASI",
                             "--year", "2024", "--dry-run", "--db", dbfile)
    assert code == 0, err
    assert "baru: Persentase layanan tepat waktu | Realisasi TW IV 2024: – -> 94,5" in out
    assert "baru: Jumlah anggaran pelatihan terserap | Target Tahunan 2024: – -> 2.000.000.000" in out
    assert "baru: Jumlah anggaran pelatihan terserap | Realisasi TW IV 2024: – -> 1.900.000.000" in out
    assert "94.5" not in out and "1900000000" not in out
    # typed "0.85" (a dot in this file): quoted so, not as the number read from it
    assert "kolom 'REALISASI TRIWULAN I', isi '0.85': periksa satuan/format" in err


def test_a_duplicate_row_quotes_its_cell_and_the_other_value_the_indonesian_way(tmp_path, dbfile, capsys):
    rows = [
        [1, SASARAN, "Persentase layanan tepat waktu", "%", 93, None, None, None, None, None, None, None, 94.5, None],
        [2, SASARAN, "Persentase layanan tepat waktu", "%", 93, None, None, None, None, None, None, None, 95.25, None],
    ]
    code, _, err = kinerja(capsys, "import", str(sop_file(tmp_path / "m.xlsx", rows)), "--unit", "MUTASI",
                           "--year", "2024", "--dry-run", "--db", dbfile)
    assert code == 1
    assert ("baris 6, kolom 'REALISASI TRIWULAN IV', isi '95,25': indikator 'Persentase layanan tepat waktu' sudah "
            "ada di lembar 'Format' baris 5 dengan realisasi TW IV 94,5.") in err
