-- Masahista schema, version 6: each appointment counts its changes.
--
-- A calendar program that imported an appointment's event replaces it by a later export only
-- when the event's SEQUENCE (RFC 5545 3.8.7.4) is higher. The count is kept here rather than
-- derived from appointment_history: the history also holds notes that change nothing in the
-- appointment (a change of the clinic's time zone), and imported or generated appointments may
-- have no history at all. AppointmentRepository raises it whenever a saved change alters what
-- the event shows: time, length, therapist, client, massage type, room, status, notes or the
-- reason for a cancellation.
--
-- Appointments made before this version were exported without SEQUENCE, which reads as 0.

ALTER TABLE appointments ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0);
