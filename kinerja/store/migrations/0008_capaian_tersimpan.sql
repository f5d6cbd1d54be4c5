-- Kinerja schema, version 8: the capaian of every indicator, year and period, stored (issue 18).
-- One row per indicator × tahun × periode (0 = the whole year, 1-4 = to date at the end of that
-- quarter), exactly what queries/engine/capaian.sql computes; kept in the same transaction as every
-- write that changes an input of it (kinerja.store.materialised), rebuilt by `kinerja hitung-ulang`.
-- Existing databases are filled right after this migration, in its transaction (kinerja.store.db).
CREATE TABLE capaian_tersimpan (
    tahun                   INTEGER NOT NULL,
    periode                 INTEGER NOT NULL CHECK (periode BETWEEN 0 AND 4),
    unit                    VARCHAR,
    sasaran                 VARCHAR,
    indikator               VARCHAR,
    satuan                  VARCHAR,
    polaritas               VARCHAR,
    agregasi                VARCHAR,
    target_bawah            DOUBLE,
    target_atas             DOUBLE,
    realisasi               DOUBLE,
    capaian_persen          DOUBLE,
    kategori                VARCHAR,
    keterangan              VARCHAR,
    belum_dikonfirmasi      VARCHAR,
    indikator_id            BIGINT NOT NULL,
    kode                    VARCHAR,
    unit_nama               VARCHAR,
    sasaran_id              BIGINT,
    level                   VARCHAR,
    rumus_negatif           VARCHAR,
    konvensi                VARCHAR,
    target_tahunan_bawah    DOUBLE,
    target_tahunan_atas     DOUBLE,
    target_tw1_bawah        DOUBLE,
    target_tw1_atas         DOUBLE,
    target_tw2_bawah        DOUBLE,
    target_tw2_atas         DOUBLE,
    target_tw3_bawah        DOUBLE,
    target_tw3_atas         DOUBLE,
    target_tw4_bawah        DOUBLE,
    target_tw4_atas         DOUBLE,
    realisasi_tw1           DOUBLE,
    realisasi_tw2           DOUBLE,
    realisasi_tw3           DOUBLE,
    realisasi_tw4           DOUBLE,
    triwulan_realisasi      INTEGER,
    lengkap                 BOOLEAN,
    status_data             VARCHAR,
    warna                   VARCHAR
);

-- Counts and exact sums of capaian_tersimpan per tahun × periode × unit × sasaran × status_data ×
-- kategori: every mean and count of the pages (per sasaran, unit, quarter, year, the whole agency)
-- is a sum of these rows. seratusan_jumlah: the sum of capaian × 100 (integers, exact) over the
-- rows with a capaian (dinilai of them); the mean of a group is seratusan_jumlah / dinilai / 100.
CREATE TABLE capaian_ringkas (
    tahun                   INTEGER NOT NULL,
    periode                 INTEGER NOT NULL,
    unit                    VARCHAR,
    sasaran_id              BIGINT,
    sasaran                 VARCHAR,
    status_data             VARCHAR,
    kategori                VARCHAR,
    jumlah                  BIGINT NOT NULL,
    dinilai                 BIGINT NOT NULL,
    seratusan_jumlah        HUGEINT
);
