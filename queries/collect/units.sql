SELECT kode, nama, peran
FROM unit
ORDER BY kode
