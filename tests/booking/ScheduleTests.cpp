#include "BookingFixture.h"
#include "booking/engine/Schedule.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace masahista;
using masahista::test::BookingFixture;

TEST_CASE("A day's schedule holds that local day's appointments with their names",
          "[booking][schedule]")
{
    BookingFixture clinic;
    const QDate friday(2026, 11, 27);
    const Appointment early =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 9)));
    const Appointment cancelled = clinic.booked(
        clinic.request(clinic.cara, clinic.thai, 60, clinic.at(friday, 16), clinic.yan));
    REQUIRE(clinic.service.cancel(cancelled.id, QStringLiteral("Ill"), clinic.actor).ok());
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday.addDays(1), 9)));

    Result<DaySchedule> day = loadDaySchedule(*clinic.database, friday);
    REQUIRE(day.ok());
    CHECK(day->date == friday);
    CHECK(day->startUtc == clinic.at(friday, 0));
    CHECK(day->endUtc == clinic.at(friday.addDays(1), 0));
    REQUIRE(day->entries.size() == 2);
    const CalendarEntry& first = day->entries.at(0);
    CHECK(first.appointment.id == early.id);
    CHECK(first.therapistName == u"Ana");
    CHECK(first.clientName == u"Zoe");
    CHECK(first.serviceName == u"Swedish");
    CHECK(first.roomName == u"Table A");
    CHECK(day->entries.at(1).appointment.status == AppointmentStatus::Cancelled);
    CHECK(day->entries.at(1).roomName == u"Mat room");

    CHECK(day->hoursOf(clinic.ana).size() == 2);
    CHECK(day->isOn(clinic.ana));
    CHECK(day->directory.therapists.size() == 3);

    // A day of a clock change is 25 hours long.
    Result<DaySchedule> fallBack = loadDaySchedule(*clinic.database, QDate(2026, 11, 1));
    REQUIRE(fallBack.ok());
    CHECK(fallBack->startUtc.secsTo(fallBack->endUtc) == 25 * 3600);
}

TEST_CASE("Free time is working time less appointments with their cleanup and time off",
          "[booking][schedule]")
{
    BookingFixture clinic;
    const QDate thursday(2026, 12, 3); // Ana is away all day
    const QDate friday(2026, 12, 4);
    // Ana works 09:00-12:00 and 12:30-17:00; Swedish has a 15-minute cleanup.
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(friday, 11, 15), clinic.yan));
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(friday, 13), clinic.yan));
    const DaySchedule day = loadDaySchedule(*clinic.database, friday).value();
    const QList<TimeSpan> free =
        freeTime(friday, day.directory, clinic.ana, day.entries, day.working);
    REQUIRE(free.size() == 3);
    CHECK(free.at(0).start == clinic.at(friday, 9));
    CHECK(free.at(0).end == clinic.at(friday, 10));
    // 12:00, when the 11:15 appointment's cleanup ends, is the break: nothing until 12:30.
    CHECK(free.at(1).start == clinic.at(friday, 12, 30));
    CHECK(free.at(1).end == clinic.at(friday, 13));
    CHECK(free.at(2).start == clinic.at(friday, 13, 45));
    CHECK(free.at(2).end == clinic.at(friday, 17));

    const DaySchedule away = loadDaySchedule(*clinic.database, thursday).value();
    CHECK(freeTime(thursday, away.directory, clinic.ana, away.entries, away.working).isEmpty());
}

TEST_CASE("Taking a busy span out of free spans leaves what is around it", "[schedule]")
{
    const QDateTime nine(QDate(2026, 12, 7), QTime(16, 0), QTimeZone::utc());
    const auto at = [&nine](int minutes) {
        return nine.addSecs(qint64{minutes} * 60);
    };
    const QList<TimeSpan> free = {{at(0), at(180)}, {at(240), at(300)}};
    const auto starts = [](const QList<TimeSpan>& spans) {
        QList<std::pair<QDateTime, QDateTime>> pairs;
        for (const TimeSpan& span : spans) {
            pairs.append({span.start, span.end});
        }
        return pairs;
    };
    using Pairs = QList<std::pair<QDateTime, QDateTime>>;
    // Inside one span: it splits in two.
    CHECK(starts(without(free, {at(60), at(120)})) ==
          Pairs{{at(0), at(60)}, {at(120), at(180)}, {at(240), at(300)}});
    // Over an edge and a whole span: both are cut, the gap between is untouched.
    CHECK(starts(without(free, {at(150), at(320)})) == Pairs{{at(0), at(150)}});
    // Touching is not overlapping.
    CHECK(starts(without(free, {at(180), at(240)})) == starts(free));
    CHECK(without({}, {at(0), at(60)}).isEmpty());
}
