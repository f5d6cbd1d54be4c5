-- Every account with its roles and units; never the password hash.
SELECT a.nama, a.nama_lengkap,
       (SELECT string_agg(peran, ', ' ORDER BY peran) FROM peran_akun WHERE akun = a.nama) AS peran,
       (SELECT string_agg(unit_kode, ', ' ORDER BY unit_kode) FROM unit_akun WHERE akun = a.nama) AS unit,
       a.aktif, a.terkunci_sampai, a.dibuat_pada, a.dibuat_oleh
FROM akun a
ORDER BY a.nama
