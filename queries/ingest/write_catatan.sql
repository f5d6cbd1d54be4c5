INSERT INTO catatan (indikator_id, tahun, triwulan, ket, bukti_dukung, submission_id)
SELECT indikator_id, tahun, triwulan, ket, bukti_dukung, $submission FROM incoming_catatan
-- a file's KET and bukti dukung replace the earlier ones; notes typed on the pages stay
ON CONFLICT DO UPDATE SET ket = excluded.ket, bukti_dukung = excluded.bukti_dukung,
                          submission_id = excluded.submission_id
