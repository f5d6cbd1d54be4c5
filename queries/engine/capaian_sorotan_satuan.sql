-- The satuan of the stored capaian rows of $tahun and $periode that the plausibility rule of a
-- percentage asks about (a realisation above 100 against a target of at most 100): few texts, told
-- apart in Python (kinerja.plausibility.is_percent) for capaian_sorotan.sql's $persen.
SELECT DISTINCT satuan FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode AND realisasi > 100 AND target_atas <= 100 AND satuan IS NOT NULL
