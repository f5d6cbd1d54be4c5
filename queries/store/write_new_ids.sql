-- Reserve n ids so that rows written set-wise can refer to each other.
SELECT nextval('seq_id') FROM range($n)
