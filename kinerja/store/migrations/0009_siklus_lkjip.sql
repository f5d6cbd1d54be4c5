-- Kinerja schema, version 9: the LKjIP cycle of the SOP Pengumpulan Data Kinerja (eleven steps,
-- kinerja.collect.siklus), the Jafung's analysis per sasaran and indicator, the documents of each
-- step and the numbering register of outgoing letters.

-- The eleven steps as the SOP writes them: the list every year starts from (kinerja.collect.siklus
-- reads it; the Sekretariat changes a year's copy in siklus_langkah). pelaksana: comma-separated
-- roles of the SOP's columns (kepala, sekretaris, eselon3, fungsional, staf).
CREATE TABLE siklus_sop (
    nomor           INTEGER PRIMARY KEY CHECK (nomor BETWEEN 1 AND 11),
    uraian          VARCHAR NOT NULL,
    pelaksana       VARCHAR NOT NULL,
    kelengkapan     VARCHAR,
    waktu           INTEGER,
    output          VARCHAR
);
INSERT INTO siklus_sop VALUES
    (1, 'Memerintahkan penyusunan LAKIP', 'kepala', 'Surat Tugas', 15, 'Dokumen'),
    (2, 'Menyampaikan format pengumpulan data dan informasi kinerja dari masing-masing bagian', 'fungsional,staf',
        'Format pengumpulan data', 60, 'Dokumen'),
    (3, 'Menghimpun format data dan informasi kinerja dari masing-masing bagian', 'fungsional,staf',
        'Format terisi dari setiap bagian', 60, 'Dokumen'),
    (4, 'Menganalisis dan mengevaluasi data dan informasi kinerja yang terkumpul', 'fungsional',
        'Data dan informasi kinerja', 60, 'Dokumen'),
    (5, 'Membuat draft LAKIP', 'fungsional', 'Hasil analisis', 60, 'Draft LAKIP'),
    (6, 'Mengoreksi draft LAKIP', 'sekretaris,eselon3', 'Draft LAKIP', 60, 'Draft LAKIP terkoreksi'),
    (7, 'Rapat finalisasi LAKIP', 'kepala,sekretaris,eselon3,fungsional', 'Undangan, daftar hadir, notulen', 60,
        'Notulen'),
    (8, 'Menyampaikan dokumen LAKIP kepada Kepala untuk persetujuan', 'sekretaris', 'Dokumen LAKIP', 60,
        'Dokumen'),
    (9, 'Penandatanganan dokumen LAKIP oleh Kepala', 'kepala', 'Dokumen LAKIP', 60, 'Dokumen LAKIP ditandatangani'),
    (10, 'Penandatanganan dokumen LAKIP oleh Kepala (paraf/pengesahan)', 'kepala,sekretaris', 'Dokumen LAKIP', 60,
        'Dokumen LAKIP disahkan'),
    (11, 'Pembuatan surat pengantar pengiriman sekaligus penomoran', 'sekretaris,staf', 'Dokumen LAKIP', 60,
        'Surat pengantar');

-- A year's own copy of a step (NULL: as the SOP) with its plan and where the hard copy is filed.
CREATE TABLE siklus_langkah (
    tahun           INTEGER NOT NULL,
    nomor           INTEGER NOT NULL CHECK (nomor BETWEEN 1 AND 11),
    uraian          VARCHAR,
    pelaksana       VARCHAR,
    kelengkapan     VARCHAR,
    waktu           INTEGER,
    output          VARCHAR,
    rencana_mulai   DATE,
    rencana_selesai DATE,
    arsip_fisik     VARCHAR,           -- where the hard copy is filed
    PRIMARY KEY (tahun, nomor)
);

-- The year's settings of the cycle: the report's due date (NULL: the regulation's default) and the
-- unit of the SOP's waktu numbers.
CREATE TABLE siklus_tahun (
    tahun           INTEGER PRIMARY KEY,
    tenggat_laporan DATE,
    satuan_waktu    VARCHAR
);

-- Every event of a step, oldest first; the latest 'selesai'/'dibuka_kembali' is its state.
-- Step 9 'selesai' (the signed LKjIP) makes the year read-only until a Pimpinan reopens it.
CREATE TABLE siklus_peristiwa (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    tahun           INTEGER NOT NULL,
    nomor           INTEGER NOT NULL CHECK (nomor BETWEEN 1 AND 11),
    jenis           VARCHAR NOT NULL CHECK (jenis IN ('selesai', 'dibuka_kembali')),
    pada            TIMESTAMP NOT NULL,
    oleh            VARCHAR NOT NULL,
    catatan         VARCHAR
);

-- The soft copies of a step (stored once in berkas_bukti by SHA-256), numbered per step and kind:
-- draf (step 5), koreksi (step 6, with a comment), notulen, ttd, surat_pengantar, lain.
CREATE TABLE siklus_dokumen (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    tahun           INTEGER NOT NULL,
    nomor           INTEGER NOT NULL CHECK (nomor BETWEEN 1 AND 11),
    jenis           VARCHAR NOT NULL,
    versi           INTEGER NOT NULL,
    nama_berkas     VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    komentar        VARCHAR,
    pada            TIMESTAMP NOT NULL,
    oleh            VARCHAR NOT NULL,
    UNIQUE (tahun, nomor, jenis, versi)
);

-- The finalisation meeting of step 7.
CREATE TABLE siklus_rapat (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    tahun           INTEGER NOT NULL,
    tanggal         DATE NOT NULL,
    notulen         VARCHAR NOT NULL,
    hadir           VARCHAR NOT NULL,  -- one attendee per line
    pada            TIMESTAMP NOT NULL,
    oleh            VARCHAR NOT NULL
);

-- The Jafung Perencana's analysis (step 4) per sasaran (indikator_id NULL) or per indicator; the
-- latest row of a key is in force, the earlier ones are its history.
CREATE TABLE analisis_kinerja (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    tahun           INTEGER NOT NULL,
    sasaran         VARCHAR NOT NULL,
    indikator_id    BIGINT,
    penyebab        VARCHAR,           -- causes of success or failure
    solusi          VARCHAR,           -- alternative solutions
    efisiensi       VARCHAR,           -- efficiency of resources
    pada            TIMESTAMP NOT NULL,
    oleh            VARCHAR NOT NULL
);

-- Numbers given to outgoing letters, a sequence per year; the key keeps them unique.
CREATE TABLE nomor_surat (
    tahun           INTEGER NOT NULL,
    urut            INTEGER NOT NULL,
    nomor           VARCHAR NOT NULL,
    perihal         VARCHAR NOT NULL,
    pada            TIMESTAMP NOT NULL,
    oleh            VARCHAR NOT NULL,
    PRIMARY KEY (tahun, urut)
);
