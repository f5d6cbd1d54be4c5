-- Kinerja schema, version 12: pengaturan_berlaku (migration 0004) for some indicators only. The
-- settings in force are chosen per indicator over all of pengaturan_indikator (every indicator ×
-- year): asking for the 2,000 indicators an import touched in a warehouse of 250,000 grouped the
-- whole table. `ids` (a list of indicator ids; NULL, the default: every indicator) filters before
-- grouping. Same rows as before for the indicators asked for.
CREATE OR REPLACE MACRO pengaturan_berlaku(th, ids := NULL) AS TABLE
WITH pilih AS (
    SELECT p.indikator_id,
           arg_max(p, CASE WHEN p.tahun <= th THEN p.tahun ELSE -p.tahun END) AS s
    FROM pengaturan_indikator p
    WHERE ids IS NULL OR p.indikator_id IN (SELECT unnest(CAST(ids AS BIGINT[])))
    GROUP BY p.indikator_id
)
SELECT i.id AS indikator_id,
       coalesce(pilih.s.polaritas, i.polaritas) AS polaritas,
       coalesce(pilih.s.polaritas_sumber, 'berkas') AS polaritas_sumber,
       coalesce(pilih.s.rumus_negatif, i.rumus_negatif) AS rumus_negatif,
       coalesce(pilih.s.agregasi, i.agregasi) AS agregasi,
       coalesce(pilih.s.agregasi_sumber, 'berkas') AS agregasi_sumber,
       CASE WHEN pilih.indikator_id IS NULL THEN i.konvensi_triwulan ELSE pilih.s.konvensi_triwulan END
           AS konvensi_triwulan,
       pilih.s.tahun AS berlaku_dari
FROM indikator i
LEFT JOIN pilih ON pilih.indikator_id = i.id
WHERE ids IS NULL OR i.id IN (SELECT unnest(CAST(ids AS BIGINT[])));
