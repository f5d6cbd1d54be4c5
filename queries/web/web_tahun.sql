-- Years with any target or realisation, newest first.
SELECT DISTINCT tahun FROM (SELECT tahun FROM target UNION SELECT tahun FROM realisasi) ORDER BY tahun DESC
