"""The dashboard per role through AppTest: nothing without logging in, a session that expires, and
each role seeing exactly its pages and buttons. Each test that writes uses its own copy of the demo."""
import re
from pathlib import Path

import pytest

from kinerja.auth import cli_account
from kinerja.collect import accounts
from kinerja.web import auth as web_auth
from kinerja.web import navigation
from tests.conftest import PASSWORD
from tests.test_pages import engine, open_page, rendered, session_token, table
from tests.test_pages_pengumpulan import demo_copy  # noqa: F401 (fixture)

ROLE_PAGES = {
    "sekretariat": {"unggah", "pengumpulan", "indikator", "ekspor", "siklus", "akun", "audit", "profil"},
    "pimpinan": {"pengumpulan", "ekspor", "siklus", "audit", "profil"},
    "perencana": {"pengumpulan", "indikator", "ekspor", "siklus", "profil"},
    "operator.mutasi": {"unggah", "pengumpulan", "profil"},
}
OVERVIEW = {"ringkasan", "sasaran", "unit", "tren", "data"}


EVERY_PAGE = ["ringkasan", "sasaran", "unit", "tren", "data", "unggah", "pengumpulan", "indikator", "ekspor", "siklus",
              "akun", "audit", "profil"]


def registered(app) -> set[str]:
    """The pages of files under pages/ this session can open by their URL (AppTest.switch_page
    knows only those)."""
    names = set()
    for page in EVERY_PAGE:
        try:
            app.switch_page(f"pages/{page}.py")
            names.add(page)
        except ValueError:
            pass
    return names


def test_without_an_account_only_the_login_form_is_shown(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, akun=None, tahun="2025")
    assert [t.value for t in app.title] == ["Masuk ke Kinerja"]
    assert not app.metric and not app.dataframe and not app.sidebar.selectbox
    assert registered(app) == set(), "no page is reachable, not even by its URL"


def test_logging_in_with_the_form_and_a_wrong_password(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, akun=None)
    app.text_input[0].set_value("perencana")
    app.text_input[1].set_value("bukan-sandinya")
    app.button[0].click().run()
    assert rendered(app.error[0].value) == "Nama akun atau sandi salah."
    app.text_input[1].set_value(PASSWORD)
    app.button[0].click().run()
    assert "Ringkasan Kinerja" in [t.value for t in app.title]
    assert "Masuk sebagai perencana (Perencana)" in rendered(app.sidebar.caption[-1].value)
    next(b for b in app.sidebar.button if b.label == "Keluar").click().run()
    assert [t.value for t in app.title] == ["Masuk ke Kinerja"]


def test_a_session_without_activity_expires(monkeypatch, demo_copy):
    app = open_page(monkeypatch, demo_copy, akun="pimpinan")
    engine(demo_copy, lambda con: con.execute("UPDATE sesi SET aktif_pada = aktif_pada - INTERVAL 31 MINUTE"))
    app.run()
    assert [t.value for t in app.title] == ["Masuk ke Kinerja"]
    assert "Sesi Anda berakhir" in app.info[0].value


@pytest.mark.parametrize("akun", ROLE_PAGES)
def test_each_role_is_offered_exactly_its_pages_and_the_others_refuse_in_indonesian(monkeypatch, demo_db, akun):
    app = open_page(monkeypatch, demo_db, akun=akun)
    assert navigation.offered(engine(demo_db, accounts.load, akun)) == OVERVIEW | ROLE_PAGES[akun]
    assert registered(app) == set(EVERY_PAGE), "every URL has its page: no English \"Page not found\""
    for page in set(EVERY_PAGE) - OVERVIEW - ROLE_PAGES[akun]:
        app.switch_page(f"pages/{page}.py").run()
        assert not app.exception and not app.main.title and not app.dataframe, page
        refusal = rendered(app.error[0].value)
        assert "tidak berhak" in refusal and "Yang berhak:" in refusal, page


def test_an_operator_uploads_only_for_its_own_unit_preselected(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/unggah.py", akun="operator.mutasi", unit="PEMBINAAN")
    assert app.selectbox[0].options == ["Bidang Mutasi"] and app.selectbox[0].value == "Bidang Mutasi"
    assert not app.text_input, "the uploader is the account, never a typed name"


def test_an_operator_sees_no_verify_or_reopen_and_only_its_units_details(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/pengumpulan.py", akun="operator.mutasi", unit="PEMBINAAN", tw="3")
    assert app.selectbox[0].options == ["Bidang Mutasi"]
    labels = {b.label for b in app.button}
    assert not labels & {"Verifikasi", "Buka kembali"}
    assert "Langkah berikutnya (verifikasi, buka kembali) diambil oleh Sekretariat" in " ".join(
        c.value for c in app.caption)
    app = open_page(monkeypatch, demo_db, "pages/pengumpulan.py", akun="operator.mutasi", tw="3", tab="Versi berkas")
    assert "Unduh berkas asli versi ini" in {b.label for b in app.get("download_button")}
    assert "Pulihkan versi ini" not in {b.label for b in app.button}
    app = open_page(monkeypatch, demo_db, "pages/pengumpulan.py", akun="operator.mutasi", tab="Tenggat")
    assert app.date_input and all(d.disabled for d in app.date_input), "deadlines are the Sekretariat's"


def test_a_page_left_after_a_role_change_is_closed_at_once(monkeypatch, demo_copy):
    app = open_page(monkeypatch, demo_copy, "pages/akun.py", akun="sekretariat")
    assert "Akun Pengguna" in [t.value for t in app.title]
    app.session_state[web_auth.TOKEN] = session_token(demo_copy, "operator.mutasi")
    app.run()
    assert "Akun Pengguna" not in [t.value for t in app.title]
    assert not any("sekretariat" in str(getattr(d, "value", "")) for d in app.dataframe)


def test_the_sekretariat_creates_an_account_and_the_audit_page_lists_it(monkeypatch, demo_copy):
    app = open_page(monkeypatch, demo_copy, "pages/akun.py", akun="sekretariat")
    form = {t.label.split(" (")[0]: t for t in app.text_input}
    form["Nama akun"].set_value("rina")
    form["Nama lengkap dan jabatan"].set_value("Rina, Bidang Mutasi")
    form["Sandi awal"].set_value("kuda-laut-merah-7")
    app.multiselect[0].set_value(["operator"])
    app.multiselect[1].set_value(["MUTASI", "BANGKOM"])
    next(b for b in app.button if b.label == "Buat akun").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Akun rina dibuat" in rendered(app.success[0].value)
    assert "rina" in table(app)["Nama akun"].tolist()

    app.switch_page("pages/audit.py").run()
    trail = table(app)
    assert trail.iloc[0][["Akun", "Dari", "Aksi", "Objek", "Baru"]].tolist() == [
        "sekretariat", "WEB", "Tambah akun", "rina", "operator; unit BANGKOM, MUTASI"]
    assert app.get("download_button")[0].label == "Unduh (.xlsx)"


def test_the_pimpinan_reads_the_audit_but_manages_no_accounts(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/audit.py", akun="pimpinan")
    assert "Jejak Audit" in [t.value for t in app.title]
    assert len(table(app)) > 0
    app.switch_page("pages/akun.py").run()
    assert "Akun Pengguna" not in [t.value for t in app.title]
    assert "tidak berhak mengelola akun" in rendered(app.error[0].value)


# --------------------------------------------------------------------------- user text is text

MARKUP = re.compile(r"[\[\]()!*<>`:]")
CRAFTED = "[Sesi habis, klik untuk login ulang](http://127.0.0.1:8799/login) ![x](http://127.0.0.1:8799/r.png)"
CASES = Path("/work/shared/cases/reliability") if Path("/work/shared/cases").exists() else \
    Path(__file__).resolve().parents[2] / "shared" / "cases" / "reliability"


def test_a_crafted_year_in_the_url_is_shown_as_text(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, akun="pimpinan", tahun=CRAFTED)
    warning = app.sidebar.warning[0].value
    assert rendered(warning).startswith(f"Tahun {CRAFTED} belum memiliki data")
    assert not MARKUP.search(warning), "no link, image or directive survives"


def test_an_indicator_name_with_markdown_and_html_is_shown_as_text(monkeypatch, demo_copy):
    from kinerja.ingest.files import import_file

    data = (CASES / "markdown_indicator.xlsx").read_bytes()
    assert engine(demo_copy, lambda con: import_file(con, data, "m.xlsx", "MUTASI", 2026,
                                                     akun=cli_account("uji"))).written
    name = engine(demo_copy, lambda con: con.execute("SELECT nama FROM indikator WHERE nama LIKE '%Tebal%'")
                  .fetchall())[0][0]
    app = open_page(monkeypatch, demo_copy, "pages/sasaran.py", akun="pimpinan", tahun="2026")
    shown = [e.value for e in [*app.subheader, *app.caption, *app.markdown]]
    assert rendered(app.subheader[0].value) == name
    assert all(not MARKUP.search(text) for text in shown if "8799" in text or "script" in text)
