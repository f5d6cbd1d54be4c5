"""Outputs never break on input: text a format cannot hold (control characters typed in a web
app, ANSI colour codes) is cleaned when written to .docx, .xlsx, .csv and the terminal; a failed
build on the Ekspor page says so instead of handing out an empty download."""
import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from kinerja.safety import printable
from tests.test_cli import kinerja
from tests.test_pages import open_page

# A name as a web app exported it: SOH, an ANSI colour code, a vertical tab, a NUL (reliability case
# csv_control_char_name.csv is of this kind).
NAME = "Jumlah ASN\x01 dilatih\x1b[31m"
CSV = f"NO;SASARAN;INDIKATOR KINERJA;SATUAN;TARGET TAHUNAN;REALISASI TRIWULAN I;KET\n" \
      f"1;Meningkatnya kompetensi ASN;{NAME};orang;100;10;ket\x0b\x00\n"


def test_printable_keeps_text_and_drops_what_no_format_holds():
    assert printable("Jumlah ASN\x01 dilatih\x1b[31m\x07\x0b") == "Jumlah ASN dilatih"
    assert printable("baris 1\r\nbaris 2\rbaris 3\ttab é ≥ 90 🙂") == "baris 1\nbaris 2\nbaris 3 tab é ≥ 90 🙂"
    assert printable("\ud800x\ufffe\x85") == "x"


@pytest.fixture
def database(tmp_path, capsys):
    path = tmp_path / "k.duckdb"
    (tmp_path / "kontrol.csv").write_bytes(CSV.encode())
    code, out, err = kinerja(capsys, "import", str(tmp_path / "kontrol.csv"), "--unit", "MUTASI", "--year", "2026",
                             "--quarter", "1", "--db", str(path))
    assert code == 0, err
    return path


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".csv"])
def test_every_export_of_a_year_with_a_control_character_in_a_name_is_written(database, tmp_path, capsys, suffix):
    out = tmp_path / f"e{suffix}"
    code, _, err = kinerja(capsys, "export", "--year", "2026", "--out", str(out), "--db", str(database))
    assert code == 0, err
    data = out.read_bytes()
    if suffix == ".docx":
        text = "\n".join(c.text for t in Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells)
    elif suffix == ".xlsx":
        text = "\n".join(str(v) for ws in load_workbook(io.BytesIO(data)).worksheets
                         for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    else:
        text = data.decode()
    assert "Jumlah ASN dilatih" in text and "\x1b" not in text and "\x01" not in text


def test_the_terminal_gets_no_control_character(database, capsys):
    code, out, err = kinerja(capsys, "capaian", "--year", "2026", "--unit", "MUTASI", "--db", str(database))
    assert code == 0 and "Jumlah ASN dilatih" in out and "\x1b" not in out and "\x01" not in out


def test_a_failed_build_on_the_ekspor_page_gives_no_file_and_says_so_in_indonesian(monkeypatch, database):
    """A file is built when its button is clicked (Streamlit's deferred download): a failure gives
    the browser no file, and the message under the button is Kinerja's (style.css), not the
    library's English. The buttons do not rerun the page: a rerun renews every button's file id,
    and a second button clicked meanwhile got no file."""
    from kinerja.web import cache

    app = open_page(monkeypatch, database, "pages/ekspor.py")
    buttons = app.get("download_button")
    assert len(buttons) == 5 and all(button.proto.ignore_rerun for button in buttons)

    def broken(*args, **kwargs):
        raise ValueError("All strings must be XML compatible")  # a library's English text

    monkeypatch.setattr("kinerja.reports.export.export_bytes", broken)
    cache.ekspor.clear()
    with pytest.raises(ValueError):
        cache.export_file(2024, None, ".docx")()
    style = (Path(cache.__file__).parent / "style.css").read_text()
    rule = style[style.index('[data-testid="stDownloadButtonError"]::after'):]
    assert "Berkas tidak dapat dibuat, tidak ada yang diunduh" in rule[:rule.index("}")]

