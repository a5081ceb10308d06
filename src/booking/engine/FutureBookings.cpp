#include "FutureBookings.h"

#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"

#include <QStringList>

#include <algorithm>

namespace masahista {

Result<FutureBookings> FutureBookings::load(Database& database, const QDateTime& nowUtc,
                                            const std::function<bool(const Appointment&)>& keep)
{
    // Bookings are made at most a few years ahead; two centuries covers any stored one.
    Result<QList<Appointment>> holding =
        AppointmentRepository(database).holdingTimeBetween(nowUtc, nowUtc.addYears(200));
    if (!holding) {
        return holding.error();
    }
    QList<Appointment> coming;
    for (const Appointment& appointment : *holding) {
        const bool stillToHappen = appointment.status == AppointmentStatus::Booked ||
                                   appointment.status == AppointmentStatus::Confirmed ||
                                   appointment.status == AppointmentStatus::Arrived;
        if (stillToHappen && appointment.startUtc >= nowUtc && keep(appointment)) {
            coming.append(appointment);
        }
    }
    Result<ClinicDirectory> directory = loadClinicDirectory(database);
    if (!directory) {
        return directory.error();
    }
    FutureBookings bookings;
    bookings.m_zone = directory->zone;
    if (coming.isEmpty()) {
        return bookings;
    }
    Result<QList<CalendarEntry>> entries = calendarEntries(database, *directory, coming);
    if (!entries) {
        return entries.error();
    }
    bookings.m_entries = std::move(entries).value();
    std::stable_sort(bookings.m_entries.begin(), bookings.m_entries.end(),
                     [](const CalendarEntry& a, const CalendarEntry& b) {
                         return a.appointment.startUtc < b.appointment.startUtc;
                     });
    return bookings;
}

FutureBookings FutureBookings::filtered(const std::function<bool(const CalendarEntry&)>& keep) const
{
    FutureBookings kept;
    kept.m_zone = m_zone;
    for (const CalendarEntry& entry : m_entries) {
        if (keep(entry)) {
            kept.m_entries.append(entry);
        }
    }
    return kept;
}

QDateTime FutureBookings::localStart(const CalendarEntry& entry) const
{
    return ClinicTime::toLocal(entry.appointment.startUtc, m_zone);
}

QString FutureBookings::line(const CalendarEntry& entry) const
{
    const QDateTime start = localStart(entry);
    const QString what =
        entry.roomName.isEmpty()
            ? entry.serviceName
            : tr("%1, %2", "massage type, room").arg(entry.serviceName, entry.roomName);
    return tr("%1 %2, %3 with %4 (%5)", "date, time, client, therapist, what")
        .arg(start.date().toString(Qt::ISODate),
             ClinicTime::formatMinute(ClinicTime::minuteOfDay(start)), entry.clientName,
             entry.therapistName, what);
}

Error FutureBookings::refusal(const QString& heading) const
{
    QStringList lines{heading};
    for (const CalendarEntry& entry :
         m_entries.first(std::min<qsizetype>(m_entries.size(), listedInMessage))) {
        lines.append(line(entry));
    }
    if (m_entries.size() > listedInMessage) {
        lines.append(
            tr("and %n more", nullptr, static_cast<int>(m_entries.size() - listedInMessage)));
    }
    return makeError(ErrorCode::Conflict, lines.join(QLatin1Char('\n')));
}

} // namespace masahista
