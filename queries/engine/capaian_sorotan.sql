-- The stored capaian (capaian_tersimpan) of $tahun and $periode (0 = the whole year, 1-4 = to date),
-- every unit, only the columns the lists beside Ringkasan's numbers need (engine.capaian.sorotan):
-- what they show and what the plausibility flags read; in capaian_tabel.sql's order.
SELECT unit, sasaran_id, indikator_id, indikator, satuan, realisasi, target_bawah, target_atas, capaian_persen,
       kategori, keterangan, status_data
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode
ORDER BY unit, sasaran_id NULLS LAST, indikator_id
