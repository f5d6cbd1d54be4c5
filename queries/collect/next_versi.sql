SELECT coalesce(max(versi), 0) + 1
FROM submission
WHERE unit_kode = $unit AND tahun = $tahun AND triwulan IS NOT DISTINCT FROM $triwulan
