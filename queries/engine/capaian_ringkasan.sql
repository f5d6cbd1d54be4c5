-- What engine.capaian.ringkasan counts of a capaian table, from the stored capaian (capaian_tersimpan)
-- of $tahun and $periode (0 = the whole year, 1-4 = to date), of $unit or every unit (NULL): per
-- status_data and kategori the rows, those measured below $batas (the off-track limit), and the
-- sum of the measured capaian in hundredths (exact integers: capaian_persen has 2 decimals).
-- $banding (a year or NULL): only the measured rows of indicators measured in that year too, at the
-- same period (summaries.like_with_like, the changes against last year).
SELECT status_data, kategori, count(*) AS jumlah,
       count(*) FILTER (WHERE status_data = 'terukur' AND capaian_persen < $batas) AS di_bawah,
       sum(CAST(round(capaian_persen * 100) AS HUGEINT)) FILTER (WHERE status_data = 'terukur') AS seratusan
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode AND ($unit IS NULL OR unit = $unit)
  AND ($banding IS NULL OR (status_data = 'terukur' AND indikator_id IN (
      SELECT indikator_id FROM capaian_tersimpan
      WHERE tahun = $banding AND periode = $periode AND ($unit IS NULL OR unit = $unit) AND status_data = 'terukur')))
GROUP BY ALL
