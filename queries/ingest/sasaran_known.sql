SELECT teks_norm, id FROM sasaran
