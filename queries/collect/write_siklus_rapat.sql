INSERT INTO siklus_rapat (id, tahun, tanggal, notulen, hadir, pada, oleh)
VALUES (nextval('seq_id'), $tahun, $tanggal, $notulen, $hadir, $pada, $oleh)
