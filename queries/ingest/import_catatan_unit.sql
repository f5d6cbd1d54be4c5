SELECT c.indikator_id, c.triwulan, c.ket, c.bukti_dukung
FROM catatan c JOIN indikator i ON i.id = c.indikator_id
WHERE i.unit_kode = $unit AND c.tahun = $tahun
