-- Another indicator of the unit with the same name key.
SELECT nama FROM indikator WHERE unit_kode = $unit AND nama_norm = $key AND id <> $id
