-- Kinerja schema, version 13: the early warning stored (issue 18). One row per indicator × year ×
-- quarter (1-4) of capaian_tersimpan: the year-end projection made at the end of that quarter by
-- kinerja.proyeksi (spec/capaian.md, "Year-end projection"), kept with the stored capaian by
-- kinerja.store.materialised in the same transaction; filled for an existing database right
-- after this migration (kinerja.store.db). The status is the one of the active scale (a change of
-- the scale rebuilds every stored row). Names, units and realisation are read from capaian_tersimpan.
CREATE TABLE proyeksi_tersimpan (
    tahun                   INTEGER NOT NULL,
    triwulan                INTEGER NOT NULL,
    indikator_id            BIGINT NOT NULL,
    triwulan_dilaporkan     VARCHAR NOT NULL,
    -- the annual target used: a point (nilai), or a range as text "80 - 90" (teks)
    target_tahunan_nilai    DOUBLE,
    target_tahunan_teks     VARCHAR,
    proyeksi                DOUBLE,
    proyeksi_capaian        DOUBLE,
    status                  VARCHAR,
    kekurangan              DOUBLE,
    sisa_triwulan           INTEGER,
    kebutuhan               DOUBLE,
    kebutuhan_per_triwulan  DOUBLE,
    aturan                  VARCHAR NOT NULL,
    alasan                  VARCHAR NOT NULL
);
