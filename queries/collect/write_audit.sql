INSERT INTO audit (id, pada, akun, sumber, aksi, unit_kode, tahun, triwulan, objek, lama, baru)
VALUES (nextval('seq_id'), $pada, $akun, $sumber, $aksi, $unit, $tahun, $triwulan, $objek, $lama, $baru)
