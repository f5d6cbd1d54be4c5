-- Stored values of the indicators a file names ($ids): targets and realisation of the year, Renstra
-- targets of every year (their "triwulan" column carries the Renstra year). Only what the file
-- names is read, so planning costs what the file holds, not the unit's history. The bounds come as
-- text (DuckDB's DECIMAL to Python Decimal costs twice Decimal(text)), exact as stored.
SELECT 'target' AS jenis, t.triwulan, CAST(t.bawah AS VARCHAR) AS bawah, CAST(t.atas AS VARCHAR) AS atas, t.teks,
       t.indikator_id
FROM target t
WHERE t.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[]))) AND t.tahun = $tahun
UNION ALL
SELECT 'target_renstra', r.tahun, CAST(r.bawah AS VARCHAR), CAST(r.atas AS VARCHAR), r.teks, r.indikator_id
FROM target_renstra r
WHERE r.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[])))
UNION ALL
SELECT 'realisasi', r.triwulan, CAST(r.nilai AS VARCHAR), CAST(r.nilai AS VARCHAR), NULL, r.indikator_id
FROM realisasi r
WHERE r.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[]))) AND r.tahun = $tahun
