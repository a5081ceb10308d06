#include "CatalogSnapshot.h"

#include "data/AppointmentRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "support/TestSupport.h"

#include <QStringList>
#include <QTimeZone>

namespace masahista::test {

QString catalogSnapshot(Database& database)
{
    QStringList lines;
    Result<QList<MassageType>> types = MassageTypeRepository(database).all();
    REQUIRE(types.ok());
    for (const MassageType& type : *types) {
        lines.append(QStringList{QString::number(type.id), type.name, type.description,
                                 pressureKey(type.pressure),
                                 QString::number(type.requiredModalityId),
                                 QString::number(type.bufferMinutes), type.roomKind, type.color,
                                 QString::number(type.active), QString::number(type.sortOrder)}
                         .join(QLatin1Char('|')));
        for (const DurationOption& option : type.options) {
            lines.append(QStringLiteral("  option %1|%2|%3|%4")
                             .arg(option.id)
                             .arg(option.minutes)
                             .arg(option.priceCents)
                             .arg(option.active));
        }
    }
    Result<QList<Room>> rooms = RoomRepository(database).all();
    REQUIRE(rooms.ok());
    for (const Room& room : *rooms) {
        lines.append(QStringLiteral("room %1|%2|%3|%4|%5")
                         .arg(room.id)
                         .arg(room.name, room.kind)
                         .arg(room.active)
                         .arg(room.sortOrder));
    }
    Result<QList<Appointment>> appointments = AppointmentRepository(database).between(
        QDateTime(QDate(1970, 1, 2), QTime(0, 0), QTimeZone::utc()),
        QDateTime(QDate(2200, 1, 1), QTime(0, 0), QTimeZone::utc()));
    REQUIRE(appointments.ok());
    for (const Appointment& appointment : *appointments) {
        lines.append(QStringLiteral("appointment %1|%2|%3|%4|%5|%6|%7")
                         .arg(appointment.id)
                         .arg(appointment.massageTypeId)
                         .arg(appointment.optionId)
                         .arg(appointment.priceCents)
                         .arg(appointment.roomId)
                         .arg(appointmentStatusKey(appointment.status))
                         .arg(appointment.startUtc.toSecsSinceEpoch()));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace masahista::test
