-- The active category scale (pengaturan 'skala_aktif'), best band first.
SELECT s.urutan, s.batas_bawah, s.kategori, s.warna
FROM skala_kategori s
JOIN pengaturan g ON g.kunci = 'skala_aktif' AND g.nilai = s.skala
ORDER BY s.urutan
