INSERT INTO analisis_kinerja (id, tahun, sasaran, indikator_id, penyebab, solusi, efisiensi, pada, oleh)
VALUES (nextval('seq_id'), $tahun, $sasaran, $indikator, $penyebab, $solusi, $efisiensi, $pada, $oleh)
