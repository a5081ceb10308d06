#pragma once

#include "Database.h"
#include "domain/Result.h"
#include "domain/WorkingHours.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace masahista {

// Each therapist's weekly working hours (local wall-clock) and time off (UTC instants).
class ScheduleRepository
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleRepository)

public:
    explicit ScheduleRepository(Database& database)
        : m_database(database)
    {}

    // Ordered by weekday, then start.
    Result<QList<WeeklyInterval>> weeklyHours(Id therapistId);
    Result<QHash<Id, QList<WeeklyInterval>>> allWeeklyHours();
    // Replaces the therapist's whole week.
    Status setWeeklyHours(Id therapistId, const QList<WeeklyInterval>& hours);

    // Time off that overlaps [fromUtc, toUtc), by start; all therapists when therapistId is 0.
    Result<QList<TimeOff>> timeOff(Id therapistId, const QDateTime& fromUtc,
                                   const QDateTime& toUtc);
    Result<TimeOff> timeOffById(Id id);
    Result<Id> addTimeOff(const TimeOff& timeOff);
    // Moves the time off and changes its reason; it stays with its therapist.
    Status updateTimeOff(const TimeOff& timeOff);
    Status removeTimeOff(Id id);

private:
    Database& m_database;
};

} // namespace masahista
