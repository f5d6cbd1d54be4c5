-- Every indicator of $unit by id, KODE, name and name key (nama_norm): the candidates a new name
-- of a file may be a rename of (kinerja.ingest.plan.near_matches), read only when a file has one.
SELECT id, kode, nama, nama_norm FROM indikator WHERE unit_kode = $unit ORDER BY id
