-- Notes typed on the pages for one value; the file's KET and bukti dukung are kept unless given.
INSERT INTO catatan (indikator_id, tahun, triwulan, ket, bukti_dukung, faktor_penghambat, tindak_lanjut)
VALUES ($indikator, $tahun, $triwulan, $ket, $bukti, $penghambat, $tindak_lanjut)
ON CONFLICT DO UPDATE SET ket = excluded.ket, bukti_dukung = excluded.bukti_dukung,
                          faktor_penghambat = excluded.faktor_penghambat, tindak_lanjut = excluded.tindak_lanjut
