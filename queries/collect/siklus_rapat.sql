-- The finalisation meetings of a year (step 7), newest first.
SELECT id, tanggal, notulen, hadir, pada, oleh FROM siklus_rapat WHERE tahun = $tahun ORDER BY id DESC
