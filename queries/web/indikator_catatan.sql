-- Notes in $tahun of the indicators with the ids $indikator (those a page shows); triwulan 0 belongs
-- to the whole row.
SELECT c.indikator_id, c.triwulan, c.ket, c.bukti_dukung, c.faktor_pendorong, c.faktor_penghambat,
       c.tindak_lanjut_triwulan, c.tindak_lanjut_renja
FROM catatan c
WHERE c.tahun = $tahun AND c.indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[])))
  AND coalesce(c.ket, c.bukti_dukung, c.faktor_pendorong, c.faktor_penghambat, c.tindak_lanjut_triwulan,
               c.tindak_lanjut_renja) IS NOT NULL
ORDER BY c.indikator_id, c.triwulan
