-- The Renstra periods, oldest first.
SELECT tahun_awal, tahun_akhir, dibuat_pada, dibuat_oleh
FROM periode_renstra
ORDER BY tahun_awal
