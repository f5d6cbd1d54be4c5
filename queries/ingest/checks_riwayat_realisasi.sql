-- Realisation the unit reported in earlier years, per indicator and quarter (for outlier checks).
SELECT r.indikator_id, r.triwulan, CAST(r.nilai AS VARCHAR) AS nilai
FROM realisasi r JOIN indikator i ON i.id = r.indikator_id
WHERE i.unit_kode = $unit AND r.tahun < $tahun
