-- The notes of one value (indicator, year, quarter).
SELECT ket, bukti_dukung, faktor_pendorong, faktor_penghambat, tindak_lanjut_triwulan, tindak_lanjut_renja
FROM catatan
WHERE indikator_id = $indikator AND tahun = $tahun AND triwulan = $triwulan
