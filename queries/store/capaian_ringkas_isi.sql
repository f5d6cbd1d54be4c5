-- Counts and exact sums of the stored capaian of $tahun per periode × unit × sasaran × status_data ×
-- kategori, for the groups $kelompok (a list of {unit, sasaran_id}: capaian_kelompok, a NULL
-- sasaran_id a group too; NULL: every group). capaian_persen holds a value rounded to 2 decimals,
-- so × 100 and rounded it is that value's exact integer. A stored row carries its indicator's
-- unit and sasaran (every write that moves an indicator refreshes all its rows), so the rows of a
-- group are those of the indicators now in it: asked of `indikator` first, their rows are read
-- and not the whole year's.
INSERT INTO capaian_ringkas
WITH kelompok AS (
    SELECT unnest(CAST($kelompok AS STRUCT(unit VARCHAR, sasaran_id BIGINT)[])) AS k
)
SELECT tahun, periode, unit, sasaran_id, any_value(sasaran), status_data, kategori,
       count(*), count(capaian_persen), sum(CAST(round(capaian_persen * 100) AS HUGEINT))
FROM capaian_tersimpan c
WHERE tahun = $tahun
  AND ($kelompok IS NULL
       OR ({'unit': c.unit, 'sasaran_id': c.sasaran_id} IN (SELECT k FROM kelompok)
           AND c.indikator_id IN (SELECT id FROM indikator
                                  WHERE {'unit': unit_kode, 'sasaran_id': sasaran_id} IN (SELECT k FROM kelompok))))
GROUP BY tahun, periode, unit, sasaran_id, status_data, kategori
