-- History of changes to indicators' master and settings (incoming_riwayat_indikator).
INSERT INTO riwayat_indikator (id, indikator_id, tahun, kolom, nilai_lama, nilai_baru, oleh, pada, alasan, submission_id)
SELECT nextval('seq_id'), indikator_id, tahun, kolom, nilai_lama, nilai_baru, $oleh, $pada, $alasan, $submission
FROM incoming_riwayat_indikator
