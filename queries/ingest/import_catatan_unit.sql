-- The notes of the unit's indicators stored for $tahun.
SELECT c.indikator_id, c.triwulan, c.ket, c.faktor_pendorong, c.faktor_penghambat, c.tindak_lanjut_triwulan,
       c.tindak_lanjut_renja, c.bukti_dukung
FROM catatan c JOIN indikator i ON i.id = c.indikator_id
WHERE i.unit_kode = $unit AND c.tahun = $tahun
