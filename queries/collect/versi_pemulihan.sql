-- What a rollback to version $id would do, per value its stream (same unit, tahun, triwulan) has
-- changed: the value as version $id left it (dipulihkan: the last change up to $id, else the value
-- before the first change after it), the value as the stream's newest version left it (akhir_aliran),
-- the value stored now, and the latest change of that value with its file, which names a later
-- version of another stream (or an upload since) when the stored value is not the stream's.
WITH
a AS (SELECT unit_kode, tahun, triwulan FROM submission WHERE id = $id),
stream AS (
    SELECT s.id FROM submission s JOIN a
      ON s.unit_kode = a.unit_kode AND s.tahun = a.tahun AND s.triwulan IS NOT DISTINCT FROM a.triwulan
),
per_value AS (
    SELECT r.jenis, r.indikator_id, r.tahun, r.triwulan,
           bool_or(r.submission_id <= $id) AS ada_sampai,
           arg_max_null(r.nilai_baru, r.id) FILTER (WHERE r.submission_id <= $id) AS sampai_versi,
           arg_min_null(r.nilai_lama, r.id) FILTER (WHERE r.submission_id > $id) AS sebelum_berikutnya,
           arg_max_null(r.nilai_baru, r.id) AS akhir_aliran
    FROM riwayat r JOIN stream ON stream.id = r.submission_id
    GROUP BY ALL
),
latest AS (
    SELECT r.jenis, r.indikator_id, r.tahun, r.triwulan, arg_max(r.submission_id, r.id) AS submission_id
    FROM riwayat r JOIN per_value v USING (jenis, indikator_id, tahun, triwulan)
    GROUP BY ALL
)
SELECT v.jenis, v.indikator_id, i.nama AS indikator, v.tahun, v.triwulan,
       CASE WHEN v.ada_sampai THEN v.sampai_versi ELSE v.sebelum_berikutnya END AS dipulihkan,
       v.akhir_aliran,
       CAST(coalesce(t.bawah, tr.bawah, x.nilai) AS VARCHAR) AS sekarang_bawah,
       CAST(coalesce(t.atas, tr.atas, x.nilai) AS VARCHAR) AS sekarang_atas,
       s.nama_berkas AS terakhir_berkas, s.versi AS terakhir_versi, s.triwulan AS terakhir_triwulan,
       l.submission_id IN (SELECT id FROM stream) AS terakhir_dari_aliran
FROM per_value v
JOIN indikator i ON i.id = v.indikator_id
JOIN latest l USING (jenis, indikator_id, tahun, triwulan)
JOIN submission s ON s.id = l.submission_id
LEFT JOIN target t ON v.jenis = 'target' AND t.indikator_id = v.indikator_id AND t.tahun = v.tahun
                  AND t.triwulan = v.triwulan
LEFT JOIN target_renstra tr ON v.jenis = 'target_renstra' AND tr.indikator_id = v.indikator_id AND tr.tahun = v.tahun
LEFT JOIN realisasi x ON v.jenis = 'realisasi' AND x.indikator_id = v.indikator_id AND x.tahun = v.tahun
                     AND x.triwulan = v.triwulan
ORDER BY i.id, v.jenis, v.tahun, v.triwulan
