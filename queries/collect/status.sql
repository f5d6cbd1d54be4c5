-- Submission register per unit and quarter: who has sent what, how complete, how timely, and where
-- the quarter stands in the workflow (the latest step; without one, 'diajukan' once a file reported
-- the quarter, else 'belum'). Deadline: the one set for the quarter, else the 10th day of the month
-- after the quarter ends (SOP default). wajib: the unit owes the quarter (the rule is stated in
-- kinerja.collect.register.register): the year is collected and the unit takes part in it.
WITH quarters AS (
    SELECT q AS triwulan FROM range(1, 5) r(q)
    WHERE $triwulan IS NULL OR q = $triwulan
),
deadlines AS (
    SELECT q AS triwulan,
           coalesce(t.tanggal, make_date(CAST($tahun AS INTEGER) + CASE WHEN q = 4 THEN 1 ELSE 0 END,
                                         CASE WHEN q = 4 THEN 1 ELSE 3 * q + 1 END, 10)) AS tenggat
    FROM range(1, 5) r(q)
    LEFT JOIN tenggat t ON t.tahun = $tahun AND t.triwulan = q
),
indicators AS (
    SELECT i.unit_kode, i.id
    FROM indikator i
    WHERE EXISTS (SELECT 1 FROM target t WHERE t.indikator_id = i.id AND t.tahun = $tahun)
),
-- units with an indicator with a target, or a file, for the year or the year before
taking_part AS (
    SELECT i.unit_kode
    FROM indikator i JOIN target t ON t.indikator_id = i.id
    WHERE t.tahun IN ($tahun, $tahun - 1)
    UNION
    SELECT unit_kode FROM submission WHERE tahun IN ($tahun, $tahun - 1)
),
-- units that never had an indicator: not onboarded yet, they owe every collected year
never AS (
    SELECT kode AS unit_kode FROM unit
    EXCEPT
    SELECT unit_kode FROM indikator
),
owing AS (
    SELECT unit_kode FROM taking_part
    UNION
    SELECT unit_kode FROM never WHERE EXISTS (SELECT 1 FROM taking_part)
),
counted AS (
    SELECT unit_kode, count(*) AS jumlah FROM indicators GROUP BY ALL
),
filled AS (
    SELECT i.unit_kode, r.triwulan, count(*) AS terisi
    FROM realisasi r JOIN indicators i ON i.id = r.indikator_id
    WHERE r.tahun = $tahun
    GROUP BY ALL
),
sent AS (
    SELECT s.unit_kode, st.triwulan, min(s.diunggah_pada) AS diunggah_pada
    FROM submission s JOIN submission_triwulan st ON st.submission_id = s.id
    WHERE s.tahun = $tahun
    GROUP BY ALL
),
latest AS (
    SELECT unit_kode, triwulan, arg_max(status, (pada, id)) AS status, arg_max(oleh, (pada, id)) AS oleh,
           max(pada) AS pada, arg_max_null(alasan, (pada, id)) AS alasan  -- _null: no reason is an answer
    FROM langkah_pengumpulan
    WHERE tahun = $tahun
    GROUP BY ALL
)
SELECT
    u.kode AS unit,
    q.triwulan,
    coalesce(latest.status, CASE WHEN sent.diunggah_pada IS NULL THEN 'belum' ELSE 'diajukan' END) AS status,
    coalesce(counted.jumlah, 0) AS jumlah_indikator,
    coalesce(filled.terisi, 0) AS terisi,
    round(100.0 * coalesce(filled.terisi, 0) / nullif(counted.jumlah, 0), 2) AS kelengkapan_persen,
    sent.diunggah_pada,
    CASE WHEN sent.diunggah_pada IS NOT NULL THEN CAST(sent.diunggah_pada AS DATE) <= d.tenggat END AS tepat_waktu,
    d.tenggat,
    latest.oleh AS langkah_oleh,
    latest.pada AS langkah_pada,
    latest.alasan,
    owing.unit_kode IS NOT NULL AS wajib
FROM unit u
CROSS JOIN quarters q
JOIN deadlines d ON d.triwulan = q.triwulan
LEFT JOIN counted ON counted.unit_kode = u.kode
LEFT JOIN filled ON filled.unit_kode = u.kode AND filled.triwulan = q.triwulan
LEFT JOIN sent ON sent.unit_kode = u.kode AND sent.triwulan = q.triwulan
LEFT JOIN latest ON latest.unit_kode = u.kode AND latest.triwulan = q.triwulan
LEFT JOIN owing ON owing.unit_kode = u.kode
ORDER BY u.kode, q.triwulan
