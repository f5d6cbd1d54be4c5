-- The year's next number; the key (tahun, urut) refuses a second writer that read the same maximum.
INSERT INTO nomor_surat (tahun, urut, nomor, perihal, pada, oleh)
SELECT $tahun, n, replace(replace($format, '{urut}', lpad(CAST(n AS VARCHAR), 3, '0')), '{tahun}',
                          CAST($tahun AS VARCHAR)), $perihal, $pada, $oleh
FROM (SELECT coalesce(max(urut), 0) + 1 AS n FROM nomor_surat WHERE tahun = $tahun)
RETURNING urut, nomor
