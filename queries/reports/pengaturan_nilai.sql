-- One setting's value (no row when it is not set).
SELECT nilai FROM pengaturan WHERE kunci = $kunci
