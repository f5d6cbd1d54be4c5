-- Realisation of earlier years of the indicators a file names ($ids), per indicator and quarter
-- (for outlier checks).
SELECT r.indikator_id, r.triwulan, CAST(r.nilai AS VARCHAR) AS nilai
FROM realisasi r
WHERE r.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[]))) AND r.tahun < $tahun
