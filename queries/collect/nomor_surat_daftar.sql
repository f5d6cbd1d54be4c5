SELECT urut, nomor, perihal, pada, oleh FROM nomor_surat WHERE tahun = $tahun ORDER BY urut
