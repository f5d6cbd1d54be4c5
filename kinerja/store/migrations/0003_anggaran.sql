-- Budget (anggaran) per program/kegiatan: pagu and realisasi anggaran, in rupiah.
-- triwulan 0 holds the year's pagu and, where a file gives only a yearly figure, the year's
-- realisation; 1-4 the quarters. An absent row is missing, never zero.
CREATE TABLE anggaran (
    program_kegiatan_id BIGINT NOT NULL,
    tahun               INTEGER NOT NULL,
    triwulan            INTEGER NOT NULL CHECK (triwulan BETWEEN 0 AND 4),
    jenis               VARCHAR NOT NULL CHECK (jenis IN ('pagu', 'realisasi')),
    nilai               DECIMAL(38, 2) NOT NULL,
    submission_id       BIGINT,
    PRIMARY KEY (program_kegiatan_id, tahun, triwulan, jenis)
);

-- History of budget values an import overwrote or removed. riwayat.jenis has a CHECK that DuckDB
-- cannot alter, and its indikator_id does not fit a program/kegiatan: budget history lives here.
CREATE TABLE riwayat_anggaran (
    id                  BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    submission_id       BIGINT NOT NULL,
    jenis               VARCHAR NOT NULL CHECK (jenis IN ('pagu', 'realisasi')),
    program_kegiatan_id BIGINT NOT NULL,
    tahun               INTEGER NOT NULL,
    triwulan            INTEGER NOT NULL,
    nilai_lama          VARCHAR,
    nilai_baru          VARCHAR,
    diubah_pada         TIMESTAMP NOT NULL
);
