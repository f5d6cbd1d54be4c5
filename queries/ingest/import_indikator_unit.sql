-- The indicators $ids (import_indikator_dinamai: those of the unit a file names) with their master
-- and the settings in force for $tahun, for matching the rows of an imported file: what the file
-- holds, not the unit's whole history. tahun_sendiri: the year has settings of its own (else they
-- are inherited).
SELECT
    i.id, i.kode, i.nama, i.nama_norm, i.satuan, b.polaritas, b.polaritas_sumber, b.rumus_negatif,
    b.agregasi, b.agregasi_sumber, b.konvensi_triwulan, b.berlaku_dari IS NOT DISTINCT FROM $tahun AS tahun_sendiri,
    i.level, pk.kode AS parent_kode, s.teks AS sasaran_teks, s.teks_norm AS sasaran_norm,
    EXISTS (SELECT 1 FROM target t WHERE t.indikator_id = i.id AND t.tahun = $tahun) AS has_target
FROM indikator i
JOIN pengaturan_berlaku($tahun, ids := $ids) b ON b.indikator_id = i.id
LEFT JOIN sasaran s ON s.id = i.sasaran_id
LEFT JOIN program_kegiatan pk ON pk.id = i.parent_id
ORDER BY i.id
