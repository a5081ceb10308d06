-- Masahista schema, version 2: lookups that cost the same on the first day and after years.
--
-- An appointment (cleanup included) never holds more than 12 hours; the longest bookable
-- length is 480 minutes and the longest cleanup 120. Knowing that, a search for what overlaps
-- [from, to) only has to look at starts after from - 12 h: an index range instead of every
-- earlier row. The overlap triggers of version 1 looked at every earlier appointment of the
-- therapist or room, so each booking got slower as the history grew.
-- 43200 below is that bound in seconds; AppointmentRepository::longestHoldSeconds is the same.

DROP TRIGGER appointments_no_overlap_insert;
DROP TRIGGER appointments_no_overlap_update;

CREATE TRIGGER appointments_longest_insert
BEFORE INSERT ON appointments
WHEN NEW.buffer_end_utc - NEW.start_utc > 43200
BEGIN
    SELECT RAISE(ABORT, 'masahista: appointment longer than 12 hours');
END;

CREATE TRIGGER appointments_longest_update
BEFORE UPDATE OF start_utc, end_utc, buffer_end_utc ON appointments
WHEN NEW.buffer_end_utc - NEW.start_utc > 43200
BEGIN
    SELECT RAISE(ABORT, 'masahista: appointment longer than 12 hours');
END;

CREATE TRIGGER appointments_no_overlap_insert
BEFORE INSERT ON appointments
WHEN NEW.status <> 'cancelled'
BEGIN
    SELECT RAISE(ABORT, 'masahista: therapist already booked')
    WHERE EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.therapist_id = NEW.therapist_id
          AND other.start_utc > NEW.start_utc - 43200
          AND other.start_utc < NEW.buffer_end_utc
          AND NEW.start_utc < other.buffer_end_utc
          AND other.status <> 'cancelled');
    SELECT RAISE(ABORT, 'masahista: room already booked')
    WHERE NEW.room_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.room_id = NEW.room_id
          AND other.start_utc > NEW.start_utc - 43200
          AND other.start_utc < NEW.buffer_end_utc
          AND NEW.start_utc < other.buffer_end_utc
          AND other.status <> 'cancelled');
END;

CREATE TRIGGER appointments_no_overlap_update
BEFORE UPDATE OF therapist_id, room_id, start_utc, end_utc, buffer_end_utc, status ON appointments
WHEN NEW.status <> 'cancelled'
BEGIN
    SELECT RAISE(ABORT, 'masahista: therapist already booked')
    WHERE EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.therapist_id = NEW.therapist_id
          AND other.start_utc > NEW.start_utc - 43200
          AND other.start_utc < NEW.buffer_end_utc
          AND NEW.start_utc < other.buffer_end_utc
          AND other.id <> NEW.id
          AND other.status <> 'cancelled');
    SELECT RAISE(ABORT, 'masahista: room already booked')
    WHERE NEW.room_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.room_id = NEW.room_id
          AND other.start_utc > NEW.start_utc - 43200
          AND other.start_utc < NEW.buffer_end_utc
          AND NEW.start_utc < other.buffer_end_utc
          AND other.id <> NEW.id
          AND other.status <> 'cancelled');
END;

-- Past appointments still waiting for an outcome are few, whatever the history: an index of
-- just those keeps the front desk's "unresolved" list from reading every appointment.
CREATE INDEX appointments_unresolved ON appointments (end_utc)
    WHERE status IN ('booked', 'confirmed', 'arrived');

-- Health alerts are read per client on every day view; without this each read scanned them all.
CREATE INDEX client_health_alerts_by_client ON client_health_alerts (client_id);

-- A series is read whole when one of its appointments changes.
CREATE INDEX appointments_by_series ON appointments (series_id) WHERE series_id IS NOT NULL;

-- The words a client is found by (folded name words, the e-mail address, the phone's digits
-- with its last seven and last four), so that search is an index range per typed word instead
-- of a scan of every client. Filled by ClientRepository, which also fills it for the clients
-- already stored when this version is applied.
CREATE TABLE client_search_words (
    word      TEXT    NOT NULL CHECK (word <> ''),
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    PRIMARY KEY (word, client_id)
);

CREATE INDEX client_search_words_by_client ON client_search_words (client_id);
