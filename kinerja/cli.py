"""The `kinerja` command line (spec/cli.md): thin wrappers around the library functions.

Exit codes: 0 done; 1 the input is invalid (nothing written); 2 the command was called wrongly.
Every message a user sees is in Bahasa Indonesia; no traceback reaches the terminal.
"""
from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path

import click
import duckdb

from kinerja.auth import cli_account
from kinerja.collect.units import UnknownUnit, resolve_unit
from kinerja.numbers import format_angka, stored_value
from kinerja.safety import printable
from kinerja.store import backup as backup_module
from kinerja.store import db
from kinerja.vocab import ROMAN, STATUS, value_label

FORMATS = click.Choice(["table", "csv", "json"])
QUARTER = click.IntRange(1, 4)
YEAR = click.IntRange(2000, 2100)


class InputError(Exception):
    """Bad input that the user can fix; printed as "Galat: ..." with exit code 1 or 2."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def echo(text: str, **kwargs) -> None:
    """click.echo of text that may quote a file's cells: no control character (an ANSI escape, a
    bell) reaches the terminal."""
    click.echo(printable(text), **kwargs)


def db_option(command):
    return click.option(
        "--db", "db_file", type=click.Path(dir_okay=False), default=None,
        help="Berkas basis data (bawaan: $KINERJA_DB, lalu data/kinerja.duckdb).",
    )(command)


OPENED: list = []  # the database file of this command, for the messages of its faults


def open_db(db_file: str | None, create: str = "never") -> duckdb.DuckDBPyConnection:
    """The database for the rest of the command: held (db.use) until the command ends, so the
    dashboard waits meanwhile and goes on afterwards."""
    path = db.db_path(db_file)
    OPENED.append(path)
    return click.get_current_context().with_resource(db.use(path, create=create))


def render(frame, fmt: str, decimals: dict[str, int]) -> str:
    """kinerja.present.output.render, loaded (with pandas) by the commands that print a DataFrame."""
    from kinerja.present.output import render as rendered

    return rendered(frame, fmt, decimals)


def unit_code(con, text: str) -> str:
    try:
        return resolve_unit(con, text)
    except UnknownUnit as exc:
        raise InputError(str(exc), code=2) from exc


class Bantuan(click.HelpFormatter):
    """click's help page in Bahasa Indonesia: the usage line and the section titles (click writes
    them in English, and has no catalogue for Indonesian)."""

    SECTIONS = {"Options": "Opsi", "Commands": "Perintah", "Arguments": "Argumen"}
    # the value types after an option's name, and the notes click adds in brackets to an option's help
    TYPES = [(re.compile(r"\bINTEGER RANGE\b|\bINTEGER\b"), "BILANGAN"), (re.compile(r"\bTEXT\b"), "TEKS"),
             (re.compile(r"\bFILE\b"), "BERKAS"), (re.compile(r"\bDIRECTORY\b"), "FOLDER"),
             (re.compile(r"\bPATH\b"), "JALUR")]
    NOTES = [(re.compile(r"\brequired\b"), "wajib"), (re.compile(r"\bdefault:"), "bawaan:")]

    @staticmethod
    def words(text: str, table) -> str:
        for pattern, replacement in table:
            text = pattern.sub(replacement, text)
        return text

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Penggunaan: " if prefix is None else prefix)

    def section(self, name: str):
        return super().section(self.SECTIONS.get(name, name))

    def write_dl(self, rows, *args, **kwargs) -> None:
        def notes(text: str) -> str:  # only click's bracket at the end, never the command's own words
            head, bracket, tail = text.rpartition("  [")
            return f"{head}{bracket}{self.words(tail, self.NOTES)}" if bracket else (
                self.words(text, self.NOTES) if text.startswith("[") else text)

        super().write_dl([(self.words(term, self.TYPES), notes(help_text)) for term, help_text in rows], *args,
                         **kwargs)


class Konteks(click.Context):
    formatter_class = Bantuan


class Perintah(click.Command):
    """A command whose --help speaks Bahasa Indonesia (Bantuan) and whose description is listed
    whole (click cuts it at 45 characters with "...")."""

    context_class = Konteks

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options_metavar = "[OPSI]"

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Tampilkan bantuan ini lalu keluar."
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        """The description as the list of commands shows it: the help's first paragraph, whole (the
        list wraps it). click would cut it at the first period it takes for a sentence's end, and
        an abbreviation such as "mis." or "s.d." is none."""
        return " ".join((self.short_help or self.help or "").partition("\n\n")[0].split())


class Kelompok(Perintah, click.Group):
    """A command group (kinerja, kinerja akun, kinerja renstra) as Perintah, whose commands and
    groups are Perintah and Kelompok too."""

    command_class = Perintah
    group_class = type  # a group made from it is a Kelompok

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.subcommand_metavar = "PERINTAH [ARG]..."


@click.group(cls=Kelompok, help="Kinerja: data kinerja SAKIP (impor, capaian, ekspor) dari baris perintah.")
def cli():
    pass


@cli.command(help="Membuat skema basis data (aman dijalankan berulang).")
@db_option
@click.option("--demo", is_flag=True, help="Isi data demo beberapa tahun melalui jalur impor biasa.")
def init(db_file, demo):
    con = open_db(db_file, create="always")
    echo(f"Basis data siap: {db.db_path(db_file)} (skema versi {db.schema_version(con)}).")
    if demo:
        from kinerja.demo import demo_accounts, load_demo

        folder = db.db_path(db_file).parent / "demo"
        results = load_demo(con, folder, progress=lambda text: echo(text, err=True))
        echo(f"Data demo: {len(results)} berkas diimpor dari {folder}.")
        show_demo_accounts(demo_accounts(con))


def show_demo_accounts(created: list[tuple[str, str, str]]) -> None:
    if created:
        echo("Akun demo (sandi hanya ditampilkan sekali ini; atur ulang dengan `kinerja akun sandi`):")
        for nama, peran, sandi in created:
            echo(f"  {nama:<18} {sandi:<14} {peran}")


@cli.command("import", help="Mengimpor lembar kerja unit (.xlsx, .xlsm, .xls, .ods, .csv).")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False), metavar="BERKAS...")
@click.option("--unit", required=True, help="Kode atau nama unit, mis. MUTASI.")
@click.option("--year", "tahun", required=True, type=YEAR, help="Tahun data.")
@click.option("--quarter", "triwulan", type=QUARTER, help="Triwulan (1-4) untuk kolom REALISASI tunggal.")
@click.option("--dry-run", is_flag=True, help="Hanya memeriksa dan menampilkan; tidak menulis.")
@click.option("--errors-out", type=click.Path(dir_okay=False), help="Salinan .xlsx dengan sel salah ditandai.")
@click.option("--oleh", default=None, help="Nama pengunggah yang dicatat (bawaan: pengguna sistem operasi).")
@db_option
def import_command(files, unit, tahun, triwulan, dry_run, errors_out, oleh, db_file):
    from kinerja.ingest.files import import_files

    con = open_db(db_file, create="if_fresh")
    unit = unit_code(con, unit)
    batch = import_files(con, [(Path(name).name, Path(name).read_bytes()) for name in files], unit, tahun,
                         triwulan, akun=cli_account(oleh), dry_run=dry_run)
    several = len(files) > 1
    for outcome in batch.files:
        if outcome.refused:
            echo(f"Galat: berkas '{outcome.filename}' tidak dapat dibaca: {outcome.refused}", err=True)
        for problem in outcome.problems:
            echo(f"Berkas '{outcome.filename}': {problem}" if several else str(problem), err=True)
    if not batch.ok:
        failed = [(name, o.result.plan) for name, o in zip(files, batch.files) if o.result and not o.result.ok]
        if errors_out and failed:
            write_errors_out(failed, Path(errors_out))
        if batch.error_count > sum(o.refused is not None for o in batch.files):
            echo(f"{batch.error_count} kesalahan. Tidak ada yang ditulis; perbaiki berkas lalu impor ulang.", err=True)
        elif several:
            echo("Tidak ada yang ditulis; perbaiki berkas lalu impor ulang.", err=True)
        sys.exit(1)
    for result in batch.results:
        for line in result.summary_lines():
            echo(line)
        if dry_run:
            for change in result.plan.changes:
                if change.status != "sama":
                    echo(f"  {change_line(result.plan, change)}")


def change_line(plan, change) -> str:
    """One value of a dry run as people read it: "berubah: Indeks Sistem Merit | Realisasi TW IV 2024:
    0,5 -> 0,52" (Indonesian numbers; the machine formats are capaian's csv and json)."""
    name = plan.indicators[change.indicator].attrs["nama"]
    where = value_label(change.jenis, change.tahun, change.triwulan)
    return f"{change.status}: {name} | {where}: {stored_value(change.lama)} -> {stored_value(change.baru)}"


def write_errors_out(failed, out: Path) -> None:
    from kinerja.ingest.annotate import annotate_errors

    for name, plan in failed:
        target = out if len(failed) == 1 else out.with_name(f"{out.stem}-{Path(name).stem}{out.suffix}")
        annotate_errors(plan.data, plan.filename, plan.problems, target)
        echo(f"Salinan bertanda kesalahan: {target}", err=True)


@cli.command(help="Tabel capaian per indikator.")
@click.option("--year", "tahun", required=True, type=YEAR)
@click.option("--quarter", "triwulan", type=QUARTER, help="Capaian s.d. akhir triwulan ini.")
@click.option("--unit", help="Kode atau nama unit.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@db_option
def capaian(tahun, triwulan, unit, fmt, db_file):
    # read from the stored capaian and formatted in the database: a year of 250 k indicators
    # without a DataFrame
    from kinerja.engine.capaian_tabel import capaian_tabel
    from kinerja.present.tabel_sql import CAPAIAN_SOURCE, capaian_text

    con = open_db(db_file)
    unit = unit_code(con, unit) if unit else None
    source = capaian_tabel(con, tahun, triwulan, unit, CAPAIAN_SOURCE)
    # every text cell is made printable in the query (teks_bersih), so click.echo, not echo; the
    # bytes as DuckDB wrote them (UTF-8) go to the binary stdout
    click.echo(capaian_text(con, source, fmt), nl=False)


@cli.command(help="Ekspor untuk tahap evaluasi (.xlsx, .docx, .csv, .parquet).")
@click.option("--year", "tahun", required=True, type=YEAR)
@click.option("--out", required=True, type=click.Path(dir_okay=False))
@click.option("--quarter", "triwulan", type=QUARTER)
@click.option("--template", type=click.Path(dir_okay=False),
              help="Templat .docx (kop surat sendiri) untuk draf LKjIP Bab III.")
@db_option
def export(tahun, out, triwulan, template, db_file):
    from kinerja.reports.export import ExportError
    from kinerja.reports.export import export as write_export

    con = open_db(db_file)
    try:
        path = write_export(con, tahun, Path(out), triwulan, Path(template) if template else None)
    except ExportError as exc:
        raise InputError(str(exc), code=2) from exc
    echo(f"Ekspor tersimpan: {path}")


@cli.command(help="Template format SOP untuk satu unit, terisi indikator dan targetnya.")
@click.option("--unit", required=True)
@click.option("--year", "tahun", required=True, type=YEAR)
@click.option("--quarter", "triwulan", type=QUARTER)
@click.option("--out", required=True, type=click.Path(dir_okay=False))
@db_option
def template(unit, tahun, triwulan, out, db_file):
    from kinerja.reports.template import TemplateFileError, write_template

    con = open_db(db_file)
    unit = unit_code(con, unit)
    try:
        write_template(con, unit, tahun, triwulan, Path(out))
    except TemplateFileError as exc:
        raise InputError(str(exc), code=2) from exc
    echo(f"Template tersimpan: {out}")


@cli.command(help="Register pengumpulan data per unit dan triwulan.")
@click.option("--year", "tahun", required=True, type=YEAR)
@click.option("--quarter", "triwulan", type=QUARTER)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@db_option
def status(tahun, triwulan, fmt, db_file):
    from kinerja.collect.register import status as register

    con = open_db(db_file)
    echo(render(register(con, tahun, triwulan), fmt, {"kelengkapan_persen": 2}), nl=False)


def register_step(unit, tahun, triwulan, status, oleh, alasan, db_file) -> None:
    from kinerja.collect.workflow import WorkflowError, set_status

    con = open_db(db_file)
    unit = unit_code(con, unit)
    try:
        set_status(con, unit, tahun, triwulan, status, cli_account(oleh), alasan)
    except WorkflowError as exc:
        raise InputError(str(exc)) from exc
    echo(f"Triwulan {ROMAN[triwulan]} {tahun} unit {unit}: {STATUS[status].lower()}.")


@cli.command(help="Menandai triwulan unit sudah diverifikasi (nilainya terkunci).")
@click.option("--unit", required=True)
@click.option("--year", "tahun", required=True, type=YEAR)
@click.option("--quarter", "triwulan", required=True, type=QUARTER)
@click.option("--oleh", default=None, help="Nama pemverifikasi yang dicatat (bawaan: pengguna sistem operasi).")
@db_option
def verifikasi(unit, tahun, triwulan, oleh, db_file):
    register_step(unit, tahun, triwulan, "diverifikasi", oleh, None, db_file)


@cli.command(help="Membuka kembali triwulan unit agar dapat diperbaiki; alasan wajib.")
@click.option("--unit", required=True)
@click.option("--year", "tahun", required=True, type=YEAR)
@click.option("--quarter", "triwulan", required=True, type=QUARTER)
@click.option("--alasan", required=True, help="Apa yang harus diperbaiki unit.")
@click.option("--oleh", default=None, help="Nama yang dicatat (bawaan: pengguna sistem operasi).")
@db_option
def buka(unit, tahun, triwulan, alasan, oleh, db_file):
    register_step(unit, tahun, triwulan, "dibuka_kembali", oleh, alasan, db_file)


@cli.command(help="Membuat cadangan basis data (boleh saat dasbor berjalan), dengan checksum SHA-256.")
@click.option("--simpan", "keep", type=click.IntRange(1, 10_000), default=backup_module.KEEP, show_default=True,
              help="Jumlah cadangan terbaru yang disimpan; yang lebih lama dihapus.")
@click.option("--harian", is_flag=True, help="Hanya bila hari ini belum ada cadangan (untuk jadwal harian).")
@click.option("--out", type=click.Path(dir_okay=False), help="Berkas cadangan (bawaan: folder cadangan/ di samping "
                                                            "basis data, dengan jumlah simpanan --simpan).")
@db_option
def cadangan(keep, harian, out, db_file):
    path = db.db_path(db_file)
    OPENED.append(path)
    if out:
        made = backup_module.backup(path, out=Path(out))
    else:
        made = backup_module.backup_daily(path, keep) if harian else backup_module.backup(path, keep)
    if made is None:
        echo(f"Cadangan hari ini sudah ada di {db.backup_folder(path)}; tidak dibuat lagi.")
        return
    echo(f"Cadangan tersimpan: {made.path} ({format_angka(made.size)} bita, SHA-256 {made.sha256}).")
    echo(f"Memulihkan: kinerja pulihkan {made.path} --db {path}")


@cli.command(help="Memulihkan basis data dari berkas cadangan; basis data lama disimpan di sampingnya.")
@click.argument("file", type=click.Path(dir_okay=False), metavar="BERKAS")
@db_option
def pulihkan(file, db_file):
    path = db.db_path(db_file)
    OPENED.append(path)
    checked, kept = backup_module.restore(Path(file), path)
    rows = sum(n for t, n in checked.tables.items() if t != "schema_version")
    echo(f"Cadangan {file} diperiksa (checksum dan {len(checked.tables)} tabel, {format_angka(rows)} baris) "
               f"dan dipulihkan ke {path}.")
    echo(f"Basis data sebelumnya disimpan sebagai {kept}." if kept else "Sebelumnya tidak ada basis data.")


@cli.command("hitung-ulang", help="Menghitung ulang tabel capaian tersimpan dari data (mis. setelah data diubah "
                                  "langsung di basis data).")
@click.option("--oleh", default=None, help="Nama yang dicatat (bawaan: pengguna sistem operasi).")
@db_option
def hitung_ulang(oleh, db_file):
    from kinerja.collect.hitung import hitung_ulang as rebuild

    rows = rebuild(open_db(db_file), cli_account(oleh))
    echo(f"Capaian tersimpan dihitung ulang: {format_angka(rows)} baris (indikator × tahun × periode).")


def read_password(prompt: str) -> str:
    """A password from standard input (one line), or prompted twice on a terminal; never an option,
    so it stays out of the shell history and the process list."""
    if sys.stdin is not None and sys.stdin.isatty():
        return click.prompt(prompt, hide_input=True, confirmation_prompt="Ulangi sandi")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line.strip():
        raise InputError("sandi dibaca dari masukan standar (satu baris), mis. `echo SANDI | kinerja akun ...`.",
                         code=2)
    return line.rstrip("\r\n")


def split_list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def account_call(action, *args) -> None:
    from kinerja.collect.accounts import AccountError

    try:
        action(*args)
    except AccountError as exc:
        raise InputError(str(exc)) from exc


oleh_option = click.option("--oleh", default=None, help="Nama yang dicatat (bawaan: pengguna sistem operasi).")


@cli.group(help="Akun pengguna dasbor: tambah, daftar, nonaktifkan, atur sandi.")
def akun():
    pass


@akun.command("tambah", help="Membuat akun; sandi dibaca dari masukan standar atau ditanyakan.")
@click.option("--nama", required=True, help="Nama masuk (huruf kecil, angka, titik, garis bawah, tanda hubung).")
@click.option("--peran", required=True, help="pimpinan, sekretariat, perencana, operator (boleh beberapa, koma).")
@click.option("--unit", "units", help="Unit yang dilayani operator (kode atau nama, boleh beberapa, koma).")
@click.option("--nama-lengkap", help="Nama dan jabatan, mis. 'Rina, Bidang Mutasi'.")
@oleh_option
@db_option
def akun_tambah(nama, peran, units, nama_lengkap, oleh, db_file):
    from kinerja.collect.accounts import create

    con = open_db(db_file, create="if_fresh")
    codes = [unit_code(con, u) for u in split_list(units)]
    sandi = read_password("Sandi")
    account_call(create, con, cli_account(oleh), nama, sandi, split_list(peran), codes, nama_lengkap)
    echo(f"Akun {nama} dibuat.")


@akun.command("demo", help="Membuat akun demo per peran yang belum ada dan menampilkan sandinya sekali.")
@db_option
def akun_demo(db_file):
    from kinerja.demo import demo_accounts

    show_demo_accounts(demo_accounts(open_db(db_file, create="if_fresh")))


@akun.command("daftar", help="Daftar akun (tanpa sandi).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@db_option
def akun_daftar(fmt, db_file):
    from kinerja.collect.accounts import accounts

    echo(render(accounts(open_db(db_file)), fmt, {}), nl=False)


@akun.command("nonaktif", help="Menonaktifkan akun: tidak dapat masuk lagi; jejaknya tetap.")
@click.argument("login", metavar="NAMA_AKUN")
@oleh_option
@db_option
def akun_nonaktif(login, oleh, db_file):
    from kinerja.collect.accounts import set_active

    account_call(set_active, open_db(db_file), cli_account(oleh), login, False)
    echo(f"Akun {login} dinonaktifkan.")


@akun.command("aktif", help="Mengaktifkan kembali akun.")
@click.argument("login", metavar="NAMA_AKUN")
@oleh_option
@db_option
def akun_aktif(login, oleh, db_file):
    from kinerja.collect.accounts import set_active

    account_call(set_active, open_db(db_file), cli_account(oleh), login, True)
    echo(f"Akun {login} diaktifkan.")


@akun.command("sandi", help="Mengatur ulang sandi akun (juga membuka kunci); sandi dari masukan standar.")
@click.argument("login", metavar="NAMA_AKUN")
@oleh_option
@db_option
def akun_sandi(login, oleh, db_file):
    from kinerja.collect.accounts import reset_password

    con = open_db(db_file)
    account_call(reset_password, con, cli_account(oleh), login, read_password("Sandi baru"))
    echo(f"Sandi akun {login} diperbarui.")


@cli.group(help="Periode Renstra (tahun awal dan akhir); RPJMD baru memulai Renstra baru.")
def renstra():
    pass


@renstra.command("daftar", help="Daftar periode Renstra yang tercatat.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@db_option
def renstra_daftar(fmt, db_file):
    from kinerja.store.queries import run

    con = open_db(db_file)
    periods = run(con, "renstra_periode")[["tahun_awal", "tahun_akhir", "dibuat_oleh"]]
    # years are names, not quantities: no thousands separator in the table
    echo(render(periods.astype({"tahun_awal": str, "tahun_akhir": str}), fmt, {}), nl=False)


@renstra.command("tambah", help="Menambah periode Renstra, mis. --awal 2027 --akhir 2031.")
@click.option("--awal", required=True, type=YEAR, help="Tahun pertama periode.")
@click.option("--akhir", required=True, type=YEAR, help="Tahun terakhir periode.")
@oleh_option
@db_option
def renstra_tambah(awal, akhir, oleh, db_file):
    from kinerja.collect.renstra import PeriodError, add_period

    con = open_db(db_file)
    try:
        periode = add_period(con, awal, akhir, cli_account(oleh))
    except PeriodError as exc:
        raise InputError(str(exc)) from exc
    echo(f"Periode Renstra {periode.label} tercatat.")


# Click's own usage messages are English; users get them in Bahasa Indonesia.
USAGE_MESSAGES = [
    (r"Missing option '(.+?)'.*", r"opsi '\1' wajib diisi."),
    (r"Missing argument '(.+?)'.*", r"argumen '\1' wajib diisi."),
    (r"Option '(.+?)' requires an argument\.", r"opsi '\1' perlu diberi nilai."),
    (r"No such option: (\S+).*", r"opsi \1 tidak dikenal."),
    (r"No such option '(.+?)'\.", r"opsi '\1' tidak dikenal."),
    (r" Did you mean '?(.+?)'?\?", r" Maksudnya '\1'?"),
    (r" \(Possible options: (.+?)\)", r" (mungkin: \1)"),
    (r"No such command '(.+?)'.*", r"perintah '\1' tidak dikenal."),
    (r"Invalid value for '(.+?)': ", r"nilai untuk '\1' tidak sah: "),
    (r"'?(\S+?)'? is not in the range (\d+)<=x<=(\d+)\.?", r"\1 di luar rentang \2 sampai \3."),
    (r"'?(\S+?)'? is not in the range x>=(\d+)\.?", r"\1 kurang dari \2."),
    (r"'?(\S+?)'? is not a valid integer( range)?\.?", r"\1 bukan bilangan bulat."),
    (r"'?(\S+?)'? is not one of (.+)\.", r"\1 bukan salah satu dari \2."),
    (r"(File|Path) '(.+?)' does not exist\.?", r"berkas '\2' tidak ada."),
]


def usage_message(text: str) -> str:
    for pattern, replacement in USAGE_MESSAGES:
        text = re.sub(pattern, replacement, text)
    return text


FILE_PROBLEMS = {errno.ENOSPC: "disk penuh; kosongkan ruang disk lalu ulangi",
                 errno.EACCES: "tidak ada izin menulis/membaca; periksa izin folder",
                 errno.EPERM: "tidak ada izin menulis/membaca; periksa izin folder",
                 errno.EROFS: "disk hanya-baca; pilih folder lain",
                 errno.ENOENT: "berkas atau folder tidak ada; periksa jalurnya"}


def file_problem(exc: OSError) -> str:
    """An OSError in Bahasa Indonesia, naming the file."""
    where = f"{exc.filename}: " if exc.filename else ""
    return where + FILE_PROBLEMS.get(exc.errno, "tidak dapat dibaca atau ditulis") + "."


def main(argv: list[str] | None = None) -> None:
    db.keep_open(0)  # one command, one use: the file is free again the moment the command is done
    db.be_patient(3600, lambda: echo("Menunggu giliran: basis data sedang dipakai proses lain (mis. dasbor atau "
                                     "perintah lain); perintah ini berjalan begitu giliran tiba.", err=True))
    try:
        cli.main(args=argv, prog_name="kinerja", standalone_mode=False)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "kinerja"
        echo(f"Galat: {usage_message(exc.format_message())} Lihat '{command} --help'.", err=True)
        sys.exit(2)
    except InputError as exc:
        echo(f"Galat: {exc}", err=True)
        sys.exit(exc.code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        echo("Dibatalkan.", err=True)
        sys.exit(1)
    except db.StoreError as exc:
        echo(f"Galat: {exc}", err=True)
        sys.exit(1)
    except duckdb.Error as exc:
        if os.environ.get("KINERJA_DEBUG"):
            raise
        echo(f"Galat: {db.fault(exc, OPENED[-1] if OPENED else db.db_path(None))}", err=True)
        sys.exit(1)
    except OSError as exc:
        echo(f"Galat berkas: {file_problem(exc)}", err=True)
        sys.exit(1)
    except Exception as exc:  # the last guard: a user never sees a traceback
        if os.environ.get("KINERJA_DEBUG"):
            raise
        echo(f"Galat tak terduga: {exc!r}. Jalankan ulang dengan KINERJA_DEBUG=1 untuk rinciannya "
                   "dan laporkan ke pengelola aplikasi.", err=True)
        sys.exit(1)
