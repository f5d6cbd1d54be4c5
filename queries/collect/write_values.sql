-- Apply value changes set-wise: history first, then replace the stored values.
-- Values arrive as text and are cast here, so they never pass through a float.
INSERT INTO riwayat (id, submission_id, jenis, indikator_id, tahun, triwulan, nilai_lama, nilai_baru, diubah_pada)
SELECT nextval('seq_id'), $submission, jenis, indikator_id, tahun, triwulan, lama, baru, $waktu
FROM incoming_values;

DELETE FROM target t USING incoming_values v
WHERE v.jenis = 'target' AND t.indikator_id = v.indikator_id AND t.tahun = v.tahun AND t.triwulan = v.triwulan;

DELETE FROM target_renstra t USING incoming_values v
WHERE v.jenis = 'target_renstra' AND t.indikator_id = v.indikator_id AND t.tahun = v.tahun;

DELETE FROM realisasi r USING incoming_values v
WHERE v.jenis = 'realisasi' AND r.indikator_id = v.indikator_id AND r.tahun = v.tahun AND r.triwulan = v.triwulan;

INSERT INTO target
SELECT indikator_id, tahun, triwulan, CAST(bawah AS DECIMAL(38, 6)), CAST(atas AS DECIMAL(38, 6)), teks, $submission
FROM incoming_values WHERE jenis = 'target' AND baru IS NOT NULL;

INSERT INTO target_renstra
SELECT indikator_id, tahun, CAST(bawah AS DECIMAL(38, 6)), CAST(atas AS DECIMAL(38, 6)), teks, $submission
FROM incoming_values WHERE jenis = 'target_renstra' AND baru IS NOT NULL;

INSERT INTO realisasi
SELECT indikator_id, tahun, triwulan, CAST(bawah AS DECIMAL(38, 6)), $submission
FROM incoming_values WHERE jenis = 'realisasi' AND baru IS NOT NULL;
