-- Marks the database as holding demo data (pengaturan 'data_demo'): every export then says so.
INSERT INTO pengaturan VALUES ('data_demo', 'ya') ON CONFLICT (kunci) DO UPDATE SET nilai = 'ya'
