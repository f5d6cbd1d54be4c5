"""Test helper: write indicators, targets and realisations straight into the tables, so the
capaian engine can be tested without going through the importer. Each helper brings the stored
capaian (kinerja.store.materialised) up to date with what it wrote, as the write functions do."""
from __future__ import annotations

from decimal import Decimal

from kinerja.names import indicator_key
from kinerja.store import materialised

TAHUN = 2024


def bounds(value) -> tuple[Decimal, Decimal]:
    """(bawah, atas) of a target: 93, "94.83", Decimal, a range text "80 - 90" or a pair."""
    if isinstance(value, tuple):
        return Decimal(str(value[0])), Decimal(str(value[1]))
    text = str(value)
    if " - " in text:
        bawah, atas = text.split(" - ")
        return Decimal(bawah), Decimal(atas)
    return Decimal(text), Decimal(text)


def sasaran(con, teks: str) -> int:
    con.execute("INSERT INTO sasaran (teks, teks_norm) VALUES (?, lower(?)) ON CONFLICT DO NOTHING",
                [teks, teks])
    return con.execute("SELECT id FROM sasaran WHERE teks_norm = lower(?)", [teks]).fetchone()[0]


def indikator(con, nama: str = "Indikator", *, unit: str = "MUTASI", tahun: int = TAHUN,
              target=None, target_tw: dict | None = None, realisasi: dict | None = None,
              konvensi: str | None = None, sasaran_teks: str | None = None, kode: str | None = None,
              satuan: str | None = None, polaritas: str = "positif", rumus_negatif: str = "A",
              agregasi: str = "kumulatif", konvensi_triwulan: str | None = None) -> int:
    """One indicator with its annual target, quarterly targets {1..4: value}, realisations
    {1..4: value} and detected convention for `tahun`; returns its id."""
    sasaran_id = sasaran(con, sasaran_teks) if sasaran_teks else None
    indikator_id = con.execute(
        """INSERT INTO indikator (kode, nama, nama_norm, unit_kode, sasaran_id, satuan, polaritas,
                                  rumus_negatif, agregasi, konvensi_triwulan)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [kode, nama, indicator_key(nama), unit, sasaran_id, satuan, polaritas, rumus_negatif, agregasi,
         konvensi_triwulan],
    ).fetchone()[0]
    targets = dict(target_tw or {})
    if target is not None:
        targets[0] = target
    if targets:
        con.executemany("INSERT INTO target (indikator_id, tahun, triwulan, bawah, atas) VALUES (?, ?, ?, ?, ?)",
                        [[indikator_id, tahun, q, *bounds(v)] for q, v in targets.items()])
    if realisasi:
        con.executemany("INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai) VALUES (?, ?, ?, ?)",
                        [[indikator_id, tahun, q, Decimal(str(v))] for q, v in realisasi.items()])
    if konvensi:
        con.execute("INSERT INTO konvensi_target VALUES (?, ?, ?)", [indikator_id, tahun, konvensi])
    stored(con, [indikator_id])
    return indikator_id


def over_years(con, names: dict[str, dict[int, str]], unit: str = "MUTASI") -> None:
    """Indicators {nama: {tahun: TW IV realisation}} of `unit` (nilai akhir, annual target 100 each
    year), one indicator measured in every year given."""
    for nama, values in names.items():
        (first, value), *rest = values.items()
        iid = indikator(con, nama, unit=unit, tahun=first, target=100, realisasi={4: value}, agregasi="nilai_akhir")
        for tahun, value in rest:
            con.execute("INSERT INTO target (indikator_id, tahun, triwulan, bawah, atas) VALUES (?, ?, 0, 100, 100)",
                        [iid, tahun])
            con.execute("INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai) VALUES (?, ?, 4, ?)",
                        [iid, tahun, Decimal(value)])
        stored(con, [iid])


def stored(con, indikator_ids=None) -> None:
    """Refresh the stored capaian of these indicators in every year (None: of everything)."""
    if indikator_ids is None:
        materialised.touch_all(con)
    else:
        materialised.touch(con, indikator_ids, None)
    materialised.flush(con)


def clear(con) -> None:
    """Remove every indicator and its values (units and scales stay)."""
    con.execute("DELETE FROM target; DELETE FROM realisasi; DELETE FROM konvensi_target; "
                "DELETE FROM indikator; DELETE FROM sasaran")
    stored(con)


def use_scale(con, name: str, bands: list[tuple]) -> None:
    """Make `bands` [(urutan, batas_bawah, kategori, warna), ...] the active scale."""
    con.executemany("INSERT INTO skala_kategori VALUES (?, ?, ?, ?, ?)",
                    [[name, *band] for band in bands])
    con.execute("UPDATE pengaturan SET nilai = ? WHERE kunci = 'skala_aktif'", [name])
    stored(con)
