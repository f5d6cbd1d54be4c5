-- The Renstra targets of one indicator per year; the last year is the end-of-period target.
SELECT tahun, CAST(bawah AS DOUBLE) AS bawah, CAST(atas AS DOUBLE) AS atas, teks
FROM target_renstra
WHERE indikator_id = $indikator
ORDER BY tahun
