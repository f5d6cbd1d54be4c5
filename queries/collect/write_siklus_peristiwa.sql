INSERT INTO siklus_peristiwa (id, tahun, nomor, jenis, pada, oleh, catatan)
VALUES (nextval('seq_id'), $tahun, $nomor, $jenis, $pada, $oleh, $catatan)
