#pragma once

#include "booking/engine/Schedule.h"
#include "domain/Result.h"

#include <QDate>
#include <QList>

namespace masahista {

// Seven clinic-local days, Monday to Sunday, loaded once so that the week view draws without
// asking the database again. Each day is loaded as the day view loads it, so the two agree on
// what a day holds, a day with a change of clock offset included.
struct WeekSchedule
{
    QDate monday;
    QList<DaySchedule> days; // Monday..Sunday; empty until loaded
};

// The Monday..Sunday week that contains anyDay.
Result<WeekSchedule> loadWeekSchedule(Database& database, QDate anyDay);

} // namespace masahista
