-- The stored capaian (capaian_tersimpan) of $tahun and $periode (0 = the whole year, 1-4 = to date),
-- every unit, only the rows and columns the lists beside Ringkasan's numbers need (engine.capaian.sorotan):
-- the rows not measured, those measured below $batas (the off-track limit), and every row a
-- plausibility flag may mark (kinerja.plausibility's limits $atas, $bawah %, realisation $kali times the
-- target, given with a margin: Python decides), in capaian_tabel.sql's order.
SELECT unit, sasaran_id, indikator_id, indikator, satuan, realisasi, target_bawah, target_atas, capaian_persen,
       kategori, keterangan, status_data
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode
  AND (status_data <> 'terukur' OR capaian_persen < $batas OR capaian_persen > $atas OR capaian_persen < $bawah
       OR (realisasi > 100 AND target_atas <= 100) OR (target_bawah > 0 AND realisasi >= $kali * target_bawah))
ORDER BY unit, sasaran_id NULLS LAST, indikator_id
