-- One attachment's file with the unit it belongs to.
SELECT l.nama_berkas, b.isi, b.jenis, i.unit_kode
FROM lampiran_bukti l JOIN berkas_bukti b USING (sha256) JOIN indikator i ON i.id = l.indikator_id
WHERE l.id = $id
UNION ALL
SELECT l.nama_berkas, l.isi, 'application/octet-stream', i.unit_kode
FROM lampiran l JOIN indikator i ON i.id = l.indikator_id
WHERE l.id = $id
