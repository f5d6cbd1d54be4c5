-- The unit's indicators with their settings, for matching rows of an imported file.
SELECT
    i.id, i.kode, i.nama, i.nama_norm, i.satuan, i.polaritas, i.agregasi, i.agregasi_sumber,
    i.level, pk.kode AS parent_kode, s.teks AS sasaran_teks, s.teks_norm AS sasaran_norm,
    EXISTS (SELECT 1 FROM target t WHERE t.indikator_id = i.id AND t.tahun = $tahun) AS has_target
FROM indikator i
LEFT JOIN sasaran s ON s.id = i.sasaran_id
LEFT JOIN program_kegiatan pk ON pk.id = i.parent_id
WHERE i.unit_kode = $unit
ORDER BY i.id
