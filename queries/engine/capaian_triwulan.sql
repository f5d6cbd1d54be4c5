-- The stored capaian (capaian_tersimpan) of $tahun to date at the end of each quarter (periode 1-4)
-- of the indicators with the ids $indikator, of $unit or every unit (NULL): the rows of
-- capaian_tabel.sql's table of each quarter that a chart of a few indicators needs, quarter by
-- quarter in that table's order.
SELECT periode AS triwulan, indikator_id, unit, sasaran, indikator, capaian_persen, kategori, warna, status_data
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode BETWEEN 1 AND 4 AND ($unit IS NULL OR unit = $unit)
  AND indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[])))
ORDER BY periode, unit, sasaran_id NULLS LAST, indikator_id
