-- Apply budget changes set-wise: history first (riwayat_anggaran), then replace the stored values.
-- Values arrive as text and are cast here, so they never pass through a float.
INSERT INTO riwayat_anggaran (id, submission_id, jenis, program_kegiatan_id, tahun, triwulan, nilai_lama,
                              nilai_baru, diubah_pada)
SELECT nextval('seq_id'), $submission, jenis, program_kegiatan_id, tahun, triwulan, lama, baru, $waktu
FROM incoming_anggaran;

DELETE FROM anggaran a USING incoming_anggaran v
WHERE a.program_kegiatan_id = v.program_kegiatan_id AND a.tahun = v.tahun AND a.triwulan = v.triwulan
  AND a.jenis = v.jenis;

INSERT INTO anggaran
SELECT program_kegiatan_id, tahun, triwulan, jenis, CAST(nilai AS DECIMAL(38, 2)), $submission
FROM incoming_anggaran WHERE baru IS NOT NULL;
