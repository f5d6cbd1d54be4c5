-- The satuan of the rows of capaian_hasil (kinerja.engine.capaian_tabel) that the plausibility rule
-- of a percentage asks about: realisation above 100 against a target of at most 100. Few texts,
-- told apart in Python (kinerja.plausibility.is_percent).
SELECT DISTINCT satuan FROM capaian_hasil WHERE realisasi > 100 AND target_atas <= 100 AND satuan IS NOT NULL
