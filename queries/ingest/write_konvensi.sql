INSERT OR REPLACE INTO konvensi_target SELECT indikator_id, tahun, konvensi FROM incoming_konvensi
