-- The steps of a unit's quarters of a year through the register, oldest first.
SELECT l.unit_kode AS unit, l.triwulan, l.status, l.oleh, l.pada, l.alasan, l.submission_id
FROM langkah_pengumpulan l
WHERE l.tahun = $tahun AND ($unit IS NULL OR l.unit_kode = $unit)
ORDER BY l.pada, l.id
