-- The names of the indicators of $unit with a stored capaian in $tahun and $periode (0 = the whole
-- year, 1-4 = to date), in capaian_tabel.sql's order: what a page lists to pick one from, without
-- reading their capaian.
SELECT indikator_id, indikator
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode AND unit = $unit
ORDER BY unit, sasaran_id NULLS LAST, indikator_id
