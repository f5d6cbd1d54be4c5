-- An indicator's settings for a year (incoming_pengaturan: the columns of pengaturan_indikator).
INSERT OR REPLACE INTO pengaturan_indikator
    (indikator_id, tahun, polaritas, polaritas_sumber, rumus_negatif, agregasi, agregasi_sumber, konvensi_triwulan)
SELECT indikator_id, tahun, polaritas, polaritas_sumber, rumus_negatif, agregasi, agregasi_sumber, konvensi_triwulan
FROM incoming_pengaturan
