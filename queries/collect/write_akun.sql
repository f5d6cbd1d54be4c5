INSERT INTO akun (nama, nama_lengkap, hash_sandi, aktif, gagal, sandi_diubah_pada, dibuat_pada, dibuat_oleh)
VALUES ($nama, $lengkap, $hash, true, 0, $pada, $pada, $oleh)
