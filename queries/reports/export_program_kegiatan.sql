-- Every program and kegiatan, by kode.
SELECT id, kode, nama, level, parent_id FROM program_kegiatan ORDER BY kode
