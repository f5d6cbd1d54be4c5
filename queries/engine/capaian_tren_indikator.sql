-- The stored trends (capaian_tren, summaries.trend's columns) of the period $periode (0 = the whole
-- year, 1-4 = to date), of the sasaran named $sasaran and the directions $arah (NULL: all), in the
-- order summaries.trend lists them; rows $offset to $offset + $limit ($limit NULL: to the end).
SELECT indikator_id, unit, sasaran, indikator, tahun_awal, capaian_awal, tahun_akhir, capaian_akhir,
       perubahan_terakhir, arah
FROM capaian_tren
WHERE periode = $periode AND ($sasaran IS NULL OR sasaran = $sasaran)
  AND ($arah IS NULL OR list_contains(CAST($arah AS VARCHAR[]), arah))
ORDER BY pertama, unit, sasaran_pertama NULLS LAST, indikator_id
LIMIT $limit OFFSET $offset
