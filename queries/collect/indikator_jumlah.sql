-- How many indicators (of $unit, NULL for every unit) indikator_daftar.sql lists for $tahun, and how
-- many of them have a setting in force that was only inferred (not yet confirmed). The row in force
-- is chosen as pengaturan_berlaku($tahun) chooses it (migration 0004), reading only whether it was
-- inferred: an indicator without a settings row has its file's settings.
WITH pilih AS (
    SELECT indikator_id,
           arg_max(coalesce(polaritas_sumber = 'tebakan' OR agregasi_sumber = 'satuan', false),
                   CASE WHEN tahun <= $tahun THEN tahun ELSE -tahun END) AS ditebak
    FROM pengaturan_indikator
    GROUP BY indikator_id
)
SELECT count(*) AS jumlah, count(*) FILTER (WHERE pilih.ditebak) AS belum_dikonfirmasi
FROM indikator i
LEFT JOIN pilih ON pilih.indikator_id = i.id
WHERE $unit IS NULL OR i.unit_kode = $unit
