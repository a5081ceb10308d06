#pragma once

#include "Id.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace masahista {

// A stretch of local wall-clock time on one weekday; a day with a break has two of them.
struct WeeklyInterval
{
    int weekday = 1;     // ISO: 1 = Monday ... 7 = Sunday
    int startMinute = 0; // minutes after local midnight
    int endMinute = 0;

    bool contains(int startMinuteOfDay, int endMinuteOfDay) const
    {
        return startMinute <= startMinuteOfDay && endMinuteOfDay <= endMinute;
    }
    friend bool operator==(const WeeklyInterval&, const WeeklyInterval&) = default;
};

struct TimeOff
{
    Id id = 0;
    Id therapistId = 0;
    QDateTime startUtc;
    QDateTime endUtc;
    QString reason;
};

} // namespace masahista
