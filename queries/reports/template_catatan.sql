-- The notes of the unit's indicators stored for $tahun and $triwulan (0 = the year), the quarter an
-- import of the template writes them to.
SELECT c.indikator_id, c.ket, c.faktor_pendorong, c.faktor_penghambat, c.tindak_lanjut_triwulan, c.bukti_dukung
FROM catatan c JOIN indikator i ON i.id = c.indikator_id
WHERE i.unit_kode = $unit AND c.tahun = $tahun AND c.triwulan = $triwulan
