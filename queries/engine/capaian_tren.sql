-- What the Tren page reads of the stored capaian (capaian_tersimpan) of every year at once: the
-- period $periode (0 = the whole year, 1-4 = to date) of each year, oldest year first, each year in
-- the order capaian_tabel.sql gives (unit, sasaran, indicator). One read instead of a table per year;
-- of the indicators with the ids $indikator (NULL: all).
SELECT indikator_id, unit, sasaran, indikator, capaian_persen, kategori, warna, status_data, tahun
FROM capaian_tersimpan
WHERE periode = $periode
  AND ($indikator IS NULL OR indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[]))))
ORDER BY tahun, unit, sasaran_id NULLS LAST, indikator_id
