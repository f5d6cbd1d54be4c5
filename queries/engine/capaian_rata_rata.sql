-- Counts and the exact mean capaian per group, added up from the stored sums (capaian_ringkas) of
-- the years $tahun and periods $periode (0 = the whole year, 1-4 = to date), of $unit or every unit.
-- $keys names the columns grouped by ('tahun', 'triwulan', 'unit', 'sasaran'); the others are NULL.
-- As summaries.mean_by: jumlah indicators, terukur (measured, with a capaian), belum_lengkap, and
-- the mean of the measured ones in hundredths, rounded half up (away from zero) with integer
-- division: sign(S) × ((2|S| + N) // 2N).
WITH grouped AS (
    SELECT CASE WHEN list_contains($keys, 'tahun') THEN tahun END AS tahun,
           CASE WHEN list_contains($keys, 'triwulan') THEN periode END AS triwulan,
           CASE WHEN list_contains($keys, 'unit') THEN unit END AS unit,
           CASE WHEN list_contains($keys, 'sasaran') THEN sasaran END AS sasaran,
           sum(jumlah) AS jumlah,
           coalesce(sum(dinilai) FILTER (WHERE status_data = 'terukur'), 0) AS terukur,
           coalesce(sum(jumlah) FILTER (WHERE status_data = 'belum_lengkap'), 0) AS belum_lengkap,
           sum(seratusan_jumlah) FILTER (WHERE status_data = 'terukur') AS s
    FROM capaian_ringkas
    WHERE list_contains(CAST($tahun AS INTEGER[]), tahun) AND list_contains(CAST($periode AS INTEGER[]), periode)
      AND ($unit IS NULL OR unit = $unit)
    GROUP BY ALL
)
SELECT tahun, triwulan, unit, sasaran, jumlah, terukur, belum_lengkap,
       CASE WHEN terukur > 0 THEN CAST(sign(s) * ((2 * abs(s) + terukur) // (2 * terukur)) AS BIGINT) END
           AS seratusan
FROM grouped
ORDER BY tahun, triwulan, unit, sasaran NULLS LAST
