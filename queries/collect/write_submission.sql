INSERT INTO submission
    (id, unit_kode, tahun, triwulan, versi, nama_berkas, sha256, ukuran, isi,
     diunggah_pada, diunggah_oleh, ringkasan)
VALUES ($id, $unit, $tahun, $triwulan, $versi, $nama, $sha, $ukuran, $isi, $waktu, $oleh, $ringkasan)
