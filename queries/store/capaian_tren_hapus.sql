-- The stored trends (capaian_tren) of the indicators $indikator (NULL: all), before they are recomputed.
DELETE FROM capaian_tren
WHERE $indikator IS NULL OR indikator_id IN (SELECT unnest(CAST($indikator AS BIGINT[])))
