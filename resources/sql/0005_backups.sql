-- Masahista schema, version 5: where the clinic keeps its backups.
--
-- Empty means a "backups" folder beside the database. The backups themselves are found by
-- their names in that folder, not listed here: a database restored from last week's backup
-- would otherwise forget every backup made since.

ALTER TABLE clinic_settings ADD COLUMN backup_folder TEXT NOT NULL DEFAULT '';
