-- The eleven steps of a year's LKjIP cycle: the SOP's text unless the year has its own, the plan,
-- the latest event (status, who, when) and how many documents each step holds (dokumen_berlaku: those
-- attached after the step was last reopened, which its completion needs).
WITH latest AS (
    SELECT nomor, arg_max(jenis, id) AS jenis, arg_max(pada, id) AS pada, arg_max(oleh, id) AS oleh,
           arg_max_null(catatan, id) AS catatan
    FROM siklus_peristiwa
    WHERE tahun = $tahun
    GROUP BY nomor
),
reopened AS (
    SELECT nomor, max(id) AS id FROM siklus_peristiwa WHERE tahun = $tahun AND jenis = 'dibuka_kembali' GROUP BY nomor
),
docs AS (
    SELECT d.nomor, count(*) AS dokumen,
           count(*) FILTER (WHERE reopened.id IS NULL OR d.id > reopened.id) AS dokumen_berlaku
    FROM siklus_dokumen d LEFT JOIN reopened ON reopened.nomor = d.nomor
    WHERE d.tahun = $tahun
    GROUP BY d.nomor
)
SELECT
    s.nomor,
    coalesce(y.uraian, s.uraian) AS uraian,
    coalesce(y.pelaksana, s.pelaksana) AS pelaksana,
    coalesce(y.kelengkapan, s.kelengkapan) AS kelengkapan,
    coalesce(y.waktu, s.waktu) AS waktu,
    coalesce(y.output, s.output) AS output,
    y.rencana_mulai,
    y.rencana_selesai,
    y.arsip_fisik,
    coalesce(latest.jenis, 'belum') AS status,
    latest.pada,
    latest.oleh,
    latest.catatan,
    coalesce(docs.dokumen, 0) AS dokumen,
    coalesce(docs.dokumen_berlaku, 0) AS dokumen_berlaku
FROM siklus_sop s
LEFT JOIN siklus_langkah y ON y.tahun = $tahun AND y.nomor = s.nomor
LEFT JOIN latest ON latest.nomor = s.nomor
LEFT JOIN docs ON docs.nomor = s.nomor
ORDER BY s.nomor
