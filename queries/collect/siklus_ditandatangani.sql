-- The signing of a year's LKjIP while it holds: the latest event of SOP step 9 is 'selesai'.
SELECT oleh, pada FROM (
    SELECT jenis, oleh, pada FROM siklus_peristiwa
    WHERE tahun = $tahun AND nomor = 9
    ORDER BY id DESC
    LIMIT 1
) WHERE jenis = 'selesai'
