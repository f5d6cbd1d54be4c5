-- One new Renstra period ($awal..$akhir), recorded with who added it and when.
INSERT INTO periode_renstra (tahun_awal, tahun_akhir, dibuat_pada, dibuat_oleh)
VALUES ($awal, $akhir, $pada, $oleh)
