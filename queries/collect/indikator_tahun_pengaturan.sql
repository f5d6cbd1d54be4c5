-- The years an indicator has settings of its own.
SELECT tahun FROM pengaturan_indikator WHERE indikator_id = $id ORDER BY tahun
