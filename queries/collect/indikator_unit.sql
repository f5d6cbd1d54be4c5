-- The unit an indicator belongs to.
SELECT unit_kode FROM indikator WHERE id = $id
