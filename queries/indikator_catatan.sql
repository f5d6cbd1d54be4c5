-- Notes (KET, bukti dukung) of the indicators in a year; triwulan 0 belongs to the whole row.
SELECT c.indikator_id, c.triwulan, c.ket, c.bukti_dukung
FROM catatan c
JOIN indikator i ON i.id = c.indikator_id
WHERE c.tahun = $tahun AND ($unit IS NULL OR i.unit_kode = $unit)
  AND (c.ket IS NOT NULL OR c.bukti_dukung IS NOT NULL)
ORDER BY c.indikator_id, c.triwulan
