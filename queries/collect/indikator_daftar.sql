-- The master of every indicator (of $unit, NULL for every unit) with the settings in force for
-- $tahun and its Renstra targets: per year ("2021: 80; 2022: 82") and the end target ($akhir).
-- Inferred settings (not yet confirmed) first: an inferred negatif polaritas (it turns the score
-- around), an inferred positif one, then an inferred agregasi; then by unit and file order.
WITH renstra AS (
    SELECT r.indikator_id,
           string_agg(CAST(r.tahun AS VARCHAR) || ': ' || coalesce(r.teks, rtrim(rtrim(CAST(r.bawah AS VARCHAR), '0'), '.')),
                      '; ' ORDER BY r.tahun) AS target_renstra,
           coalesce(any_value(r.teks) FILTER (WHERE r.tahun = $akhir),
                    any_value(rtrim(rtrim(CAST(r.bawah AS VARCHAR), '0'), '.')) FILTER (WHERE r.tahun = $akhir))
               AS target_akhir
    FROM target_renstra r GROUP BY r.indikator_id
)
SELECT i.id AS indikator_id, i.unit_kode AS unit, i.kode, i.nama, i.satuan, s.teks AS sasaran,
       b.polaritas, b.polaritas_sumber, b.rumus_negatif, b.agregasi, b.agregasi_sumber, b.konvensi_triwulan,
       b.berlaku_dari, i.definisi_operasional, i.sumber_data, r.target_renstra, r.target_akhir,
       concat_ws(', ', CASE WHEN b.polaritas_sumber = 'tebakan' THEN 'polaritas' END,
                 CASE WHEN b.agregasi_sumber = 'satuan' THEN 'agregasi' END) AS belum_dikonfirmasi
FROM indikator i
JOIN pengaturan_berlaku($tahun) b ON b.indikator_id = i.id
LEFT JOIN sasaran s ON s.id = i.sasaran_id
LEFT JOIN renstra r ON r.indikator_id = i.id
WHERE $unit IS NULL OR i.unit_kode = $unit
ORDER BY b.polaritas_sumber <> 'tebakan', b.polaritas <> 'negatif', belum_dikonfirmasi = '', i.unit_kode,
         i.sasaran_id NULLS LAST, i.id
