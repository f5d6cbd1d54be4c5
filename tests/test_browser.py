"""The dashboard in a real browser: Playwright driving Debian's Chromium against `streamlit run`."""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
# Debian's Chromium as root in a closed network (see the env notes): no sandbox, no background calls.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = pytest.mark.browser
DATABASE: dict = {}


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
    DATABASE["path"] = database  # for a test that prepares data beside the pages
    process = serve(database, port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=20)


def serve(database: Path, port: int, **settings: str) -> subprocess.Popen:
    """`streamlit run app.py` on `database` at 127.0.0.1:`port`, once it accepts connections;
    `settings`: more environment variables (KINERJA_…)."""
    env = {**os.environ, "KINERJA_DB": str(database), **settings}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,  # unread: a full pipe would block it
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.3)
    return process


PAGES = {"sasaran": "Sasaran & Indikator", "unit": "Kinerja Unit", "tren": "Tren Capaian", "data": "Data Kinerja"}


def login(page, server: str, nama: str) -> None:
    """Log in on the form as one of the test accounts (tests.conftest.ACCOUNTS); the session cookie
    keeps the login for every later page.goto of this browser context."""
    from tests.conftest import PASSWORD

    page.goto(server, timeout=60_000)
    page.get_by_label("Nama akun").fill(nama)
    page.get_by_label("Sandi", exact=True).fill(PASSWORD)  # not "Tampilkan sandi"
    page.get_by_role("button", name="Masuk").click()
    page.get_by_text(f"Masuk sebagai {nama}").first.wait_for(timeout=60_000)
    deadline = time.monotonic() + 30
    while not any(c["name"] == "kinerja_sesi" for c in page.context.cookies()):
        assert time.monotonic() < deadline, "the session cookie is set after logging in"
        page.wait_for_timeout(200)


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
        login(page, server, "pimpinan")
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
        login(page, server, "operator.pembinaan")
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

        sizes = page.locator("[data-testid='stFileUploader']").first.inner_text()
        assert re.search(r"\d+,\d+ KB", sizes) and not re.search(r"\d\.\dKB", sizes), sizes  # bahasa.js
        page.get_by_role("button", name="Hapus pembinaan.xlsx").click()  # bahasa.js
        page.locator("input[type='file']").first.set_input_files(str(tmp_path / "pembinaan-perbaikan.xlsx"))
        page.get_by_text("Yang akan ditulis").first.wait_for(timeout=60_000)
        page.get_by_role("button", name="Simpan").click()
        page.get_by_text("Tersimpan sebagai kiriman versi").first.wait_for(timeout=60_000)

        after = average_capaian(page, server)
        assert after != before, "the confirmed numbers show on Ringkasan at once"

        page.goto(f"{server}/pengumpulan?tahun=2025&triwulan=Setahun&unit=PEMBINAAN&tw=4", timeout=60_000)
        page.get_by_text("Register Pengumpulan").first.wait_for(timeout=60_000)
        page.locator("[data-testid='stTable']").first.wait_for(timeout=60_000)
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
        login(page, server, "perencana")
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
    assert book.sheetnames == ["Capaian", "Formulir E.81", "LKjIP Bab III", "Analisis Kinerja", "Data"]
    assert "2024" in " ".join(p.text for p in Document(files["bab3.docx"]).paragraphs)
    publish(["ekspor"])


MARKDOWN_CASE = "markdown_indicator.xlsx"
CRAFTED = "[Sesi habis, klik untuk login ulang](http://127.0.0.1:8799/login) ![x](http://127.0.0.1:8799/r.png)"


def shared_case(name: str) -> Path:
    """A file of the shared reliability cases (beside the repository in CI, /work/shared here)."""
    for folder in (ROOT.parent / "shared", Path("/work/shared")):
        if (folder / "cases" / "reliability" / name).exists():
            return folder / "cases" / "reliability" / name
    pytest.fail(f"shared case {name} not found")


def test_an_operator_is_held_to_its_unit_while_the_sekretariat_verifies_and_the_audit_lists_it(server, tmp_path):
    from openpyxl import load_workbook
    from playwright.sync_api import sync_playwright

    leaks = []  # requests to the host the crafted texts point at: none may be made
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        operator = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = operator.new_page()
        page.on("request", lambda request: leaks.append(request.url) if ":8799" in request.url else None)
        login(page, server, "operator.mutasi")

        # Unggah: another unit in the URL still gives the operator's own unit, the only one offered.
        page.goto(f"{server}/unggah?unit=PEMBINAAN&tahun_unggah=2026&triwulan_unggah=0", timeout=60_000)
        page.get_by_text("Unggah Data Unit").first.wait_for(timeout=60_000)
        unit_box = page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").first
        page.wait_for_url("**unit=MUTASI**", timeout=60_000)
        unit_box.click()
        options = page.locator("[role='option']").all_inner_texts()
        assert options == ["Bidang Mutasi"], options
        page.keyboard.press("Escape")
        page.locator("input[type='file']").first.set_input_files(str(shared_case(MARKDOWN_CASE)))
        page.get_by_text("Yang akan ditulis").first.wait_for(timeout=60_000)
        page.get_by_role("button", name="Simpan").click()
        page.get_by_text("Tersimpan sebagai kiriman versi").first.wait_for(timeout=60_000)

        # The indicator's name (markdown, a link, an image, HTML) is shown as text.
        page.goto(f"{server}/sasaran?tahun=2026&triwulan=Setahun", timeout=60_000)
        heading = page.locator("[data-testid='stHeading']", has_text="**Tebal** [klik di sini](http:")
        heading.first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        main = page.locator("[data-testid='stMain']")
        found = main.locator("a[href^='http'], img[src*='8799'], img[src='x'], strong")
        assert found.count() == 0, [found.nth(i).evaluate('e => e.outerHTML') for i in range(found.count())]
        page.goto(f"{server}/?tahun=" + quote(CRAFTED), timeout=60_000)
        page.get_by_text("Sesi habis, klik untuk login ulang").first.wait_for(timeout=60_000)
        assert page.locator("[data-testid='stSidebar'] a[href*='8799']").count() == 0

        # Register: another unit's details are not offered; no verify or reopen for an operator.
        page.goto(f"{server}/pengumpulan?tahun=2026&triwulan=Setahun&unit=PEMBINAAN&tw=1", timeout=60_000)
        page.get_by_text("Register Pengumpulan").first.wait_for(timeout=60_000)
        page.get_by_text("Langkah berikutnya (verifikasi, buka kembali) diambil oleh Sekretariat").first.wait_for(
            timeout=60_000)
        assert page.get_by_role("button", name="Verifikasi", exact=True).count() == 0
        assert page.get_by_role("button", name="Buka kembali", exact=True).count() == 0

        # Akun and Audit by their URL: refused in Indonesian (not Streamlit's "Page not found"), and
        # the navigation does not list them.
        for path, title in [("akun", "Akun Pengguna"), ("audit", "Jejak Audit")]:
            page.goto(f"{server}/{path}", timeout=60_000)
            page.get_by_text("tidak berhak").first.wait_for(timeout=60_000)
            assert page.get_by_role("heading", name=title).count() == 0
            assert page.get_by_text("Page not found").count() == 0
            links = page.locator("[data-testid='stSidebarNav'] a")
            hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
            assert hrefs and not [h for h in hrefs if h.rstrip("/").endswith(("/akun", "/audit"))], hrefs
        # an address that names no page (typed, or an old link): Streamlit opens Ringkasan with its
        # dialog, worded in Indonesian
        page.goto(f"{server}/ringkasan", timeout=60_000)
        page.get_by_text("Halaman tidak ditemukan").first.wait_for(timeout=60_000)
        page.get_by_text("yang dibuka halaman utama (Ringkasan)").first.wait_for(timeout=60_000)
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_text("Running the app").count() == 0
        operator.close()

        sekretariat = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = sekretariat.new_page()
        login(page, server, "sekretariat")
        page.goto(f"{server}/pengumpulan?tahun=2026&triwulan=Setahun&unit=MUTASI&tw=1", timeout=60_000)
        page.get_by_role("button", name="Verifikasi", exact=True).click()
        page.get_by_role("button", name="Buka kembali", exact=True).wait_for(timeout=60_000)
        page.get_by_label("Alasan membuka kembali").fill("Bukti dukung TW I belum dilampirkan")
        page.get_by_role("button", name="Buka kembali", exact=True).click()
        page.get_by_text("Dibuka kembali: Bukti dukung TW I belum dilampirkan").first.wait_for(timeout=60_000)
        page.goto(f"{server}/akun", timeout=60_000)
        page.get_by_text("Akun Pengguna").first.wait_for(timeout=60_000)
        page.goto(f"{server}/audit", timeout=60_000)
        page.get_by_text("Jejak Audit").first.wait_for(timeout=60_000)
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Unduh (.xlsx)").click()
        download.value.save_as(tmp_path / "audit.xlsx")
        sekretariat.close()
        browser.close()
    rows = list(load_workbook(tmp_path / "audit.xlsx").active.iter_rows(min_row=2, values_only=True))
    of_2026 = [(r[1], r[2], r[3], r[4], r[6]) for r in rows if r[5] == 2026][::-1]
    assert of_2026 == [("operator.mutasi", "WEB", "Unggah data", "MUTASI", None),
                       ("sekretariat", "WEB", "Verifikasi triwulan", "MUTASI", 1),
                       ("sekretariat", "WEB", "Buka kembali triwulan", "MUTASI", 1)]
    assert leaks == []


def test_a_year_goes_through_the_eleven_steps_with_the_role_accounts(server, tmp_path):
    """Siklus LKjIP 2024 in the browser: Sekretariat steps 1-3, Jafung steps 4-5, Sekretariat 6-8,
    the Pimpinan signs (9) and sees the year locked at a glance, the Sekretariat 10-11."""
    from playwright.sync_api import sync_playwright

    from kinerja.collect import siklus
    from kinerja.store import db
    from tests.conftest import PERENCANA
    from tests.test_siklus import docx_bytes

    pdf = tmp_path / "dokumen.pdf"
    pdf.write_bytes(b"%PDF-1.4 dokumen uji")
    koreksi = tmp_path / "koreksi.docx"
    koreksi.write_bytes(docx_bytes("koreksi"))
    # the Jafung's analysis of all but one indicator (the last one is written on the page)
    with db.writing(DATABASE["path"]) as con:
        rows = siklus.indikator_analisis(con, 2024)
        for row in rows.iloc[:-1].itertuples(index=False):
            siklus.simpan_analisis(con, 2024, row.sasaran, row.indikator_id, PERENCANA, penyebab="Dianalisis")
    last = rows.iloc[-1]

    def step_done(page, nomor: int, attach=None, **form) -> None:
        if attach:
            page.locator("[data-testid='stForm'] input[type='file']").first.set_input_files(str(attach))
            for label, text in form.items():
                page.get_by_label(label).fill(text)
            press(page, "Lampirkan dokumen")
            page.get_by_text("Dokumen tersimpan.").first.wait_for(timeout=60_000)
        press(page, "Tandai langkah selesai")
        page.get_by_text(f"Langkah {nomor} selesai.").first.wait_for(timeout=60_000)

    def open_as(browser, nama: str):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        login(page, server, nama)
        page.goto(f"{server}/siklus?tahun=2024&triwulan=Setahun", timeout=60_000)
        page.get_by_text("Posisi sekarang").first.wait_for(timeout=60_000)
        return context, page

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context, page = open_as(browser, "sekretariat")
        step_done(page, 1, pdf)
        press(page, "Buat format semua unit dan selesaikan")
        page.get_by_text("Format semua unit tersimpan.").first.wait_for(timeout=60_000)
        step_done(page, 3)
        context.close()

        context, page = open_as(browser, "perencana")
        page.get_by_role("tab", name="Analisis kinerja").click()
        for label, value in [("Sasaran", last["sasaran"]), ("Indikator", f"{last['unit']} · {last['indikator']}")]:
            box = page.locator("[data-testid='stSelectbox']", has_text=label).last
            box.click()
            page.keyboard.type(value[-40:])  # a long list is drawn only in part: narrow it as a user would
            page.get_by_role("option", name=value, exact=True).click()
            page.wait_for_timeout(800)
        page.get_by_label("Penyebab keberhasilan/kegagalan").fill("Ditulis di peramban")
        press(page, "Simpan analisis")
        page.get_by_text("Analisis tersimpan.").first.wait_for(timeout=60_000)
        page.get_by_role("tab", name="Langkah").click()
        step_done(page, 4)
        press(page, "Buat draft Bab III (versi baru)")
        page.get_by_text("Draft Bab III tersimpan sebagai versi baru.").first.wait_for(timeout=60_000)
        step_done(page, 5)
        context.close()

        context, page = open_as(browser, "sekretariat")
        step_done(page, 6, koreksi, **{"Komentar koreksi (wajib)": "Tabel 3.1 dirapikan"})
        page.get_by_role("tab", name="Rapat finalisasi").click()
        page.get_by_label("Notulen").fill("Draft disetujui")
        page.get_by_label("Daftar hadir (satu nama per baris)").fill("Kepala Badan\nSekretaris")
        press(page, "Catat rapat")
        page.get_by_text("Rapat tercatat.").first.wait_for(timeout=60_000)
        page.get_by_role("tab", name="Langkah").click()
        step_done(page, 7)
        step_done(page, 8, pdf)
        context.close()

        context, page = open_as(browser, "pimpinan")
        step_done(page, 9, pdf)
        page.goto(f"{server}/siklus?tahun=2024&triwulan=Setahun", timeout=60_000)  # the glance, from the top
        page.get_by_text("Data tahun 2024 hanya dapat dibaca").first.wait_for(timeout=60_000)
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        shoot(page, "siklus")
        context.close()

        context, page = open_as(browser, "sekretariat")
        step_done(page, 10, pdf)
        press(page, "Buat surat pengantar bernomor")
        page.get_by_text("Surat pengantar bernomor tersimpan.").first.wait_for(timeout=60_000)
        page.get_by_text("Semua langkah selesai").first.wait_for(timeout=60_000)  # the glance's line
        assert "Traceback" not in page.content()
        context.close()
        browser.close()
    with db.use(DATABASE["path"]) as con:
        steps = siklus.langkah(con, 2024)
        assert (steps["status"] == "selesai").all()
        assert steps.set_index("nomor").loc[[4, 5, 9], "oleh"].tolist() == ["perencana", "perencana", "pimpinan"]
        assert siklus.nomor_surat(con, 2024)["nomor"].tolist() == ["001/LKjIP/BKPSDM/2024"]
    publish(["siklus"])


EVERY_PAGE = ["", "sasaran", "unit", "tren", "data", "unggah", "pengumpulan", "indikator", "ekspor", "siklus", "akun",
              "audit", "profil"]
WIDTHS = [390, 1366, 1440]  # a phone, the office laptops
# Texts Streamlit draws in English, and codes that must reach no reader (kinerja/web/style.css, present.tables).
ENGLISH = ["Upload", "Drag and drop", "Browse files", "per file", "None", "Page not found", "Download as CSV",
           "Search", "Fullscreen", "Deploy", "Settings", "Running", "Stop", "Stopping", "Remove", "Close",
           "No results", "Choose an option", "Choose options", "You can only select", "Press Enter",
           "Skip to main content", "yyyy", "View", "nilai_akhir", "per_triwulan", "rata_rata", "dry-run"]
# Streamlit's connection texts once the server stops (bahasa.js): the status, its tooltip, the dialog.
CONNECTION_ENGLISH = ["Connecting", "Error", "Unable to connect", "Connection error", "Is Streamlit still running",
                      "is not responding", "streamlit run"]
# Streamlit's English in attributes (bahasa.js): what a screen reader says, a button's name, a tooltip, a
# placeholder; the hidden toolbars of tables and charts too; Vega's own descriptions of a chart's parts.
ENGLISH_LABELS = ["Remove", "Close", "Choose an option", "Choose options", "Add files", "Collapse sidebar",
                  "Expand sidebar", "Help for", "Running...", "Link to heading", "Show password", "Hide password",
                  "Download as", "Copy Vega-Lite", "Show/hide columns", "Show data", "Show chart", "Search",
                  "Fullscreen", "Copy to clipboard", "Vega visualization", "X-axis", "Y-axis", "Symbol legend",
                  "Gradient legend", "Main menu", "App pages", "Sidebar"]


# Tables whose every column must show without scrolling sideways at these widths (a table scrolls in
# its own frame, which the page's overflow check does not see).
TABLES_FIT = {("siklus", 390), ("siklus", 1366), ("siklus", 1440), ("pengumpulan", 390)}
TABLE_SCROLLS = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stDataFrame"]')]
  .map(t => t.querySelector('.dvn-scroller')).filter(s => s && s.offsetParent && s.scrollWidth > s.clientWidth + 1)
  .map(s => `table ${s.scrollWidth}px wide in ${s.clientWidth}`).concat(
  [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stTable"]')].filter(t => t.offsetParent)
  .map(t => [t.querySelector('table').getBoundingClientRect().width, t.getBoundingClientRect().width])
  .filter(([inner, outer]) => inner > outer + 1).map(([inner, outer]) => `table ${inner}px wide in ${outer}`))"""


# Tab lists scroll in their own strip, which the page's overflow check does not see: every tab must
# be in sight without scrolling it (the Register's wrap onto a second row, style.css).
TABS_HIDDEN = """() => [...document.querySelectorAll('[data-testid="stMain"] [role="tablist"]')].filter(t => t.offsetParent)
  .flatMap(t => [...t.querySelectorAll('[role="tab"]')].filter(tab => {
    const box = tab.getBoundingClientRect(), strip = t.parentElement.getBoundingClientRect();
    return box.right > Math.min(strip.right, window.innerWidth) + 1 || box.left < strip.left - 1;
  }).map(tab => `tab "${tab.textContent.trim()}" out of sight`))"""


# On a phone Ringkasan gives the answer before the detail: the gaps begin on the first screen (an
# 844 px tall phone), the at-risk list on the second, both above the kategori band and the charts.
PHONE_SCREEN = 844
ANSWER_FIRST = """() => Object.fromEntries([...document.querySelectorAll('[data-testid="stMain"] h3')]
  .map(h => [h.textContent.trim(), Math.round(h.getBoundingClientRect().top)]))"""


def answer_not_first(page) -> list[str]:
    """What keeps Ringkasan's answer (gaps, at risk) from the top of a phone's screen."""
    top = page.evaluate(ANSWER_FIRST)
    gaps, risk = top.get("Kesenjangan terbesar"), top.get("Peringatan dini")
    detail = min(top.get("Indikator per kategori", 10**6), top.get("Capaian per sasaran", 10**6))
    problems = [f"{name} at {y}px, after the detail at {detail}px" for name, y in
                [("gaps", gaps), ("at risk", risk)] if y is None or y > detail]
    if gaps is None or gaps > PHONE_SCREEN:
        problems.append(f"gaps at {gaps}px, below the first screen ({PHONE_SCREEN}px)")
    if risk is None or risk > 2 * PHONE_SCREEN:
        problems.append(f"at risk at {risk}px, below the second screen")
    return problems


# Pages whose indicator tables (present.tables.indicator_table: Indikator, Capaian, Kategori first) and
# early-warning tables (present.tables.proyeksi_table: Indikator, Status, Proyeksi first) must
# show those key columns whole at this width; the other columns may scroll sideways. Ringkasan's
# early-warning table is the one under "Lihat semua … indikator berisiko" (opened first).
KEY_COLUMNS_SHOW = {("", 390), ("sasaran", 390), ("unit", 390)}
KEY_COLUMNS = [["Indikator", "Capaian", "Kategori"], ["Indikator", "Status", "Proyeksi"]]


def key_columns_cut(page) -> list[str]:
    """The tables starting with one of KEY_COLUMNS whose third key column is not whole in view: a user
    moving to its first cell (click the first Indikator cell, then the right arrow key twice) makes the
    table scroll sideways, as the table brings a chosen cell fully into view."""
    problems = []
    tables = page.locator("[data-testid='stMain'] [data-testid='stDataFrame']")
    for i in range(tables.count()):
        table = tables.nth(i)
        headers = table.locator("th[role='columnheader']").all_inner_texts()
        if not table.is_visible() or headers[:3] not in KEY_COLUMNS:
            continue
        box = table.locator("[data-testid='stDataFrameResizable']").bounding_box()
        page.mouse.click(box["x"] + 20, box["y"] + 35 + 17)  # the first row under the header
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        scrolled = table.locator(".dvn-scroller").evaluate("s => s.scrollLeft")
        page.keyboard.press("Escape")
        if scrolled:
            problems.append(f"table {i + 1}: {headers[2]} cut, {scrolled}px out of view")
    return problems


def open_the_at_risk_table(page) -> None:
    """Open Ringkasan's "Lihat semua … indikator berisiko" (a phone shows three cards) and wait for its table."""
    page.get_by_text(re.compile(r"^Lihat semua .* indikator berisiko$")).first.click()
    # by its key header (the later ones are off-screen at 390 px, so not in the page yet)
    header = page.locator("th[role='columnheader']", has_text=re.compile(r"^Proyeksi$"))
    page.locator("[data-testid='stMain'] [data-testid='stDataFrame']", has=header).first.wait_for(timeout=60_000)
    wait_until_drawn(page)


def press(page, name: str) -> None:
    """Click a button once the app is idle, as a user does when the page has settled: a click while
    a run is still drawing could land on an element the run is about to replace."""
    page.wait_for_function("""() => {
        const app = document.querySelector('[data-testid="stApp"]');
        return app && app.getAttribute('data-test-script-state') === 'notRunning'
            && !document.querySelector('[data-stale="true"]');
    }""", timeout=60_000, polling=100)
    page.get_by_role("button", name=name).click()


def wait_until_drawn(page) -> None:
    """Until the page is fully drawn (tests/drawn.js) and stays so for half a second."""
    drawn = (Path(__file__).parent / "drawn.js").read_text()
    page.wait_for_function(drawn, timeout=60_000, polling=100)
    page.wait_for_timeout(500)
    page.wait_for_function(drawn, timeout=60_000, polling=100)


@pytest.mark.timeout(900)  # every page at three widths as three roles: 150 s quiet, 350 s at load 7
def test_every_page_fits_a_phone_and_the_office_screens_in_indonesian(server):
    from playwright.sync_api import sync_playwright

    check = (Path(__file__).parent / "layout_check.js").read_text()
    ARTIFACTS.mkdir(exist_ok=True)
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 2200 if width < 600 else 1000})
            page = context.new_page()
            login(page, server, "sekretariat")
            for name in EVERY_PAGE:
                page.goto(f"{server}/{name}?tahun=2025&triwulan=TW_III", timeout=60_000)
                wait_until_drawn(page)
                shoot(page, f"{name or 'ringkasan'}-{width}")
                problems = page.evaluate(check, [ENGLISH, ENGLISH_LABELS]) + page.evaluate(TABS_HIDDEN)
                if (name, width) in TABLES_FIT:
                    problems += page.evaluate(TABLE_SCROLLS)
                if not name and width < 600:
                    problems += answer_not_first(page)
                if (name, width) in KEY_COLUMNS_SHOW:
                    if not name:
                        open_the_at_risk_table(page)
                    problems += key_columns_cut(page)  # last: it clicks into the table
                if problems:
                    found[f"{name or 'ringkasan'} at {width} px"] = problems
            context.close()
        browser.close()
    assert not found, found
    publish(["ringkasan-390"])


def test_the_login_form_and_the_hidden_toolbars_name_their_buttons_in_indonesian(server):
    """What a screen reader says (aria-label, title) on the login form, before any sidebar, and on
    the pages of charts and tables, which carry Streamlit's toolbars (hidden, still in the page);
    then logging out ends the session in the browser too."""
    from playwright.sync_api import sync_playwright

    check = (Path(__file__).parent / "layout_check.js").read_text()
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(server, timeout=60_000)
        wait_until_drawn(page)
        assert page.get_by_role("button", name="Tampilkan sandi").count() == 1
        found["login"] = page.evaluate(check, [ENGLISH, ENGLISH_LABELS])
        login(page, server, "pimpinan")
        for name, button in [("", "Unduh PNG"), ("data", "Unduh CSV")]:  # a chart's toolbar, a table's
            page.goto(f"{server}/{name}?tahun=2025&triwulan=TW_III", timeout=60_000)
            wait_until_drawn(page)
            page.locator(f'[data-testid="stElementToolbar"] [aria-label="{button}"]').first.wait_for(
                state="attached", timeout=60_000)
            found[name or "ringkasan"] = page.evaluate(check, [ENGLISH, ENGLISH_LABELS])
        # logging out clears the session cookie: a new visit asks for the login again
        page.get_by_role("button", name="Keluar").click()
        deadline = time.monotonic() + 30
        while any(c["name"] == "kinerja_sesi" and c["value"] for c in page.context.cookies()):
            assert time.monotonic() < deadline, "the session cookie is cleared after logging out"
            page.wait_for_timeout(200)
        page.goto(server, timeout=60_000)
        page.get_by_label("Nama akun").wait_for(timeout=60_000)
        browser.close()
    assert not any(found.values()), found


def test_a_stopped_server_is_announced_in_indonesian(demo_db, tmp_path):
    """Streamlit's own connection status and dialog (no option to translate them) speak Indonesian
    when the server stops under an open tab: here the login form, which has no sidebar (bahasa.js
    comes with the style sheet on every page); a server of its own, so the other tests keep theirs."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium)")
    database = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, database)
    port = free_port()
    process = serve(database, port)
    check = (Path(__file__).parent / "layout_check.js").read_text()
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(f"http://127.0.0.1:{port}", timeout=60_000)  # the login form, no sidebar
            wait_until_drawn(page)
            process.terminate()
            process.wait(timeout=20)
            dialog = page.get_by_role("dialog")
            dialog.wait_for(timeout=60_000)
            assert "Koneksi terputus" in dialog.inner_text()
            problems = page.evaluate(check, [ENGLISH + CONNECTION_ENGLISH, ENGLISH_LABELS])
            shoot(page, "koneksi-terputus")
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert not problems, problems
