-- The sums of $tahun of the units these indicators belong to (refreshed right after).
DELETE FROM capaian_ringkas
WHERE tahun = $tahun
  AND unit IN (SELECT unit_kode FROM indikator WHERE id IN (SELECT unnest(CAST($indikator AS BIGINT[]))))
