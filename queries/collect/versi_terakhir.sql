-- The newest version of the stream a submission belongs to.
SELECT max(s.id)
FROM submission s JOIN submission a ON a.id = $id
WHERE s.unit_kode = a.unit_kode AND s.tahun = a.tahun AND s.triwulan IS NOT DISTINCT FROM a.triwulan
