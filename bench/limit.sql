-- Adapted copy of /work/shared/bench/limit.sql (read-only there). Why: since migration 0004 an
-- indicator's polaritas, rumus_negatif, agregasi and konvensi_triwulan belong to a year
-- (pengaturan_indikator: the year's row, else the nearest earlier year's, else the earliest; the
-- `indikator` columns only for an indicator without rows). The shared query reads the `indikator`
-- columns, the settings of the year the indicator was created, so it disagrees with the engine
-- wherever a setting changed (bench/generate.py changes some from the sixth year). Only the `ind`
-- CTE differs; bench/bench_cli.py checks that this limit and `kinerja capaian --format csv` agree
-- on every row.
-- The limit: a hand-written to-date capaian per indicator (same rules as queries/capaian.sql:
-- kumulatif sum / nilai_akhir latest / rata_rata mean, cumulative convention, annual vs quarterly
-- target, range targets, polarity A/B, exact half-up rounding on integer micro-units, kategori),
-- without the keterangan texts and the extra display columns. Ordered by unit, sasaran, indicator.
-- $tahun; $triwulan NULL = whole year; $unit NULL = every unit.
WITH
ind AS (   -- the settings in force for the year: its own row, else the nearest earlier, else the earliest
    SELECT i.id, i.unit_kode, i.sasaran_id, i.nama, i.satuan,
           coalesce(s.st.polaritas, i.polaritas) AS polaritas, coalesce(s.st.rumus_negatif, i.rumus_negatif) AS rumus_negatif,
           coalesce(s.st.agregasi, i.agregasi) AS agregasi,
           CASE WHEN coalesce(s.st.agregasi, i.agregasi) = 'rata_rata' THEN 'mean'
                WHEN coalesce(s.st.agregasi, i.agregasi) = 'nilai_akhir'
                     OR coalesce(CASE WHEN s.indikator_id IS NULL THEN i.konvensi_triwulan ELSE s.st.konvensi_triwulan END,
                                 k.konvensi) = 'kumulatif' THEN 'latest'
                ELSE 'sum' END AS combine
    FROM indikator i
    LEFT JOIN (SELECT indikator_id,
                      arg_max(p, CASE WHEN tahun <= $tahun THEN tahun ELSE -tahun END) AS st
               FROM pengaturan_indikator p GROUP BY indikator_id) s ON s.indikator_id = i.id
    LEFT JOIN konvensi_target k ON k.indikator_id = i.id AND k.tahun = $tahun
    WHERE $unit IS NULL OR i.unit_kode = $unit
),
r AS (
    SELECT indikator_id,
           CAST(sum(nilai) * 1000000 AS HUGEINT) AS r_sum, count(*) AS r_n,
           CAST(arg_max(nilai, triwulan) * 1000000 AS HUGEINT) AS r_last
    FROM realisasi
    WHERE tahun = $tahun AND triwulan <= coalesce($triwulan, 4)
      AND ($unit IS NULL OR indikator_id IN (SELECT id FROM ind))   -- one unit: filter pushed down
    GROUP BY ALL
),
t AS (
    SELECT indikator_id,
           CAST(any_value(bawah) FILTER (WHERE triwulan = 0) * 1000000 AS HUGEINT) AS th_b,
           CAST(any_value(atas) FILTER (WHERE triwulan = 0) * 1000000 AS HUGEINT) AS th_a,
           CAST(sum(bawah) FILTER (WHERE triwulan BETWEEN 1 AND coalesce($triwulan, 4)) * 1000000 AS HUGEINT) AS ts_b,
           CAST(sum(atas) FILTER (WHERE triwulan BETWEEN 1 AND coalesce($triwulan, 4)) * 1000000 AS HUGEINT) AS ts_a,
           count(*) FILTER (WHERE triwulan BETWEEN 1 AND coalesce($triwulan, 4)) AS t_n,
           CAST(any_value(bawah) FILTER (WHERE triwulan = coalesce($triwulan, 4)) * 1000000 AS HUGEINT) AS tq_b,
           CAST(any_value(atas) FILTER (WHERE triwulan = coalesce($triwulan, 4)) * 1000000 AS HUGEINT) AS tq_a,
           count(*) FILTER (WHERE triwulan >= 1) > 0 AS ada_tw
    FROM target
    WHERE tahun = $tahun AND ($unit IS NULL OR indikator_id IN (SELECT id FROM ind))
    GROUP BY ALL
),
v AS (   -- realisation R = rn / rd and the quarterly-derived target QT = qb..qa / qd, to date
    SELECT ind.*, t.th_b, t.th_a, t.ada_tw,
           CASE WHEN r.r_n IS NULL THEN NULL WHEN combine = 'latest' THEN r.r_last ELSE r.r_sum END AS rn,
           CASE WHEN combine = 'mean' THEN r.r_n ELSE 1 END AS rd,
           CASE WHEN combine = 'latest' THEN t.tq_b WHEN t.t_n > 0 THEN t.ts_b END AS qb,
           CASE WHEN combine = 'latest' THEN t.tq_a WHEN t.t_n > 0 THEN t.ts_a END AS qa,
           CASE WHEN combine = 'mean' THEN t.t_n ELSE 1 END AS qd
    FROM ind
    LEFT JOIN r ON r.indikator_id = ind.id
    LEFT JOIN t ON t.indikator_id = ind.id
    WHERE r.indikator_id IS NOT NULL OR t.indikator_id IS NOT NULL
),
w AS (   -- the target that counts: TB..TA / td
    SELECT *,
           CASE WHEN $triwulan IS NOT NULL THEN CASE WHEN ada_tw THEN qb ELSE th_b END
                ELSE coalesce(th_b, qb) END AS tb,
           CASE WHEN $triwulan IS NOT NULL THEN CASE WHEN ada_tw THEN qa ELSE th_a END
                ELSE coalesce(th_a, qa) END AS ta,
           CASE WHEN $triwulan IS NOT NULL THEN CASE WHEN ada_tw THEN qd ELSE 1 END
                WHEN th_b IS NOT NULL THEN 1 ELSE qd END AS td
    FROM v
),
c AS (   -- capaian x 100 = p / q (integers); range targets: inside -> 100, else the nearer bound
    SELECT *,
           tb <> ta AND rn * td >= tb * rd AND rn * td <= ta * rd AS inside,
           CASE WHEN rn * td > ta * rd THEN ta ELSE tb END AS tn
    FROM w
),
pq AS (
    SELECT *,
           CASE WHEN rn IS NULL OR tb IS NULL OR inside THEN NULL
                WHEN polaritas = 'negatif' AND rumus_negatif = 'B' THEN
                     CASE WHEN rn = 0 THEN NULL ELSE 10000 * tn * rd END
                WHEN tn = 0 THEN NULL
                WHEN polaritas = 'positif' THEN 10000 * rn * td
                ELSE 10000 * (2 * rd * tn - rn * td) END AS p,
           CASE WHEN polaritas = 'negatif' AND rumus_negatif = 'B' THEN td * rn ELSE rd * tn END AS q
    FROM c
),
res AS (
    SELECT *,
           CASE WHEN inside THEN 10000
                WHEN polaritas = 'negatif' AND rumus_negatif = 'B' AND rn = 0 AND tb IS NOT NULL THEN NULL
                WHEN polaritas = 'negatif' AND rumus_negatif = 'A' AND p * sign(q) < 0 THEN 0
                ELSE sign(p * sign(q)) * ((2 * abs(p) + abs(q)) // (2 * abs(q))) END AS cents,
           polaritas = 'negatif' AND rumus_negatif = 'B' AND rn = 0 AND tb IS NOT NULL AS zero_b
    FROM pq
),
skala AS (
    SELECT list(kategori ORDER BY batas_bawah DESC NULLS LAST) AS kat,
           list(coalesce(CAST(batas_bawah * 100 AS HUGEINT), -(CAST(1 AS HUGEINT) << 120))
                ORDER BY batas_bawah DESC NULLS LAST) AS bounds,
           arg_min(kategori, urutan) AS best
    FROM skala_kategori JOIN pengaturan g ON g.kunci = 'skala_aktif' AND g.nilai = skala
)
SELECT res.unit_kode AS unit, s.teks AS sasaran, res.nama AS indikator, res.satuan, res.polaritas, res.agregasi,
       CAST(res.tb AS DOUBLE) / 1e6 / res.td AS target_bawah,
       CAST(res.ta AS DOUBLE) / 1e6 / res.td AS target_atas,
       CAST(res.rn AS DOUBLE) / 1e6 / res.rd AS realisasi,
       CAST(res.cents AS DECIMAL(38, 0)) / 100 AS capaian_persen,
       CASE WHEN zero_b THEN k.best WHEN res.cents IS NOT NULL
            THEN k.kat[1 + len(list_filter(k.bounds, lambda b: b > res.cents))] END AS kategori,
       res.sasaran_id, res.id AS indikator_id
FROM res
CROSS JOIN skala k
LEFT JOIN sasaran s ON s.id = res.sasaran_id
ORDER BY res.unit_kode, res.sasaran_id NULLS LAST, res.id
