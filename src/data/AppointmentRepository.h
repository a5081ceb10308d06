#pragma once

#include "Database.h"
#include "domain/Appointment.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace masahista {

class SqlQuery;

// Appointments and their history. The database's triggers refuse overlapping active
// appointments of one therapist or room even if a caller skipped the booking rules.
class AppointmentRepository
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentRepository)

public:
    // No appointment holds its therapist and room longer than this, cleanup included (the
    // schema refuses longer ones), so a search for what overlaps a window only reads the
    // starts from this long before it: the cost of a day does not grow with the history.
    static constexpr qint64 longestHoldSeconds = 12 * 3600;

    explicit AppointmentRepository(Database& database)
        : m_database(database)
    {}

    Result<Id> add(const Appointment& appointment);
    Status update(const Appointment& appointment);
    Result<Appointment> byId(Id id);
    // Appointments (any status) whose time overlaps [fromUtc, toUtc), ordered by start; only
    // one therapist's when therapistId is not 0.
    Result<QList<Appointment>> between(const QDateTime& fromUtc, const QDateTime& toUtc,
                                       Id therapistId = 0);
    // Appointments that hold time (not cancelled) whose time or cleanup buffer overlaps
    // [fromUtc, toUtc), ordered by start.
    Result<QList<Appointment>> holdingTimeBetween(const QDateTime& fromUtc, const QDateTime& toUtc);
    // Whether some appointment that holds time starts in [fromUtc, toUtc): all a month
    // calendar needs to mark a busy day, without reading the day's appointments.
    Result<bool> anyHoldingStartsBetween(const QDateTime& fromUtc, const QDateTime& toUtc);
    // Past appointments still waiting for an outcome: booked, confirmed or arrived, ended by
    // `nowUtc`; ordered by start.
    Result<QList<Appointment>> unresolved(const QDateTime& nowUtc);
    // The appointments of a series, ordered by start.
    Result<QList<Appointment>> inSeries(Id seriesId);
    // Every appointment of one client, cancelled ones included, newest first (by start, then
    // the later booking first, so a rebooking shows above the cancellation it replaced).
    Result<QList<Appointment>> ofClient(Id clientId);
    Result<Id> addSeries(int intervalWeeks, const QDateTime& createdUtc);
    Result<qint64> count();

    Status addChange(const AppointmentChange& change);
    Result<QList<AppointmentChange>> history(Id appointmentId);

private:
    Result<QList<Appointment>> select(SqlQuery& query);

    Database& m_database;
};

} // namespace masahista
