-- Version numbers are unique per unit, tahun and triwulan (a whole-year file is its own stream,
-- triwulan NULL). Saves at the same moment used to number several versions "1"; number such
-- duplicates again in upload order. Saves are serialised now (kinerja.db), so no new duplicates
-- arise. (No unique index: DuckDB cannot create one in the transaction that renumbers.)
UPDATE submission SET versi = urut.nomor
FROM (
    SELECT id, row_number() OVER (PARTITION BY unit_kode, tahun, triwulan ORDER BY diunggah_pada, id) AS nomor
    FROM submission
    QUALIFY count(*) OVER (PARTITION BY unit_kode, tahun, triwulan)
            > count(DISTINCT versi) OVER (PARTITION BY unit_kode, tahun, triwulan)
) AS urut
WHERE submission.id = urut.id AND submission.versi <> urut.nomor;
