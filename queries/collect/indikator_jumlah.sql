-- How many indicators (of $unit, NULL for every unit) indikator_daftar.sql lists for $tahun, and how
-- many of them have a setting in force that was only inferred (not yet confirmed).
SELECT count(*) AS jumlah,
       count(*) FILTER (WHERE b.polaritas_sumber = 'tebakan' OR b.agregasi_sumber = 'satuan') AS belum_dikonfirmasi
FROM indikator i
JOIN pengaturan_berlaku($tahun) b ON b.indikator_id = i.id
WHERE $unit IS NULL OR i.unit_kode = $unit
