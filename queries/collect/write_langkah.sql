INSERT INTO langkah_pengumpulan (id, unit_kode, tahun, triwulan, status, oleh, pada, alasan, submission_id)
SELECT nextval('seq_id'), $unit, $tahun, triwulan, $status, $oleh, $pada, $alasan, $submission
FROM incoming_langkah
