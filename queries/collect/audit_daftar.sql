-- The audit trail, newest first; each filter applies when given.
SELECT id, pada, akun, sumber, aksi, unit_kode AS unit, tahun, triwulan, objek, lama, baru
FROM audit
WHERE ($unit IS NULL OR unit_kode = $unit)
  AND ($tahun IS NULL OR tahun = $tahun)
  AND ($akun IS NULL OR akun = $akun)
  AND ($aksi IS NULL OR aksi = $aksi)
ORDER BY pada DESC, id DESC
