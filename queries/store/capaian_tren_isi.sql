-- summaries.trend set-wise over the stored capaian (capaian_tersimpan) of every year, each period
-- (0 = the whole year, 1-4 = to date), of the indicators $indikator (NULL: all), into capaian_tren:
-- one row per periode × indicator (indikator_id, unit, indikator and sasaran as named that year).
-- Over the years with a capaian: the first and last, the last step (exact: the stored capaian has 2
-- decimals, so × 100 and rounded it is an integer), and the direction: 'naik konsisten' / 'turun
-- konsisten' when every step goes that way over at least $min_tahun years (summaries.MIN_TREND_YEARS),
-- 'data kurang' below that, else 'berfluktuasi'.
INSERT INTO capaian_tren
WITH langkah AS (
    SELECT periode, indikator_id, unit, indikator, sasaran, sasaran_id, tahun, capaian_persen,
           -- the step from the previous year WITH a capaian: the years without one are a partition apart
           lag(capaian_persen) OVER (PARTITION BY periode, indikator_id, unit, indikator, sasaran,
                                                  capaian_persen IS NULL ORDER BY tahun) AS sebelumnya
    FROM capaian_tersimpan
    WHERE $indikator IS NULL OR indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[])))
), per AS (
    SELECT periode, indikator_id, unit, indikator, sasaran,
           min(tahun) AS pertama, arg_min(sasaran_id, tahun) AS sasaran_pertama,
           count(capaian_persen) AS n,
           min(tahun) FILTER (WHERE capaian_persen IS NOT NULL) AS tahun_awal,
           arg_min(capaian_persen, tahun) FILTER (WHERE capaian_persen IS NOT NULL) AS capaian_awal,
           max(tahun) FILTER (WHERE capaian_persen IS NOT NULL) AS tahun_akhir,
           arg_max(capaian_persen, tahun) FILTER (WHERE capaian_persen IS NOT NULL) AS capaian_akhir,
           arg_max(sebelumnya, tahun) FILTER (WHERE capaian_persen IS NOT NULL) AS sebelumnya,
           count(*) FILTER (WHERE capaian_persen > sebelumnya) AS naik,
           count(*) FILTER (WHERE capaian_persen < sebelumnya) AS turun,
           count(*) FILTER (WHERE capaian_persen IS NOT NULL AND sebelumnya IS NOT NULL) AS langkah
    FROM langkah
    GROUP BY ALL
)
SELECT periode, indikator_id, unit, sasaran, indikator, tahun_awal, capaian_awal, tahun_akhir, capaian_akhir,
       CASE WHEN n >= 2 AND sebelumnya IS NOT NULL
            THEN CAST(CAST(round(capaian_akhir * 100) AS BIGINT) - CAST(round(sebelumnya * 100) AS BIGINT)
                      AS DOUBLE) / 100
       END AS perubahan_terakhir,
       CASE WHEN n < $min_tahun THEN 'data kurang'
            WHEN turun = langkah THEN 'turun konsisten'
            WHEN naik = langkah THEN 'naik konsisten'
            ELSE 'berfluktuasi' END AS arah,
       pertama, sasaran_pertama
FROM per
