-- The settings in force for $tahun per indicator (of $unit, NULL for every unit): migration 0004.
SELECT b.*
FROM pengaturan_berlaku($tahun) b JOIN indikator i ON i.id = b.indikator_id
WHERE $unit IS NULL OR i.unit_kode = $unit
ORDER BY b.indikator_id
