-- Masahista schema, version 1: the whole clinic model.
-- Conventions (kept portable so the same repositories can run on PostgreSQL later):
--   * instants are UTC seconds since 1970 in *_utc columns; local rules use the clinic's zone;
--   * calendar dates are ISO text 'YYYY-MM-DD'; times of day are minutes after local midnight;
--   * money is integer cents; flags are 0/1 integers.
-- The migrator runs each statement on its own, splitting on ';' only outside strings,
-- comments and trigger bodies.

CREATE TABLE clinic_settings (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    name                 TEXT    NOT NULL DEFAULT '',
    address              TEXT    NOT NULL DEFAULT '',
    phone                TEXT    NOT NULL DEFAULT '',
    time_zone            TEXT    NOT NULL DEFAULT 'America/Edmonton',
    booking_step_minutes INTEGER NOT NULL DEFAULT 15 CHECK (booking_step_minutes BETWEEN 5 AND 60),
    late_cancel_hours    INTEGER NOT NULL DEFAULT 24 CHECK (late_cancel_hours BETWEEN 0 AND 168)
);

INSERT INTO clinic_settings (id) VALUES (1);

-- When the clinic itself is open; several rows a weekday allow a midday closure.
CREATE TABLE clinic_hours (
    id           INTEGER PRIMARY KEY,
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
    CHECK (start_minute < end_minute)
);

CREATE TABLE clinic_closed_days (
    closed_on TEXT PRIMARY KEY,
    reason    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE modalities (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    description TEXT NOT NULL DEFAULT ''
);

INSERT INTO modalities (name, description) VALUES
    ('Swedish', 'Long gliding strokes at light to medium pressure, for relaxation.'),
    ('Deep tissue', 'Slow, firm work on deeper layers of muscle and on knots.'),
    ('Therapeutic', 'Assessment-led treatment of a specific complaint.'),
    ('Sports', 'Work aimed at training, performance and recovery.'),
    ('Shiatsu', 'Finger and palm pressure along meridian lines.'),
    ('Hot stone', 'Heated stones used to warm and loosen muscle.'),
    ('Cupping', 'Myofascial cupping: suction cups that lift tissue.'),
    ('Prenatal', 'Positioned and adapted for pregnancy.'),
    ('Traditional Thai', 'Clothed stretching and compression on a floor mat.'),
    ('Thai oil on the mat', 'Thai techniques with oil, on a floor mat.'),
    ('Thai oil on the table', 'Thai techniques with oil, on a massage table.'),
    ('Reflexology', 'Pressure on points of the feet.'),
    ('Lymphatic drainage', 'Very light rhythmic strokes that move lymph.'),
    ('Myofascial release', 'Sustained pressure that eases restricted fascia.');

CREATE TABLE therapists (
    id             INTEGER PRIMARY KEY,
    display_name   TEXT    NOT NULL CHECK (display_name <> ''),
    title          TEXT    NOT NULL DEFAULT '',
    team_role      TEXT    NOT NULL DEFAULT '',
    bio            TEXT    NOT NULL DEFAULT '',
    photo          BLOB,
    calendar_color TEXT    NOT NULL DEFAULT '#5b8def',
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE therapist_credentials (
    id                  INTEGER PRIMARY KEY,
    therapist_id        INTEGER NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    issuing_body        TEXT    NOT NULL CHECK (issuing_body <> ''),
    registration_number TEXT    NOT NULL DEFAULT '',
    valid_from          TEXT,
    valid_to            TEXT,
    printed_on_receipts INTEGER NOT NULL DEFAULT 1 CHECK (printed_on_receipts IN (0, 1))
);

CREATE TABLE therapist_education (
    id              INTEGER PRIMARY KEY,
    therapist_id    INTEGER NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    school          TEXT    NOT NULL CHECK (school <> ''),
    programme       TEXT    NOT NULL DEFAULT '',
    programme_hours INTEGER NOT NULL DEFAULT 0 CHECK (programme_hours >= 0),
    completed_on    TEXT
);

CREATE TABLE therapist_certifications (
    id           INTEGER PRIMARY KEY,
    therapist_id INTEGER NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    modality_id  INTEGER NOT NULL REFERENCES modalities (id),
    certified_on TEXT,
    expires_on   TEXT,
    UNIQUE (therapist_id, modality_id),
    CHECK (expires_on IS NULL OR certified_on IS NULL OR certified_on <= expires_on)
);

CREATE TABLE massage_types (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    description          TEXT    NOT NULL DEFAULT '',
    pressure             TEXT    NOT NULL DEFAULT 'medium'
                                 CHECK (pressure IN ('light', 'medium', 'firm', 'deep')),
    required_modality_id INTEGER REFERENCES modalities (id),
    buffer_minutes       INTEGER NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 120),
    room_kind            TEXT    NOT NULL DEFAULT '',
    color                TEXT    NOT NULL DEFAULT '#8bc34a',
    active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE massage_type_options (
    id               INTEGER PRIMARY KEY,
    massage_type_id  INTEGER NOT NULL REFERENCES massage_types (id) ON DELETE CASCADE,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    price_cents      INTEGER NOT NULL CHECK (price_cents >= 0),
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (massage_type_id, duration_minutes)
);

CREATE TABLE rooms (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    kind       TEXT    NOT NULL DEFAULT 'table' CHECK (kind <> ''),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE clients (
    id             INTEGER PRIMARY KEY,
    full_name      TEXT    NOT NULL CHECK (full_name <> ''),
    phone          TEXT    NOT NULL DEFAULT '',
    email          TEXT    NOT NULL DEFAULT '',
    date_of_birth  TEXT,
    notes          TEXT    NOT NULL DEFAULT '',
    archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    -- lower-case, accent-free name and e-mail plus the phone's digits: what search matches on
    search_text    TEXT    NOT NULL DEFAULT '',
    created_at_utc INTEGER NOT NULL
);

CREATE INDEX clients_by_name ON clients (full_name);

CREATE TABLE client_health_alerts (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL
              CHECK (kind IN ('pregnancy', 'allergy', 'condition', 'avoid_area', 'other')),
    detail    TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE therapist_hours (
    id           INTEGER PRIMARY KEY,
    therapist_id INTEGER NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
    CHECK (start_minute < end_minute)
);

CREATE INDEX therapist_hours_by_therapist ON therapist_hours (therapist_id, weekday);

CREATE TABLE therapist_time_off (
    id           INTEGER PRIMARY KEY,
    therapist_id INTEGER NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    start_utc    INTEGER NOT NULL,
    end_utc      INTEGER NOT NULL,
    reason       TEXT    NOT NULL DEFAULT '',
    CHECK (start_utc < end_utc)
);

CREATE INDEX therapist_time_off_by_therapist ON therapist_time_off (therapist_id, start_utc);

CREATE TABLE appointment_series (
    id             INTEGER PRIMARY KEY,
    interval_weeks INTEGER NOT NULL CHECK (interval_weeks >= 1),
    created_at_utc INTEGER NOT NULL
);

CREATE TABLE appointments (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    therapist_id      INTEGER NOT NULL REFERENCES therapists (id),
    massage_type_id   INTEGER NOT NULL REFERENCES massage_types (id),
    option_id         INTEGER REFERENCES massage_type_options (id),
    duration_minutes  INTEGER NOT NULL CHECK (duration_minutes > 0),
    price_cents       INTEGER NOT NULL CHECK (price_cents >= 0),
    room_id           INTEGER REFERENCES rooms (id),
    start_utc         INTEGER NOT NULL,
    end_utc           INTEGER NOT NULL,
    buffer_end_utc    INTEGER NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'booked'
                      CHECK (status IN ('booked', 'confirmed', 'arrived', 'completed',
                                        'no_show', 'cancelled')),
    notes             TEXT    NOT NULL DEFAULT '',
    cancel_reason     TEXT    NOT NULL DEFAULT '',
    cancelled_late    INTEGER NOT NULL DEFAULT 0 CHECK (cancelled_late IN (0, 1)),
    override_reason   TEXT    NOT NULL DEFAULT '',
    series_id         INTEGER REFERENCES appointment_series (id),
    created_at_utc    INTEGER NOT NULL,
    updated_at_utc    INTEGER NOT NULL,
    CHECK (start_utc < end_utc),
    CHECK (end_utc <= buffer_end_utc)
);

CREATE INDEX appointments_by_therapist ON appointments (therapist_id, start_utc);
CREATE INDEX appointments_by_room ON appointments (room_id, start_utc);
CREATE INDEX appointments_by_client ON appointments (client_id, start_utc);
CREATE INDEX appointments_by_start ON appointments (start_utc);

-- Who changed what, and when. The actor is a free label until staff accounts exist.
CREATE TABLE appointment_history (
    id             INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL REFERENCES appointments (id),
    changed_at_utc INTEGER NOT NULL,
    actor          TEXT    NOT NULL DEFAULT '',
    action         TEXT    NOT NULL CHECK (action <> ''),
    details        TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX appointment_history_by_appointment ON appointment_history (appointment_id);

-- The last line of defence against double booking: whatever a caller does, the database
-- refuses an active appointment whose time (cleanup buffer included) overlaps another active
-- one of the same therapist or the same room. Touching intervals do not overlap.
CREATE TRIGGER appointments_no_overlap_insert
BEFORE INSERT ON appointments
WHEN NEW.status <> 'cancelled'
BEGIN
    SELECT RAISE(ABORT, 'masahista: therapist already booked')
    WHERE EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.therapist_id = NEW.therapist_id
          AND other.status <> 'cancelled'
          AND other.start_utc < NEW.buffer_end_utc
          AND NEW.start_utc < other.buffer_end_utc);
    SELECT RAISE(ABORT, 'masahista: room already booked')
    WHERE NEW.room_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.room_id = NEW.room_id
          AND other.status <> 'cancelled'
          AND other.start_utc < NEW.buffer_end_utc
          AND NEW.start_utc < other.buffer_end_utc);
END;

CREATE TRIGGER appointments_no_overlap_update
BEFORE UPDATE OF therapist_id, room_id, start_utc, end_utc, buffer_end_utc, status ON appointments
WHEN NEW.status <> 'cancelled'
BEGIN
    SELECT RAISE(ABORT, 'masahista: therapist already booked')
    WHERE EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.id <> NEW.id
          AND other.therapist_id = NEW.therapist_id
          AND other.status <> 'cancelled'
          AND other.start_utc < NEW.buffer_end_utc
          AND NEW.start_utc < other.buffer_end_utc);
    SELECT RAISE(ABORT, 'masahista: room already booked')
    WHERE NEW.room_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.id <> NEW.id
          AND other.room_id = NEW.room_id
          AND other.status <> 'cancelled'
          AND other.start_utc < NEW.buffer_end_utc
          AND NEW.start_utc < other.buffer_end_utc);
END;
