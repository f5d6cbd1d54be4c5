-- The annual Renstra targets of the years $awal..$akhir, every indicator (exact, as text).
SELECT indikator_id, tahun, CAST(bawah AS VARCHAR) AS bawah, CAST(atas AS VARCHAR) AS atas, teks
FROM target_renstra
WHERE tahun BETWEEN $awal AND $akhir
ORDER BY indikator_id, tahun
