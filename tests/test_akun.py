"""Accounts: argon2 hashes, roles and units, lockout with a growing delay, password changes, the
`kinerja akun` commands; only the Sekretariat (or the CLI) manages accounts, and every change is audited."""
from datetime import datetime, timedelta

import pytest

from kinerja.auth import Ditolak, cli_account
from kinerja.collect import accounts
from kinerja.collect.accounts import AccountError, LoginError
from tests.conftest import PERENCANA, PIMPINAN, SEKRETARIAT, db_content, operator
from tests.test_cli import kinerja

T0 = datetime(2026, 3, 2, 8, 0)
SANDI = "kuda-laut-merah-7"


def audit_rows(con):
    return con.execute("SELECT akun, sumber, aksi, objek, lama, baru FROM audit ORDER BY id").fetchall()


def test_an_account_holds_several_roles_and_an_operator_several_units(con):
    made = accounts.create(con, SEKRETARIAT, "rina", SANDI, ["operator", "perencana"], ["mutasi", "BANGKOM"],
                           "Rina, Bidang Mutasi")
    assert made.peran == {"operator", "perencana"} and made.unit == {"MUTASI", "BANGKOM"}
    assert accounts.authenticate(con, "rina", SANDI) == made
    stored = con.execute("SELECT hash_sandi FROM akun").fetchone()[0]
    assert stored.startswith("$argon2id$") and SANDI not in stored
    listed = accounts.accounts(con)
    assert listed.iloc[0][["nama", "peran", "unit"]].tolist() == ["rina", "operator, perencana", "BANGKOM, MUTASI"]
    assert "hash_sandi" not in listed.columns
    assert audit_rows(con) == [("sekretariat", "web", "akun_tambah", "rina", None,
                                "operator, perencana; unit BANGKOM, MUTASI")]


@pytest.mark.parametrize("nama, sandi, peran, unit, message", [
    ("Rina Baru", SANDI, ["operator"], ["MUTASI"], "tidak sah"),
    ("rina", "pendek", ["operator"], ["MUTASI"], "minimal 10"),
    ("rina", "rina-rina-rina", ["operator"], ["MUTASI"], "tidak boleh memuat nama"),
    ("rina", SANDI, ["operator"], [], "memerlukan unit"),
    ("rina", SANDI, ["ketua"], [], "Peran tidak dikenal: ketua"),
    ("rina", SANDI, ["operator"], ["ANTAH"], "Unit tidak dikenal: ANTAH"),
    ("rina", SANDI, ["perencana"], ["MUTASI"], "Unit hanya berlaku untuk peran operator"),
])
def test_bad_account_requests_are_refused_and_write_nothing(con, nama, sandi, peran, unit, message):
    before = db_content(con)
    with pytest.raises(AccountError, match=message):
        accounts.create(con, SEKRETARIAT, nama, sandi, peran, unit)
    assert db_content(con) == before


@pytest.mark.parametrize("pelaku", [PIMPINAN, PERENCANA, operator("MUTASI"), None])
def test_only_the_sekretariat_manages_accounts(con, pelaku):
    accounts.create(con, SEKRETARIAT, "rina", SANDI, ["operator"], ["MUTASI"])
    before = db_content(con)
    for action, args in [(accounts.create, ("budi", SANDI, ["sekretariat"])),
                         (accounts.reset_password, ("rina", "sandi-baru-sekali")),
                         (accounts.set_roles, ("rina", ["sekretariat"])),
                         (accounts.set_active, ("rina", False))]:
        with pytest.raises(Ditolak, match="tidak berhak mengelola akun|Masuk dulu"):
            action(con, pelaku, *args)
    assert db_content(con) == before


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(con):
    accounts.create(con, SEKRETARIAT, "rina", SANDI, ["operator"], ["MUTASI"])
    with pytest.raises(LoginError) as wrong:
        accounts.authenticate(con, "rina", "bukan-sandinya", T0)
    with pytest.raises(LoginError) as unknown:
        accounts.authenticate(con, "siapa", SANDI, T0)
    assert str(wrong.value) == str(unknown.value) == "Nama akun atau sandi salah."


def test_repeated_failures_make_the_account_wait_longer_each_time(con):
    accounts.create(con, SEKRETARIAT, "rina", SANDI, ["operator"], ["MUTASI"])
    assert [accounts.lockout(n).total_seconds() for n in range(1, 8)] == [0, 0, 15, 30, 60, 120, 240]
    assert accounts.lockout(30) == timedelta(minutes=15)
    for _ in range(2):
        with pytest.raises(LoginError, match="^Nama akun atau sandi salah.$"):
            accounts.authenticate(con, "rina", "salah-salah", T0)
    with pytest.raises(LoginError, match="tunggu 15 detik"):
        accounts.authenticate(con, "rina", "salah-salah", T0)
    with pytest.raises(LoginError, match="Coba lagi dalam 6 detik"):  # even with the right password
        accounts.authenticate(con, "rina", SANDI, T0 + timedelta(seconds=10))
    with pytest.raises(LoginError, match="tunggu 30 detik"):
        accounts.authenticate(con, "rina", "salah-salah", T0 + timedelta(seconds=16))
    assert accounts.authenticate(con, "rina", SANDI, T0 + timedelta(seconds=47)).nama == "rina"
    with pytest.raises(LoginError, match="^Nama akun atau sandi salah.$"):  # a success starts the count anew
        accounts.authenticate(con, "rina", "salah-salah", T0 + timedelta(seconds=48))


def test_a_password_change_needs_the_old_password_and_a_reset_lifts_a_lockout(con):
    rina = accounts.create(con, SEKRETARIAT, "rina", SANDI, ["operator"], ["MUTASI"])
    with pytest.raises(AccountError, match="Sandi lama salah"):
        accounts.change_password(con, rina, "tebakan-saja", "sandi-baru-rina")
    accounts.change_password(con, rina, SANDI, "sandi-baru-panjang")
    with pytest.raises(LoginError):
        accounts.authenticate(con, "rina", SANDI)
    for _ in range(5):
        with pytest.raises(LoginError):
            accounts.authenticate(con, "rina", "salah-salah")
    accounts.reset_password(con, SEKRETARIAT, "rina", "dari-sekretariat-1")
    assert accounts.authenticate(con, "rina", "dari-sekretariat-1").nama == "rina"
    assert [r[2] for r in audit_rows(con)] == ["akun_tambah", "ganti_sandi", "akun_sandi"]
    assert not any("sandi-baru" in str(r) or "dari-sekretariat" in str(r) for r in audit_rows(con))


def test_a_deactivated_account_cannot_log_in_and_the_last_sekretariat_stays(con):
    accounts.create(con, cli_account("admin"), "sekre", SANDI, ["sekretariat"])
    accounts.create(con, SEKRETARIAT, "rina", SANDI, ["operator"], ["MUTASI"])
    accounts.set_active(con, SEKRETARIAT, "rina", False)
    with pytest.raises(LoginError, match="dinonaktifkan"):
        accounts.authenticate(con, "rina", SANDI)
    assert accounts.load(con, "rina") is None
    with pytest.raises(AccountError, match="satu-satunya akun Sekretariat"):
        accounts.set_active(con, SEKRETARIAT, "sekre", False)
    with pytest.raises(AccountError, match="satu-satunya akun Sekretariat"):
        accounts.set_roles(con, SEKRETARIAT, "sekre", ["pimpinan"])
    accounts.set_roles(con, SEKRETARIAT, "rina", ["operator"], ["MUTASI", "KEUANGAN"])
    assert audit_rows(con)[-1][2:] == ("akun_ubah", "rina", "operator; unit MUTASI", "operator; unit KEUANGAN, MUTASI")
    assert audit_rows(con)[0][:2] == ("admin", "cli")


# --------------------------------------------------------------------------- kinerja akun

def test_kinerja_akun_reads_the_password_from_stdin_and_records_the_cli(tmp_path, capsys, monkeypatch):
    import io

    from kinerja.store import db

    path = str(tmp_path / "k.duckdb")
    monkeypatch.setattr("sys.stdin", io.StringIO(SANDI + "\n"))
    code, out, err = kinerja(capsys, "akun", "tambah", "--nama", "rina", "--peran", "operator", "--unit",
                             "Bidang Mutasi,bangkom", "--oleh", "admin", "--db", path)
    assert (code, out.strip(), err) == (0, "Akun rina dibuat.", "")
    code, out, _ = kinerja(capsys, "akun", "daftar", "--format", "csv", "--db", path)
    assert "rina,,operator,\"BANGKOM, MUTASI\",true" in out and "argon2" not in out
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = kinerja(capsys, "akun", "sandi", "rina", "--db", path)
    assert code == 2 and "masukan standar" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(SANDI + "\n"))
    code, _, err = kinerja(capsys, "akun", "tambah", "--nama", "rina", "--peran", "operator", "--unit", "MUTASI",
                           "--db", path)
    assert code == 1 and err.startswith("Galat: Akun 'rina' sudah ada.")
    assert kinerja(capsys, "akun", "nonaktif", "rina", "--db", path)[0] == 0
    con = db.connect(path)
    try:
        rows = con.execute("SELECT akun, sumber, aksi FROM audit ORDER BY id").fetchall()
    finally:
        con.close()
    assert rows[0] == ("admin", "cli", "akun_tambah") and rows[1][1:] == ("cli", "akun_nonaktif")


def test_demo_accounts_are_made_once_per_role_and_their_passwords_shown_once(tmp_path, capsys):
    from kinerja.store import db

    path = str(tmp_path / "k.duckdb")
    code, out, _ = kinerja(capsys, "akun", "demo", "--db", path)
    lines = out.splitlines()[1:]
    assert code == 0 and [line.split()[0] for line in lines] == [
        "pimpinan", "sekretariat", "perencana", "operator.mutasi", "operator.bidang"]
    assert "operator; unit BANGKOM, PEMBINAAN" in lines[-1]
    nama, sandi = lines[1].split()[:2]
    con = db.connect(path)
    try:
        assert accounts.authenticate(con, nama, sandi).peran == {"sekretariat"}
    finally:
        con.close()
    assert kinerja(capsys, "akun", "demo", "--db", path)[:2] == (0, ""), "printed once"


def test_a_dashboard_session_lives_until_idle_logout_or_a_new_password(con):
    rina = accounts.create(con, SEKRETARIAT, "rina", SANDI, ["operator"], ["MUTASI"])
    token = accounts.start_session(con, rina, T0)
    assert SANDI not in str(con.execute("SELECT * FROM sesi").fetchall()) and token not in str(
        con.execute("SELECT * FROM sesi").fetchall()), "only the token's hash is stored"
    assert accounts.resume_session(con, token, waktu=T0 + timedelta(minutes=29)) == rina
    assert accounts.resume_session(con, token, waktu=T0 + timedelta(minutes=58)) == rina, "activity renews it"
    assert accounts.resume_session(con, token, waktu=T0 + timedelta(minutes=89)) is None, "30 minutes idle"
    assert accounts.resume_session(con, token, waktu=T0 + timedelta(minutes=90)) is None, "and it stays ended"

    token = accounts.start_session(con, rina, T0)
    moments = [T0 + timedelta(minutes=20 * i) for i in range(1, 38)]
    alive = [accounts.resume_session(con, token, waktu=m) is not None for m in moments]
    assert alive[:36] == [True] * 36 and alive[36] is False, "12 hours at most"

    token = accounts.start_session(con, rina)
    accounts.end_session(con, token)
    assert accounts.resume_session(con, token) is None
    for end in (lambda: accounts.reset_password(con, SEKRETARIAT, "rina", "sandi-baru-panjang"),
                lambda: accounts.set_active(con, SEKRETARIAT, "rina", False)):
        token = accounts.start_session(con, rina)
        end()
        assert accounts.resume_session(con, token) is None
    assert accounts.resume_session(con, "tebakan") is None and accounts.resume_session(con, None) is None
