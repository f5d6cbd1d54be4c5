-- Every version a unit sent for a year, newest first, with how many values each changed.
SELECT s.id, s.triwulan, s.versi, s.nama_berkas, s.ukuran, s.sha256, s.diunggah_pada, s.diunggah_oleh,
       s.ringkasan, count(r.id) AS nilai_diubah
FROM submission s
LEFT JOIN riwayat r ON r.submission_id = s.id
WHERE s.unit_kode = $unit AND s.tahun = $tahun
GROUP BY ALL
ORDER BY s.diunggah_pada DESC, s.id DESC
