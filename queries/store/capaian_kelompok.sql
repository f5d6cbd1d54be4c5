-- The groups (unit, sasaran_id) of capaian_ringkas that the stored capaian of these indicators
-- ($indikator) in $tahun falls in: asked before and after a refresh, whose groups are summed anew.
SELECT DISTINCT unit, sasaran_id
FROM capaian_tersimpan
WHERE tahun = $tahun AND indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[])))
