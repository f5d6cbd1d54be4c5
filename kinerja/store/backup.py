"""Backups of the database file and their restore (`kinerja cadangan`, `kinerja pulihkan`).

A backup is a byte copy of the database taken while this process holds the file (db.use: no other
process has it open) and no write runs (db.WRITE_LOCK), right after a CHECKPOINT has moved every
committed write from the write-ahead log into the file: a consistent database on its own, made
while the dashboard keeps running. Its SHA-256 is written beside it (NAME.sha256, the format of
`sha256sum -c`). Backups live in cadangan/ beside the database, newest KEEP kept.

A restore checks the backup (checksum, every table readable), copies it next to the database,
checks the copy, then swaps it in with the file held, keeping the replaced database as
NAME.sebelum-pulih-WAKTU.duckdb.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from kinerja.store import db

KEEP = int(os.environ.get("KINERJA_CADANGAN_SIMPAN", "14"))
STAMP = "%Y%m%d-%H%M%S"


class BackupError(db.StoreError):
    """A backup that cannot be made or restored; the message says why and what to do."""


@dataclass
class Backup:
    path: Path
    sha256: str
    size: int
    tables: dict[str, int] | None = None  # rows per table, when checked


def checksum_file(backup: Path) -> Path:
    return backup.with_name(backup.name + ".sha256")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backups(path: Path) -> list[Path]:
    """The backups of a database, oldest first."""
    folder = db.backup_folder(path)
    return sorted(folder.glob(f"{path.stem}-*.duckdb")) if folder.is_dir() else []


def backup(path: str | os.PathLike | None = None, keep: int = KEEP, now: datetime | None = None,
           out: Path | None = None) -> Backup:
    """Copy the database into cadangan/ as STEM-YYYYmmdd-HHMMSS.duckdb with its checksum, and
    remove the oldest beyond `keep`; or to the file `out` (nothing removed). Raises BackupError /
    db.StoreError."""
    source = db.db_path(path)
    stamp = (now or datetime.now()).strftime(STAMP)
    target = Path(out) if out else db.backup_folder(source) / f"{source.stem}-{stamp}.duckdb"
    folder = target.parent
    partial = target.with_name(target.name + ".sebagian")
    try:
        with db.writing(source, create="never") as con:  # a missing database: refused before the folder is made
            folder.mkdir(parents=True, exist_ok=True)
            con.execute("CHECKPOINT")
            shutil.copyfile(source, partial)
        digest = sha256(partial)
        os.replace(partial, target)
        checksum_file(target).write_text(f"{digest}  {target.name}\n")
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Cadangan tidak dapat dibuat di {folder}: {db.fault(exc, target)}") from exc
    for old in backups(source)[:-keep] if keep > 0 and not out else []:
        old.unlink(missing_ok=True)
        checksum_file(old).unlink(missing_ok=True)
    return Backup(target, digest, target.stat().st_size)


def backup_daily(path: str | os.PathLike | None = None, keep: int = KEEP) -> Backup | None:
    """A backup unless one was made today already (`make run` and the dashboard call this)."""
    source = db.db_path(path)
    if not source.exists():
        return None
    today = datetime.now().strftime("%Y%m%d")
    if any(b.name.startswith(f"{source.stem}-{today}-") for b in backups(source)):
        return None
    return backup(source, keep)


def check(file: Path) -> Backup:
    """A backup's checksum (when recorded) and content: every table read to the end. Returns the
    rows per table; raises BackupError saying what is wrong."""
    if not file.is_file():
        raise BackupError(f"Berkas cadangan {file} tidak ada. Cadangan yang tersedia ada di folder cadangan/ "
                          "di samping basis data (`ls data/cadangan`).")
    digest = sha256(file)
    recorded = checksum_file(file)
    if recorded.exists() and recorded.read_text().split()[:1] != [digest]:
        raise BackupError(f"Berkas cadangan {file} tidak sama dengan saat dibuat (checksum SHA-256 berbeda): "
                          "berkas rusak atau diubah. Pakai cadangan lain.")
    try:
        con = duckdb.connect(str(file), read_only=True)
    except (duckdb.Error, OSError) as exc:
        raise BackupError(f"Berkas cadangan {file} bukan basis data Kinerja yang utuh; pakai cadangan lain.") from exc
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        if "schema_version" not in tables or "submission" not in tables:
            raise BackupError(f"Berkas {file} bukan cadangan basis data Kinerja (tabelnya tidak ada).")
        counts = {}
        for table in tables:
            # every block read: a damaged one fails its checksum here
            counts[table] = con.table(table).to_arrow_table().num_rows
    except duckdb.Error as exc:
        raise BackupError(f"Berkas cadangan {file} rusak (sebagian isinya tidak dapat dibaca); pakai cadangan "
                          "lain.") from exc
    finally:
        con.close()
    return Backup(file, digest, file.stat().st_size, counts)


def restore(file: str | os.PathLike, path: str | os.PathLike | None = None,
            now: datetime | None = None) -> tuple[Backup, Path | None]:
    """Put a backup in place of the database: check it, copy it beside the database, check the
    copy, then swap with the file held. Returns (the checked backup, where the replaced database
    was kept, None when there was none). Raises BackupError; the database is unchanged then."""
    file, target = Path(file), db.db_path(path)
    checked = check(file)
    incoming = target.with_name(target.name + ".pulih")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, incoming)
        if sha256(incoming) != checked.sha256:
            raise BackupError(f"Salinan cadangan di {incoming} tidak sama dengan {file}; disk bermasalah? "
                              "Tidak ada yang diganti.")
        kept = None
        with db.exclusive(target):
            if target.exists():
                kept = target.with_name(f"{target.stem}.sebelum-pulih-{(now or datetime.now()).strftime(STAMP)}"
                                        f"{target.suffix}")
                os.replace(target, kept)
                wal = Path(f"{target}.wal")
                if wal.exists():
                    os.replace(wal, Path(f"{kept}.wal"))
            os.replace(incoming, target)
            db.forget(target)
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        raise BackupError(f"Pemulihan gagal, basis data tidak diganti: {db.fault(exc, target)}") from exc
    return checked, kept
