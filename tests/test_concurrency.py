"""Saves at the same moment from many dashboard sessions (threads of one server, each with its
own cursor as the pages have): every save is stored or refused with a reason, version numbers
stay unique, and nothing verified is changed by an upload that raced the verification; the file
the dashboard keeps open between page views is handed to another process as soon as it waits."""
import threading
import time

import pytest
from filelock import FileLock

from kinerja.auth import Akun
from kinerja.collect import workflow
from kinerja.ingest import upload
from kinerja.store import db
from tests.conftest import SEKRETARIAT
from tests.workbooks import SOP_HEADER, Sheet, xlsx

YEAR = 2027
SHARED = "Sasaran baru Renstra 2027-2031"


def workbook(unit: str, sasaran: str, names: list[str], realisasi=10) -> bytes:
    rows = [[i + 1, sasaran if i == 0 else None, name, "orang", 100, 25, 25, 25, 25, realisasi, None, None, None,
             None] for i, name in enumerate(names)]
    return xlsx(Sheet("Format", [["FORMAT PENGUMPULAN DATA KINERJA"], [], [], [], SOP_HEADER] + rows))


def plan(path, unit, data, triwulan=None):
    with db.use(path) as con:
        return upload.plan_upload(con, data, f"{unit}.xlsx", unit, YEAR, triwulan)


def save(path, planned, oleh):  # oleh: the saving session, a Sekretariat account of that name
    """What the Simpan button does: confirm on the session's own cursor, retried on a collision."""
    with db.writing(path) as con:
        return db.retrying(upload.confirm, con, planned, Akun(oleh, frozenset({"sekretariat"})))


def at_once(actions) -> list:
    """Run the callables in threads released together; each result or the exception raised."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(i):
        barrier.wait()
        try:
            results[i] = actions[i]()
        except Exception as exc:  # a crash: the test shows which
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


@pytest.fixture
def path(tmp_path):
    target = tmp_path / "k.duckdb"
    with db.use(target, create="always"):
        pass
    return target


def test_eight_sessions_saving_at_once_are_each_stored_or_refused_with_why(path):
    # Two sessions correct the same value of MUTASI: its TW I realisation is 10 now.
    save(path, plan(path, "MUTASI", workbook("MUTASI", "Sasaran mutasi", ["Indikator mutasi"])), "awal")
    kinds = (
        [("own", u, workbook(u, f"Sasaran {u}", [f"Indikator {u} {j}" for j in range(5)]))
         for u in ("PENGADAAN", "PEMBINAAN", "BANGKOM")]
        + [("shared", u, workbook(u, SHARED, [f"Indikator {u} {j}" for j in range(5)]))
           for u in ("SEKRETARIAT", "UMPEG", "PERENCANAAN")]
        + [("same value", "MUTASI", workbook("MUTASI", "Sasaran mutasi", ["Indikator mutasi"], realisasi=v))
           for v in (12, 15)]
    )
    plans = [plan(path, unit, data) for _, unit, data in kinds]
    results = at_once([lambda p=p, i=i: save(path, p, f"sesi{i}") for i, p in enumerate(plans)])

    crashed = [r for r in results if isinstance(r, Exception)]
    assert not crashed
    stored = [r for r in results if r.written]
    refused = [r for r in results if not r.written]
    assert len(stored) == 7 and len(refused) == 1
    # The second correction of the same value is refused, saying which value changed, to what, and by whom.
    (message,) = [p.message for p in refused[0].plan.errors]
    assert "sejak pratinjau Anda" in message and "Indikator mutasi" in message and "10 → kini" in message
    assert "oleh sesi" in message and "Tidak ada yang ditulis" in message
    with db.use(path) as con:
        assert con.execute("SELECT count(*) FROM sasaran WHERE teks = ?", [SHARED]).fetchall()[0][0] == 1
        shared = con.execute("SELECT count(DISTINCT i.unit_kode) FROM indikator i JOIN sasaran s ON s.id = i.sasaran_id "
                             "WHERE s.teks = ?", [SHARED]).fetchall()[0][0]
        assert shared == 3
        (value,) = con.execute("SELECT r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
                               "WHERE i.nama = 'Indikator mutasi' AND r.triwulan = 1").fetchall()[0]
        winner = next(r for r in stored if r.plan.unit == "MUTASI")
        (change,) = [c for c in winner.plan.changes if c.jenis == "realisasi"]
        assert (change.lama, change.baru) == ("10", str(int(value)))  # the winner saw 10 and stored its value
        assert con.execute("SELECT versi FROM submission WHERE unit_kode = 'MUTASI' ORDER BY versi").fetchall() == [
            (1,), (2,)]


def test_version_numbers_are_unique_per_unit_and_quarter_under_concurrent_saves(path):
    plans = [plan(path, "MUTASI", workbook("MUTASI", "Sasaran mutasi", [f"Indikator {i}"])) for i in range(12)]
    results = at_once([lambda p=p: save(path, p, "sesi") for p in plans])
    assert all(r.written for r in results)
    assert sorted(r.versi for r in results) == list(range(1, 13))
    with db.use(path) as con:
        assert sorted(v for (v,) in con.execute("SELECT versi FROM submission").fetchall()) == list(range(1, 13))


def test_a_verification_racing_an_upload_never_loses_the_verified_values(path):
    """Either the verification comes first and the upload is refused with the lock, or the upload
    comes first and the verification covers the uploaded values; never an upload after a
    verification silently changing what was verified."""
    outcomes = set()
    for round_ in range(6):
        unit = ["MUTASI", "PENGADAAN", "PEMBINAAN", "BANGKOM", "UMPEG", "KEUANGAN"][round_]
        save(path, plan(path, unit, workbook(unit, f"Sasaran {unit}", ["Indikator"]), triwulan=1), "unit")
        racing = plan(path, unit, workbook(unit, f"Sasaran {unit}", ["Indikator"], realisasi=99), triwulan=1)

        def verify():
            with db.writing(path) as con:
                db.retrying(workflow.set_status, con, unit, YEAR, 1, "diverifikasi", SEKRETARIAT)
            return "verified"

        upload, verified = at_once([lambda: save(path, racing, "unit"), verify])
        assert verified == "verified" and not isinstance(upload, Exception)
        with db.use(path) as con:
            steps = workflow.steps(con, YEAR, unit)
            (value,) = con.execute("SELECT r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
                                   "WHERE i.unit_kode = ? AND r.triwulan = 1", [unit]).fetchall()[0]
        assert steps.iloc[-1]["status"] == "diverifikasi"
        if upload.written:  # the upload came first: the verification is the last step, over value 99
            outcomes.add("upload first")
            assert int(value) == 99
        else:
            outcomes.add("verification first")
            assert int(value) == 10
            assert any("sudah diverifikasi" in p.message for p in upload.problems)
    assert outcomes  # which order won is up to the scheduler; both are explained states


def test_a_collision_is_retried_then_refused_in_bahasa_indonesia():
    import duckdb

    calls = []

    def colliding():
        calls.append(1)
        raise duckdb.TransactionException("Transaction conflict: cannot update a table that has been altered!")

    with pytest.raises(db.WriteConflict, match="bertabrakan dengan penyimpanan lain"):
        db.retrying(colliding)
    assert len(calls) == db.ATTEMPTS


def test_versions_numbered_twice_before_are_numbered_again_in_upload_order(tmp_path):
    import shutil

    store = db
    target = tmp_path / "lama.duckdb"
    with store.use(target, create="always"):
        pass
    save(target, plan(target, "MUTASI", workbook("MUTASI", "Sasaran", ["Indikator"])), "awal")
    con = store.connect(target)
    con.execute("INSERT INTO submission SELECT nextval('seq_id'), unit_kode, tahun, triwulan, versi, nama_berkas, "
                "sha256, ukuran, isi, diunggah_pada + INTERVAL 1 SECOND, diunggah_oleh, ringkasan FROM submission")
    con.execute("DELETE FROM schema_version WHERE versi = 6")
    con.close()
    shutil.copy(target, tmp_path / "salinan.duckdb")
    con = store.connect(tmp_path / "salinan.duckdb")
    assert con.execute("SELECT versi FROM submission ORDER BY diunggah_pada").fetchall() == [(1,), (2,)]
    con.close()


def test_a_file_kept_open_between_page_views_is_handed_over_as_soon_as_another_process_waits(tmp_path,
                                                                                          monkeypatch):
    path = tmp_path / "terbuka.duckdb"
    monkeypatch.setitem(db.LINGER, "seconds", 60.0)  # the dashboard's keep-open time, longer
    with db.use(path, create="always"):
        pass
    held = db.lease(path)
    time.sleep(3 * db.IDLE_POLL)
    assert held.con is not None  # kept open: the next page view does not open it again
    waiting = FileLock(f"{path}.gerbang", thread_local=False)
    waiting.acquire()  # another process queues at the gate, as db.use does while it waits for the file
    try:
        started = time.monotonic()
        with FileLock(f"{path}.lock", thread_local=False).acquire(timeout=10):
            assert time.monotonic() - started < 10 * db.IDLE_POLL and held.con is None
    finally:
        waiting.release()


def test_a_file_kept_open_is_closed_when_the_keep_open_time_is_over(tmp_path, monkeypatch):
    path = tmp_path / "terbuka.duckdb"
    monkeypatch.setitem(db.LINGER, "seconds", 2 * db.IDLE_POLL)
    with db.use(path, create="always"):
        pass
    held = db.lease(path)
    deadline = time.monotonic() + 30
    while held.con is not None:
        assert time.monotonic() < deadline, "closed once the keep-open time is over"
        time.sleep(db.IDLE_POLL / 2)
