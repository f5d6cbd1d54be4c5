-- The files attached to one value, newest first (those attached before schema version 5 included).
SELECT l.id, l.nama_berkas, b.ukuran, b.jenis, l.sha256, l.diunggah_pada, l.diunggah_oleh
FROM lampiran_bukti l JOIN berkas_bukti b USING (sha256)
WHERE l.indikator_id = $indikator AND l.tahun = $tahun AND l.triwulan = $triwulan
UNION ALL
SELECT id, nama_berkas, octet_length(isi), 'application/octet-stream', sha256(isi), diunggah_pada, diunggah_oleh
FROM lampiran
WHERE indikator_id = $indikator AND tahun = $tahun AND triwulan = $triwulan
ORDER BY diunggah_pada DESC, id DESC
