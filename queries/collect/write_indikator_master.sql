-- Master fields of one indicator (the Indikator page).
UPDATE indikator
SET kode = $kode, nama = $nama, nama_norm = $nama_norm, satuan = $satuan,
    definisi_operasional = $definisi_operasional, sumber_data = $sumber_data
WHERE id = $id
