-- The indicators a year's analysis covers (those with a target that year), grouped by sasaran as
-- the LKjIP orders them: indikator_id, unit, indikator, sasaran ('Tanpa sasaran' without one).
SELECT i.id AS indikator_id, i.unit_kode AS unit, i.nama AS indikator, coalesce(s.teks, 'Tanpa sasaran') AS sasaran
FROM indikator i
LEFT JOIN sasaran s ON s.id = i.sasaran_id
WHERE EXISTS (SELECT 1 FROM target t WHERE t.indikator_id = i.id AND t.tahun = $tahun)
ORDER BY s.id NULLS LAST, i.unit_kode, i.id
