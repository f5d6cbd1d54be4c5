"""The `kinerja` command beside a running dashboard: a real `streamlit run` process with a browser
session open, and the CLI at the same time. The CLI's reads and writes go through; the page
waits for a CLI write of a few seconds, says so in Bahasa Indonesia when it takes longer, and
shows what the CLI wrote on the next interaction."""
import shutil
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from kinerja.store import db
from tests.conftest import PASSWORD, ensure_account
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, login, serve
from tests.test_cli import sop_file

pytestmark = pytest.mark.browser
KINERJA = [sys.executable, "-c", "from kinerja.cli import main; main()"]
WAIT = 4  # seconds the dashboard waits for another process (KINERJA_TUNGGU_DETIK)


@contextmanager
def streamlit_server(database):
    """`streamlit run app.py` on the database, as `make run` starts it; yields its address."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium)")
    with closing(db.connect(database)) as con:  # the account the tests log in with
        ensure_account(con, "sekretariat")
    port = free_port()
    process = serve(database, port, KINERJA_TUNGGU_DETIK=str(WAIT))  # once it accepts connections
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def served(demo_db, tmp_path_factory):
    database = tmp_path_factory.mktemp("beside") / "demo.duckdb"
    shutil.copy(demo_db, database)
    with streamlit_server(database) as url:
        yield url, database


def test_a_deep_link_works_right_after_a_restart(demo_db, tmp_path):
    """Before anyone opened the root page, Streamlit ran a linked page alone (its legacy pages/
    mode), without the sidebar, so the page said "Belum ada data"."""
    from playwright.sync_api import sync_playwright

    shutil.copy(demo_db, tmp_path / "demo.duckdb")
    with streamlit_server(tmp_path / "demo.duckdb") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{url}/sasaran?tahun=2024&triwulan=TW_II", timeout=60_000)  # the link, logged in there
        page.get_by_label("Nama akun").fill("sekretariat")
        page.get_by_label("Sandi", exact=True).fill(PASSWORD)  # not "Tampilkan sandi"
        page.get_by_role("button", name="Masuk").click()
        page.get_by_text("Tahun 2024, s.d. triwulan II").first.wait_for(timeout=60_000)
        assert page.get_by_text("Belum ada data").count() == 0
        browser.close()


def kinerja(*args, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(KINERJA + list(args), cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def hold(database, seconds: float) -> subprocess.Popen:
    """Another process writing for `seconds` (as a long `kinerja import` would): it holds the
    file and marks the database changed, so the dashboard's cached numbers are stale."""
    code = ("import sys, time\nfrom kinerja.store import db\nwith db.use(sys.argv[1]) as con:\n"
            "    db.bump_revision(con)\n    print('holding', flush=True)\n    time.sleep(float(sys.argv[2]))\n")
    process = subprocess.Popen([sys.executable, "-c", code, str(database), str(seconds)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "holding"
    return process


def test_the_cli_reads_and_writes_while_the_dashboard_runs_and_the_page_shows_it(served, tmp_path):
    from playwright.sync_api import sync_playwright

    url, database = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        login(page, url, "sekretariat")
        page.goto(f"{url}/?tahun=2025", timeout=60_000)
        page.get_by_text("Ringkasan Kinerja").first.wait_for(timeout=60_000)

        for args in (["status", "--year", "2025"], ["capaian", "--year", "2025", "--format", "csv"],
                     ["export", "--year", "2025", "--out", str(tmp_path / "e.xlsx")]):
            done = kinerja(*args, "--db", str(database))
            assert done.returncode == 0, done.stderr
        assert (tmp_path / "e.xlsx").stat().st_size > 0

        # A page view while the CLI imports: both go through.
        page.goto(f"{url}/sasaran?tahun=2031", timeout=60_000)
        imported = subprocess.Popen(KINERJA + ["import", str(sop_file(tmp_path / "m.xlsx", title="BIDANG MUTASI")),
                                               "--unit", "MUTASI", "--year", "2031", "--db", str(database)],
                                    cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        page.get_by_text("Sasaran & Indikator").first.wait_for(timeout=60_000)
        out, err = imported.communicate(timeout=120)
        assert imported.returncode == 0, err
        assert "Tersimpan sebagai kiriman versi 1" in out

        # The next interaction shows the year the CLI wrote.
        page.goto(f"{url}/?tahun=2031", timeout=60_000)
        page.get_by_text("Ringkasan Kinerja").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        assert page.get_by_text("Tahun 2031 belum memiliki data").count() == 0
        browser.close()


def test_the_page_waits_for_a_short_cli_write_and_says_so_for_a_long_one(served):
    from playwright.sync_api import sync_playwright

    url, database = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        login(page, url, "sekretariat")
        page.goto(f"{url}/data?tahun=2025", timeout=60_000)
        page.get_by_text("Data Kinerja").first.wait_for(timeout=60_000)

        short = hold(database, WAIT / 3)
        started = time.monotonic()
        page.reload()
        page.get_by_text("Data Kinerja").first.wait_for(timeout=60_000)
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=60_000)
        assert short.wait(timeout=30) == 0
        assert page.get_by_text("sedang dipakai proses lain").count() == 0
        assert time.monotonic() - started < 30

        long = hold(database, WAIT * 3)
        page.reload()
        message = page.get_by_text("sedang dipakai proses lain")
        message.first.wait_for(timeout=(WAIT + 20) * 1000)
        assert "Tunggu sebentar lalu ulangi" in message.first.inner_text()
        assert page.get_by_text("Traceback").count() == 0
        long.wait(timeout=60)

        page.reload()  # once the other process is done, the page works again
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=60_000)
        assert page.get_by_text("sedang dipakai proses lain").count() == 0
        browser.close()
