-- Renstra periods as data (issue 13.6). A new RPJMD starts a new Renstra, so there are several over
-- time; a year belongs to at most one (kinerja.store.renstra.add_period refuses an overlap). The
-- period's end target of an indicator is its target_renstra of tahun_akhir (nilai akhir, rata-rata)
-- or the sum of its target_renstra over the period's years (kumulatif): kinerja.engine.renstra.
CREATE TABLE periode_renstra (
    tahun_awal      INTEGER PRIMARY KEY,
    tahun_akhir     INTEGER NOT NULL CHECK (tahun_akhir >= tahun_awal),
    dibuat_pada     TIMESTAMP NOT NULL,
    dibuat_oleh     VARCHAR NOT NULL
);

-- The period in force when Kinerja started (RPJMD Kota Samarinda 2021-2026).
INSERT INTO periode_renstra VALUES (2021, 2026, now(), 'migrasi 0007');
