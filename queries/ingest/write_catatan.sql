-- A file's notes: what it gives replaces the earlier note; a blank cell (NULL) keeps it, so a
-- KET-only file never erases the bukti dukung typed on the Register page.
INSERT INTO catatan (indikator_id, tahun, triwulan, ket, faktor_pendorong, faktor_penghambat, tindak_lanjut_triwulan,
                     tindak_lanjut_renja, bukti_dukung, submission_id)
SELECT indikator_id, tahun, triwulan, ket, faktor_pendorong, faktor_penghambat, tindak_lanjut_triwulan,
       tindak_lanjut_renja, bukti_dukung, $submission
FROM incoming_catatan
ON CONFLICT DO UPDATE SET
    ket = coalesce(excluded.ket, catatan.ket),
    faktor_pendorong = coalesce(excluded.faktor_pendorong, catatan.faktor_pendorong),
    faktor_penghambat = coalesce(excluded.faktor_penghambat, catatan.faktor_penghambat),
    tindak_lanjut_triwulan = coalesce(excluded.tindak_lanjut_triwulan, catatan.tindak_lanjut_triwulan),
    tindak_lanjut_renja = coalesce(excluded.tindak_lanjut_renja, catatan.tindak_lanjut_renja),
    bukti_dukung = coalesce(excluded.bukti_dukung, catatan.bukti_dukung),
    submission_id = excluded.submission_id
