-- The notes of a year: KET, the faktor / tindak lanjut of the E.81 footer and LKjIP Bab III, bukti dukung.
SELECT indikator_id, triwulan, ket, faktor_pendorong, faktor_penghambat, tindak_lanjut_triwulan, tindak_lanjut_renja,
       bukti_dukung
FROM catatan WHERE tahun = $tahun ORDER BY indikator_id, triwulan
