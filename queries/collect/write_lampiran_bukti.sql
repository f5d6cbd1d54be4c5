INSERT INTO lampiran_bukti (id, indikator_id, tahun, triwulan, nama_berkas, sha256, diunggah_pada, diunggah_oleh)
VALUES (nextval('seq_id'), $indikator, $tahun, $triwulan, $nama, $sha256, $pada, $oleh)
RETURNING id
