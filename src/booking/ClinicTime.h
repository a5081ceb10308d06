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

// The instant at which the clinic's clocks show `minuteOfDay` (1440 and beyond carry into the
// next days) on `date`. A wall-clock time
// skipped by the spring change resolves to the instant after the gap (02:30 -> 03:30).
QDateTime toUtc(QDate date, int minuteOfDay, const QTimeZone& zone);

// The clinic's local date and minute of day for an instant.
QDateTime toLocal(const QDateTime& instant, const QTimeZone& zone);
int minuteOfDay(const QDateTime& local);

// "10:30" for minute 630.
QString formatMinute(int minuteOfDay);

// The intervals of one weekday, "09:00–12:00, 12:30–15:00"; empty for a day off.
QString formatDay(const QList<WeeklyInterval>& weeklyHours, int weekday);

} // namespace masahista::ClinicTime
