INSERT INTO sasaran (id, teks, teks_norm) SELECT id, teks, teks_norm FROM incoming_sasaran
