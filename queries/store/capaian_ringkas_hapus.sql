-- The sums of $tahun of the groups $kelompok (a list of {unit, sasaran_id}: capaian_kelompok, a
-- NULL sasaran_id a group too), refreshed right after.
DELETE FROM capaian_ringkas r
WHERE r.tahun = $tahun
  AND {'unit': r.unit, 'sasaran_id': r.sasaran_id}
      IN (SELECT unnest(CAST($kelompok AS STRUCT(unit VARCHAR, sasaran_id BIGINT)[])))
