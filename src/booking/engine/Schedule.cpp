#include "Schedule.h"

#include "booking/engine/ClinicTime.h"
#include "data/AppointmentRepository.h"
#include "data/Catalog.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/ReadTransaction.h"
#include "data/ScheduleRepository.h"

#include <algorithm>

namespace masahista {

const Therapist* ClinicDirectory::therapist(Id id) const
{
    for (const Therapist& candidate : therapists) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

Result<ClinicDirectory> loadClinicDirectory(Database& database)
{
    Result<Catalog> catalog = database.catalog().current();
    if (!catalog) {
        return catalog.error();
    }
    ClinicDirectory directory;
    directory.settings = catalog->settings;
    directory.zone = ClinicTime::zone(directory.settings.timeZoneId);
    directory.therapists = catalog->therapists;
    for (const MassageType& type : std::as_const(catalog->massageTypes)) {
        directory.serviceNames.insert(type.id, type.name);
        directory.serviceColors.insert(type.id, type.color);
    }
    for (const Room& room : std::as_const(catalog->rooms)) {
        directory.roomNames.insert(room.id, room.name);
    }
    return directory;
}

Result<QList<CalendarEntry>> calendarEntries(Database& database, const ClinicDirectory& directory,
                                             const QList<Appointment>& appointments)
{
    QList<Id> clientIds;
    for (const Appointment& appointment : appointments) {
        if (!clientIds.contains(appointment.clientId)) {
            clientIds.append(appointment.clientId);
        }
    }
    Result<QList<Client>> found = ClientRepository(database).byIds(clientIds);
    if (!found) {
        return found.error();
    }
    QHash<Id, Client> clients;
    for (const Client& client : std::as_const(*found)) {
        clients.insert(client.id, client);
    }
    QList<CalendarEntry> entries;
    entries.reserve(appointments.size());
    for (const Appointment& appointment : appointments) {
        if (!clients.contains(appointment.clientId)) {
            return makeError(
                ErrorCode::NotFound,
                ClientRepository::tr("There is no client with id %1.").arg(appointment.clientId));
        }
        const Client client = clients.value(appointment.clientId);
        const Therapist* therapist = directory.therapist(appointment.therapistId);
        CalendarEntry entry;
        entry.appointment = appointment;
        entry.therapistName = therapist != nullptr
                                  ? therapist->displayName
                                  : QLatin1Char('#') + QString::number(appointment.therapistId);
        entry.clientName = client.fullName;
        entry.clientPhone = client.phone;
        entry.serviceName = directory.serviceNames.value(appointment.massageTypeId);
        entry.serviceColor = directory.serviceColors.value(appointment.massageTypeId);
        entry.roomName = directory.roomNames.value(appointment.roomId);
        entry.healthAlerts = client.healthAlerts;
        entries.append(entry);
    }
    return entries;
}

QList<TimeSpan> without(const QList<TimeSpan>& spans, const TimeSpan& busy)
{
    QList<TimeSpan> left;
    for (const TimeSpan& span : spans) {
        if (busy.end <= span.start || span.end <= busy.start) {
            left.append(span);
            continue;
        }
        if (span.start < busy.start) {
            left.append({span.start, busy.start});
        }
        if (busy.end < span.end) {
            left.append({busy.end, span.end});
        }
    }
    return left;
}

QList<TimeSpan> freeTime(QDate day, const ClinicDirectory& directory, Id therapistId,
                         const QList<CalendarEntry>& entries, const WorkingTime& working)
{
    const QTimeZone& zone = directory.zone;
    QList<TimeSpan> free;
    for (const WeeklyInterval& interval : working.weeklyHours.value(therapistId)) {
        if (interval.weekday == day.dayOfWeek()) {
            free.append({ClinicTime::toUtc(day, interval.startMinute, zone),
                         ClinicTime::toUtc(day, interval.endMinute, zone)});
        }
    }
    for (const CalendarEntry& entry : entries) {
        const Appointment& appointment = entry.appointment;
        if (appointment.therapistId == therapistId && appointment.holdsTime()) {
            free = without(free, {appointment.startUtc,
                                  std::max(appointment.endUtc, appointment.bufferEndUtc)});
        }
    }
    for (const TimeOff& off : working.timeOff) {
        if (off.therapistId == therapistId) {
            free = without(free, {off.startUtc, off.endUtc});
        }
    }
    // A gap opens at the first time the desk can book in it: after a cleanup that ends at 17:35,
    // at 17:45 on a 15-minute grid. The grid is the clock's, and clocks change by whole hours,
    // so rounding the elapsed seconds keeps it on change days too.
    const int grid = std::max(directory.settings.bookingStepMinutes, 1);
    for (TimeSpan& span : free) {
        const QDateTime local = ClinicTime::toLocal(span.start, zone);
        const qint64 intoStep =
            qint64{ClinicTime::minuteOfDay(local) % grid} * 60 + local.time().second();
        if (intoStep != 0) {
            span.start = span.start.addSecs(qint64{grid} * 60 - intoStep);
        }
    }
    const qint64 shortest = qint64{grid} * 60;
    free.removeIf(
        [shortest](const TimeSpan& span) { return span.start.secsTo(span.end) < shortest; });
    return free;
}

Result<WorkingTime> loadWorkingTime(Database& database, Id therapistId, const QDateTime& fromUtc,
                                    const QDateTime& toUtc)
{
    Result<Catalog> catalog = database.catalog().current();
    if (!catalog) {
        return catalog.error();
    }
    WorkingTime working;
    working.weeklyHours = catalog->weeklyHours;
    Result<QList<TimeOff>> timeOff =
        ScheduleRepository(database).timeOff(therapistId, fromUtc, toUtc);
    if (!timeOff) {
        return timeOff.error();
    }
    working.timeOff = std::move(timeOff).value();
    return working;
}

Result<QSet<Id>> workingOn(Database& database, QDate date)
{
    // Hours and time off only: whether their appointments leave room is not the question.
    Result<ClinicDirectory> directory = loadClinicDirectory(database);
    if (!directory) {
        return directory.error();
    }
    const QDateTime startUtc = ClinicTime::toUtc(date, 0, directory->zone);
    const QDateTime endUtc = ClinicTime::toUtc(date.addDays(1), 0, directory->zone);
    Result<WorkingTime> working = loadWorkingTime(database, 0, startUtc, endUtc);
    if (!working) {
        return working.error();
    }
    QSet<Id> workingIds;
    for (const Therapist& therapist : std::as_const(directory->therapists)) {
        if (therapist.active && !freeTime(date, *directory, therapist.id, {}, *working).isEmpty()) {
            workingIds.insert(therapist.id);
        }
    }
    return workingIds;
}

QList<WeeklyInterval> DaySchedule::hoursOf(Id therapistId) const
{
    QList<WeeklyInterval> hours;
    for (const WeeklyInterval& interval : working.weeklyHours.value(therapistId)) {
        if (interval.weekday == date.dayOfWeek()) {
            hours.append(interval);
        }
    }
    return hours;
}

bool DaySchedule::isOn(Id therapistId) const
{
    if (!hoursOf(therapistId).isEmpty()) {
        return true;
    }
    return std::any_of(entries.cbegin(), entries.cend(), [therapistId](const CalendarEntry& entry) {
        return entry.appointment.therapistId == therapistId;
    });
}

Result<DaySchedule> loadDaySchedule(Database& database, QDate date)
{
    // One consistent state for the day's appointments, clients and time off.
    const ReadTransaction reading(database);
    Result<ClinicDirectory> directory = loadClinicDirectory(database);
    if (!directory) {
        return directory.error();
    }
    DaySchedule day;
    day.date = date;
    day.directory = std::move(directory).value();
    day.startUtc = ClinicTime::toUtc(date, 0, day.directory.zone);
    day.endUtc = ClinicTime::toUtc(date.addDays(1), 0, day.directory.zone);
    Result<QList<Appointment>> appointments =
        AppointmentRepository(database).between(day.startUtc, day.endUtc);
    if (!appointments) {
        return appointments.error();
    }
    Result<QList<CalendarEntry>> entries = calendarEntries(database, day.directory, *appointments);
    if (!entries) {
        return entries.error();
    }
    day.entries = std::move(entries).value();
    Result<WorkingTime> working = loadWorkingTime(database, 0, day.startUtc, day.endUtc);
    if (!working) {
        return working.error();
    }
    day.working = std::move(working).value();
    return day;
}

Result<QSet<QDate>> busyDays(Database& database, QDate from, QDate to)
{
    Result<Catalog> catalog = database.catalog().current();
    if (!catalog) {
        return catalog.error();
    }
    const QTimeZone zone = ClinicTime::zone(catalog->settings.timeZoneId);
    // A question a day, each one index probe: a busy month holds thousands of appointments.
    const ReadTransaction reading(database);
    AppointmentRepository appointments(database);
    QSet<QDate> days;
    QDateTime dayStart = ClinicTime::toUtc(from, 0, zone);
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const QDateTime nextStart = ClinicTime::toUtc(day.addDays(1), 0, zone);
        Result<bool> busy = appointments.anyHoldingStartsBetween(dayStart, nextStart);
        if (!busy) {
            return busy.error();
        }
        if (*busy) {
            days.insert(day);
        }
        dayStart = nextStart;
    }
    return days;
}

} // namespace masahista
