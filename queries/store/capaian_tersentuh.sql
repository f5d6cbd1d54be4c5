-- The (indikator_id, tahun) whose stored capaian a write may have changed (kinerja.store.materialised),
-- from `sentuh` (indikator_id, tahun, pengaturan): the pairs named; every year with values or stored
-- rows of an indicator named without a year; and for a settings row written (pengaturan), every
-- year whose settings in force are that row: its own year, later years up to the next row, and
-- earlier years when it is the indicator's earliest row (pengaturan_berlaku, migration 0004).
WITH ids AS (
    SELECT DISTINCT indikator_id FROM sentuh WHERE tahun IS NULL OR pengaturan
),
years AS (
    SELECT indikator_id, tahun FROM target WHERE indikator_id IN (SELECT indikator_id FROM ids)
    UNION SELECT indikator_id, tahun FROM realisasi WHERE indikator_id IN (SELECT indikator_id FROM ids)
    UNION SELECT indikator_id, tahun FROM capaian_tersimpan
          WHERE periode = 0 AND indikator_id IN (SELECT indikator_id FROM ids)
),
berlaku AS (
    SELECT y.indikator_id, y.tahun,
           coalesce(max(o.tahun) FILTER (WHERE o.tahun <= y.tahun), min(o.tahun)) AS dari
    FROM years y JOIN pengaturan_indikator o ON o.indikator_id = y.indikator_id
    GROUP BY y.indikator_id, y.tahun
)
SELECT indikator_id, tahun FROM sentuh WHERE tahun IS NOT NULL AND NOT pengaturan
UNION
SELECT y.indikator_id, y.tahun FROM years y JOIN sentuh s ON s.indikator_id = y.indikator_id AND s.tahun IS NULL
UNION
SELECT b.indikator_id, b.tahun FROM berlaku b
JOIN sentuh s ON s.pengaturan AND s.indikator_id = b.indikator_id AND s.tahun = b.dari
