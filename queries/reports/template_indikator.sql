-- The unit's indicators for its template of $tahun: those with a target in $tahun; when none has
-- one yet, those of the unit's latest year with targets (a new year starts from last year's
-- list); when the unit has no targets at all, all of its indicators. tahun_sumber says which year
-- the list came from (NULL: no targets at all).
-- Ordered as the reader walks a sheet: indicators without a sasaran first, then per sasaran its
-- own indicators, kegiatan without a program, then each program with its kegiatan.
WITH
unit_target AS (
    SELECT t.indikator_id, t.tahun
    FROM target t JOIN indikator i ON i.id = t.indikator_id
    WHERE i.unit_kode = $unit
),
sumber AS (
    SELECT coalesce(max(tahun) FILTER (WHERE tahun = $tahun), max(tahun)) AS tahun FROM unit_target
),
placed AS (
    -- a setting only inferred is left blank: sent back, it must not read as stated by the unit
    SELECT i.id, i.kode, i.nama, i.satuan,
           CASE WHEN b.polaritas_sumber <> 'tebakan' THEN b.polaritas END AS polaritas,
           CASE WHEN b.agregasi_sumber <> 'satuan' THEN b.agregasi END AS agregasi,
           i.sasaran_id, s.teks AS sasaran,
           CASE pk.level WHEN 'program' THEN pk.kode WHEN 'kegiatan' THEN pp.kode END AS program_kode,
           CASE pk.level WHEN 'program' THEN pk.nama WHEN 'kegiatan' THEN pp.nama END AS program_nama,
           CASE pk.level WHEN 'kegiatan' THEN pk.kode END AS kegiatan_kode,
           CASE pk.level WHEN 'kegiatan' THEN pk.nama END AS kegiatan_nama
    FROM indikator i
    JOIN pengaturan_berlaku($tahun) b ON b.indikator_id = i.id
    LEFT JOIN sasaran s ON s.id = i.sasaran_id
    -- only program/kegiatan indicators hang under a program_kegiatan row
    LEFT JOIN program_kegiatan pk ON pk.id = i.parent_id AND i.level IN ('program', 'kegiatan')
    LEFT JOIN program_kegiatan pp ON pp.id = pk.parent_id AND pk.level = 'kegiatan'
    WHERE i.unit_kode = $unit
)
SELECT placed.*, sumber.tahun AS tahun_sumber
FROM placed CROSS JOIN sumber
WHERE sumber.tahun IS NULL
   OR placed.id IN (SELECT indikator_id FROM unit_target WHERE tahun = sumber.tahun)
ORDER BY placed.sasaran_id NULLS FIRST, placed.program_kode NULLS FIRST,
         placed.kegiatan_kode NULLS FIRST, placed.id
