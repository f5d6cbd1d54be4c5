SELECT d.nama_berkas, b.isi, b.jenis AS mime
FROM siklus_dokumen d JOIN berkas_bukti b ON b.sha256 = d.sha256
WHERE d.id = $id
