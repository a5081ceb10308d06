#pragma once

#include "booking/engine/CalendarEntry.h"
#include "domain/ClinicSettings.h"
#include "domain/Result.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimeZone>

namespace masahista {

class Database;

// What a schedule shows besides the appointments: the clinic's settings and zone, and the
// names (and colours) appointments refer to, each read once.
struct ClinicDirectory
{
    ClinicSettings settings;
    QTimeZone zone;
    QList<Therapist> therapists; // in the clinic's order
    QHash<Id, QString> serviceNames;
    QHash<Id, QString> serviceColors;
    QHash<Id, QString> roomNames;

    const Therapist* therapist(Id id) const;
};

Result<ClinicDirectory> loadClinicDirectory(Database& database);

// The appointments with their names filled in; each client (name and health alerts) is read
// once however many appointments they have.
Result<QList<CalendarEntry>> calendarEntries(Database& database, const ClinicDirectory& directory,
                                             const QList<Appointment>& appointments);

// Working hours and time off of one therapist (0: everyone) for a stretch of time.
struct WorkingTime
{
    QHash<Id, QList<WeeklyInterval>> weeklyHours;
    QList<TimeOff> timeOff;
};

struct TimeSpan
{
    QDateTime start;
    QDateTime end;
};

// What is left of the spans once `busy` is taken out of them, in their order.
QList<TimeSpan> without(const QList<TimeSpan>& spans, const TimeSpan& busy);

// A therapist's free stretches on one local day: working intervals less the time held by
// appointments (cleanup included, as for booking) and time off, each starting at the first
// time of the booking grid in it. Stretches shorter than one booking step are left out: they
// could not take an appointment.
QList<TimeSpan> freeTime(QDate day, const ClinicDirectory& directory, Id therapistId,
                         const QList<CalendarEntry>& entries, const WorkingTime& working);

Result<WorkingTime> loadWorkingTime(Database& database, Id therapistId, const QDateTime& fromUtc,
                                    const QDateTime& toUtc);

// One clinic-local day, loaded once, for views to draw without asking the database again.
struct DaySchedule
{
    QDate date;
    QDateTime startUtc; // the day's local midnight
    QDateTime endUtc;   // the next day's local midnight
    ClinicDirectory directory;
    QList<CalendarEntry> entries; // cancelled ones included, by start
    WorkingTime working;

    // The weekday's working intervals of a therapist.
    QList<WeeklyInterval> hoursOf(Id therapistId) const;
    // Whether the therapist works that day or has appointments on it.
    bool isOn(Id therapistId) const;
};

Result<DaySchedule> loadDaySchedule(Database& database, QDate date);

// The therapists with time the desk could book on the local day: weekly hours on its weekday
// that time off does not take up entirely (appointments do not count: a full day is still a
// working day).
Result<QSet<Id>> workingOn(Database& database, QDate date);

// The clinic-local days in [from, to] on which some appointment holds time.
Result<QSet<QDate>> busyDays(Database& database, QDate from, QDate to);

} // namespace masahista
