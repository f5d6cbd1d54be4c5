-- How many rows the stored early warning of $tahun at quarter $triwulan has, of $unit or every unit
-- (NULL): semua (every indicator), berisiko (proyeksi_baris.sql's 'berisiko'), tanpa (no
-- projection), tersisa (whether any indicator still has quarters to come).
SELECT count(*) AS semua,
       count(*) FILTER (p.status IN ($berisiko, $tidak_tercapai) AND p.sisa_triwulan > 0) AS berisiko,
       count(*) FILTER (p.status IS NULL) AS tanpa,
       coalesce(bool_or(p.sisa_triwulan > 0), false) AS tersisa
FROM proyeksi_tersimpan p
JOIN capaian_tersimpan c ON c.tahun = p.tahun AND c.periode = p.triwulan AND c.indikator_id = p.indikator_id
WHERE p.tahun = $tahun AND p.triwulan = $triwulan AND ($unit IS NULL OR c.unit = $unit)
