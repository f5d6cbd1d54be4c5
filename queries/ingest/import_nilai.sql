-- Stored values of the indicators a file names ($ids): targets and realisation of the year, Renstra
-- targets of every year (their "triwulan" column carries the Renstra year). Only what the file
-- names is read, so planning costs what the file holds, not the unit's history.
SELECT 'target' AS jenis, t.triwulan, t.bawah, t.atas, t.teks, t.indikator_id
FROM target t
WHERE t.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[]))) AND t.tahun = $tahun
UNION ALL
SELECT 'target_renstra', r.tahun, r.bawah, r.atas, r.teks, r.indikator_id
FROM target_renstra r
WHERE r.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[])))
UNION ALL
SELECT 'realisasi', r.triwulan, r.nilai, r.nilai, NULL, r.indikator_id
FROM realisasi r
WHERE r.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[]))) AND r.tahun = $tahun
