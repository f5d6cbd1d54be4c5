-- The newest submission of a unit's year: who saved last, for "changed since your preview".
SELECT versi, diunggah_oleh, diunggah_pada
FROM submission
WHERE unit_kode = $unit AND tahun = $tahun
ORDER BY diunggah_pada DESC, id DESC
LIMIT 1
