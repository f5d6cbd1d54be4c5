-- The master fields of one indicator.
SELECT id, kode, nama, nama_norm, unit_kode, satuan, definisi_operasional, sumber_data
FROM indikator WHERE id = $id
