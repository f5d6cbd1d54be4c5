INSERT INTO siklus_langkah (tahun, nomor, uraian, pelaksana, kelengkapan, waktu, output, rencana_mulai,
                            rencana_selesai, arsip_fisik)
VALUES ($tahun, $nomor, $uraian, $pelaksana, $kelengkapan, $waktu, $output, $rencana_mulai, $rencana_selesai,
        $arsip_fisik)
ON CONFLICT (tahun, nomor) DO UPDATE SET
    uraian = excluded.uraian, pelaksana = excluded.pelaksana, kelengkapan = excluded.kelengkapan,
    waktu = excluded.waktu, output = excluded.output, rencana_mulai = excluded.rencana_mulai,
    rencana_selesai = excluded.rencana_selesai, arsip_fisik = excluded.arsip_fisik
