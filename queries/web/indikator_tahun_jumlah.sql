-- How many indicators have a target or a realisation in $tahun (the rows of the year's capaian
-- table), without computing it.
SELECT count(*) AS jumlah
FROM (SELECT indikator_id FROM target WHERE tahun = $tahun
      UNION SELECT indikator_id FROM realisasi WHERE tahun = $tahun)
