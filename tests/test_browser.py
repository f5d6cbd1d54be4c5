"""The dashboard in a real browser: Playwright driving Debian's Chromium against `streamlit run`."""
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
# Debian's Chromium as root in a closed network (see the env notes): no sandbox, no background calls.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_db, tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: .ci/run installs it with apt-get")
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium)")
    port = free_port()
    database = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    shutil.copy(demo_db, database)  # the upload test writes; other tests keep the demo as built
    env = {**os.environ, "KINERJA_DB": str(database)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.3)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=20)


PAGES = {"sasaran": "Sasaran & Indikator", "unit": "Kinerja Unit", "tren": "Tren Capaian", "data": "Data Kinerja"}


def wait_for_charts(page, count: int = 1) -> None:
    """Vega draws into a canvas once its data is in; wait for that, not for a fixed time."""
    charts = page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg.marks")
    charts.nth(count - 1).wait_for(timeout=60_000)
    page.wait_for_timeout(800)  # let the last frame paint before the picture


def shoot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_leadership_sees_the_gaps_and_follows_one_into_the_drill_down(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{server}/?tahun=2024&triwulan=Setahun", timeout=60_000)
        page.get_by_text("Ringkasan Kinerja").first.wait_for(timeout=60_000)
        page.get_by_text("Kesenjangan terbesar").first.wait_for(timeout=60_000)
        wait_for_charts(page, 2)
        assert page.title() == "Kinerja"
        assert page.locator("[data-testid='stMetricValue']").count() >= 5
        shoot(page, "ringkasan")

        gap = page.locator("[data-testid='stPageLink'] a").first
        indikator = gap.inner_text().splitlines()[-1].strip()  # the first line is the icon's name
        gap.click()
        page.get_by_text("Sasaran & Indikator").first.wait_for(timeout=60_000)
        page.get_by_role("heading", name=indikator).wait_for(timeout=60_000)
        assert "indikator=" in page.url and "tahun=2024" in page.url
        wait_for_charts(page, 2)
        shoot(page, "sasaran")

        for name, title in PAGES.items():
            if name == "sasaran":
                continue
            page.goto(f"{server}/{name}?tahun=2025&triwulan=Setahun", timeout=60_000)
            page.get_by_text(title).first.wait_for(timeout=60_000)
            if name == "data":
                page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=60_000)
                page.wait_for_timeout(1500)
            else:
                wait_for_charts(page)
            assert "Traceback" not in page.content()
            shoot(page, name)
        browser.close()
    publish(["ringkasan", *PAGES])


def publish(names: list[str]) -> None:
    """`make screenshots` copies this run's screenshots to the README's folder; `make test` leaves
    tracked files alone."""
    if not os.environ.get("KINERJA_SCREENSHOTS"):
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(ARTIFACTS / f"{name}.png", SCREENSHOTS / f"{name}.png")


def average_capaian(page, server) -> str:
    page.goto(f"{server}/?tahun=2025&triwulan=Setahun", timeout=60_000)
    tile = page.locator("[data-testid='stMetric']", has_text="Rata-rata capaian")
    tile.first.wait_for(timeout=60_000)
    return tile.first.locator("[data-testid='stMetricValue']").inner_text()


def test_a_unit_fixes_its_workbook_at_the_marked_cells_and_the_ringkasan_changes(server, tmp_path):
    from openpyxl import load_workbook
    from playwright.sync_api import sync_playwright

    from tests.test_pages_pengumpulan import BAD, GOOD

    (tmp_path / "pembinaan.xlsx").write_bytes(BAD)
    (tmp_path / "pembinaan-perbaikan.xlsx").write_bytes(GOOD)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        before = average_capaian(page, server)

        page.goto(f"{server}/unggah?unit=PEMBINAAN&tahun_unggah=2025&triwulan_unggah=4", timeout=60_000)
        page.get_by_text("Unggah Data Unit").first.wait_for(timeout=60_000)
        page.locator("input[type='file']").first.set_input_files(str(tmp_path / "pembinaan.xlsx"))
        page.get_by_text("1 kesalahan").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        shoot(page, "unggah")
        with page.expect_download() as download:
            page.get_by_role("button", name="Unduh berkas dengan sel bermasalah ditandai").click()
        marked = tmp_path / "perbaiki.xlsx"
        download.value.save_as(marked)
        listed = load_workbook(marked).worksheets[0]
        assert listed.title == "KESALAHAN" and "dua puluh" in str([c.value for c in listed[2]])

        page.get_by_role("button", name="Remove pembinaan.xlsx").click()
        page.locator("input[type='file']").first.set_input_files(str(tmp_path / "pembinaan-perbaikan.xlsx"))
        page.get_by_text("Yang akan ditulis").first.wait_for(timeout=60_000)
        page.get_by_label("Nama pengunggah").fill("Rina")
        page.get_by_label("Nama pengunggah").press("Enter")
        page.get_by_role("button", name="Simpan").click()
        page.get_by_text("Tersimpan sebagai kiriman versi").first.wait_for(timeout=60_000)

        after = average_capaian(page, server)
        assert after != before, "the confirmed numbers show on Ringkasan at once"

        page.goto(f"{server}/pengumpulan?tahun=2025&triwulan=Setahun&unit=PEMBINAAN&tw=4", timeout=60_000)
        page.get_by_text("Pengumpulan Data").first.wait_for(timeout=60_000)
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        shoot(page, "pengumpulan")
        browser.close()
    publish(["unggah", "pengumpulan"])


def test_the_jafung_downloads_the_evaluation_workbook_and_the_bab_iii_draft(server, tmp_path):
    from docx import Document
    from openpyxl import load_workbook
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.goto(f"{server}/ekspor?tahun=2024&triwulan=Setahun", timeout=60_000)
        page.get_by_text("Pratinjau Formulir E.81").first.wait_for(timeout=60_000)
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        shoot(page, "ekspor")

        files = {}
        for label, name in [("Buku kerja evaluasi (.xlsx)", "evaluasi.xlsx"),
                            ("Draf LKjIP Bab III (.docx)", "bab3.docx")]:
            with page.expect_download(timeout=60_000) as download:
                page.get_by_role("button", name=label).click()
            assert download.value.suggested_filename.startswith("evaluasi-2024-setahun")
            files[name] = tmp_path / name
            download.value.save_as(files[name])
        browser.close()
    book = load_workbook(files["evaluasi.xlsx"])
    assert book.sheetnames == ["Capaian", "Formulir E.81", "LKjIP Bab III", "Data"]
    assert "2024" in " ".join(p.text for p in Document(files["bab3.docx"]).paragraphs)
    publish(["ekspor"])
