-- Stored values of the unit's indicators: targets and realisation of the year, Renstra targets of
-- every year (their "triwulan" column carries the Renstra year).
SELECT 'target' AS jenis, t.triwulan, t.bawah, t.atas, t.teks, t.indikator_id
FROM target t JOIN indikator i ON i.id = t.indikator_id
WHERE i.unit_kode = $unit AND t.tahun = $tahun
UNION ALL
SELECT 'target_renstra', r.tahun, r.bawah, r.atas, r.teks, r.indikator_id
FROM target_renstra r JOIN indikator i ON i.id = r.indikator_id
WHERE i.unit_kode = $unit
UNION ALL
SELECT 'realisasi', r.triwulan, r.nilai, r.nilai, NULL, r.indikator_id
FROM realisasi r JOIN indikator i ON i.id = r.indikator_id
WHERE i.unit_kode = $unit AND r.tahun = $tahun
