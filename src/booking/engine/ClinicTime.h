#pragma once

#include "domain/WorkingHours.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

// Conversions between the UTC instants the database stores and the clinic's wall clock.
namespace masahista::ClinicTime {

// The clinic's zone; falls back to America/Edmonton when the id is unknown on this system.
QTimeZone zone(const QString& timeZoneId);

// What a wall-clock time of the clinic is on its day.
enum class WallTime
{
    Exact,    // shown once: one instant
    Skipped,  // in the spring gap: the clocks jump over it
    Repeated, // in the autumn's repeated hour: shown twice
};

struct Resolved
{
    QDateTime utc;
    WallTime kind = WallTime::Exact;
};

// The instant at which the clinic's clocks show `minuteOfDay` (1440 and beyond carry into the
// next days) on `date`, as RFC 5545 (3.3.5) and Python's zoneinfo read it: a time skipped by the
// spring change is read with the offset in force before the gap (02:30 -> 03:30 daylight time),
// a time shown twice is its first occurrence (01:30 daylight time). Qt's own conversion gets
// both wrong (6.4), so every wall-clock time the app turns into an instant comes through here.
Resolved resolve(QDate date, int minuteOfDay, const QTimeZone& zone);
QDateTime toUtc(QDate date, int minuteOfDay, const QTimeZone& zone);

// The sentence the desk reads when the time it typed is skipped or shown twice, saying which
// instant was taken; empty for an ordinary time.
QString wallTimeNote(QDate date, int minuteOfDay, const QTimeZone& zone);

// The clinic's local date and minute of day for an instant.
QDateTime toLocal(const QDateTime& instant, const QTimeZone& zone);
int minuteOfDay(const QDateTime& local);

// "10:30" for minute 630.
QString formatMinute(int minuteOfDay);

// The clinic's time of an instant, "10:30"; in the autumn's repeated hour with the zone's
// abbreviation, "01:30 MDT" or "01:30 MST", so that no time on a sheet names two instants.
QString formatTime(const QDateTime& instant, const QTimeZone& zone);
// "10:30", the wall clock alone, for a view that shows its day and zone elsewhere.
QString formatClock(const QDateTime& instant, const QTimeZone& zone);
// "10:30–11:30", each end as formatTime writes it.
QString formatRange(const QDateTime& start, const QDateTime& end, const QTimeZone& zone);

// The intervals of one weekday, "09:00–12:00, 12:30–15:00"; empty for a day off.
QString formatDay(const QList<WeeklyInterval>& weeklyHours, int weekday);

} // namespace masahista::ClinicTime
