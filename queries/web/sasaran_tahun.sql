-- The sasaran with an indicator that has a target or a realisation in $tahun (the ones the capaian
-- table of the year has rows for), in the table's order: by the first unit holding them, then id.
SELECT i.sasaran_id, any_value(s.teks) AS sasaran
FROM indikator i
JOIN sasaran s ON s.id = i.sasaran_id
WHERE i.id IN (SELECT indikator_id FROM target WHERE tahun = $tahun
               UNION SELECT indikator_id FROM realisasi WHERE tahun = $tahun)
GROUP BY i.sasaran_id
ORDER BY min(i.unit_kode), i.sasaran_id
