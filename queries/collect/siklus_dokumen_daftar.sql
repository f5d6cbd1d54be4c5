-- The documents of a year's cycle (of one step, of one kind), newest first, without their bytes.
SELECT d.id, d.nomor, d.jenis, d.versi, d.nama_berkas, b.ukuran, b.jenis AS mime, d.sha256, d.komentar, d.pada,
       d.oleh
FROM siklus_dokumen d
JOIN berkas_bukti b ON b.sha256 = d.sha256
WHERE d.tahun = $tahun
  AND ($nomor IS NULL OR d.nomor = $nomor)
  AND ($jenis IS NULL OR d.jenis = $jenis)
ORDER BY d.id DESC
