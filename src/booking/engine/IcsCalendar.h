#pragma once

#include "booking/engine/CalendarEntry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace masahista {

// Writes appointments as an iCalendar file (RFC 5545) that calendar programs import: one
// VEVENT per entry with times in UTC, so every program shows them in its own zone. Cancelled
// entries are kept with STATUS:CANCELLED, and each event's SEQUENCE counts the appointment's
// changes, so that importing a newer export over an older one (the UID stays the same) replaces
// a moved or cancelled event. The clinic's zone comes as a VTIMEZONE (with X-WR-TIMEZONE): no
// time refers to it, but it names the calendar's zone and keeps a calendar with no appointment
// valid, since RFC 5545 wants at least one component in every calendar.
class IcsCalendar
{
    Q_DECLARE_TR_FUNCTIONS(IcsCalendar)

public:
    // The whole file, CRLF line endings, lines folded at 75 octets. `exportedUtc` stands in
    // for an entry's DTSTAMP when the entry has no time of last change. The VTIMEZONE of `zone`
    // covers [fromUtc, toUtc) and every entry.
    static QByteArray write(const QString& calendarName, const QTimeZone& zone,
                            const QDateTime& fromUtc, const QDateTime& toUtc,
                            const QList<CalendarEntry>& entries, const QDateTime& exportedUtc);
    // The VTIMEZONE of `zone` from the observance in effect at `fromUtc` to the last change of
    // offset before `toUtc`: each change as a STANDARD or DAYLIGHT with its local start.
    static QByteArray timeZone(const QTimeZone& zone, const QDateTime& fromUtc,
                               const QDateTime& toUtc);

    // A TEXT value: backslash, semicolon, comma and line breaks escaped; other control
    // characters, which TEXT may not hold, dropped.
    static QString escapeText(const QString& text);
    // One content line (UTF-8, without its line break) split into lines of at most 75 octets,
    // each ending in CRLF and each continuation starting with a space; a multi-byte character
    // is never split.
    static QByteArray foldLine(const QByteArray& line);
    // "20261201T170000Z".
    static QByteArray utcText(const QDateTime& instant);

    // The words people read for a status ("no-show") and a health alert ("⚠ pregnancy: ..."),
    // shared with the command line's day sheet so both say the same.
    static QString statusText(AppointmentStatus status);
    static QString alertText(const HealthAlert& alert);
    // The kind of a health alert in a few words ("allergy"), for lists and pickers.
    static QString alertKindText(HealthAlertKind kind);
};

} // namespace masahista
