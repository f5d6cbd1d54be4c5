"""The dashboard warms the caches of its default view (Ringkasan, latest year, whole year) in the
background at start and after every write (kinerja.web.cache.warm), and never keeps what a write
made stale while it was computed."""
import shutil

import pytest

from kinerja.engine import capaian as engine
from kinerja.reports import ringkasan_pdf
from kinerja.store import db
from kinerja.web import cache


@pytest.fixture
def dashboard(demo_db, tmp_path, monkeypatch):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("KINERJA_DB", str(path))
    monkeypatch.setenv("KINERJA_PEMANASAN", "1")
    monkeypatch.setattr(cache, "serving", lambda: True)  # as in a running server
    cache.st.cache_data.clear()
    yield str(path)
    cache.st.cache_data.clear()


def refuse(*args, **kwargs):
    raise AssertionError("dihitung lagi: bukan dari cache")


def test_the_default_view_is_ready_before_anyone_asks(dashboard, monkeypatch):
    tahun = cache.years(dashboard)[0]
    cache.warm(dashboard).join()
    with db.use(dashboard) as con:
        expected = engine.ringkasan_tersimpan(con, tahun, None)
    monkeypatch.setattr(engine, "ringkasan_tersimpan", refuse)
    monkeypatch.setattr(engine, "sorotan_jumlah", refuse)
    monkeypatch.setattr(engine, "sorotan_baris", refuse)
    monkeypatch.setattr(cache.engine_proyeksi, "jumlah", refuse)
    monkeypatch.setattr(cache.engine_proyeksi, "baris", refuse)
    assert cache.ringkasan(dashboard, tahun, None, None) == expected
    cache.sorotan_jumlah(dashboard, tahun, None)
    cache.sorotan_baris(dashboard, tahun, None, "kesenjangan", 0, ringkasan_pdf.LIMIT)
    cache.proyeksi_jumlah(dashboard, tahun, None, None)
    cache.proyeksi_baris(dashboard, tahun, None, None, "berisiko", 0, ringkasan_pdf.LIMIT)
    cache.ringkasan_grafik(dashboard, tahun, None)


def test_a_warm_up_overtaken_by_a_write_keeps_nothing(dashboard, monkeypatch):
    tahun = cache.years(dashboard)[0]
    original = engine.ringkasan_tersimpan

    def write_meanwhile(*args, **kwargs):
        result = original(*args, **kwargs)
        with cache.GUARD:
            cache.GENERATION[0] += 1  # what clear_caches does first
        return result

    monkeypatch.setattr(engine, "ringkasan_tersimpan", write_meanwhile)
    cache.warm(dashboard).join()
    monkeypatch.setattr(engine, "ringkasan_tersimpan", refuse)
    with pytest.raises(AssertionError, match="dihitung lagi"):
        cache.ringkasan(dashboard, tahun, None, None)


def test_off_when_asked_and_outside_a_server(dashboard, monkeypatch):
    monkeypatch.setenv("KINERJA_PEMANASAN", "0")
    assert cache.warm(dashboard) is None
    monkeypatch.setenv("KINERJA_PEMANASAN", "1")
    monkeypatch.setattr(cache, "serving", lambda: False)
    assert cache.warm(dashboard) is None
