-- Every recorded change of one indicator's values, newest first, with the file that made it.
SELECT r.diubah_pada, r.jenis, r.tahun, r.triwulan, r.nilai_lama, r.nilai_baru,
       s.nama_berkas, s.versi, s.diunggah_oleh
FROM riwayat r
JOIN submission s ON s.id = r.submission_id
WHERE r.indikator_id = $indikator
ORDER BY r.diubah_pada DESC, r.id DESC
