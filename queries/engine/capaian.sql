-- Capaian kinerja per indicator (spec/capaian.md): the one place where its formulas live.
-- $tahun; $periode: a list of periods, each 1-4 = target and realisation to date at the end of that
-- quarter, 0 = the whole year (one row per indicator and period); $unit: a unit kode, or NULL for
-- every unit; $indikator: a list of indicator ids, or NULL for all. The engine reads the stored
-- result (capaian_tersimpan, kinerja.store.materialised); this query fills it and is its reference.
--
-- Exactness: DuckDB divides DECIMALs in DOUBLE, which misrounds ties (203.93 / 200 × 100 = 101.965
-- must give 101.97). So values are scaled to integer micro-units (HUGEINT), every to-date value is
-- a fraction n / d (a mean of k quarters is sum / k), capaian × 100 is a fraction P / Q, and it is
-- rounded half up with integer division. The kategori is decided on that rounded value.
WITH
p AS (
    SELECT CAST($tahun AS INTEGER) AS tahun,
           CAST(d AS INTEGER) AS periode,
           CAST(nullif(d, 0) AS INTEGER) AS diminta,        -- NULL: the whole year
           CAST(coalesce(nullif(d, 0), 4) AS INTEGER) AS q  -- last quarter counted
    FROM (SELECT unnest(CAST($periode AS INTEGER[])) AS d)
),
ind AS (
    -- the settings in force for the year (migration 0004): a later year's file never changes them
    SELECT i.id, i.kode, i.nama, i.unit_kode, i.sasaran_id, i.level, i.satuan, b.polaritas,
           b.rumus_negatif, b.agregasi,
           -- Quarterly conventions exist only for kumulatif indicators; an explicit setting on the
           -- indicator overrides the one detected for the year.
           CASE WHEN b.agregasi = 'kumulatif'
                THEN coalesce(b.konvensi_triwulan, k.konvensi, 'per_triwulan') END AS konvensi,
           concat_ws(', ', CASE WHEN b.polaritas_sumber = 'tebakan' THEN 'polaritas ' || b.polaritas END,
                     CASE WHEN b.agregasi_sumber = 'satuan' THEN 'agregasi ' || b.agregasi END) AS ditebak
    FROM indikator i
    -- only the indicators asked for: choosing the settings of all of them costs the whole table
    JOIN pengaturan_berlaku($tahun, ids := $indikator) b ON b.indikator_id = i.id
    LEFT JOIN konvensi_target k ON k.indikator_id = i.id AND k.tahun = $tahun
    WHERE ($unit IS NULL OR i.unit_kode = $unit)
      AND ($indikator IS NULL OR i.id IN (SELECT unnest(CAST($indikator AS BIGINT[]))))
),
-- Pivot the quarters into columns: one row per indicator, with as few aggregates as possible
-- (their state, per indicator, is what grows with the number of indicators).
targets AS (
    SELECT x.indikator_id,
           any_value(x.bawah) FILTER (WHERE x.triwulan = 0) AS th_b,
           any_value(x.atas)  FILTER (WHERE x.triwulan = 0) AS th_a,
           any_value(x.bawah) FILTER (WHERE x.triwulan = 1) AS tw1_b,
           any_value(x.atas)  FILTER (WHERE x.triwulan = 1) AS tw1_a,
           any_value(x.bawah) FILTER (WHERE x.triwulan = 2) AS tw2_b,
           any_value(x.atas)  FILTER (WHERE x.triwulan = 2) AS tw2_a,
           any_value(x.bawah) FILTER (WHERE x.triwulan = 3) AS tw3_b,
           any_value(x.atas)  FILTER (WHERE x.triwulan = 3) AS tw3_a,
           any_value(x.bawah) FILTER (WHERE x.triwulan = 4) AS tw4_b,
           any_value(x.atas)  FILTER (WHERE x.triwulan = 4) AS tw4_a
    FROM target x
    WHERE x.tahun = $tahun AND (($unit IS NULL AND $indikator IS NULL) OR x.indikator_id IN (SELECT id FROM ind))
    GROUP BY x.indikator_id
),
reals AS (
    SELECT x.indikator_id,
           any_value(x.nilai) FILTER (WHERE x.triwulan = 1) AS tw1,
           any_value(x.nilai) FILTER (WHERE x.triwulan = 2) AS tw2,
           any_value(x.nilai) FILTER (WHERE x.triwulan = 3) AS tw3,
           any_value(x.nilai) FILTER (WHERE x.triwulan = 4) AS tw4
    FROM realisasi x
    WHERE x.tahun = $tahun AND (($unit IS NULL AND $indikator IS NULL) OR x.indikator_id IN (SELECT id FROM ind))
    GROUP BY x.indikator_id
),
-- One row per indicator with a target or a realisation this year, and how its quarters combine to
-- date: 'sum' (kumulatif, per-quarter amounts), 'latest' (nilai_akhir, or kumulatif in the
-- cumulative convention: the value of the quarter), 'mean' (rata_rata).
joined AS (
    SELECT ind.*, t.* EXCLUDE (indikator_id), r.* EXCLUDE (indikator_id), p.*,
           CASE WHEN ind.agregasi = 'rata_rata' THEN 'mean'
                WHEN ind.agregasi = 'nilai_akhir' OR ind.konvensi = 'kumulatif' THEN 'latest'
                ELSE 'sum' END AS combine,
           coalesce(t.tw1_b, t.tw2_b, t.tw3_b, t.tw4_b) IS NOT NULL AS ada_tw,
           -- the quarters up to q; later ones do not count
           CASE WHEN p.q >= 1 THEN r.tw1 END AS r1, CASE WHEN p.q >= 2 THEN r.tw2 END AS r2,
           CASE WHEN p.q >= 3 THEN r.tw3 END AS r3, CASE WHEN p.q >= 4 THEN r.tw4 END AS r4,
           CASE WHEN p.q >= 1 THEN t.tw1_b END AS t1_b, CASE WHEN p.q >= 2 THEN t.tw2_b END AS t2_b,
           CASE WHEN p.q >= 3 THEN t.tw3_b END AS t3_b, CASE WHEN p.q >= 4 THEN t.tw4_b END AS t4_b,
           CASE WHEN p.q >= 1 THEN t.tw1_a END AS t1_a, CASE WHEN p.q >= 2 THEN t.tw2_a END AS t2_a,
           CASE WHEN p.q >= 3 THEN t.tw3_a END AS t3_a, CASE WHEN p.q >= 4 THEN t.tw4_a END AS t4_a,
           CASE p.q WHEN 1 THEN t.tw1_b WHEN 2 THEN t.tw2_b WHEN 3 THEN t.tw3_b ELSE t.tw4_b END AS tq_b,
           CASE p.q WHEN 1 THEN t.tw1_a WHEN 2 THEN t.tw2_a WHEN 3 THEN t.tw3_a ELSE t.tw4_a END AS tq_a
    FROM ind
    CROSS JOIN p
    LEFT JOIN targets t ON t.indikator_id = ind.id
    LEFT JOIN reals r ON r.indikator_id = ind.id
    WHERE t.indikator_id IS NOT NULL OR r.indikator_id IS NOT NULL
),
-- Counts, sums and the latest of the quarters up to q, and which of them are missing.
quarters AS (
    SELECT *,
           CAST(r1 IS NOT NULL AS INTEGER) + CAST(r2 IS NOT NULL AS INTEGER)
               + CAST(r3 IS NOT NULL AS INTEGER) + CAST(r4 IS NOT NULL AS INTEGER) AS r_n,
           coalesce(r1, 0) + coalesce(r2, 0) + coalesce(r3, 0) + coalesce(r4, 0) AS r_sum,
           coalesce(r4, r3, r2, r1) AS r_akhir,
           CASE WHEN r4 IS NOT NULL THEN 4 WHEN r3 IS NOT NULL THEN 3
                WHEN r2 IS NOT NULL THEN 2 WHEN r1 IS NOT NULL THEN 1 END AS tw_akhir,
           CAST(t1_b IS NOT NULL AS INTEGER) + CAST(t2_b IS NOT NULL AS INTEGER)
               + CAST(t3_b IS NOT NULL AS INTEGER) + CAST(t4_b IS NOT NULL AS INTEGER) AS t_n,
           coalesce(t1_b, 0) + coalesce(t2_b, 0) + coalesce(t3_b, 0) + coalesce(t4_b, 0) AS t_sum_b,
           coalesce(t1_a, 0) + coalesce(t2_a, 0) + coalesce(t3_a, 0) + coalesce(t4_a, 0) AS t_sum_a,
           concat_ws(', ',
               CASE WHEN q >= 1 AND r1 IS NULL THEN 'TW I' END,
               CASE WHEN q >= 2 AND r2 IS NULL THEN 'TW II' END,
               CASE WHEN q >= 3 AND r3 IS NULL THEN 'TW III' END,
               CASE WHEN q >= 4 AND r4 IS NULL THEN 'TW IV' END) AS r_kosong,
           concat_ws(', ',
               CASE WHEN q >= 1 AND t1_b IS NULL THEN 'TW I' END,
               CASE WHEN q >= 2 AND t2_b IS NULL THEN 'TW II' END,
               CASE WHEN q >= 3 AND t3_b IS NULL THEN 'TW III' END,
               CASE WHEN q >= 4 AND t4_b IS NULL THEN 'TW IV' END) AS t_kosong,
           -- a cumulative series never falls; compare each quarter with the last one reported before it
           coalesce(r2 < r1 OR r3 < coalesce(r2, r1) OR r4 < coalesce(r3, r2, r1), false) AS r_menurun
    FROM joined
),
-- To-date values as exact fractions: numerators in DECIMAL(38,6), denominators counts.
to_date AS (
    SELECT *,
           CASE WHEN r_n = 0 THEN NULL WHEN combine = 'latest' THEN r_akhir ELSE r_sum END AS r_num,
           CASE combine WHEN 'mean' THEN r_n ELSE 1 END AS r_den,
           -- target derived from the quarterly targets (NULL when they do not give one)
           CASE WHEN combine = 'latest' THEN tq_b WHEN t_n > 0 THEN t_sum_b END AS qt_b,
           CASE WHEN combine = 'latest' THEN tq_a WHEN t_n > 0 THEN t_sum_a END AS qt_a,
           CASE combine WHEN 'mean' THEN t_n ELSE 1 END AS qt_den,
           CASE WHEN combine <> 'latest' THEN t_kosong
                WHEN tq_b IS NULL THEN 'TW ' || ['I', 'II', 'III', 'IV'][q]
                ELSE '' END AS qt_kosong,
           -- every quarter the rule needs is reported: all of them up to q for a sum or a mean,
           -- the quarter asked for a latest value (spec/capaian.md: missing is not failing)
           r_n > 0 AND CASE WHEN combine = 'latest' THEN tw_akhir = q ELSE r_kosong = '' END AS lengkap
    FROM quarters
),
-- Which target counts: to a quarter, the quarterly targets (the annual one when there are none);
-- for the whole year, the annual target (the quarterly ones when it is missing).
chosen AS (
    SELECT *,
           CASE WHEN diminta IS NOT NULL THEN
                    CASE WHEN ada_tw THEN CASE WHEN qt_b IS NOT NULL THEN 'triwulan' END
                         WHEN th_b IS NOT NULL THEN 'tahunan' END
                WHEN th_b IS NOT NULL THEN 'tahunan'
                WHEN qt_b IS NOT NULL THEN 'triwulan' END AS sumber_target
    FROM to_date
),
target_used AS (
    SELECT *,
           CASE sumber_target WHEN 'tahunan' THEN th_b WHEN 'triwulan' THEN qt_b END AS t_b,
           CASE sumber_target WHEN 'tahunan' THEN th_a WHEN 'triwulan' THEN qt_a END AS t_a,
           CASE sumber_target WHEN 'tahunan' THEN 1 WHEN 'triwulan' THEN qt_den END AS t_den
    FROM chosen
),
-- integer micro-units: exact, and products of them never pass through DECIMAL's width limit
micro AS (
    SELECT *,
           CAST(r_num * 1000000 AS HUGEINT) AS rn,
           CAST(t_b * 1000000 AS HUGEINT) AS tb,
           CAST(t_a * 1000000 AS HUGEINT) AS ta
    FROM target_used
),
-- Range targets: inside → 100; outside, the nearer bound is the target (a point has tb = ta).
placed AS (
    SELECT *,
           tb <> ta AND rn * t_den >= tb * r_den AND rn * t_den <= ta * r_den AS dalam_rentang,
           CASE WHEN rn * t_den > ta * r_den THEN ta ELSE tb END AS tn
    FROM micro
),
classified AS (
    SELECT *,
           CASE WHEN tb IS NULL OR rn IS NULL THEN 'kosong'
                WHEN dalam_rentang THEN 'rentang'
                WHEN polaritas = 'negatif' AND rumus_negatif = 'B' AND rn = 0 THEN 'tercapai'
                WHEN tn = 0 THEN 'target_nol'
                ELSE 'hitung' END AS status
    FROM placed
),
-- capaian × 100 = P / Q, with R = rn / r_den and T = tn / t_den:
--   positif: R / T × 100;  negatif A: (2 − R / T) × 100;  negatif B: T / R × 100.
pq AS (
    SELECT *,
           CASE WHEN status <> 'hitung' THEN NULL
                WHEN polaritas = 'positif' THEN 10000 * rn * t_den
                WHEN rumus_negatif = 'A' THEN 10000 * (2 * r_den * tn - rn * t_den)
                ELSE 10000 * tn * r_den END AS p_raw,
           CASE WHEN status <> 'hitung' THEN NULL
                WHEN polaritas = 'negatif' AND rumus_negatif = 'B' THEN t_den * rn
                ELSE r_den * tn END AS q_raw
    FROM classified
),
-- Round half up (away from zero) with integer division: sign(P) × ((2|P| + Q) // 2Q), Q > 0.
rounded AS (
    SELECT *,
           polaritas = 'negatif' AND rumus_negatif = 'A' AND pp < 0 AS dibatasi,
           CASE WHEN status = 'rentang' THEN 10000
                -- formula A is floored at 0 (realisasi > 2 × target)
                WHEN polaritas = 'negatif' AND rumus_negatif = 'A' AND pp < 0 THEN 0
                ELSE sign(pp) * ((2 * abs(pp) + qq) // (2 * qq)) END AS seratusan
    FROM (SELECT *,
                 CASE WHEN q_raw < 0 THEN -p_raw ELSE p_raw END AS pp,
                 abs(q_raw) AS qq
          FROM pq)
),
-- The active scale as lists ordered by lower bound, highest first (NULL, the lowest band, last):
-- a value's band is the first whose bound it reaches, i.e. 1 + the number of bounds above it.
skala AS (
    SELECT list(s.kategori ORDER BY s.batas_bawah DESC NULLS LAST) AS kategori,
           list(s.warna ORDER BY s.batas_bawah DESC NULLS LAST) AS warna,
           list(coalesce(CAST(s.batas_bawah * 100 AS HUGEINT), -(CAST(1 AS HUGEINT) << 120))
                ORDER BY s.batas_bawah DESC NULLS LAST) AS batas,
           arg_min(s.kategori, s.urutan) AS kategori_terbaik,
           arg_min(s.warna, s.urutan) AS warna_terbaik
    FROM skala_kategori s JOIN pengaturan g ON g.kunci = 'skala_aktif' AND g.nilai = s.skala
),
banded AS (
    SELECT res.*, 1 + len(list_filter(k.batas, lambda b: b > res.seratusan)) AS pita
    FROM rounded res CROSS JOIN skala k
)
SELECT
    c.tahun,
    c.periode,
    c.unit_kode AS unit,
    s.teks AS sasaran,
    c.nama AS indikator,
    c.satuan,
    c.polaritas,
    c.agregasi,
    round(CAST(c.t_b AS DOUBLE) / c.t_den, 6) AS target_bawah,
    round(CAST(c.t_a AS DOUBLE) / c.t_den, 6) AS target_atas,
    round(CAST(c.r_num AS DOUBLE) / c.r_den, 6) AS realisasi,
    CAST(c.seratusan AS DOUBLE) / 100 AS capaian_persen,
    -- "tercapai (realisasi 0)" takes the best band
    CASE WHEN c.status = 'tercapai' THEN k.kategori_terbaik WHEN c.seratusan IS NOT NULL THEN k.kategori[c.pita] END
        AS kategori,
    concat_ws('; ',
        CASE WHEN c.sumber_target IS NULL AND c.diminta IS NOT NULL AND c.ada_tw
                 THEN 'target ' || c.qt_kosong || ' belum ditetapkan'
             WHEN c.sumber_target IS NULL THEN 'target belum ditetapkan'
             WHEN c.sumber_target = 'tahunan' AND c.diminta IS NOT NULL
                 THEN 'target triwulan belum ditetapkan; memakai target tahunan'
             WHEN c.sumber_target = 'triwulan' AND c.diminta IS NULL
                 THEN 'target tahunan belum ditetapkan; memakai target triwulan' END,
        CASE WHEN c.sumber_target = 'triwulan' AND c.qt_kosong <> ''
             THEN 'target ' || c.qt_kosong || ' belum ditetapkan' END,
        CASE WHEN c.rn IS NULL THEN 'realisasi belum dilaporkan'
             WHEN c.combine = 'latest' AND c.tw_akhir <> c.q
                 THEN 'TW ' || ['I', 'II', 'III', 'IV'][c.q] || ' belum dilaporkan; memakai realisasi TW '
                      || ['I', 'II', 'III', 'IV'][c.tw_akhir]
             WHEN c.combine <> 'latest' AND c.r_kosong <> ''
                 THEN 'data belum lengkap: ' || c.r_kosong || ' belum dilaporkan' END,
        CASE WHEN c.konvensi = 'kumulatif' AND c.r_menurun THEN 'realisasi kumulatif menurun' END,
        CASE c.status WHEN 'tercapai' THEN 'tercapai (realisasi 0)'
                      WHEN 'target_nol' THEN 'target 0: capaian tidak dapat dihitung' END,
        CASE WHEN c.dibatasi THEN 'realisasi > 2 × target, dibatasi 0' END,
        CASE WHEN c.ditebak <> '' THEN c.ditebak || ' ditebak: belum dikonfirmasi' END
    ) AS keterangan,
    -- inferred settings not yet confirmed on the Indikator page ('' when none)
    c.ditebak AS belum_dikonfirmasi,
    c.id AS indikator_id,
    c.kode,
    u.nama AS unit_nama,
    c.sasaran_id,
    c.level,
    c.rumus_negatif,
    c.konvensi,
    CAST(c.th_b AS DOUBLE) AS target_tahunan_bawah,
    CAST(c.th_a AS DOUBLE) AS target_tahunan_atas,
    CAST(c.tw1_b AS DOUBLE) AS target_tw1_bawah,
    CAST(c.tw1_a AS DOUBLE) AS target_tw1_atas,
    CAST(c.tw2_b AS DOUBLE) AS target_tw2_bawah,
    CAST(c.tw2_a AS DOUBLE) AS target_tw2_atas,
    CAST(c.tw3_b AS DOUBLE) AS target_tw3_bawah,
    CAST(c.tw3_a AS DOUBLE) AS target_tw3_atas,
    CAST(c.tw4_b AS DOUBLE) AS target_tw4_bawah,
    CAST(c.tw4_a AS DOUBLE) AS target_tw4_atas,
    CAST(c.tw1 AS DOUBLE) AS realisasi_tw1,
    CAST(c.tw2 AS DOUBLE) AS realisasi_tw2,
    CAST(c.tw3 AS DOUBLE) AS realisasi_tw3,
    CAST(c.tw4 AS DOUBLE) AS realisasi_tw4,
    c.tw_akhir AS triwulan_realisasi,
    c.lengkap,
    -- how the row counts: 'tidak_dapat_dihitung' (no usable target: no complete data would make it
    -- computable), 'belum_lengkap' (a quarter the rule needs is not reported: never counted as a
    -- poor result), 'terukur'
    CASE WHEN c.tb IS NULL OR c.status = 'target_nol' THEN 'tidak_dapat_dihitung'
         WHEN NOT c.lengkap THEN 'belum_lengkap'
         ELSE 'terukur' END AS status_data,
    CASE WHEN c.status = 'tercapai' THEN k.warna_terbaik WHEN c.seratusan IS NOT NULL THEN k.warna[c.pita] END
        AS warna
FROM banded c
CROSS JOIN skala k
LEFT JOIN sasaran s ON s.id = c.sasaran_id
LEFT JOIN unit u ON u.kode = c.unit_kode
-- file order within a sasaran: ids follow the rows as imported
ORDER BY c.unit_kode, c.sasaran_id NULLS LAST, c.id, c.periode
