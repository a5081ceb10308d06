#include "WeekTestSupport.h"

#include "support/TestSupport.h"

#include <QDateTime>
#include <QList>
#include <QSqlQuery>
#include <QTime>

#include <utility>

namespace masahista::test {

namespace {

// The instant the clinic's clocks show `minute` (up to 1440) on `date`.
qint64 localSeconds(QDate date, int minute, const QTimeZone& zone)
{
    return QDateTime(date.addDays(minute / 1440), QTime(0, 0).addSecs((minute % 1440) * 60), zone)
        .toSecsSinceEpoch();
}

} // namespace

StoredDay storedDay(Database& database, Id therapistId, QDate date, const QTimeZone& zone)
{
    StoredDay day;
    const qint64 from = localSeconds(date, 0, zone);
    const qint64 to = localSeconds(date.addDays(1), 0, zone);

    QSqlQuery appointments(database.connection());
    REQUIRE(appointments.prepare(QStringLiteral(
        "SELECT COUNT(*), COALESCE(SUM(end_utc - start_utc), 0) FROM appointments "
        "WHERE therapist_id = ? AND status <> 'cancelled' AND start_utc >= ? AND start_utc < ?")));
    appointments.addBindValue(therapistId);
    appointments.addBindValue(from);
    appointments.addBindValue(to);
    REQUIRE(appointments.exec());
    REQUIRE(appointments.next());
    day.appointments = appointments.value(0).toInt();
    day.bookedMinutes = static_cast<int>(appointments.value(1).toLongLong() / 60);

    QSqlQuery timeOff(database.connection());
    REQUIRE(timeOff.prepare(QStringLiteral("SELECT start_utc, end_utc FROM therapist_time_off "
                                           "WHERE therapist_id = ? AND start_utc < ? AND ? < "
                                           "end_utc")));
    timeOff.addBindValue(therapistId);
    timeOff.addBindValue(to);
    timeOff.addBindValue(from);
    REQUIRE(timeOff.exec());
    QList<std::pair<qint64, qint64>> away;
    while (timeOff.next()) {
        away.append({timeOff.value(0).toLongLong(), timeOff.value(1).toLongLong()});
    }

    QSqlQuery hours(database.connection());
    REQUIRE(hours.prepare(QStringLiteral("SELECT start_minute, end_minute FROM therapist_hours "
                                         "WHERE therapist_id = ? AND weekday = ?")));
    hours.addBindValue(therapistId);
    hours.addBindValue(date.dayOfWeek());
    REQUIRE(hours.exec());
    while (hours.next()) {
        const qint64 start = localSeconds(date, hours.value(0).toInt(), zone);
        const qint64 end = localSeconds(date, hours.value(1).toInt(), zone);
        day.scheduledMinutes += static_cast<int>((end - start) / 60);
        // Minute by minute: slow, but too plain to share a mistake with the code under test.
        for (qint64 minute = start; minute < end; minute += 60) {
            bool isAway = false;
            for (const auto& [awayFrom, awayTo] : away) {
                isAway = isAway || (awayFrom <= minute && minute < awayTo);
            }
            day.workingMinutes += isAway ? 0 : 1;
        }
    }
    return day;
}

QString expectedCellText(const StoredDay& day)
{
    if (day.workingMinutes == 0 && day.appointments == 0) {
        return QStringLiteral("off");
    }
    const int hours = day.bookedMinutes / 60;
    const int minutes = day.bookedMinutes % 60;
    QString booked;
    if (hours > 0 && minutes > 0) {
        booked = QStringLiteral("%1h %2m").arg(hours).arg(minutes);
    } else if (hours > 0) {
        booked = QStringLiteral("%1h").arg(hours);
    } else {
        booked = QStringLiteral("%1m").arg(minutes);
    }
    return QStringLiteral("%1 · %2").arg(day.appointments).arg(booked);
}

} // namespace masahista::test
