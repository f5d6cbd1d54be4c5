-- Stored budget values of a year, keyed by program/kegiatan kode (as text: exact).
SELECT pk.kode, a.triwulan, a.jenis, CAST(a.nilai AS VARCHAR) AS nilai
FROM anggaran a JOIN program_kegiatan pk ON pk.id = a.program_kegiatan_id
WHERE a.tahun = $tahun
