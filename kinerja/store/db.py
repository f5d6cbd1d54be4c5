"""Database file, versioned migrations and seed data; the way every process uses the file.

DuckDB lets one process at a time open a database file for writing, so neither the dashboard nor
the command line keeps it open: `use()` opens it for as long as a block runs, under a lock file
beside the database (filelock). Threads of one process share one open connection (a cursor each);
the file closes when the last of them is done (after `linger` seconds in the dashboard), or sooner
when another process waits at the gate (a second lock file), so a `kinerja` command run beside the
dashboard waits at most the length of the uses already running. Writes are serialised inside the
process (`transaction` takes one lock) and every committed write advances a revision number kept
beside the database, so another process can tell that its cached reads are stale.
"""
from __future__ import annotations

import errno
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from kinerja.store import materialised

DEFAULT_DB = Path("data") / "kinerja.duckdb"
MIGRATIONS = Path(__file__).parent / "migrations"
# How long a user waits for another process before being told the database is busy (seconds).
WAIT_SECONDS = float(os.environ.get("KINERJA_TUNGGU_DETIK", "10"))
# Saves that collide with another transaction are tried again this many times in all.
ATTEMPTS = 4

# Unit list of BKPSDM Kota Samarinda as the SOP names them (cli.md).
UNITS = [
    ("SEKRETARIAT", "Sekretariat", "Unit Pengelola Data"),
    ("UMPEG", "Subbagian Umum dan Kepegawaian", "Unit Pelayanan Kepegawaian"),
    ("PERENCANAAN", "Jabatan Fungsional Perencana", "Unit Penyusun Laporan Kinerja"),
    ("KEUANGAN", "Subbagian Keuangan", None),
    ("PENGADAAN", "Bidang Pengadaan dan Pemberhentian", None),
    ("PEMBINAAN", "Bidang Pembinaan Aparatur", None),
    ("MUTASI", "Bidang Mutasi", None),
    ("BANGKOM", "Bidang Pengembangan Kompetensi", None),
]

DEFAULT_SCALE = "permendagri_86_2017"
# Settings an administrator may change: the agency's name heads every export.
SETTINGS = {
    "skala_aktif": DEFAULT_SCALE,
    "nama_instansi": "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA KOTA SAMARINDA",
}
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
SCALES = {
    DEFAULT_SCALE: [
        (1, "91", "Sangat Tinggi", "#0072B2"),
        (2, "76", "Tinggi", "#56B4E9"),
        (3, "66", "Sedang", "#F0E442"),
        (4, "51", "Rendah", "#E69F00"),
        (5, None, "Sangat Rendah", "#D55E00"),
    ],
}


class StoreError(Exception):
    """The database cannot be used or a write did not happen; the message (Bahasa Indonesia)
    says what happened and what to do. Nothing committed before is lost."""


class Busy(StoreError):
    """Another process held the database longer than this process waits (PATIENCE)."""


class WriteConflict(StoreError):
    """A save kept colliding with other saves; nothing of it was written."""


# --------------------------------------------------------------------------- the file and its paths

NOT_PERSISTENT = (":memory:", "md:", "motherduck:", "s3://", "http://", "https://", "gs://", "az://", "/dev/",
                  "/proc/")


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: the argument, else $KINERJA_DB, else data/kinerja.duckdb. Refuses
    (StoreError) a name that keeps nothing after the program stops, such as :memory:."""
    text = str(path) if path is not None and str(path) != "" else os.environ.get("KINERJA_DB") or str(DEFAULT_DB)
    if text.strip() == "" or text.lower().startswith(NOT_PERSISTENT) or text.endswith(("/", os.sep)):
        raise StoreError(f"'{text}' bukan berkas basis data yang menyimpan data: isinya hilang begitu program "
                         "berhenti. Pakai berkas .duckdb di disk, mis. --db data/kinerja.duckdb.")
    return Path(text)


def backup_folder(path: Path) -> Path:
    """Where `kinerja cadangan` keeps the backups of a database: cadangan/ beside it."""
    return path.parent / "cadangan"


def newest_backup(path: Path) -> Path | None:
    folder = backup_folder(path)
    found = sorted(folder.glob(f"{path.stem}-*.duckdb")) if folder.is_dir() else []
    return found[-1] if found else None


def restore_hint(path: Path) -> str:
    """What to do when the file is gone or damaged: restore the newest backup, naming it."""
    newest = newest_backup(path)
    if newest is None:
        return (f"Belum ada cadangan di {backup_folder(path)}; bila ada salinan lain, pulihkan dengan "
                f"`kinerja pulihkan BERKAS --db {path}`.")
    return f"Pulihkan cadangan terbaru dengan: kinerja pulihkan {newest} --db {path}"


def fault(exc: BaseException, path: Path) -> StoreError:
    """The user's message for a failure of the database file (OSError or DuckDB error): a full or
    read-only disk, a busy file, too little memory, a damaged file (with the backup to restore), or
    else an unexpected error, which never advises a restore."""
    if isinstance(exc, StoreError):
        return exc
    text = str(exc).lower()
    number = getattr(exc, "errno", None)
    if number == errno.ENOSPC or "no space left" in text or "disk is full" in text:
        return StoreError(f"Disk penuh: penyimpanan ke {path} dibatalkan, tidak ada yang setengah tertulis; data "
                          "yang sudah tersimpan sebelumnya tetap utuh. Kosongkan ruang disk (mis. hapus cadangan "
                          f"lama di {backup_folder(path)}), lalu ulangi.")
    if number in (errno.EACCES, errno.EPERM, errno.EROFS) or any(
            t in text for t in ("permission denied", "read-only file system", "read only file system")):
        return StoreError(f"Basis data {path} atau foldernya tidak dapat ditulisi (izin atau disk hanya-baca); "
                          "tidak ada yang tersimpan. Berikan izin tulis pada folder "
                          f"{path.parent} kepada pengguna yang menjalankan Kinerja, atau pakai --db di folder lain.")
    if "could not set lock" in text or "conflicting lock" in text:
        return Busy(busy_message(path))
    if isinstance(exc, duckdb.OutOfMemoryException):
        return StoreError("Memori tidak cukup untuk menyelesaikan pekerjaan ini; tidak ada yang diubah. Tutup program "
                          "lain atau persempit permintaan (mis. satu triwulan), lalu ulangi.")
    # Only a failure to read the file itself means a damaged file: telling the user to restore a
    # backup after any other error (a query that failed, a bug) would throw away good data.
    if isinstance(exc, (OSError, duckdb.IOException, duckdb.SerializationException)) or "corrupt" in text:
        return StoreError(f"Berkas basis data {path} rusak atau bukan basis data Kinerja, sehingga tidak dapat "
                          f"dibaca; tidak ada yang diubah. {restore_hint(path)}")
    return StoreError(f"Galat tak terduga saat membaca atau menyimpan di basis data {path}; yang sedang disimpan "
                      "dibatalkan, data yang sudah tersimpan tetap utuh (berkasnya tidak rusak karena galat ini). "
                      "Mulai ulang dasbor atau perintahnya; bila berulang, jalankan perintah dengan KINERJA_DEBUG=1 "
                      "dan laporkan rinciannya ke pengelola aplikasi.")


def busy_message(path: Path) -> str:
    return (f"Basis data {path} sedang dipakai proses lain (mis. impor atau cadangan dari baris perintah) lebih "
            f"dari {PATIENCE['seconds']:g} detik. Tunggu sebentar lalu ulangi; tidak ada yang berubah.")


# --------------------------------------------------------------------------- opening the file


def connect(path: str | os.PathLike | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database and keep it open (tests, one-off scripts), creating and migrating it
    when it can be written. The dashboard and the CLI use `use()` instead."""
    target = db_path(path)
    if read_only:
        con = duckdb.connect(str(target), read_only=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(target))
        migrate(con)
    # DuckDB prints a progress bar to stdout on long queries, which would corrupt csv/json output.
    con.execute("SET enable_progress_bar = false")
    return con


def refuse_missing(path: Path, create: str) -> None:
    """StoreError when the file is missing and may not be made here: it is made only when `create`
    is "always" (kinerja init), or "if_fresh" and no backup of it exists (a first start); otherwise
    ("never": commands that only read) the message says so, how to make it and the backup to
    restore. Checked before anything is made beside the file (its folder, its lock files), so a
    mistyped --db leaves nothing behind."""
    if path.exists() or create == "always" or (create == "if_fresh" and newest_backup(path) is None):
        return
    raise StoreError(f"Basis data tidak ditemukan: {path}. Buat dengan `kinerja init --db {path}`, atau periksa "
                     "jalurnya (--db atau $KINERJA_DB) bila salah ketik. Bila terhapus atau dipindahkan: "
                     f"{restore_hint(path)}")


def open_file(path: Path, create: str) -> duckdb.DuckDBPyConnection:
    """duckdb.connect with the user's messages; a missing file is made only as refuse_missing allows."""
    if not path.exists():
        refuse_missing(path, create)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise fault(exc, path) from exc
    try:
        con = duckdb.connect(str(path))
        con.execute("SET enable_progress_bar = false")
    except (duckdb.Error, OSError) as exc:
        raise fault(exc, path) from exc
    return con


class Lease:
    """This process's hold on one database file: one connection shared by the threads using it,
    opened under the file lock and closed when the last one is done."""

    def __init__(self, path: Path):
        self.path = path
        self.cond = threading.Condition()
        self.users = 0
        self.con: duckdb.DuckDBPyConnection | None = None
        self.file = FileLock(f"{path}.lock", thread_local=False)
        self.gate = FileLock(f"{path}.gerbang", thread_local=False)
        self.draining = False
        self.opening = False
        self.timer: threading.Timer | None = None
        self.idle_until = 0.0
        self.depth = threading.local()

    def enter(self, create: str) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + PATIENCE["seconds"]
        with self.cond:
            if getattr(self.depth, "n", 0):  # nested use in the same thread: it already holds the file
                self.depth.n += 1
                self.users += 1
                return self.con
            while True:
                if self.con is not None and not self.draining and self.others_waiting():
                    if self.users:
                        self.draining = True  # let the uses running finish, then hand the file over
                    else:
                        self.close()
                if self.con is not None and not self.draining:
                    break
                if self.con is None and not self.opening:
                    self.open(deadline, create)
                    continue
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self.cond.wait(remaining):
                    raise Busy(busy_message(self.path))
            if self.timer:
                self.timer.cancel()
                self.timer = None
            self.users += 1
            self.depth.n = 1
            return self.con

    def leave(self, linger: float) -> None:
        with self.cond:
            self.users -= 1
            self.depth.n -= 1
            if self.users:
                return
            self.cond.notify_all()
            if self.draining or linger <= 0:
                self.close()
            else:
                self.idle_until = time.monotonic() + linger
                self.wait_idle()

    def wait_idle(self) -> None:
        """Look again in IDLE_POLL seconds whether the unused file should be closed (called holding
        self.cond)."""
        self.timer = threading.Timer(min(IDLE_POLL, max(0.0, self.idle_until - time.monotonic())), self.idle)
        self.timer.daemon = True
        self.timer.start()

    def idle(self) -> None:
        """The file unused: closed once the keep-open time is over or as soon as another process
        waits for it, else looked at again."""
        with self.cond:
            self.timer = None
            if self.users or self.con is None:
                return
            if time.monotonic() >= self.idle_until or self.others_waiting():
                self.close()
            else:
                self.wait_idle()

    def others_waiting(self) -> bool:
        """Another process is waiting for the file (it holds the gate while it waits)."""
        try:
            self.gate.acquire(timeout=0)
        except Timeout:
            return True
        except OSError:
            return False
        self.gate.release()
        return False

    def lock_file(self, deadline: float) -> None:
        """Take the file lock, queueing at the gate so that waiting processes take turns; say
        once (PATIENCE["notice"]) when the wait is longer than a few seconds."""
        said = {"at": time.monotonic() + PATIENCE["notice_after"], "done": PATIENCE["notice"] is None}

        def take(lock: FileLock) -> None:
            while True:
                until = deadline if said["done"] else min(deadline, said["at"])
                try:
                    lock.acquire(timeout=max(0.0, until - time.monotonic()))
                    return
                except Timeout:
                    if said["done"] or time.monotonic() >= deadline:
                        raise
                    PATIENCE["notice"]()
                    said["done"] = True

        try:
            take(self.gate)
            try:
                take(self.file)
            finally:
                self.gate.release()
        except Timeout as exc:
            raise Busy(busy_message(self.path)) from exc
        except OSError as exc:  # the lock file cannot be made: a read-only or missing folder
            raise fault(exc, self.path) from exc

    def open(self, deadline: float, create: str) -> None:
        """Called holding self.cond; waits for the file without it (the other threads of the
        process wait on the condition, each with its own deadline), then sets self.con."""
        self.opening = True
        self.cond.release()
        try:
            con = self.connect(deadline, create)
        finally:
            self.cond.acquire()
            self.opening = False
            self.cond.notify_all()
        self.con = con

    def connect(self, deadline: float, create: str) -> duckdb.DuckDBPyConnection:
        refuse_missing(self.path, create)  # before the lock files are made beside it
        self.lock_file(deadline)
        con = None
        try:
            con = open_file(self.path, create)
            key = str(self.path.resolve())
            if key not in MIGRATED:
                migrate(con)
                MIGRATED.add(key)
            return con
        except BaseException as exc:
            if con is not None:
                con.close()
            self.file.release()
            if isinstance(exc, (duckdb.Error, OSError)):
                raise fault(exc, self.path) from exc
            raise

    def close(self) -> None:
        if self.timer:
            self.timer.cancel()
            self.timer = None
        try:
            self.con.close()
        finally:
            self.con = None
            self.draining = False
            self.file.release()
            self.cond.notify_all()


LEASES: dict[str, Lease] = {}
LEASES_GUARD = threading.Lock()
MIGRATED: set[str] = set()
LINGER = {"seconds": 0.0}
# How often a file kept open but unused (keep_open) looks for another process waiting for it.
IDLE_POLL = 0.2
# How long a use waits for other processes, and what it says when that takes a while.
PATIENCE = {"seconds": WAIT_SECONDS, "notice": None, "notice_after": 3.0}


def be_patient(seconds: float, notice) -> None:
    """Wait up to `seconds` for other processes, calling notice() once after a few seconds (the
    command line: it waits its turn rather than be refused, cli.md "Concurrency")."""
    PATIENCE.update(seconds=seconds, notice=notice)


def keep_open(seconds: float) -> None:
    """Keep the file open this long after its last use (the dashboard: one open per burst of page
    views, not per query or per view); another process waiting still gets it as soon as the uses
    running end, or within IDLE_POLL seconds when none is running."""
    LINGER["seconds"] = seconds


def lease(path: Path) -> Lease:
    key = str(path.absolute())
    with LEASES_GUARD:
        if key not in LEASES:
            LEASES[key] = Lease(path)
        return LEASES[key]


@contextmanager
def use(path: str | os.PathLike | None = None, create: str = "if_fresh"):
    """A cursor of the database for the duration of the block, the file held for this process.
    Raises StoreError (Busy when another process holds the file past PATIENCE) with the user's
    message."""
    held = lease(db_path(path))
    con = held.enter(create)
    try:
        cursor = con.cursor()
    except BaseException:
        held.leave(LINGER["seconds"])
        raise
    try:
        yield cursor
    finally:
        try:
            cursor.close()
        finally:
            held.leave(LINGER["seconds"])


@contextmanager
def exclusive(path: str | os.PathLike | None = None):
    """The database file held by this process with nothing open on it, e.g. to swap it for a
    backup: waits for the uses running here, then for other processes (Busy past PATIENCE)."""
    held = lease(db_path(path))
    deadline = time.monotonic() + PATIENCE["seconds"]
    with held.cond:
        while held.users or held.opening:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not held.cond.wait(remaining):
                raise Busy(busy_message(held.path))
        if held.con is not None:
            held.close()
        held.lock_file(deadline)
        try:
            yield held.path
        finally:
            held.file.release()


def forget(path: Path) -> None:
    """The file was replaced: migrate it again when next opened; readers drop their caches."""
    MIGRATED.discard(str(path.resolve()))
    advance_revision(path)


# --------------------------------------------------------------------------- writes

WRITE_LOCK = threading.RLock()


@contextmanager
def writing(path: str | os.PathLike | None = None, create: str = "if_fresh"):
    """A use for a write: this process's write turn (WRITE_LOCK) is taken before the file, so
    saves queued behind another do not hold the file meanwhile (a waiting `kinerja` command gets
    it between two saves)."""
    with WRITE_LOCK, use(path, create) as con:
        yield con


def revision_file(path: Path) -> Path:
    return Path(f"{path}.revisi")


def revision(path: str | os.PathLike | None = None) -> int:
    """How many writes have been committed to the database (by any process, as far as counted);
    a reader whose number is older must drop its cached results."""
    try:
        return int(revision_file(db_path(path)).read_text() or 0)
    except (OSError, ValueError):
        return 0


def bump_revision(con: duckdb.DuckDBPyConnection) -> None:
    path = database_file(con)
    if path != Path(":memory:"):
        advance_revision(path)


def advance_revision(path: Path) -> None:
    target = revision_file(path)
    fresh = target.with_name(target.name + ".baru")
    try:
        fresh.write_text(str(revision(path) + 1))
        os.replace(fresh, target)
    except OSError:
        pass  # the write is committed; a full or read-only disk only delays other readers' refresh


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, revise: bool = True):
    """All or nothing: commit when the block ends normally, roll back on any exception. One
    transaction at a time per process (other threads wait), so saves never collide here. The
    commit advances the revision (readers drop their cached results) unless `revise` is False:
    for a write no page shows, such as a login session's last activity."""
    with WRITE_LOCK:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
            materialised.flush(con)  # the stored capaian follows what this transaction changed
        except BaseException as exc:
            materialised.discard(con)
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass  # a failed statement may already have ended the transaction
            if is_disk_fault(exc):  # a full or read-only disk: nothing written
                raise fault(exc, database_file(con)) from exc
            raise
        try:
            con.execute("COMMIT")
        except (duckdb.IOException, OSError) as exc:
            raise fault(exc, database_file(con)) from exc
        if revise:
            bump_revision(con)


def is_disk_fault(exc: BaseException) -> bool:
    """A failure of the file or the disk (DuckDB's I/O error, or an OSError with an errno), not a
    refusal that merely subclasses OSError (auth.Ditolak is a PermissionError without errno)."""
    return isinstance(exc, duckdb.IOException) or (isinstance(exc, OSError) and exc.errno is not None)


def database_file(con: duckdb.DuckDBPyConnection) -> Path:
    # fetchall: a result left unfinished would block the caller's next relation call
    rows = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    return Path(rows[0][0]) if rows and rows[0][0] else Path(":memory:")


def retrying(action, *args, **kwargs):
    """Run a write function; when its transaction collides with another (DuckDB
    TransactionException) it wrote nothing, so run it again, at most ATTEMPTS times in all."""
    for attempt in range(ATTEMPTS):
        try:
            return action(*args, **kwargs)
        except duckdb.TransactionException:
            time.sleep(0.05 * (attempt + 1))
    raise WriteConflict(f"Penyimpanan bertabrakan dengan penyimpanan lain {ATTEMPTS} kali berturut-turut; tidak ada "
                        "yang ditulis. Tunggu sebentar lalu simpan lagi.")


# --------------------------------------------------------------------------- schema


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (versi INTEGER PRIMARY KEY, diterapkan_pada TIMESTAMP)"
    )
    return con.execute("SELECT coalesce(max(versi), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations not yet applied and seed reference data; safe to run any number of times."""
    schema_version(con)
    # Every version not yet applied, not only those above the highest: migrations written on
    # parallel branches (0002, 0003) may land in either order.
    applied = {row[0] for row in con.execute("SELECT versi FROM schema_version").fetchall()}
    for path in sorted(MIGRATIONS.glob("*.sql")):
        version = int(path.name.split("_", 1)[0])
        if version in applied:
            continue
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            materialised.after_migration(con, version)
            con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
    seed(con)
    return schema_version(con)


def setting(con: duckdb.DuckDBPyConnection, kunci: str) -> str:
    return con.execute("SELECT nilai FROM pengaturan WHERE kunci = ?", [kunci]).fetchone()[0]


def seed(con: duckdb.DuckDBPyConnection) -> None:
    counts = con.execute("SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM skala_kategori), "
                         "(SELECT count(*) FROM pengaturan)").fetchall()[0]
    if counts >= (len(UNITS), sum(map(len, SCALES.values())), len(SETTINGS)):
        return  # seeded already: opening the file writes nothing
    with transaction(con):
        con.executemany(
            "INSERT INTO unit (kode, nama, peran) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", UNITS
        )
        for scale, bands in SCALES.items():
            con.executemany(
                "INSERT INTO skala_kategori VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(scale, *band) for band in bands],
            )
        con.executemany("INSERT INTO pengaturan VALUES (?, ?) ON CONFLICT DO NOTHING", list(SETTINGS.items()))
        materialised.touch_all(con)  # the active scale may be new
