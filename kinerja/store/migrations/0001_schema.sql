-- Kinerja schema, version 1.
-- Values are DECIMAL(38,6): exact for everything units type, so capaian can be computed exactly.
-- Values live in long form (one row per indikator × tahun × triwulan); an absent row is a missing
-- value, never zero.

CREATE SEQUENCE seq_id START 1;

CREATE TABLE unit (
    kode        VARCHAR PRIMARY KEY,
    nama        VARCHAR NOT NULL,
    peran       VARCHAR            -- role in the SOP, e.g. "Unit Pengelola Data"
);

-- Renstra sasaran (shared by all units; the cascade ends at the indicators).
CREATE TABLE sasaran (
    id          BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    kode        VARCHAR,
    teks        VARCHAR NOT NULL,
    teks_norm   VARCHAR NOT NULL UNIQUE
);

-- Program and kegiatan rows of the Renja (Kepmendagri 050-5889/2021 codes).
CREATE TABLE program_kegiatan (
    id          BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    kode        VARCHAR NOT NULL UNIQUE,
    nama        VARCHAR NOT NULL,
    level       VARCHAR NOT NULL CHECK (level IN ('program', 'kegiatan')),
    parent_id   BIGINT,            -- a kegiatan's program
    sasaran_id  BIGINT
);

CREATE TABLE indikator (
    id                  BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    kode                VARCHAR,
    nama                VARCHAR NOT NULL,
    nama_norm           VARCHAR NOT NULL,
    unit_kode           VARCHAR NOT NULL,
    sasaran_id          BIGINT,
    level               VARCHAR NOT NULL DEFAULT 'sasaran'
                        CHECK (level IN ('sasaran', 'program', 'kegiatan')),
    parent_id           BIGINT,    -- program_kegiatan.id for program/kegiatan indicators
    satuan              VARCHAR,
    polaritas           VARCHAR NOT NULL DEFAULT 'positif'
                        CHECK (polaritas IN ('positif', 'negatif')),
    rumus_negatif       VARCHAR NOT NULL DEFAULT 'A' CHECK (rumus_negatif IN ('A', 'B')),
    agregasi            VARCHAR NOT NULL DEFAULT 'kumulatif'
                        CHECK (agregasi IN ('kumulatif', 'nilai_akhir', 'rata_rata')),
    -- where agregasi came from: 'berkas' (an AGREGASI column), 'satuan' (inferred), 'pengguna'
    agregasi_sumber     VARCHAR NOT NULL DEFAULT 'satuan',
    -- explicit quarterly-target convention; NULL means detected per row and year (konvensi_target)
    konvensi_triwulan   VARCHAR CHECK (konvensi_triwulan IN ('per_triwulan', 'kumulatif')),
    UNIQUE (unit_kode, nama_norm)
);

-- Targets: triwulan 0 is the annual target, 1-4 the quarterly ones. A point target has
-- bawah = atas; a range target ("80 - 90") keeps both bounds and its text.
CREATE TABLE target (
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL CHECK (triwulan BETWEEN 0 AND 4),
    bawah           DECIMAL(38, 6) NOT NULL,
    atas            DECIMAL(38, 6) NOT NULL,
    teks            VARCHAR,
    submission_id   BIGINT,
    PRIMARY KEY (indikator_id, tahun, triwulan)
);

-- Renstra period targets per year (2021-2026 where the files give them).
CREATE TABLE target_renstra (
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER NOT NULL,
    bawah           DECIMAL(38, 6) NOT NULL,
    atas            DECIMAL(38, 6) NOT NULL,
    teks            VARCHAR,
    submission_id   BIGINT,
    PRIMARY KEY (indikator_id, tahun)
);

-- The quarterly convention a row of a year was read in: 'per_triwulan' amounts or 'kumulatif'
-- to date. Realisation of that indicator and year is stored in the same convention.
CREATE TABLE konvensi_target (
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER NOT NULL,
    konvensi        VARCHAR NOT NULL CHECK (konvensi IN ('per_triwulan', 'kumulatif')),
    PRIMARY KEY (indikator_id, tahun)
);

CREATE TABLE realisasi (
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    nilai           DECIMAL(38, 6) NOT NULL,
    submission_id   BIGINT,
    PRIMARY KEY (indikator_id, tahun, triwulan)
);

-- Notes per value: triwulan 0 for notes that belong to the whole year's row.
CREATE TABLE catatan (
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL CHECK (triwulan BETWEEN 0 AND 4),
    ket             VARCHAR,
    bukti_dukung    VARCHAR,
    submission_id   BIGINT,
    PRIMARY KEY (indikator_id, tahun, triwulan)
);

-- Every imported file, kept byte for byte.
CREATE TABLE submission (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    unit_kode       VARCHAR NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER,           -- NULL: the file covers the year (several quarters)
    versi           INTEGER NOT NULL,  -- 1, 2, ... per unit, tahun, triwulan
    nama_berkas     VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    ukuran          BIGINT NOT NULL,
    isi             BLOB NOT NULL,
    diunggah_pada   TIMESTAMP NOT NULL,
    diunggah_oleh   VARCHAR NOT NULL,
    ringkasan       VARCHAR            -- JSON summary of what the import wrote
);

-- The quarters whose realisation a submission reported (for completeness and timeliness).
CREATE TABLE submission_triwulan (
    submission_id   BIGINT NOT NULL,
    triwulan        INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    PRIMARY KEY (submission_id, triwulan)
);

-- Every value an import overwrote or removed. Values are canonical text ("94.83", "80 - 90").
CREATE TABLE riwayat (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    submission_id   BIGINT NOT NULL,
    jenis           VARCHAR NOT NULL CHECK (jenis IN ('target', 'realisasi', 'target_renstra')),
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL,
    nilai_lama      VARCHAR,
    nilai_baru      VARCHAR,
    diubah_pada     TIMESTAMP NOT NULL
);

-- Category scales; the active one is pengaturan['skala_aktif'].
CREATE TABLE skala_kategori (
    skala           VARCHAR NOT NULL,
    urutan          INTEGER NOT NULL,      -- 1 = best band
    batas_bawah     DECIMAL(10, 2),        -- inclusive lower bound; NULL for the lowest band
    kategori        VARCHAR NOT NULL,
    warna           VARCHAR NOT NULL,
    PRIMARY KEY (skala, urutan)
);

CREATE TABLE pengaturan (
    kunci   VARCHAR PRIMARY KEY,
    nilai   VARCHAR NOT NULL
);
