#pragma once

#include "booking/Actor.h"
#include "booking/Clock.h"
#include "booking/catalogue/FieldProblem.h"
#include "booking/engine/CalendarEntry.h"
#include "domain/Result.h"
#include "domain/WorkingHours.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace masahista {

class Database;

// One therapist's weekly hours and time off as an editor starts from.
struct TherapistSchedule
{
    Id therapistId = 0;
    QString therapistName;
    QList<WeeklyInterval> hours; // by weekday, then start
    QList<TimeOff> timeOff;      // not over yet (ending after now), by start
    int gridMinutes = 15;
    QTimeZone zone;
};

// Everything one save of the hours editor changes, written together or not at all.
struct ScheduleChange
{
    Id therapistId = 0;
    std::optional<QList<WeeklyInterval>> hours; // unset: the week stays as it is
    QList<TimeOff> addedTimeOff;                // ids ignored
    QList<TimeOff> changedTimeOff;              // by id; each stays with its therapist
    QList<Id> removedTimeOff;
};

// A therapist's working hours and time off, changed only when no booked appointment is left
// stranded by the change: one that passes the booking rules' working-hours and time-off
// checks now and would fail them afterwards. Such a change is refused with the appointments
// listed, for the user to move them first. An appointment booked outside the hours (or inside
// time off) with an override reason fails that check already, so a change that leaves it as
// outside as before does not strand it; a new rule it would break (time off over an
// appointment booked outside the hours) does.
//
// Field keys of the problems: dayField(weekday) for one weekday's intervals, "hours" for an
// interval on no weekday; "timeOff.start", "timeOff.end" and "timeOff.reason" for time off.
class HoursService
{
    Q_DECLARE_TR_FUNCTIONS(HoursService)

public:
    static constexpr qsizetype maxReasonLength = 200;
    // How many stranded appointments a refusal names before it only counts the rest.
    static constexpr qsizetype listedAppointments = 10;

    HoursService(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    static QString dayField(int weekday);

    // By weekday, then start, as they are stored.
    static QList<WeeklyInterval> normalized(QList<WeeklyInterval> hours);
    // What is wrong with each weekday's intervals, reading nothing: each within 00:00-24:00,
    // ending after it starts, on the booking grid, and apart from the day's other intervals
    // (overlapping or meeting ones are refused: an appointment must fit in one interval, so
    // two that meet would turn a booking across the seam away for no visible reason).
    static FieldProblems weekProblems(const QList<WeeklyInterval>& hours, int gridMinutes);
    // The same against the clinic's booking grid.
    Result<FieldProblems> validateWeek(const QList<WeeklyInterval>& hours);
    // A start, an end after it, and a reason of at most maxReasonLength characters (optional).
    static FieldProblems timeOffProblems(const TimeOff& timeOff);

    Result<TherapistSchedule> schedule(Id therapistId);

    // The therapist's appointments from now on (booked, confirmed, or arrived and not yet
    // started) that the change would strand, by start; cancelled and past ones never are.
    Result<QList<CalendarEntry>> strandedBy(const ScheduleChange& change);
    Result<QList<CalendarEntry>> strandedBy(Id therapistId, const QList<WeeklyInterval>& newHours);

    // Checks everything again and writes the change in one transaction, so that no booking
    // slips in between the check and the write. Refused with nothing written: Invalid for a
    // field problem, NotFound for a missing therapist or time off, Conflict (the stranded
    // appointments listed in the message) when an appointment would be stranded.
    // The actor is taken for the audit trail that staff accounts will bring; working hours
    // have no change history yet, so it is not stored.
    Status apply(const ScheduleChange& change, const Actor& actor);
    Status setWeeklyHours(Id therapistId, const QList<WeeklyInterval>& hours, const Actor& actor);
    Result<Id> addTimeOff(const TimeOff& timeOff, const Actor& actor);
    Status updateTimeOff(const TimeOff& timeOff, const Actor& actor);
    // Removing time off frees time and never strands anything.
    Status removeTimeOff(Id timeOffId, const Actor& actor);

private:
    // Checks and writes inside one transaction; returns the ids of the added time off.
    Result<QList<Id>> applyChange(const ScheduleChange& change);
    // The ids the change names belong to the therapist's stored time off.
    Status checkTimeOffIds(const ScheduleChange& change);

    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista
