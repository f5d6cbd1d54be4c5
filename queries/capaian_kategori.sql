-- The band of one capaian value (already rounded to 2 decimals) on the active scale, as
-- capaian.sql decides it: batas_bawah inclusive, NULL = the lowest band.
SELECT s.kategori, s.warna
FROM skala_kategori s
JOIN pengaturan g ON g.kunci = 'skala_aktif' AND g.nilai = s.skala
WHERE s.batas_bawah IS NULL OR s.batas_bawah <= CAST($nilai AS DECIMAL(38, 2))
ORDER BY s.batas_bawah DESC NULLS LAST
LIMIT 1
