-- Notes typed on the pages for one value (empty fields are no note).
INSERT INTO catatan (indikator_id, tahun, triwulan, ket, bukti_dukung, faktor_pendorong, faktor_penghambat,
                     tindak_lanjut_triwulan, tindak_lanjut_renja)
VALUES ($indikator, $tahun, $triwulan, $ket, $bukti_dukung, $faktor_pendorong, $faktor_penghambat,
        $tindak_lanjut_triwulan, $tindak_lanjut_renja)
ON CONFLICT DO UPDATE SET ket = excluded.ket, bukti_dukung = excluded.bukti_dukung,
                          faktor_pendorong = excluded.faktor_pendorong,
                          faktor_penghambat = excluded.faktor_penghambat,
                          tindak_lanjut_triwulan = excluded.tindak_lanjut_triwulan,
                          tindak_lanjut_renja = excluded.tindak_lanjut_renja
