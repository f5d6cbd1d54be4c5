-- Pagu and realisasi anggaran per program/kegiatan of $tahun, to the end of $triwulan (NULL: the
-- whole year). Values as text (exact); realisation to date is the sum of the quarters reported up
-- to it, or the yearly figure when the file gave only that (whole year only).
WITH a AS (
    SELECT program_kegiatan_id AS id,
           any_value(nilai) FILTER (WHERE jenis = 'pagu' AND triwulan = 0) AS pagu,
           sum(nilai) FILTER (WHERE jenis = 'realisasi' AND triwulan BETWEEN 1 AND coalesce($triwulan, 4)) AS r_tw,
           any_value(nilai) FILTER (WHERE jenis = 'realisasi' AND triwulan = 0) AS r_tahun,
           any_value(nilai) FILTER (WHERE jenis = 'realisasi' AND triwulan = 1) AS tw1,
           any_value(nilai) FILTER (WHERE jenis = 'realisasi' AND triwulan = 2) AS tw2,
           any_value(nilai) FILTER (WHERE jenis = 'realisasi' AND triwulan = 3) AS tw3,
           any_value(nilai) FILTER (WHERE jenis = 'realisasi' AND triwulan = 4) AS tw4
    FROM anggaran
    WHERE tahun = $tahun
    GROUP BY program_kegiatan_id
)
SELECT pk.id AS program_kegiatan_id, pk.kode, pk.nama, pk.level, pk.parent_id,
       CAST(a.pagu AS VARCHAR) AS pagu,
       CAST(coalesce(a.r_tw, CASE WHEN $triwulan IS NULL THEN a.r_tahun END) AS VARCHAR) AS realisasi,
       CAST(a.tw1 AS VARCHAR) AS realisasi_tw1, CAST(a.tw2 AS VARCHAR) AS realisasi_tw2,
       CAST(a.tw3 AS VARCHAR) AS realisasi_tw3, CAST(a.tw4 AS VARCHAR) AS realisasi_tw4
FROM a JOIN program_kegiatan pk ON pk.id = a.id
ORDER BY pk.kode
