-- A bukti dukung file, stored once however often it is attached.
INSERT INTO berkas_bukti (sha256, isi, ukuran, jenis) VALUES ($sha256, $isi, $ukuran, $jenis)
ON CONFLICT DO NOTHING
