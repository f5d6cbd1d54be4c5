SELECT tenggat_laporan, satuan_waktu FROM siklus_tahun WHERE tahun = $tahun
