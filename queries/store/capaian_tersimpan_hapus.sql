-- The stored capaian of these indicators in $tahun, every period (refreshed right after).
DELETE FROM capaian_tersimpan
WHERE tahun = $tahun AND indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[])))
