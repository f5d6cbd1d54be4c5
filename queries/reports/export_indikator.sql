-- Per indicator: its program/kegiatan (and that kegiatan's program) and its Renstra end target
-- (the target_renstra of year $akhir). Used by the E.81 and LKjIP Bab III tables.
SELECT i.id AS indikator_id,
       pk.id AS pk_id, pk.kode AS pk_kode, pk.nama AS pk_nama, pk.level AS pk_level,
       pk.parent_id AS pk_parent_id,
       CAST(r.bawah AS VARCHAR) AS renstra_bawah, CAST(r.atas AS VARCHAR) AS renstra_atas
FROM indikator i
LEFT JOIN program_kegiatan pk ON pk.id = i.parent_id
LEFT JOIN target_renstra r ON r.indikator_id = i.id AND r.tahun = $akhir
