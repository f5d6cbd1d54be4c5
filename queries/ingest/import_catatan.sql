-- The notes stored for $tahun of the indicators a file names ($ids).
SELECT c.indikator_id, c.triwulan, c.ket, c.faktor_pendorong, c.faktor_penghambat, c.tindak_lanjut_triwulan,
       c.tindak_lanjut_renja, c.bukti_dukung
FROM catatan c
WHERE c.indikator_id IN (SELECT unnest(CAST($ids AS BIGINT[]))) AND c.tahun = $tahun
