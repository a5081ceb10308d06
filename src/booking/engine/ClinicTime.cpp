#include "ClinicTime.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace masahista::ClinicTime {

namespace {

constexpr int minutesPerDay = 24 * 60;
constexpr qint64 secondsPerDay = 24 * 3600;

QDateTime utcAt(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC);
}

int offsetAt(const QTimeZone& zone, qint64 utc)
{
    return zone.offsetFromUtc(utcAt(utc));
}

// The wall-clock time as seconds since the epoch, as if the clinic's clocks were UTC.
qint64 wallSeconds(QDate date, int minuteOfDay)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() +
           qint64{minuteOfDay} * 60;
}

// The instants at which the clocks show `wall`, earliest first: one, none (the spring gap) or
// two (the autumn's repeated hour). A change of the clocks is never closer than a day to
// another, so the offsets a day before and a day after are all the candidates there are.
QList<qint64> instantsShowing(qint64 wall, const QTimeZone& zone)
{
    QList<qint64> found;
    for (const int offset :
         {offsetAt(zone, wall - secondsPerDay), offsetAt(zone, wall + secondsPerDay)}) {
        const qint64 utc = wall - offset;
        if (offsetAt(zone, utc) == offset && !found.contains(utc)) {
            found.append(utc);
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

// The wall-clock minute of the day before and after the change of the clocks nearest `utc`,
// "02:00" and "03:00".
std::pair<QString, QString> changeAround(qint64 utc, const QTimeZone& zone)
{
    const QTimeZone::OffsetData change = zone.nextTransition(utcAt(utc - secondsPerDay));
    const qint64 at = change.atUtc.toSecsSinceEpoch();
    const auto wallAt = [](qint64 instant, int offset) {
        return formatMinute(static_cast<int>(((instant + offset) % secondsPerDay + secondsPerDay) %
                                             secondsPerDay / 60));
    };
    return {wallAt(at, offsetAt(zone, at - 1)), wallAt(at, change.offsetFromUtc)};
}

} // namespace

QTimeZone zone(const QString& timeZoneId)
{
    QTimeZone candidate(timeZoneId.toUtf8());
    if (candidate.isValid()) {
        return candidate;
    }
    return QTimeZone(QByteArrayLiteral("America/Edmonton"));
}

Resolved resolve(QDate date, int minuteOfDay, const QTimeZone& zone)
{
    // 24:00, the end of a working day, is the next day's midnight.
    date = date.addDays(minuteOfDay / minutesPerDay);
    minuteOfDay %= minutesPerDay;
    const qint64 wall = wallSeconds(date, minuteOfDay);
    const QList<qint64> instants = instantsShowing(wall, zone);
    if (instants.isEmpty()) {
        // The offset before the gap: 02:30 standard time is 03:30 daylight time.
        return {utcAt(wall - offsetAt(zone, wall - secondsPerDay)), WallTime::Skipped};
    }
    return {utcAt(instants.constFirst()),
            instants.size() == 1 ? WallTime::Exact : WallTime::Repeated};
}

QDateTime toUtc(QDate date, int minuteOfDay, const QTimeZone& zone)
{
    return resolve(date, minuteOfDay, zone).utc;
}

QString wallTimeNote(QDate date, int minuteOfDay, const QTimeZone& zone)
{
    const Resolved resolved = resolve(date, minuteOfDay, zone);
    if (resolved.kind == WallTime::Exact) {
        return QString();
    }
    date = date.addDays(minuteOfDay / minutesPerDay);
    const QString typed = formatMinute(minuteOfDay % minutesPerDay);
    const QString day = QLocale().toString(date, QStringLiteral("dddd d MMMM yyyy"));
    const auto [before, after] = changeAround(resolved.utc.toSecsSinceEpoch(), zone);
    if (resolved.kind == WallTime::Skipped) {
        return QCoreApplication::translate(
                   "ClinicTime",
                   "%1 on %2 does not exist in the clinic's time zone: the clocks go forward from "
                   "%3 to %4. It was read as %5.")
            .arg(typed, day, before, after, formatTime(resolved.utc, zone));
    }
    return QCoreApplication::translate(
               "ClinicTime",
               "%1 on %2 happens twice in the clinic's time zone: the clocks go back from %3 to "
               "%4. The first %1 (%5) was taken.")
        .arg(typed, day, before, after, zone.abbreviation(resolved.utc));
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

QString formatClock(const QDateTime& instant, const QTimeZone& zone)
{
    return formatMinute(minuteOfDay(toLocal(instant, zone)));
}

QString formatTime(const QDateTime& instant, const QTimeZone& zone)
{
    const QDateTime local = toLocal(instant, zone);
    const QString time = formatMinute(minuteOfDay(local));
    const qint64 wall = wallSeconds(local.date(), minuteOfDay(local));
    if (instantsShowing(wall, zone).size() < 2) {
        return time;
    }
    return time + QLatin1Char(' ') + zone.abbreviation(instant);
}

QString formatRange(const QDateTime& start, const QDateTime& end, const QTimeZone& zone)
{
    return formatTime(start, zone) + QStringLiteral("–") + formatTime(end, zone);
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
