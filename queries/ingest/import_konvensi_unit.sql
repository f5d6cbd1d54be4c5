SELECT k.indikator_id, k.konvensi
FROM konvensi_target k JOIN indikator i ON i.id = k.indikator_id
WHERE i.unit_kode = $unit AND k.tahun = $tahun
