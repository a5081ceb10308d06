#pragma once

#include "booking/Actor.h"
#include "booking/engine/BookingService.h"
#include "domain/Appointment.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace masahista {

class Clock;
class Database;

// The booking service's weekly series: planning the occurrences (same wall-clock time across
// daylight saving), booking them all or those that fit, and moving or cancelling a series
// from one of its appointments on. BookingService offers these to its callers; each runs in
// one write transaction like the single operations.
class SeriesBookings
{
public:
    SeriesBookings(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    Result<QList<Appointment>> change(const ChangeRequest& request, SeriesScope scope,
                                      const Actor& actor);
    Result<QList<Appointment>> cancel(Id appointmentId, SeriesScope scope, const QString& reason,
                                      const Actor& actor);
    Result<QList<Occurrence>> preview(const SeriesRequest& request);
    Result<QList<Appointment>> book(const SeriesRequest& request, bool skipConflicts,
                                    const Actor& actor);

    static Result<QList<QDateTime>> occurrenceStarts(const SeriesRequest& request,
                                                     const QTimeZone& zone);

private:
    struct SeriesPlan
    {
        QList<Occurrence> occurrences;
        BookingSnapshot snapshot;
    };
    // The occurrences and their verdicts, from one snapshot covering the whole series.
    Result<SeriesPlan> planSeries(const SeriesRequest& request);

    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista
