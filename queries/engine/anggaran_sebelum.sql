-- Realisasi anggaran per program/kegiatan of the Renstra years before $tahun (from $awal), as text.
SELECT program_kegiatan_id,
       CAST(sum(nilai) FILTER (WHERE triwulan > 0 OR NOT has_tw) AS VARCHAR) AS realisasi
FROM (SELECT *, bool_or(triwulan > 0) OVER (PARTITION BY program_kegiatan_id, tahun) AS has_tw
      FROM anggaran WHERE jenis = 'realisasi' AND tahun >= $awal AND tahun < $tahun)
GROUP BY program_kegiatan_id
