#pragma once

#include "booking/engine/CalendarEntry.h"
#include "domain/Error.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <functional>

namespace masahista {

class Database;

// Appointments still to come that a change to the catalogue (retiring a room, a massage type
// or one of its lengths) would strand: the booking rules would refuse to move them afterwards,
// so such a change is refused with this list for the desk to move them first.
class FutureBookings
{
    Q_DECLARE_TR_FUNCTIONS(FutureBookings)

public:
    // How many appointments a refusal names before it only counts the rest.
    static constexpr qsizetype listedInMessage = 10;

    // The appointments that hold their time (booked, confirmed, arrived) and start at `nowUtc`
    // or later, among those `keep` accepts; soonest first. One already under way ends as
    // planned, so it never stands in the way.
    static Result<FutureBookings> load(Database& database, const QDateTime& nowUtc,
                                       const std::function<bool(const Appointment&)>& keep);

    // Only the entries `keep` accepts, in the same order.
    FutureBookings filtered(const std::function<bool(const CalendarEntry&)>& keep) const;

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    const QList<CalendarEntry>& entries() const { return m_entries; }
    const QTimeZone& zone() const { return m_zone; }
    QDateTime localStart(const CalendarEntry& entry) const;

    // "2026-12-01 10:00, Zoe with Ana (Swedish, Table A)": what the desk looks the booking up by.
    QString line(const CalendarEntry& entry) const;
    // A Conflict whose message is the heading, then one line per appointment (the first
    // listedInMessage of them) and how many more there are.
    Error refusal(const QString& heading) const;

private:
    QTimeZone m_zone;
    QList<CalendarEntry> m_entries;
};

} // namespace masahista
