-- The stored capaian (capaian_tersimpan) of $tahun to date at the end of quarter $periode (1-4), of
-- $unit or every unit (NULL), only the columns the early warning reads and shows
-- (engine.capaian.untuk_proyeksi, kinerja.engine.proyeksi), in capaian_tabel.sql's order.
SELECT indikator_id, unit, unit_nama, sasaran_id, sasaran, indikator, satuan, polaritas, agregasi, konvensi,
       rumus_negatif, realisasi, target_tahunan_bawah, target_tahunan_atas, target_tw1_bawah, target_tw1_atas,
       target_tw2_bawah, target_tw2_atas, target_tw3_bawah, target_tw3_atas, target_tw4_bawah, target_tw4_atas,
       realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode AND ($unit IS NULL OR unit = $unit)
ORDER BY unit, sasaran_id NULLS LAST, indikator_id
