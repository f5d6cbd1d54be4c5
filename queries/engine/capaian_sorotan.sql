-- One of the lists beside Ringkasan's numbers (engine.capaian.sorotan_baris; sorotan_jumlah the flags), read
-- from the stored capaian (capaian_tersimpan) of $tahun and $periode (0 = the whole year, 1-4 = to
-- date), every unit, only the columns the lists show. $daftar:
--   'kesenjangan'     measured rows below $batas (the off-track limit), lowest capaian first, then
--                     by indicator name (summaries.off_track);
--   'belum_lengkap'   rows with a quarter missing, by unit and indicator name (summaries.incomplete);
--   'tidak_dihitung'  rows whose capaian cannot be computed (summaries.not_computable);
--   'periksa'         the rows with a plausibility flag (kinerja.plausibility.reasons, as
--                     engine.capaian_tabel.reasons has it in SQL): capaian above $atas or below $bawah %
--                     when measured, a realisation above 100 against a target of at most 100 of a
--                     satuan in $persen (the percentage satuan, told apart in Python), a realisation
--                     at least $kali × the target × $faktor (the rule's float margin).
-- Ties keep capaian_tabel.sql's order (unit, sasaran, indicator), as the stable sorts of those
-- functions do. Rows $mulai to $mulai + $jumlah ($jumlah NULL: all).
SELECT unit, sasaran_id, indikator_id, indikator, satuan, realisasi, target_bawah, target_atas, capaian_persen,
       kategori, keterangan, status_data
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode
  AND CASE $daftar
        WHEN 'kesenjangan' THEN status_data = 'terukur' AND capaian_persen < $batas
        WHEN 'belum_lengkap' THEN status_data = 'belum_lengkap'
        WHEN 'tidak_dihitung' THEN status_data = 'tidak_dapat_dihitung'
        WHEN 'periksa' THEN (status_data = 'terukur' AND (capaian_persen > $atas OR capaian_persen < $bawah))
                            OR (realisasi > 100 AND target_atas <= 100 AND list_contains(CAST($persen AS VARCHAR[]), satuan))
                            OR (target_bawah > 0 AND realisasi >= $kali * target_bawah * $faktor)
      END
ORDER BY
    CASE WHEN $daftar = 'kesenjangan' THEN capaian_persen END,
    CASE WHEN $daftar = 'belum_lengkap' THEN unit END,
    CASE WHEN $daftar IN ('kesenjangan', 'belum_lengkap') THEN indikator END,
    unit, sasaran_id NULLS LAST, indikator_id
LIMIT $jumlah OFFSET $mulai
