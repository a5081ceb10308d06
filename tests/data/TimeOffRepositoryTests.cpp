#include "data/ScheduleRepository.h"
#include "data/TherapistRepository.h"
#include "support/TestSupport.h"

#include <QTimeZone>

using namespace masahista;

TEST_CASE("Time off is read by id and updated in place", "[data][repo][hours]")
{
    auto database = masahista::test::memoryDatabase();
    Therapist therapist;
    therapist.displayName = QStringLiteral("Ana");
    const Id ana = TherapistRepository(*database).add(therapist).value();
    ScheduleRepository schedule(*database);

    const QDateTime start(QDate(2026, 12, 24), QTime(7, 0), QTimeZone::utc());
    const Id id =
        schedule.addTimeOff({0, ana, start, start.addDays(2), QStringLiteral("Holidays")}).value();
    const TimeOff stored = schedule.timeOffById(id).value();
    CHECK(stored.id == id);
    CHECK(stored.therapistId == ana);
    CHECK(stored.startUtc == start);
    CHECK(stored.endUtc == start.addDays(2));
    CHECK(stored.reason == u"Holidays");

    TimeOff moved = stored;
    moved.startUtc = start.addDays(1);
    moved.endUtc = start.addDays(5);
    moved.reason = QStringLiteral("Family 🎄 ; 'quoted'");
    REQUIRE(schedule.updateTimeOff(moved).ok());
    const TimeOff updated = schedule.timeOffById(id).value();
    CHECK(updated.startUtc == start.addDays(1));
    CHECK(updated.endUtc == start.addDays(5));
    CHECK(updated.reason == moved.reason);
    CHECK(updated.therapistId == ana);
    CHECK(schedule.timeOff(ana, start, start.addDays(1))->isEmpty());
    CHECK(schedule.timeOff(ana, start.addDays(4), start.addDays(6))->size() == 1);

    // The schema refuses time off that ends before it starts, and the row stays as it was.
    TimeOff backwards = updated;
    backwards.endUtc = start;
    CHECK_FALSE(schedule.updateTimeOff(backwards).ok());
    CHECK(schedule.timeOffById(id)->endUtc == start.addDays(5));

    REQUIRE(schedule.removeTimeOff(id).ok());
    CHECK(schedule.timeOffById(id).error().code == ErrorCode::NotFound);
    CHECK(schedule.updateTimeOff(moved).error().code == ErrorCode::NotFound);
}
