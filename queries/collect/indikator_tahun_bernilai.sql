-- The years in which indicator $id has a target or a realisation, oldest first: the years whose
-- results its master (its sasaran) takes part in (collect.indikator.value_years).
SELECT tahun FROM target WHERE indikator_id = $id
UNION
SELECT tahun FROM realisasi WHERE indikator_id = $id
ORDER BY tahun
