-- Kinerja schema, version 2: the collection workflow (SOP: distribute → collect → check).

-- Every step of a unit's quarter through the register: draf, diajukan, diverifikasi,
-- dibuka_kembali (with a reason). The latest step is the status; no step and no upload is 'belum'.
CREATE TABLE langkah_pengumpulan (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    unit_kode       VARCHAR NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    status          VARCHAR NOT NULL CHECK (status IN ('draf', 'diajukan', 'diverifikasi', 'dibuka_kembali')),
    oleh            VARCHAR NOT NULL,
    pada            TIMESTAMP NOT NULL,
    alasan          VARCHAR,
    submission_id   BIGINT             -- the upload that made the step, if any
);

-- Deadlines that differ from the SOP default (the 10th day of the month after the quarter).
CREATE TABLE tenggat (
    tahun       INTEGER NOT NULL,
    triwulan    INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    tanggal     DATE NOT NULL,
    PRIMARY KEY (tahun, triwulan)
);

-- Notes per value besides KET and bukti dukung, as the E.81 footer and LKjIP Bab III ask for them:
-- what helped and what held the indicator back, and what follows next quarter and in next Renja.
ALTER TABLE catatan ADD COLUMN faktor_pendorong VARCHAR;
ALTER TABLE catatan ADD COLUMN faktor_penghambat VARCHAR;
ALTER TABLE catatan ADD COLUMN tindak_lanjut_triwulan VARCHAR;
ALTER TABLE catatan ADD COLUMN tindak_lanjut_renja VARCHAR;

-- Bukti dukung as an attached file (a link stays text in catatan.bukti_dukung).
CREATE TABLE lampiran (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL CHECK (triwulan BETWEEN 0 AND 4),
    nama_berkas     VARCHAR NOT NULL,
    isi             BLOB NOT NULL,
    diunggah_pada   TIMESTAMP NOT NULL,
    diunggah_oleh   VARCHAR NOT NULL
);
