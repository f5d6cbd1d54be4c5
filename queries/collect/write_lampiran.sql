INSERT INTO lampiran (id, indikator_id, tahun, triwulan, nama_berkas, isi, diunggah_pada, diunggah_oleh)
VALUES (nextval('seq_id'), $indikator, $tahun, $triwulan, $nama, $isi, $pada, $oleh)
