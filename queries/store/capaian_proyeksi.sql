-- The stored capaian (capaian_tersimpan) of $tahun to date at the end of the quarters $periode (a
-- list of 1-4), of $unit or every unit (NULL), of the indicators $indikator or all (NULL), only the
-- columns the early warning reads (kinerja.store.materialised.untuk_proyeksi, kinerja.proyeksi): per
-- quarter, in capaian_tabel.sql's order.
SELECT periode, indikator_id, unit, unit_nama, sasaran_id, sasaran, indikator, satuan, polaritas, agregasi, konvensi,
       rumus_negatif, realisasi, target_tahunan_bawah, target_tahunan_atas, target_tw1_bawah, target_tw1_atas,
       target_tw2_bawah, target_tw2_atas, target_tw3_bawah, target_tw3_atas, target_tw4_bawah, target_tw4_atas,
       realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode IN (SELECT unnest(CAST($periode AS INTEGER[]))) AND ($unit IS NULL OR unit = $unit)
  AND ($indikator IS NULL OR indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[]))))
ORDER BY periode, unit, sasaran_id NULLS LAST, indikator_id
