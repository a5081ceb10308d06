-- Masahista schema, version 4: time off found from its end.
--
-- Every booking check and every day reads the time off that overlaps a window. Time off may
-- last any length, so its start bounds nothing; its end does: what is still to end after the
-- window's start is the little that lies ahead, where the front desk works. Without this
-- index every holiday of every year was read for each check.

CREATE INDEX therapist_time_off_by_end ON therapist_time_off (end_utc);
