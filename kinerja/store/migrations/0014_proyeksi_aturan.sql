-- Kinerja schema, version 14: the early warning's rule changed (2026-12-02): a lower-is-better
-- indicator whose trend line falls below 0 has no projection (the trend cannot project the year
-- end), where it was clamped at 0 and scored "diperkirakan tercapai" at 200 %. The stored early
-- warning of the old rule goes; kinerja.store.db refills it with the rule in force right after.
DELETE FROM proyeksi_tersimpan;
