-- The ids of the unit's indicators that a file names: by KODE in $kodes (lower case), by name key
-- (nama_norm) in $keys, or by id in $ids (a rename the user confirmed). Read apart from their
-- settings (import_indikator_unit) so that pengaturan_berlaku gets them as a value: given as a
-- subquery, it filtered all of pengaturan_indikator (2.5 M rows at 10 M) row by row.
SELECT id FROM indikator
WHERE unit_kode = $unit
  AND (lower(kode) IN (SELECT unnest($kodes::VARCHAR[])) OR nama_norm IN (SELECT unnest($keys::VARCHAR[]))
       OR id IN (SELECT unnest($ids::BIGINT[])))
