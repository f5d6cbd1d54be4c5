INSERT INTO program_kegiatan (id, kode, nama, level, parent_id, sasaran_id)
SELECT id, kode, nama, level, parent_id, sasaran_id FROM incoming_program_kegiatan
