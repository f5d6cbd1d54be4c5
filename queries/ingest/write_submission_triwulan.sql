INSERT INTO submission_triwulan SELECT submission_id, triwulan FROM incoming_triwulan
