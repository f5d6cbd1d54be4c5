-- The stored projections of these indicators ($indikator, NULL: all) in $tahun (NULL: every year),
-- before they are stored again.
DELETE FROM proyeksi_tersimpan
WHERE ($tahun IS NULL OR tahun = $tahun)
  AND ($indikator IS NULL OR indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[]))))
