INSERT INTO siklus_tahun (tahun, tenggat_laporan, satuan_waktu)
VALUES ($tahun, $tenggat_laporan, $satuan_waktu)
ON CONFLICT (tahun) DO UPDATE SET tenggat_laporan = excluded.tenggat_laporan, satuan_waktu = excluded.satuan_waktu
