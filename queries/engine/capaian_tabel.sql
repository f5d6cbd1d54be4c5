-- The stored capaian (capaian_tersimpan, kept by kinerja.store.materialised from capaian.sql) of
-- $tahun and $periode (0 = the whole year, 1-4 = to date), of $unit or every unit (NULL), of the
-- sasaran id $sasaran and the indicator id $indikator or all (NULL: a page asks only for what it shows), in the
-- order capaian.sql gives: unit, sasaran, indicator (file order).
SELECT * EXCLUDE (tahun, periode)
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode AND ($unit IS NULL OR unit = $unit)
  AND ($sasaran IS NULL OR sasaran_id = $sasaran) AND ($indikator IS NULL OR indikator_id = $indikator)
ORDER BY unit, sasaran_id NULLS LAST, indikator_id
