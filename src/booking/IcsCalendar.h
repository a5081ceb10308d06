#pragma once

#include "CalendarEntry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace masahista {

// Writes appointments as an iCalendar file (RFC 5545) that calendar programs import: one
// VEVENT per entry with times in UTC, so no VTIMEZONE is needed and every program shows them
// in its own zone. Cancelled entries are kept with STATUS:CANCELLED, so that importing a newer
// export over an older one (the UID stays the same) takes a cancellation off the calendar.
class IcsCalendar
{
    Q_DECLARE_TR_FUNCTIONS(IcsCalendar)

public:
    // The whole file, CRLF line endings, lines folded at 75 octets. `exportedUtc` stands in
    // for an entry's DTSTAMP when the entry has no time of last change.
    static QByteArray write(const QString& calendarName, const QList<CalendarEntry>& entries,
                            const QDateTime& exportedUtc);

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
