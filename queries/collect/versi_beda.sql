-- What changed between two versions of one stream (same unit, tahun and triwulan): per value, the
-- value as version $dari left it and as version $ke left it, from the riwayat of the versions after
-- $dari up to $ke (arg_min_null: an absent value, NULL, counts). Values that ended where they
-- started are left out.
WITH stream AS (
    SELECT s.id
    FROM submission s JOIN submission a ON a.id = $dari
    WHERE s.unit_kode = a.unit_kode AND s.tahun = a.tahun AND s.triwulan IS NOT DISTINCT FROM a.triwulan
      AND s.id > $dari AND s.id <= $ke
),
changes AS (
    SELECT r.jenis, r.indikator_id, r.tahun, r.triwulan,
           arg_min_null(r.nilai_lama, r.id) AS sebelum, arg_max_null(r.nilai_baru, r.id) AS sesudah
    FROM riwayat r JOIN stream ON stream.id = r.submission_id
    GROUP BY ALL
)
SELECT c.jenis, c.indikator_id, i.nama AS indikator, c.tahun, c.triwulan, c.sebelum, c.sesudah
FROM changes c JOIN indikator i ON i.id = c.indikator_id
WHERE c.sebelum IS DISTINCT FROM c.sesudah
ORDER BY i.id, c.jenis, c.tahun, c.triwulan
