-- A document of a step, numbered after the step's earlier documents of its kind; returns id, versi.
INSERT INTO siklus_dokumen (id, tahun, nomor, jenis, versi, nama_berkas, sha256, komentar, pada, oleh)
SELECT nextval('seq_id'), $tahun, $nomor, $jenis,
       coalesce((SELECT max(versi) FROM siklus_dokumen WHERE tahun = $tahun AND nomor = $nomor AND jenis = $jenis),
                0) + 1,
       $nama, $sha256, $komentar, $pada, $oleh
RETURNING id, versi
