-- How many indicators of the stored trends (capaian_tren) of the period $periode (0 = the whole year,
-- 1-4 = to date) go each way, per sasaran (NULL: without one).
SELECT sasaran, arah, count(*) AS jumlah
FROM capaian_tren
WHERE periode = $periode
GROUP BY ALL
ORDER BY sasaran NULLS LAST, arah
