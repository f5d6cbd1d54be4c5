SELECT count(*) FROM capaian_tersimpan
