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
def server(demo_db):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: .ci/run installs it with apt-get")
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium)")
    port = free_port()
    env = {**os.environ, "KINERJA_DB": str(demo_db)}
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


def test_the_capaian_page_renders_in_chromium_and_follows_the_year(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{server}/?tahun=2024&triwulan=Setahun", timeout=60_000)
        page.get_by_text("Capaian Kinerja").first.wait_for(timeout=60_000)
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=60_000)
        page.get_by_text("Rata-rata capaian").first.wait_for(timeout=30_000)
        assert page.title() == "Kinerja"
        assert "Sangat Tinggi" in page.content()
        page.wait_for_timeout(1500)  # let the data grid paint before the picture
        page.screenshot(path=str(ARTIFACTS / "capaian.png"), full_page=True)
        assert page.locator("[data-testid='stMetricValue']").count() >= 3
        browser.close()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(ARTIFACTS / "capaian.png", SCREENSHOTS / "capaian.png")
