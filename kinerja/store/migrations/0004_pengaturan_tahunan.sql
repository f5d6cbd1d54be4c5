-- Kinerja schema, version 4: an indicator's settings belong to a year, the master of an indicator,
-- and the history of every change to either.

-- The settings capaian is computed with, per indicator and year. A year without a row of its own
-- takes the nearest earlier year's row (else the earliest row); an indicator without rows at all
-- (tables filled directly, e.g. the benchmarks) takes the columns of `indikator`.
-- polaritas_sumber: 'berkas' (a POLARITAS column), 'pengguna' (set or confirmed on the Indikator
-- page or in the upload preview), 'tebakan' (inferred from satuan and wording: not confirmed).
-- agregasi_sumber as on `indikator`: 'berkas', 'pengguna', 'satuan' (inferred: not confirmed).
CREATE TABLE pengaturan_indikator (
    indikator_id        BIGINT NOT NULL,
    tahun               INTEGER NOT NULL,
    polaritas           VARCHAR NOT NULL CHECK (polaritas IN ('positif', 'negatif')),
    polaritas_sumber    VARCHAR NOT NULL CHECK (polaritas_sumber IN ('berkas', 'pengguna', 'tebakan')),
    rumus_negatif       VARCHAR NOT NULL CHECK (rumus_negatif IN ('A', 'B')),
    agregasi            VARCHAR NOT NULL CHECK (agregasi IN ('kumulatif', 'nilai_akhir', 'rata_rata')),
    agregasi_sumber     VARCHAR NOT NULL CHECK (agregasi_sumber IN ('berkas', 'pengguna', 'satuan')),
    konvensi_triwulan   VARCHAR CHECK (konvensi_triwulan IN ('per_triwulan', 'kumulatif')),
    PRIMARY KEY (indikator_id, tahun)
);

-- Every year an indicator has values in keeps the settings it has now. A negatif polarity was
-- always stated by someone; a positif one may be the old default, so it awaits confirmation.
INSERT INTO pengaturan_indikator
SELECT i.id, y.tahun, i.polaritas,
       CASE WHEN i.polaritas = 'negatif' THEN 'berkas' ELSE 'tebakan' END,
       i.rumus_negatif, i.agregasi,
       CASE WHEN i.agregasi_sumber IN ('berkas', 'pengguna') THEN i.agregasi_sumber ELSE 'satuan' END,
       i.konvensi_triwulan
FROM indikator i
JOIN (SELECT indikator_id, tahun FROM target UNION SELECT indikator_id, tahun FROM realisasi) y
  ON y.indikator_id = i.id;

-- The settings in force for year th, one row per indicator (see pengaturan_indikator). An indicator
-- without rows (filled in directly, never through an import) counts as stated: nothing inferred.
CREATE MACRO pengaturan_berlaku(th) AS TABLE
WITH pilih AS (
    SELECT p.indikator_id,
           arg_max(p, CASE WHEN p.tahun <= th THEN p.tahun ELSE -p.tahun END) AS s
    FROM pengaturan_indikator p
    GROUP BY p.indikator_id
)
SELECT i.id AS indikator_id,
       coalesce(pilih.s.polaritas, i.polaritas) AS polaritas,
       coalesce(pilih.s.polaritas_sumber, 'berkas') AS polaritas_sumber,
       coalesce(pilih.s.rumus_negatif, i.rumus_negatif) AS rumus_negatif,
       coalesce(pilih.s.agregasi, i.agregasi) AS agregasi,
       coalesce(pilih.s.agregasi_sumber, 'berkas') AS agregasi_sumber,
       CASE WHEN pilih.indikator_id IS NULL THEN i.konvensi_triwulan ELSE pilih.s.konvensi_triwulan END
           AS konvensi_triwulan,
       pilih.s.tahun AS berlaku_dari
FROM indikator i
LEFT JOIN pilih ON pilih.indikator_id = i.id;

-- The master of an indicator, kept with it (the Indikator page).
ALTER TABLE indikator ADD COLUMN definisi_operasional VARCHAR;
ALTER TABLE indikator ADD COLUMN sumber_data VARCHAR;

-- Every change to an indicator's master or settings: renames, settings from a file, changes and
-- confirmations on the Indikator page. tahun: the year a setting applies from (NULL for master
-- fields that have no year: kode, nama, satuan, definisi_operasional, sumber_data).
CREATE TABLE riwayat_indikator (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_id'),
    indikator_id    BIGINT NOT NULL,
    tahun           INTEGER,
    kolom           VARCHAR NOT NULL,
    nilai_lama      VARCHAR,
    nilai_baru      VARCHAR,
    oleh            VARCHAR NOT NULL,
    pada            TIMESTAMP NOT NULL,
    alasan          VARCHAR,
    submission_id   BIGINT
);

-- Names are matched on a key that keeps what carries meaning (≥ ≤ < > = %, digits): "SKP ≥ 90"
-- and "SKP < 90" are two indicators. The same key as kinerja.names.indicator_key for the names
-- units write; matching itself recomputes it from `nama`.
UPDATE indikator SET nama_norm = trim(regexp_replace(
    replace(replace(replace(replace(lower(strip_accents(nama)), '>=', '≥'), '=>', '≥'), '<=', '≤'), '=<', '≤'),
    '\s*([≥≤<>=%])\s*|[^0-9a-z≥≤<>=%]+', ' \1 ', 'g'));
UPDATE indikator SET nama_norm = trim(regexp_replace(nama_norm, '\s+', ' ', 'g'));
