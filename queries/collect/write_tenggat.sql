INSERT OR REPLACE INTO tenggat (tahun, triwulan, tanggal) VALUES ($tahun, $triwulan, $tanggal)
