#include "WeekSchedule.h"

namespace masahista {

Result<WeekSchedule> loadWeekSchedule(Database& database, QDate anyDay)
{
    WeekSchedule week;
    week.monday = anyDay.addDays(1 - anyDay.dayOfWeek());
    for (int offset = 0; offset < 7; ++offset) {
        Result<DaySchedule> day = loadDaySchedule(database, week.monday.addDays(offset));
        if (!day) {
            return day.error();
        }
        week.days.append(std::move(day).value());
    }
    return week;
}

} // namespace masahista
