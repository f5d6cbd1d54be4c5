-- Targets and realisation of the unit's indicators in $tahun, as stored (exact DECIMALs):
-- jenis 'target' (triwulan 0 = annual) or 'realisasi' (triwulan 1-4; bawah = atas = nilai).
SELECT t.indikator_id, 'target' AS jenis, t.triwulan, t.bawah, t.atas
FROM target t JOIN indikator i ON i.id = t.indikator_id
WHERE i.unit_kode = $unit AND t.tahun = $tahun
UNION ALL
SELECT r.indikator_id, 'realisasi', r.triwulan, r.nilai, r.nilai
FROM realisasi r JOIN indikator i ON i.id = r.indikator_id
WHERE i.unit_kode = $unit AND r.tahun = $tahun
