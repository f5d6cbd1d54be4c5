-- The quarterly-target convention stored for $tahun of the indicators a file names ($ids).
SELECT k.indikator_id, k.konvensi
FROM konvensi_target k
WHERE k.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[]))) AND k.tahun = $tahun
