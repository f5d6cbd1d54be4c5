-- The stored capaian (capaian_tersimpan, kept by kinerja.store.materialised from capaian.sql) of
-- $tahun and $periode (0 = the whole year, 1-4 = to date), of $unit or every unit (NULL), in the
-- order capaian.sql gives: unit, sasaran, indicator (file order).
SELECT * EXCLUDE (tahun, periode)
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode AND ($unit IS NULL OR unit = $unit)
ORDER BY unit, sasaran_id NULLS LAST, indikator_id
