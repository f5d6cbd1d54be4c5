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
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in ["ringkasan", *PAGES]:
        shutil.copy(ARTIFACTS / f"{name}.png", SCREENSHOTS / f"{name}.png")
