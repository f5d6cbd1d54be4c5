-- The notes of one value (indicator, year, quarter).
SELECT ket, bukti_dukung, faktor_penghambat, tindak_lanjut
FROM catatan
WHERE indikator_id = $indikator AND tahun = $tahun AND triwulan = $triwulan
