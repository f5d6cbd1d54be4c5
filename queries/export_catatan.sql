-- The notes of a year, every column (other versions of the schema add columns such as the
-- faktor penghambat or tindak lanjut; the exports use those present).
SELECT * FROM catatan WHERE tahun = $tahun ORDER BY indikator_id, triwulan
