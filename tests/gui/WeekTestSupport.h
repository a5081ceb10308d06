#pragma once

#include "data/Database.h"
#include "domain/Id.h"

#include <QDate>
#include <QString>
#include <QTimeZone>

namespace masahista::test {

// What the database itself holds about one therapist's day, read with plain SQL and Qt's own
// time-zone arithmetic, so that the week overview's sums are checked against something that
// shares none of their code.
struct StoredDay
{
    int appointments = 0;     // not cancelled, starting on the day
    int bookedMinutes = 0;    // their lengths
    int scheduledMinutes = 0; // the weekday's hours
    int workingMinutes = 0;   // the same less time off
};

StoredDay storedDay(Database& database, Id therapistId, QDate date, const QTimeZone& zone);

// What the overview's cell should say about such a day: "3 · 4h 30m", or "off".
QString expectedCellText(const StoredDay& day);

} // namespace masahista::test
