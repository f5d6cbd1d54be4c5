SELECT kode, id FROM program_kegiatan
