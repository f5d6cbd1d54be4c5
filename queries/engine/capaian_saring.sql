-- The stored capaian (capaian_tersimpan) of $tahun and $periode (0 = the whole year, 1-4 = to date)
-- as the Data page filters it (summaries.data_selection): of the units $unit; of the sasaran named
-- $sasaran and the kategori $kategori as the pages show it (summaries.kategori_shown: the band of a
-- measured row, 'Belum lengkap', 'Belum dapat dihitung') when not NULL; every word of $kata (lower
-- case) in the indicator's name or code. In capaian_tabel.sql's order; rows $offset to
-- $offset + $limit ($limit NULL: to the end).
SELECT * EXCLUDE (tahun, periode)
FROM capaian_tersimpan
WHERE tahun = $tahun AND periode = $periode AND list_contains(CAST($unit AS VARCHAR[]), unit)
  AND ($sasaran IS NULL OR list_contains(CAST($sasaran AS VARCHAR[]), sasaran))
  AND ($kategori IS NULL OR list_contains(CAST($kategori AS VARCHAR[]),
          CASE WHEN status_data = 'terukur' THEN coalesce(kategori, 'Belum dapat dihitung')
               WHEN status_data = 'belum_lengkap' THEN 'Belum lengkap'
               ELSE 'Belum dapat dihitung' END))
  AND coalesce(list_bool_and(list_transform(CAST($kata AS VARCHAR[]),
          lambda w: contains(lower(indikator), w) OR contains(lower(coalesce(kode, '')), w))), true)
ORDER BY unit, sasaran_id NULLS LAST, indikator_id
LIMIT $limit OFFSET $offset
