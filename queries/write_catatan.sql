INSERT OR REPLACE INTO catatan
SELECT indikator_id, tahun, triwulan, ket, bukti_dukung, $submission FROM incoming_catatan
