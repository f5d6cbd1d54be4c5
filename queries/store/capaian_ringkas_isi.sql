-- Counts and exact sums of the stored capaian of $tahun per periode × unit × sasaran × status_data ×
-- kategori, for the units of these indicators ($indikator NULL: every unit). capaian_persen holds
-- a value rounded to 2 decimals, so × 100 and rounded it is that value's exact integer.
INSERT INTO capaian_ringkas
SELECT tahun, periode, unit, sasaran_id, any_value(sasaran), status_data, kategori,
       count(*), count(capaian_persen), sum(CAST(round(capaian_persen * 100) AS HUGEINT))
FROM capaian_tersimpan
WHERE tahun = $tahun
  AND ($indikator IS NULL
       OR unit IN (SELECT unit_kode FROM indikator WHERE id IN (SELECT unnest(CAST($indikator AS BIGINT[])))))
GROUP BY tahun, periode, unit, sasaran_id, status_data, kategori
