-- The analysis in force per sasaran (indikator_id NULL) and per indicator of a year: the latest row
-- of each key.
SELECT sasaran, indikator_id, penyebab, solusi, efisiensi, pada, oleh
FROM (
    SELECT *, row_number() OVER (PARTITION BY sasaran, indikator_id ORDER BY id DESC) AS n
    FROM analisis_kinerja WHERE tahun = $tahun
)
WHERE n = 1
ORDER BY sasaran, indikator_id NULLS FIRST
