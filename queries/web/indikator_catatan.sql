-- Notes of the indicators in a year; triwulan 0 belongs to the whole row.
SELECT c.indikator_id, c.triwulan, c.ket, c.bukti_dukung, c.faktor_pendorong, c.faktor_penghambat,
       c.tindak_lanjut_triwulan, c.tindak_lanjut_renja
FROM catatan c
JOIN indikator i ON i.id = c.indikator_id
WHERE c.tahun = $tahun AND ($unit IS NULL OR i.unit_kode = $unit)
  AND coalesce(c.ket, c.bukti_dukung, c.faktor_pendorong, c.faktor_penghambat, c.tindak_lanjut_triwulan,
               c.tindak_lanjut_renja) IS NOT NULL
ORDER BY c.indikator_id, c.triwulan
