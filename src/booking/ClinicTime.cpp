#include "ClinicTime.h"

#include <QStringList>

namespace masahista::ClinicTime {

QTimeZone zone(const QString& timeZoneId)
{
    QTimeZone candidate(timeZoneId.toUtf8());
    if (candidate.isValid()) {
        return candidate;
    }
    return QTimeZone(QByteArrayLiteral("America/Edmonton"));
}

QDateTime toUtc(QDate date, int minuteOfDay, const QTimeZone& zone)
{
    constexpr int minutesPerDay = 24 * 60;
    // 24:00, the end of a working day, is the next day's midnight.
    date = date.addDays(minuteOfDay / minutesPerDay);
    minuteOfDay %= minutesPerDay;
    const QDateTime local(date, QTime(0, 0).addSecs(qint64{minuteOfDay} * 60), zone);
    return local.toUTC();
}

QDateTime toLocal(const QDateTime& instant, const QTimeZone& zone)
{
    return instant.toTimeZone(zone);
}

int minuteOfDay(const QDateTime& local)
{
    const QTime time = local.time();
    return time.hour() * 60 + time.minute();
}

QString formatMinute(int minuteOfDay)
{
    return QStringLiteral("%1:%2")
        .arg(minuteOfDay / 60, 2, 10, QLatin1Char('0'))
        .arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}

QString formatDay(const QList<WeeklyInterval>& weeklyHours, int weekday)
{
    QStringList spans;
    for (const WeeklyInterval& interval : weeklyHours) {
        if (interval.weekday == weekday) {
            spans.append(formatMinute(interval.startMinute) + QStringLiteral("–") +
                         formatMinute(interval.endMinute));
        }
    }
    return spans.join(QStringLiteral(", "));
}

} // namespace masahista::ClinicTime
