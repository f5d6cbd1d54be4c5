-- Store kinerja.proyeksi's rows (registered as `proyeksi_baru`) of $tahun.
INSERT INTO proyeksi_tersimpan
SELECT $tahun, triwulan, indikator_id, triwulan_dilaporkan, target_tahunan_nilai, target_tahunan_teks, proyeksi,
       proyeksi_capaian, status, kekurangan, sisa_triwulan, kebutuhan, kebutuhan_per_triwulan, aturan, alasan
FROM proyeksi_baru
