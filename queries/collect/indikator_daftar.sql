-- The master of every indicator (of $unit, NULL for every unit) with the settings in force for
-- $tahun and its Renstra targets: per year ("2021: 80; 2022: 82") and the end target ($akhir).
-- Inferred settings (not yet confirmed) first: an inferred negatif polaritas (it turns the score
-- around), an inferred positif one, then an inferred agregasi; then by unit and file order.
-- Rows $offset to $offset + $limit of that order ($limit NULL: to the end); the Renstra targets
-- are gathered for those rows only.
WITH daftar AS (
    SELECT i.id AS indikator_id, i.unit_kode AS unit, i.kode, i.nama, i.satuan, s.teks AS sasaran,
           b.polaritas, b.polaritas_sumber, b.rumus_negatif, b.agregasi, b.agregasi_sumber, b.konvensi_triwulan,
           b.berlaku_dari, i.definisi_operasional, i.sumber_data,
           concat_ws(', ', CASE WHEN b.polaritas_sumber = 'tebakan' THEN 'polaritas' END,
                     CASE WHEN b.agregasi_sumber = 'satuan' THEN 'agregasi' END) AS belum_dikonfirmasi,
           [b.polaritas_sumber <> 'tebakan', b.polaritas <> 'negatif', belum_dikonfirmasi = ''] AS urutan,
           i.sasaran_id
    FROM indikator i
    JOIN pengaturan_berlaku($tahun) b ON b.indikator_id = i.id
    LEFT JOIN sasaran s ON s.id = i.sasaran_id
    WHERE $unit IS NULL OR i.unit_kode = $unit
    ORDER BY urutan, unit, sasaran_id NULLS LAST, indikator_id
    LIMIT $limit OFFSET $offset
), renstra AS (
    SELECT r.indikator_id,
           string_agg(CAST(r.tahun AS VARCHAR) || ': ' || coalesce(r.teks, rtrim(rtrim(CAST(r.bawah AS VARCHAR), '0'), '.')),
                      '; ' ORDER BY r.tahun) AS target_renstra,
           coalesce(any_value(r.teks) FILTER (WHERE r.tahun = $akhir),
                    any_value(rtrim(rtrim(CAST(r.bawah AS VARCHAR), '0'), '.')) FILTER (WHERE r.tahun = $akhir))
               AS target_akhir
    FROM target_renstra r
    WHERE r.indikator_id IN (SELECT indikator_id FROM daftar)
    GROUP BY r.indikator_id
)
SELECT d.indikator_id, d.unit, d.kode, d.nama, d.satuan, d.sasaran, d.polaritas, d.polaritas_sumber, d.rumus_negatif,
       d.agregasi, d.agregasi_sumber, d.konvensi_triwulan, d.berlaku_dari, d.definisi_operasional, d.sumber_data,
       r.target_renstra, r.target_akhir, d.belum_dikonfirmasi
FROM daftar d
LEFT JOIN renstra r ON r.indikator_id = d.indikator_id
ORDER BY d.urutan, d.unit, d.sasaran_id NULLS LAST, d.indikator_id
