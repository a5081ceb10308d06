#include "HoursService.h"

#include "booking/engine/BookingRules.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "booking/engine/SnapshotLoader.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "data/WriteTransaction.h"

#include <QLocale>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <tuple>

namespace masahista {

namespace {

constexpr int minutesPerDay = 24 * 60;
// Bookings are made at most a few years ahead; two centuries covers any stored one.
constexpr int horizonYears = 200;

QString weekdayName(int weekday)
{
    return QLocale().dayName(weekday, QLocale::LongFormat);
}

QString spanText(const WeeklyInterval& interval)
{
    return ClinicTime::formatMinute(interval.startMinute) + QStringLiteral("–") +
           ClinicTime::formatMinute(interval.endMinute);
}

// The appointments that still need their therapist at their time: an arrived client whose
// appointment has not started is waiting for it as much as a booked one.
bool needsTherapist(AppointmentStatus status)
{
    return status == AppointmentStatus::Booked || status == AppointmentStatus::Confirmed ||
           status == AppointmentStatus::Arrived;
}

bool breaks(const Verdict& verdict, Rule rule)
{
    return std::any_of(verdict.violations.cbegin(), verdict.violations.cend(),
                       [rule](const Violation& violation) { return violation.rule == rule; });
}

QString joinProblems(const FieldProblems& problems)
{
    QStringList messages;
    for (const FieldProblem& problem : problems) {
        messages.append(problem.message);
    }
    return messages.join(QLatin1Char(' '));
}

bool changesTime(const ScheduleChange& change)
{
    return change.hours.has_value() || !change.addedTimeOff.isEmpty() ||
           !change.changedTimeOff.isEmpty();
}

} // namespace

QString HoursService::dayField(int weekday)
{
    return QStringLiteral("hours.%1").arg(weekday);
}

QList<WeeklyInterval> HoursService::normalized(QList<WeeklyInterval> hours)
{
    std::sort(hours.begin(), hours.end(), [](const WeeklyInterval& a, const WeeklyInterval& b) {
        return std::tuple(a.weekday, a.startMinute, a.endMinute) <
               std::tuple(b.weekday, b.startMinute, b.endMinute);
    });
    return hours;
}

FieldProblems HoursService::weekProblems(const QList<WeeklyInterval>& original, int gridMinutes)
{
    const QList<WeeklyInterval> hours = normalized(original);
    const int step = gridMinutes > 0 ? gridMinutes : 15;
    FieldProblemList problems;
    // Sorted by weekday and start, an interval can only run into the one of its day that
    // reaches furthest before it.
    int previousWeekday = 0;
    WeeklyInterval reaching;
    for (const WeeklyInterval& interval : hours) {
        if (interval.weekday < 1 || interval.weekday > 7) {
            problems.add(QStringLiteral("hours"),
                         tr("Working hours on weekday %1 belong to no day of the week.")
                             .arg(interval.weekday));
            continue;
        }
        const QString field = dayField(interval.weekday);
        const QString day = weekdayName(interval.weekday);
        if (interval.startMinute < 0 || interval.endMinute > minutesPerDay ||
            interval.startMinute > minutesPerDay || interval.endMinute < 0) {
            problems.add(field, tr("%1: working hours lie between 00:00 and 24:00.").arg(day));
            continue;
        }
        if (interval.endMinute <= interval.startMinute) {
            problems.add(field,
                         tr("%1: %2 does not end after it starts.").arg(day, spanText(interval)));
            continue;
        }
        if (interval.startMinute % step != 0 || interval.endMinute % step != 0) {
            problems.add(field, tr("%1: %2 is not on the %3-minute booking grid.")
                                    .arg(day, spanText(interval))
                                    .arg(step));
        }
        const bool sameDay = interval.weekday == previousWeekday;
        if (sameDay && interval.startMinute < reaching.endMinute) {
            problems.add(
                field, tr("%1: %2 overlaps %3.").arg(day, spanText(interval), spanText(reaching)));
        } else if (sameDay && interval.startMinute == reaching.endMinute) {
            problems.add(field, tr("%1: %2 and %3 meet without a break; make them one.")
                                    .arg(day, spanText(reaching), spanText(interval)));
        }
        if (!sameDay || interval.endMinute > reaching.endMinute) {
            reaching = interval;
        }
        previousWeekday = interval.weekday;
    }
    return problems.take();
}

Result<FieldProblems> HoursService::validateWeek(const QList<WeeklyInterval>& hours)
{
    Result<ClinicSettings> settings = SettingsRepository(m_database).load();
    if (!settings) {
        return settings.error();
    }
    return weekProblems(hours, settings->bookingStepMinutes);
}

FieldProblems HoursService::timeOffProblems(const TimeOff& timeOff)
{
    FieldProblemList problems;
    if (!timeOff.startUtc.isValid()) {
        problems.add(QStringLiteral("timeOff.start"), tr("Enter when the time off starts."));
    }
    if (!timeOff.endUtc.isValid()) {
        problems.add(QStringLiteral("timeOff.end"), tr("Enter when the time off ends."));
    } else if (timeOff.startUtc.isValid() && timeOff.endUtc <= timeOff.startUtc) {
        problems.add(QStringLiteral("timeOff.end"), tr("The time off must end after it starts."));
    }
    if (timeOff.reason.trimmed().size() > maxReasonLength) {
        problems.add(QStringLiteral("timeOff.reason"),
                     tr("The reason is too long (at most %1 characters).").arg(maxReasonLength));
    }
    return problems.take();
}

Result<TherapistSchedule> HoursService::schedule(Id therapistId)
{
    Result<Therapist> therapist = TherapistRepository(m_database).byId(therapistId);
    if (!therapist) {
        return therapist.error();
    }
    Result<ClinicSettings> settings = SettingsRepository(m_database).load();
    if (!settings) {
        return settings.error();
    }
    ScheduleRepository repository(m_database);
    Result<QList<WeeklyInterval>> hours = repository.weeklyHours(therapistId);
    if (!hours) {
        return hours.error();
    }
    const QDateTime now = m_clock.nowUtc();
    Result<QList<TimeOff>> timeOff =
        repository.timeOff(therapistId, now, now.addYears(horizonYears));
    if (!timeOff) {
        return timeOff.error();
    }
    TherapistSchedule schedule;
    schedule.therapistId = therapistId;
    schedule.therapistName = therapist->displayName;
    schedule.hours = normalized(std::move(hours).value());
    schedule.timeOff = std::move(timeOff).value();
    schedule.gridMinutes = settings->bookingStepMinutes;
    schedule.zone = ClinicTime::zone(settings->timeZoneId);
    return schedule;
}

Status HoursService::checkTimeOffIds(const ScheduleChange& change)
{
    ScheduleRepository repository(m_database);
    QList<Id> ids = change.removedTimeOff;
    for (const TimeOff& changed : change.changedTimeOff) {
        ids.append(changed.id);
    }
    for (const Id id : ids) {
        Result<TimeOff> stored = repository.timeOffById(id);
        if (!stored && stored.error().code != ErrorCode::NotFound) {
            return stored.error();
        }
        // Time off of another therapist is as good as missing from this one's schedule.
        if (!stored || stored->therapistId != change.therapistId) {
            return makeError(ErrorCode::NotFound,
                             tr("This time off is no longer there; another desk may have "
                                "removed it. Close the hours and open them again."));
        }
    }
    return success();
}

Result<QList<CalendarEntry>> HoursService::strandedBy(const ScheduleChange& change)
{
    Result<Therapist> therapist = TherapistRepository(m_database).byId(change.therapistId);
    if (!therapist) {
        return therapist.error();
    }
    if (Status ids = checkTimeOffIds(change); !ids) {
        return ids.error();
    }
    if (!changesTime(change)) {
        return QList<CalendarEntry>(); // removing time off frees time and strands nothing
    }
    const QDateTime now = m_clock.nowUtc();
    const QDateTime horizon = now.addYears(horizonYears);
    Result<QList<Appointment>> overlapping =
        AppointmentRepository(m_database).between(now, horizon, change.therapistId);
    if (!overlapping) {
        return overlapping.error();
    }
    QList<Appointment> coming;
    for (const Appointment& appointment : *overlapping) {
        // One under way ends as planned; the past stays as it happened.
        if (needsTherapist(appointment.status) && appointment.startUtc >= now) {
            coming.append(appointment);
        }
    }
    if (coming.isEmpty()) {
        return QList<CalendarEntry>();
    }

    ScheduleRepository repository(m_database);
    Result<QList<WeeklyInterval>> hoursBefore = repository.weeklyHours(change.therapistId);
    if (!hoursBefore) {
        return hoursBefore.error();
    }
    Result<QList<TimeOff>> timeOffBefore = repository.timeOff(change.therapistId, now, horizon);
    if (!timeOffBefore) {
        return timeOffBefore.error();
    }
    QSet<Id> replaced(change.removedTimeOff.cbegin(), change.removedTimeOff.cend());
    for (const TimeOff& changed : change.changedTimeOff) {
        replaced.insert(changed.id);
    }
    QList<TimeOff> timeOffAfter;
    for (const TimeOff& off : *timeOffBefore) {
        if (!replaced.contains(off.id)) {
            timeOffAfter.append(off);
        }
    }
    for (TimeOff off : change.changedTimeOff + change.addedTimeOff) {
        off.therapistId = change.therapistId;
        timeOffAfter.append(off);
    }

    // The booking rules themselves judge each appointment, so "inside the working hours"
    // means here exactly what it means when booking, in clinic-local time on both sides of
    // a clock change. Only their working-hours and time-off verdicts are read: the
    // appointments already hold their rooms and clients, so the snapshot is loaded for an
    // empty window (the clinic's zone, therapists, types and rooms) and given the therapist's
    // hours and time off before and after the change.
    Result<BookingSnapshot> snapshot = SnapshotLoader::load(m_database, now, now, now, {});
    if (!snapshot) {
        return snapshot.error();
    }
    snapshot->holdingTime.clear();
    BookingSnapshot before = *snapshot;
    before.weeklyHours.insert(change.therapistId, *hoursBefore);
    before.timeOff = *timeOffBefore;
    BookingSnapshot after = std::move(snapshot).value();
    after.weeklyHours.insert(change.therapistId, change.hours.value_or(*hoursBefore));
    after.timeOff = timeOffAfter;

    QList<Appointment> stranded;
    for (const Appointment& appointment : coming) {
        const Candidate candidate = Candidate::of(appointment);
        const Verdict was = BookingRules::check(candidate, before);
        const Verdict will = BookingRules::check(candidate, after);
        // Only a rule it passes now and would fail afterwards counts: an appointment booked
        // outside the hours with an override stays as it was agreed.
        const bool newlyOutside =
            breaks(will, Rule::OutsideHours) && !breaks(was, Rule::OutsideHours);
        const bool newlyAway = breaks(will, Rule::TimeOff) && !breaks(was, Rule::TimeOff);
        if (newlyOutside || newlyAway) {
            stranded.append(appointment);
        }
    }
    if (stranded.isEmpty()) {
        return QList<CalendarEntry>();
    }
    Result<ClinicDirectory> directory = loadClinicDirectory(m_database);
    if (!directory) {
        return directory.error();
    }
    return calendarEntries(m_database, *directory, stranded);
}

Result<QList<CalendarEntry>> HoursService::strandedBy(Id therapistId,
                                                      const QList<WeeklyInterval>& newHours)
{
    ScheduleChange change;
    change.therapistId = therapistId;
    change.hours = newHours;
    return strandedBy(change);
}

Result<QList<Id>> HoursService::applyChange(const ScheduleChange& change)
{
    return inWriteTransaction<QList<Id>>(m_database, [&]() -> Result<QList<Id>> {
        // Everything is checked under the write lock, so that no booking made by another desk
        // in the meantime can be stranded by what is written here.
        Result<ClinicSettings> settings = SettingsRepository(m_database).load();
        if (!settings) {
            return settings.error();
        }
        FieldProblems problems;
        if (change.hours) {
            problems = weekProblems(*change.hours, settings->bookingStepMinutes);
        }
        for (const TimeOff& off : change.changedTimeOff + change.addedTimeOff) {
            problems.append(timeOffProblems(off));
        }
        if (!problems.isEmpty()) {
            return makeError(ErrorCode::Invalid, joinProblems(problems));
        }

        Result<QList<CalendarEntry>> stranded = strandedBy(change);
        if (!stranded) {
            return stranded.error();
        }
        if (!stranded->isEmpty()) {
            const QTimeZone zone = ClinicTime::zone(settings->timeZoneId);
            const auto count = static_cast<int>(stranded->size());
            QStringList lines{
                tr("%n appointment(s) would be left outside %1's working hours or in time off; "
                   "move or cancel them first:",
                   nullptr, count)
                    .arg(stranded->constFirst().therapistName)};
            for (const CalendarEntry& entry :
                 stranded->first(std::min(stranded->size(), listedAppointments))) {
                lines.append(tr("%1, %2 (%3, %4 min)")
                                 .arg(BookingRules::localText(entry.appointment.startUtc, zone),
                                      entry.clientName, entry.serviceName)
                                 .arg(entry.appointment.durationMinutes));
            }
            if (count > listedAppointments) {
                lines.append(
                    tr("and %n more", nullptr, count - static_cast<int>(listedAppointments)));
            }
            return makeError(ErrorCode::Conflict, lines.join(QLatin1Char('\n')));
        }

        ScheduleRepository repository(m_database);
        if (change.hours) {
            if (Status saved =
                    repository.setWeeklyHours(change.therapistId, normalized(*change.hours));
                !saved) {
                return saved.error();
            }
        }
        for (const Id id : change.removedTimeOff) {
            if (Status removed = repository.removeTimeOff(id); !removed) {
                return removed.error();
            }
        }
        for (TimeOff off : change.changedTimeOff) {
            off.reason = off.reason.trimmed();
            if (Status saved = repository.updateTimeOff(off); !saved) {
                return saved.error();
            }
        }
        QList<Id> added;
        for (TimeOff off : change.addedTimeOff) {
            off.therapistId = change.therapistId;
            off.reason = off.reason.trimmed();
            Result<Id> id = repository.addTimeOff(off);
            if (!id) {
                return id.error();
            }
            added.append(*id);
        }
        return added;
    });
}

Status HoursService::apply(const ScheduleChange& change, const Actor& /*actor*/)
{
    Result<QList<Id>> applied = applyChange(change);
    if (!applied) {
        return applied.error();
    }
    return success();
}

Status HoursService::setWeeklyHours(Id therapistId, const QList<WeeklyInterval>& hours,
                                    const Actor& actor)
{
    ScheduleChange change;
    change.therapistId = therapistId;
    change.hours = hours;
    return apply(change, actor);
}

Result<Id> HoursService::addTimeOff(const TimeOff& timeOff, const Actor& /*actor*/)
{
    ScheduleChange change;
    change.therapistId = timeOff.therapistId;
    change.addedTimeOff = {timeOff};
    Result<QList<Id>> added = applyChange(change);
    if (!added) {
        return added.error();
    }
    return added->constFirst();
}

Status HoursService::updateTimeOff(const TimeOff& timeOff, const Actor& actor)
{
    Result<TimeOff> stored = ScheduleRepository(m_database).timeOffById(timeOff.id);
    if (!stored) {
        return stored.error();
    }
    ScheduleChange change;
    change.therapistId = stored->therapistId;
    change.changedTimeOff = {timeOff};
    return apply(change, actor);
}

Status HoursService::removeTimeOff(Id timeOffId, const Actor& actor)
{
    Result<TimeOff> stored = ScheduleRepository(m_database).timeOffById(timeOffId);
    if (!stored) {
        return stored.error();
    }
    ScheduleChange change;
    change.therapistId = stored->therapistId;
    change.removedTimeOff = {timeOffId};
    return apply(change, actor);
}

} // namespace masahista
