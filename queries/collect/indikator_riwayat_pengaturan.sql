-- Every recorded change of one indicator's master and settings, newest first.
SELECT pada, oleh, tahun, kolom, nilai_lama, nilai_baru, alasan, submission_id
FROM riwayat_indikator
WHERE indikator_id = $id
ORDER BY pada DESC, id DESC
