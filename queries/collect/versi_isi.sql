SELECT id, unit_kode, tahun, triwulan, versi, nama_berkas, isi FROM submission WHERE id = $id
