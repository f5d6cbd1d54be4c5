-- Per indicator: its program/kegiatan (and that kegiatan's program). Used by the E.81 and LKjIP
-- Bab III tables; the Renstra end target comes from kinerja.engine.renstra, its one definition.
SELECT i.id AS indikator_id,
       pk.id AS pk_id, pk.kode AS pk_kode, pk.nama AS pk_nama, pk.level AS pk_level,
       pk.parent_id AS pk_parent_id
FROM indikator i
LEFT JOIN program_kegiatan pk ON pk.id = i.parent_id
