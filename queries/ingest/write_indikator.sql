-- New indicators and changed master fields of known ones. The settings columns are written once,
-- when the indicator is created: the settings of each year live in pengaturan_indikator.
INSERT INTO indikator
    (id, kode, nama, nama_norm, unit_kode, sasaran_id, level, parent_id, satuan, polaritas,
     agregasi, agregasi_sumber)
SELECT id, kode, nama, nama_norm, unit_kode, sasaran_id, level, parent_id, satuan, polaritas,
       agregasi, agregasi_sumber
FROM incoming_indikator
ON CONFLICT (id) DO UPDATE SET
    kode = excluded.kode, nama = excluded.nama, nama_norm = excluded.nama_norm,
    sasaran_id = coalesce(excluded.sasaran_id, indikator.sasaran_id),
    level = excluded.level, parent_id = coalesce(excluded.parent_id, indikator.parent_id),
    satuan = excluded.satuan
