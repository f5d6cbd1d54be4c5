-- Before a rebuild of the stored capaian.
DELETE FROM capaian_tersimpan;
DELETE FROM capaian_ringkas
