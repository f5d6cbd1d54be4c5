"""Accounts of the embedded login: argon2id password hashes (argon2-cffi, RFC 9106 defaults),
roles and units (kinerja.auth), a lockout that grows with repeated failures, password changes.

Managing accounts needs the Sekretariat role (or the command line); every change is audited.
Passwords never reach the audit trail or a log.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

import duckdb
import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kinerja.auth import ROLES, Akun, require
from kinerja.collect import audit
from kinerja.store import db
from kinerja.store.queries import run, sql

HASHER = PasswordHasher()
MIN_PASSWORD = 10
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")
# Failed logins in a row before the account waits, the first wait, and the longest.
FREE_FAILURES = 3
FIRST_WAIT = timedelta(seconds=15)
LONGEST_WAIT = timedelta(minutes=15)
# Spent on a login name that does not exist, so a wrong name takes as long as a wrong password.
DUMMY_HASH = HASHER.hash("kinerja-bukan-sandi")


def one(con, query: str, params: list):
    """The first row of a query or None, with the result read to its end (DuckDB refuses the next
    statement on a connection while a result is still open)."""
    rows = con.execute(query, params).fetchall()
    return rows[0] if rows else None


class AccountError(ValueError):
    """A request about accounts that cannot be done; the message is for the user, in Bahasa Indonesia."""


class LoginError(AccountError):
    """A refused login: wrong name or password, inactive, or waiting after repeated failures."""


def lockout(failures: int) -> timedelta:
    """How long an account waits after `failures` failed logins in a row: nothing for the first
    FREE_FAILURES - 1, then FIRST_WAIT doubling with each further failure, at most LONGEST_WAIT."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES), LONGEST_WAIT)


def check_password(sandi: str, nama: str) -> None:
    if len(sandi or "") < MIN_PASSWORD:
        raise AccountError(f"Sandi minimal {MIN_PASSWORD} karakter.")
    if nama.lower() in sandi.lower():
        raise AccountError("Sandi tidak boleh memuat nama akun.")


def check_roles(con, peran: list[str], unit: list[str]) -> tuple[list[str], list[str]]:
    """Roles and units normalised (lower-case roles, upper-case unit codes), or AccountError."""
    peran = sorted({p.strip().lower() for p in peran if p.strip()})
    unit = sorted({u.strip().upper() for u in unit if u.strip()})
    unknown = [p for p in peran if p not in ROLES]
    if not peran or unknown:
        raise AccountError(f"Peran tidak dikenal: {', '.join(unknown) or '(kosong)'}. Pilih dari: {', '.join(ROLES)}.")
    if "operator" in peran and not unit:
        raise AccountError("Peran operator memerlukan unit yang dilayaninya (mis. --unit MUTASI).")
    if unit and "operator" not in peran:
        raise AccountError("Unit hanya berlaku untuk peran operator; tambahkan peran operator atau hapus unitnya.")
    known = set(run(con, "units")["kode"])
    missing = [u for u in unit if u not in known]
    if missing:
        raise AccountError(f"Unit tidak dikenal: {', '.join(missing)}. Unit yang ada: {', '.join(sorted(known))}.")
    return peran, unit


def create(con: duckdb.DuckDBPyConnection, pelaku: Akun, nama: str, sandi: str, peran: list[str],
           unit: list[str] = (), nama_lengkap: str | None = None, waktu: datetime | None = None) -> Akun:
    """A new account (Sekretariat only). Login names: 3-32 lower-case letters, digits, '.', '_', '-'."""
    require(pelaku, "akun")
    nama = (nama or "").strip()
    if not NAME_PATTERN.fullmatch(nama):
        raise AccountError(f"Nama akun '{nama}' tidak sah: 3-32 huruf kecil, angka, titik, garis bawah atau "
                           "tanda hubung, diawali huruf atau angka.")
    peran, unit = check_roles(con, peran, unit)
    check_password(sandi, nama)
    waktu = waktu or datetime.now()
    with db.transaction(con):
        if one(con, "SELECT 1 FROM akun WHERE nama = ?", [nama]):
            raise AccountError(f"Akun '{nama}' sudah ada.")
        con.execute(sql("write_akun"), {"nama": nama, "lengkap": (nama_lengkap or "").strip() or None,
                                        "hash": HASHER.hash(sandi), "pada": waktu, "oleh": pelaku.label})
        write_roles(con, nama, peran, unit)
        audit.record(con, pelaku, "akun_tambah", objek=nama, baru=describe(peran, unit), waktu=waktu)
    return Akun(nama, frozenset(peran), frozenset(unit))


def write_roles(con, nama: str, peran: list[str], unit: list[str]) -> None:
    con.execute("DELETE FROM peran_akun WHERE akun = ?", [nama])
    con.execute("DELETE FROM unit_akun WHERE akun = ?", [nama])
    if peran:
        con.executemany("INSERT INTO peran_akun VALUES (?, ?)", [(nama, p) for p in peran])
    if unit:
        con.executemany("INSERT INTO unit_akun VALUES (?, ?)", [(nama, u) for u in unit])


def describe(peran, unit) -> str:
    return ", ".join(sorted(peran)) + (f"; unit {', '.join(sorted(unit))}" if unit else "")


def load(con: duckdb.DuckDBPyConnection, nama: str) -> Akun | None:
    """The active account `nama` with its current roles and units, or None (unknown or inactive)."""
    row = one(con, "SELECT aktif FROM akun WHERE nama = ?", [nama])
    if not row or not row[0]:
        return None
    return Akun(nama, *roles_of(con, nama))


def roles_of(con, nama: str) -> tuple[frozenset, frozenset]:
    """(roles, units) of an account, active or not."""
    peran = {r[0] for r in con.execute("SELECT peran FROM peran_akun WHERE akun = ?", [nama]).fetchall()}
    unit = {r[0] for r in con.execute("SELECT unit_kode FROM unit_akun WHERE akun = ?", [nama]).fetchall()}
    return frozenset(peran), frozenset(unit)


def authenticate(con: duckdb.DuckDBPyConnection, nama: str, sandi: str, waktu: datetime | None = None) -> Akun:
    """The account when the password is right; LoginError otherwise. A wrong name and a wrong
    password get the same message; failures in a row make the account wait (lockout)."""
    waktu = waktu or datetime.now()
    nama = (nama or "").strip().lower()
    row = one(con, "SELECT hash_sandi, aktif, gagal, terkunci_sampai FROM akun WHERE nama = ?", [nama])
    wrong = LoginError("Nama akun atau sandi salah.")
    if row is None:
        verify(DUMMY_HASH, sandi or "")
        raise wrong
    hashed, aktif, gagal, until = row
    if until is not None and waktu < until:
        seconds = int((until - waktu).total_seconds()) + 1
        raise LoginError(f"Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.")
    if not verify(hashed, sandi or ""):
        gagal += 1
        wait = lockout(gagal)
        with db.transaction(con):
            con.execute("UPDATE akun SET gagal = ?, terkunci_sampai = ? WHERE nama = ?",
                        [gagal, waktu + wait if wait else None, nama])
        if wait:
            raise LoginError(f"Nama akun atau sandi salah. Terlalu banyak percobaan gagal: tunggu "
                             f"{int(wait.total_seconds())} detik sebelum mencoba lagi.")
        raise wrong
    if not aktif:
        raise LoginError("Akun ini dinonaktifkan. Hubungi Sekretariat (Unit Pengelola Data).")
    if gagal or until is not None or HASHER.check_needs_rehash(hashed):
        with db.transaction(con):
            con.execute("UPDATE akun SET gagal = 0, terkunci_sampai = NULL, hash_sandi = ? WHERE nama = ?",
                        [HASHER.hash(sandi) if HASHER.check_needs_rehash(hashed) else hashed, nama])
    return load(con, nama)


def verify(hashed: str, sandi: str) -> bool:
    try:
        return HASHER.verify(hashed, sandi)
    except (VerificationError, InvalidHashError):
        return False


def change_password(con: duckdb.DuckDBPyConnection, akun: Akun, lama: str, baru: str,
                    waktu: datetime | None = None) -> None:
    """The account's own password, after the current one is confirmed."""
    row = one(con, "SELECT hash_sandi FROM akun WHERE nama = ? AND aktif", [akun.nama])
    if row is None or not verify(row[0], lama or ""):
        raise AccountError("Sandi lama salah.")
    check_password(baru, akun.nama)
    if baru == lama:
        raise AccountError("Sandi baru harus berbeda dari sandi lama.")
    waktu = waktu or datetime.now()
    with db.transaction(con):
        set_hash(con, akun.nama, baru, waktu)
        audit.record(con, akun, "ganti_sandi", objek=akun.nama, waktu=waktu)


def set_hash(con, nama: str, sandi: str, waktu: datetime) -> None:
    """A new password ends every session of the account."""
    con.execute("UPDATE akun SET hash_sandi = ?, sandi_diubah_pada = ?, gagal = 0, terkunci_sampai = NULL "
                "WHERE nama = ?", [HASHER.hash(sandi), waktu, nama])
    con.execute("DELETE FROM sesi WHERE akun = ?", [nama])


def existing(con, nama: str) -> None:
    if not one(con, "SELECT 1 FROM akun WHERE nama = ?", [nama]):
        raise AccountError(f"Akun '{nama}' tidak ada.")


def reset_password(con: duckdb.DuckDBPyConnection, pelaku: Akun, nama: str, sandi: str,
                   waktu: datetime | None = None) -> None:
    """Set another account's password (Sekretariat only); also lifts a lockout."""
    require(pelaku, "akun")
    existing(con, nama)
    check_password(sandi, nama)
    waktu = waktu or datetime.now()
    with db.transaction(con):
        set_hash(con, nama, sandi, waktu)
        audit.record(con, pelaku, "akun_sandi", objek=nama, waktu=waktu)


def set_roles(con: duckdb.DuckDBPyConnection, pelaku: Akun, nama: str, peran: list[str], unit: list[str] = (),
              waktu: datetime | None = None) -> None:
    """Replace an account's roles and units (Sekretariat only). The last active Sekretariat keeps
    that role, so accounts can always be managed."""
    require(pelaku, "akun")
    existing(con, nama)
    peran, unit = check_roles(con, peran, unit)
    before = roles_of(con, nama)
    if "sekretariat" not in peran:
        keep_a_sekretariat(con, nama)
    with db.transaction(con):
        write_roles(con, nama, peran, unit)
        audit.record(con, pelaku, "akun_ubah", objek=nama, waktu=waktu,
                     lama=describe(*before), baru=describe(peran, unit))


def keep_a_sekretariat(con, nama: str) -> None:
    others = one(con, "SELECT count(*) FROM akun a JOIN peran_akun p ON p.akun = a.nama "
                         "WHERE a.aktif AND p.peran = 'sekretariat' AND a.nama <> ?", [nama])[0]
    mine = one(con, "SELECT count(*) FROM peran_akun WHERE akun = ? AND peran = 'sekretariat'", [nama])[0]
    if mine and not others:
        raise AccountError(f"'{nama}' adalah satu-satunya akun Sekretariat yang aktif; buat akun Sekretariat lain "
                           "dulu agar akun tetap dapat dikelola.")


def set_active(con: duckdb.DuckDBPyConnection, pelaku: Akun, nama: str, aktif: bool,
               waktu: datetime | None = None) -> None:
    """Deactivate (the account can no longer log in; what it did stays attributed) or reactivate."""
    require(pelaku, "akun")
    existing(con, nama)
    if not aktif:
        keep_a_sekretariat(con, nama)
    with db.transaction(con):
        con.execute("UPDATE akun SET aktif = ?, gagal = 0, terkunci_sampai = NULL WHERE nama = ?", [aktif, nama])
        con.execute("DELETE FROM sesi WHERE akun = ?", [nama])
        audit.record(con, pelaku, "akun_aktif" if aktif else "akun_nonaktif", objek=nama, waktu=waktu)


def accounts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every account: nama, nama_lengkap, peran (comma-separated), unit (comma-separated), aktif,
    terkunci_sampai, dibuat_pada, dibuat_oleh. No hashes."""
    return run(con, "akun_daftar")


def count(con: duckdb.DuckDBPyConnection) -> int:
    return one(con, "SELECT count(*) FROM akun WHERE aktif", [])[0]


# --------------------------------------------------------------------------- dashboard sessions

# A session ends after IDLE without activity (the caller may ask for less) and after LONGEST in any case.
IDLE = timedelta(minutes=30)
LONGEST = timedelta(hours=12)
# How often a session's last activity is written (a page rerun is not worth a write each time).
TOUCH = timedelta(minutes=1)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(con: duckdb.DuckDBPyConnection, akun: Akun, waktu: datetime | None = None) -> str:
    """A new session of a logged-in account; returns the random token the browser keeps (only
    its hash is stored)."""
    token = secrets.token_urlsafe(32)
    waktu = waktu or datetime.now()
    with db.transaction(con, revise=False):  # sessions are on no page: cached results stay
        con.execute("DELETE FROM sesi WHERE aktif_pada < ?", [waktu - LONGEST])
        con.execute("INSERT INTO sesi VALUES (?, ?, ?, ?)", [token_hash(token), akun.nama, waktu, waktu])
    return token


def resume_session(con: duckdb.DuckDBPyConnection, token: str | None, idle: timedelta = IDLE,
                   waktu: datetime | None = None) -> Akun | None:
    """The account of a live session with its current roles, or None (unknown, expired, logged
    out, or the account deactivated); an expired session is removed."""
    if not token:
        return None
    waktu = waktu or datetime.now()
    key = token_hash(token)
    row = one(con, "SELECT akun, dibuat_pada, aktif_pada FROM sesi WHERE token_hash = ?", [key])
    if row is None:
        return None
    nama, started, seen = row
    if waktu - seen > idle or waktu - started > LONGEST:
        end_session(con, token)
        return None
    if waktu - seen > TOUCH:
        with db.transaction(con, revise=False):
            con.execute("UPDATE sesi SET aktif_pada = ? WHERE token_hash = ?", [waktu, key])
    return load(con, nama)


def end_session(con: duckdb.DuckDBPyConnection, token: str | None) -> None:
    if token:
        with db.transaction(con, revise=False):
            con.execute("DELETE FROM sesi WHERE token_hash = ?", [token_hash(token)])
