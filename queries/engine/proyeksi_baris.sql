-- The stored early warning (proyeksi_tersimpan) of $tahun made at the end of quarter $triwulan,
-- of $unit or every unit (NULL), kinerja.proyeksi.COLUMNS with the annual target as its two stored
-- columns. $pilihan: 'semua' every row, the projected misses first (tests/reference_proyeksi.by_risk);
-- 'berisiko' the misses that still have quarters to come (tests/reference_proyeksi.at_risk); 'tanpa' the
-- rows without a projection. Ties keep the engine's order (unit, sasaran, indicator), as the
-- stable sorts of those functions do. Rows $mulai to $mulai + $batas ($batas NULL: all).
SELECT c.indikator_id, c.unit, c.unit_nama, c.sasaran_id, c.sasaran, c.indikator, c.satuan, c.polaritas,
       c.agregasi, p.triwulan, p.triwulan_dilaporkan, p.target_tahunan_nilai, p.target_tahunan_teks, c.realisasi,
       p.proyeksi, p.proyeksi_capaian, p.status, p.kekurangan, p.sisa_triwulan, p.kebutuhan,
       p.kebutuhan_per_triwulan, p.aturan, p.alasan
FROM proyeksi_tersimpan p
JOIN capaian_tersimpan c ON c.tahun = p.tahun AND c.periode = p.triwulan AND c.indikator_id = p.indikator_id
WHERE p.tahun = $tahun AND p.triwulan = $triwulan AND ($unit IS NULL OR c.unit = $unit)
  AND CASE $pilihan
        WHEN 'berisiko' THEN p.status IN ($berisiko, $tidak_tercapai) AND p.sisa_triwulan > 0
        WHEN 'tanpa' THEN p.status IS NULL
        ELSE true END
ORDER BY
    CASE WHEN $pilihan = 'semua'
         THEN CASE p.status WHEN $tidak_tercapai THEN 0 WHEN $berisiko THEN 1
                            WHEN $tercapai THEN 2 ELSE 3 END END,
    CASE WHEN $pilihan <> 'tanpa' THEN p.proyeksi_capaian END NULLS LAST,
    CASE WHEN $pilihan = 'berisiko' THEN c.indikator END,
    c.unit, c.sasaran_id NULLS LAST, c.indikator_id
LIMIT $batas OFFSET $mulai
