-- Masahista schema, version 7: a clinic whose data is made up.
--
-- The demo loader sets made_up on the clinic it creates, so that every program opening the
-- file can say the clients, appointments and money in it are invented (the window's title
-- bar). It is a fact of the data, kept in the file rather than in one computer's settings:
-- a copy of the demo opened elsewhere is still the demo. Saving the clinic's settings keeps it.

ALTER TABLE clinic_settings ADD COLUMN made_up INTEGER NOT NULL DEFAULT 0 CHECK (made_up IN (0, 1));
