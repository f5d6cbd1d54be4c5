-- The deadline of each quarter of a year: the one set, else the SOP default (the 10th day of the
-- month after the quarter ends).
SELECT q AS triwulan,
       coalesce(t.tanggal, make_date(CAST($tahun AS INTEGER) + CASE WHEN q = 4 THEN 1 ELSE 0 END,
                                     CASE WHEN q = 4 THEN 1 ELSE 3 * q + 1 END, 10)) AS tanggal,
       t.tanggal IS NOT NULL AS diatur
FROM range(1, 5) r(q)
LEFT JOIN tenggat t ON t.tahun = $tahun AND t.triwulan = q
ORDER BY q
