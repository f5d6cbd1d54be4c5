-- Every year with a target or a realisation, oldest first.
SELECT tahun FROM target UNION SELECT tahun FROM realisasi ORDER BY tahun
