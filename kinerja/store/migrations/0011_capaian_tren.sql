-- Kinerja schema, version 11: the trend of every indicator over the years, stored (issue 18).
-- One row per periode (0 = the whole year, 1-4 = to date) × indicator as summaries.trend groups it
-- (indikator_id, unit, indikator, sasaran), computed from capaian_tersimpan by
-- queries/store/capaian_tren_isi.sql and kept with it by kinerja.store.materialised in the same
-- transaction; filled for an existing database right after this migration (kinerja.store.db).
CREATE TABLE capaian_tren (
    periode             INTEGER NOT NULL,
    indikator_id        BIGINT NOT NULL,
    unit                VARCHAR,
    sasaran             VARCHAR,
    indikator           VARCHAR,
    tahun_awal          INTEGER,
    capaian_awal        DOUBLE,
    tahun_akhir         INTEGER,
    capaian_akhir       DOUBLE,
    perubahan_terakhir  DOUBLE,
    arah                VARCHAR NOT NULL,
    -- where the indicator first appears in capaian_tren.sql's order (its first year, then unit,
    -- sasaran, indicator): the order summaries.trend lists the indicators in
    pertama             INTEGER NOT NULL,
    sasaran_pertama     BIGINT
);
