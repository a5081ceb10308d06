#include "booking/BookingFixture.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "booking/engine/WeekSchedule.h"
#include "gui/WeekTestSupport.h"
#include "gui/calendar/WeekOverviewLayout.h"
#include "support/TestSupport.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

#include <utility>

using masahista::Appointment;
using masahista::AppointmentStatus;
using masahista::CalendarEntry;
using masahista::DaySchedule;
using masahista::Id;
using masahista::Therapist;
using masahista::TimeOff;
using masahista::WeeklyInterval;
using masahista::WeekSchedule;
using masahista::gui::WeekOverviewLayout;

namespace {

const QTimeZone edmonton("America/Edmonton");
constexpr Id first = 7;
constexpr Id second = 8;

// A bare week built by hand, by default from Monday 2026-11-23: two therapists working
// 9:00-17:00 on weekdays.
WeekSchedule bareWeek(QDate monday = QDate(2026, 11, 23))
{
    WeekSchedule week;
    week.monday = monday;
    QList<WeeklyInterval> hours;
    for (int weekday = 1; weekday <= 5; ++weekday) {
        hours.append({weekday, 9 * 60, 17 * 60});
    }
    for (int offset = 0; offset < 7; ++offset) {
        DaySchedule day;
        day.date = week.monday.addDays(offset);
        day.directory.zone = edmonton;
        day.directory.settings.bookingStepMinutes = 15;
        Therapist one;
        one.id = first;
        one.displayName = QStringLiteral("First");
        Therapist two;
        two.id = second;
        two.displayName = QStringLiteral("Second");
        day.directory.therapists = {one, two};
        day.startUtc = masahista::ClinicTime::toUtc(day.date, 0, edmonton);
        day.endUtc = masahista::ClinicTime::toUtc(day.date.addDays(1), 0, edmonton);
        day.working.weeklyHours.insert(first, hours);
        day.working.weeklyHours.insert(second, hours);
        week.days.append(day);
    }
    return week;
}

CalendarEntry entry(Id id, Id therapistId, QDate date, int startMinute, int minutes,
                    AppointmentStatus status = AppointmentStatus::Booked)
{
    CalendarEntry result;
    Appointment& appointment = result.appointment;
    appointment.id = id;
    appointment.therapistId = therapistId;
    appointment.status = status;
    appointment.durationMinutes = minutes;
    appointment.startUtc = masahista::ClinicTime::toUtc(date, startMinute, edmonton);
    appointment.endUtc = appointment.startUtc.addSecs(qint64{minutes} * 60);
    appointment.bufferEndUtc = appointment.endUtc;
    return result;
}

WeekSchedule loadedWeek(masahista::Database& database, QDate anyDay)
{
    masahista::Result<WeekSchedule> week = masahista::loadWeekSchedule(database, anyDay);
    INFO((week ? QString() : week.error().message));
    REQUIRE(week.ok());
    return std::move(week).value();
}

// Every cell of every listed therapist against what the database holds.
void checkAgainstDatabase(masahista::Database& database, const WeekSchedule& week,
                          const WeekOverviewLayout& layout)
{
    for (int row = 0; row < layout.rowCount(); ++row) {
        for (int day = 0; day < WeekOverviewLayout::dayCount; ++day) {
            const WeekOverviewLayout::CellSummary& summary = layout.summary(row, day);
            INFO("therapist " << layout.therapistOf(row) << " on "
                              << layout.dateOf(day).toString(Qt::ISODate));
            CHECK(summary.therapistId == layout.therapistOf(row));
            CHECK(summary.date == week.monday.addDays(day));
            const masahista::test::StoredDay stored =
                masahista::test::storedDay(database, summary.therapistId, summary.date, edmonton);
            CHECK(summary.appointments == stored.appointments);
            CHECK(summary.bookedMinutes == stored.bookedMinutes);
            CHECK(summary.scheduledMinutes == stored.scheduledMinutes);
            CHECK(summary.workingMinutes == stored.workingMinutes);
            CHECK(summary.off == (stored.workingMinutes == 0));
            CHECK(summary.freeMinutes <= summary.workingMinutes);
        }
    }
}

int appointmentsIn(const WeekOverviewLayout& layout)
{
    int total = 0;
    for (int row = 0; row < layout.rowCount(); ++row) {
        for (int day = 0; day < WeekOverviewLayout::dayCount; ++day) {
            total += layout.summary(row, day).appointments;
        }
    }
    return total;
}

} // namespace

TEST_CASE("The week overview layout puts therapists in rows and days in columns",
          "[weekoverviewlayout][weekoverview]")
{
    const WeekSchedule week = bareWeek();
    const WeekOverviewLayout layout(week, {first, second}, QSizeF(160 + 7 * 100, 40 + 2 * 50));
    CHECK(layout.monday() == QDate(2026, 11, 23));
    REQUIRE(layout.rowCount() == 2);
    CHECK(layout.nameWidth() == Approx(160));
    CHECK(layout.dayWidth() == Approx(100));
    CHECK(layout.rowHeight() == Approx(50));
    CHECK(layout.height() == Approx(140));
    CHECK(layout.cellRect(1, 3) == QRectF(460, 90, 100, 50));
    CHECK(layout.headerRect(3) == QRectF(460, 0, 100, 40));
    CHECK(layout.nameRect(1) == QRectF(0, 90, 160, 50));

    // The cells tile the area right of the names and below the header.
    for (int row = 0; row < layout.rowCount(); ++row) {
        CHECK(layout.nameRect(row).right() == Approx(layout.cellRect(row, 0).left()));
        for (int day = 0; day + 1 < WeekOverviewLayout::dayCount; ++day) {
            CHECK(layout.cellRect(row, day).right() ==
                  Approx(layout.cellRect(row, day + 1).left()));
        }
        CHECK(layout.cellRect(row, 6).right() == Approx(layout.size().width()));
    }
    CHECK(layout.cellRect(0, 0).top() == Approx(WeekOverviewLayout::headerHeight));
    CHECK(layout.cellRect(0, 0).bottom() == Approx(layout.cellRect(1, 0).top()));

    // Hit-testing: a point names a therapist and a date, or nothing outside the cells.
    const QPointF thursdayOfSecond = layout.cellRect(1, 3).center();
    CHECK(layout.cellAt(thursdayOfSecond) == WeekOverviewLayout::Cell{1, 3});
    CHECK(layout.therapistAt(thursdayOfSecond) == second);
    CHECK(layout.dateAt(thursdayOfSecond) == QDate(2026, 11, 26));
    CHECK(layout.cellAt(layout.cellRect(0, 6).bottomRight() - QPointF(0.5, 0.5)) ==
          WeekOverviewLayout::Cell{0, 6});
    CHECK_FALSE(layout.cellAt(layout.headerRect(2).center()).isValid());
    CHECK_FALSE(layout.cellAt(layout.nameRect(0).center()).isValid());
    CHECK_FALSE(layout.cellAt(QPointF(500, 141)).isValid());
    CHECK_FALSE(layout.cellAt(QPointF(860, 100)).isValid());
    CHECK(layout.therapistAt(layout.nameRect(0).center()) == 0);
    CHECK_FALSE(layout.dateAt(layout.headerRect(2).center()).isValid());
    CHECK(layout.dayOf(QDate(2026, 11, 29)) == 6);
    CHECK(layout.dayOf(QDate(2026, 11, 30)) == -1);
    CHECK(layout.rowOf(second) == 1);
    CHECK(layout.rowOf(99) == -1);
    CHECK(layout.summary(5, 0).therapistId == 0);
    CHECK(layout.cellRect(2, 0).isNull());
}

TEST_CASE("The week overview layout keeps rows readable in any size",
          "[weekoverviewlayout][weekoverview]")
{
    const WeekSchedule week = bareWeek();
    // Tall: rows stop growing, the rest stays empty.
    const WeekOverviewLayout tall(week, {first, second}, QSizeF(1000, 900));
    CHECK(tall.rowHeight() == Approx(WeekOverviewLayout::maximumRowHeight));
    CHECK(tall.height() < 900);
    // Short and narrow: rows keep their minimum and need more height than given; the names
    // give up width first.
    const WeekOverviewLayout small(week, {first, second}, QSizeF(400, 60));
    CHECK(small.rowHeight() == Approx(WeekOverviewLayout::minimumRowHeight));
    CHECK(small.height() == Approx(WeekOverviewLayout::minimumHeight(2)));
    CHECK(small.nameWidth() == Approx(WeekOverviewLayout::minimumNameWidth));
    CHECK(small.cellAt(small.cellRect(1, 6).center()) == WeekOverviewLayout::Cell{1, 6});
    // Nobody shown, nothing loaded: no cells, nothing hit.
    const WeekOverviewLayout empty(week, {}, QSizeF(800, 400));
    CHECK(empty.rowCount() == 0);
    CHECK_FALSE(empty.cellAt(QPointF(400, 100)).isValid());
    CHECK(WeekOverviewLayout().rowCount() == 0);
    CHECK(WeekOverviewLayout::therapistsIn(WeekSchedule()).isEmpty());
}

TEST_CASE("The week overview layout sums a hand-built week", "[weekoverviewlayout][weekoverview]")
{
    WeekSchedule week = bareWeek();
    const QDate tuesday(2026, 11, 24);
    const QDate wednesday(2026, 11, 25);
    week.days[1].entries.append(entry(1, first, tuesday, 10 * 60, 60));
    week.days[1].entries.append(
        entry(2, first, tuesday, 12 * 60, 90, AppointmentStatus::Cancelled));
    // Late on Tuesday into Wednesday: loaded into both days, counted on the day it starts.
    const CalendarEntry late = entry(3, first, tuesday, 23 * 60 + 30, 60);
    week.days[1].entries.append(late);
    week.days[2].entries.append(late);
    // The second therapist is away Wednesday afternoon and all of Thursday.
    TimeOff afternoon;
    afternoon.therapistId = second;
    afternoon.startUtc = masahista::ClinicTime::toUtc(wednesday, 13 * 60, edmonton);
    afternoon.endUtc = masahista::ClinicTime::toUtc(wednesday.addDays(2), 0, edmonton);
    week.days[2].working.timeOff.append(afternoon);
    week.days[3].working.timeOff.append(afternoon);

    const WeekOverviewLayout layout(week, {first, second}, QSizeF(900, 300));
    const WeekOverviewLayout::CellSummary& firstTuesday = layout.summary(0, 1);
    CHECK(firstTuesday.appointments == 2);
    CHECK(firstTuesday.bookedMinutes == 120);
    CHECK(firstTuesday.workingMinutes == 480);
    // 9-10 and 11-17: the cancelled one frees its time, the late one is after hours.
    CHECK(firstTuesday.freeMinutes == 420);
    REQUIRE(firstTuesday.free.size() == 2);
    CHECK(layout.summary(0, 2).appointments == 0);
    CHECK(layout.summary(0, 2).bookedMinutes == 0);

    const WeekOverviewLayout::CellSummary& secondWednesday = layout.summary(1, 2);
    CHECK(secondWednesday.scheduledMinutes == 480);
    CHECK(secondWednesday.workingMinutes == 240);
    CHECK_FALSE(secondWednesday.off);
    const WeekOverviewLayout::CellSummary& secondThursday = layout.summary(1, 3);
    CHECK(secondThursday.scheduledMinutes == 480);
    CHECK(secondThursday.workingMinutes == 0);
    CHECK(secondThursday.off);
    CHECK(secondThursday.free.isEmpty());
    // No hours at the weekend.
    CHECK(layout.summary(0, 5).off);
    CHECK(layout.summary(0, 5).scheduledMinutes == 0);
}

TEST_CASE("The week overview sums match what the booking fixture's database holds",
          "[weekoverviewlayout][weekoverview]")
{
    masahista::test::BookingFixture clinic;
    const QDate monday(2026, 11, 30);
    const QDate thursday(2026, 12, 3); // Ana is away all day
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(monday, 10)));
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 90, clinic.at(monday, 13), clinic.yan));
    const Appointment dropped = clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(monday.addDays(1), 10)));
    REQUIRE(clinic.service.cancel(dropped.id, QStringLiteral("Flu"), clinic.actor).ok());
    clinic.booked(clinic.request(clinic.cara, clinic.thai, 60, clinic.at(monday.addDays(2), 9)));
    // Booked on her day away with an override: the day is off and yet holds an appointment.
    masahista::BookingRequest insisted =
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(thursday, 10), clinic.yan);
    insisted.overrideReason = QStringLiteral("Only day the client can come");
    clinic.booked(insisted);

    const WeekSchedule week = loadedWeek(*clinic.database, monday);
    // Ben is inactive and holds nothing: not listed.
    const QList<Id> listed = WeekOverviewLayout::therapistsIn(week);
    CHECK(listed == QList<Id>{clinic.ana, clinic.cara});
    const WeekOverviewLayout layout(week, listed, QSizeF(1000, 400));
    checkAgainstDatabase(*clinic.database, week, layout);
    CHECK(appointmentsIn(layout) == 4);

    const WeekOverviewLayout::CellSummary& anaMonday = layout.summary(0, 0);
    CHECK(anaMonday.appointments == 2);
    CHECK(anaMonday.bookedMinutes == 150);
    CHECK(anaMonday.workingMinutes == 450);
    // 9-10, 11:15-12 (cleanup), 12:30-13, 14:45-17 (cleanup after the 90 minutes).
    CHECK(anaMonday.freeMinutes == 60 + 45 + 30 + 135);
    CHECK(layout.summary(0, 1).appointments == 0); // the cancelled one
    const WeekOverviewLayout::CellSummary& anaThursday = layout.summary(0, 3);
    CHECK(anaThursday.off);
    CHECK(anaThursday.scheduledMinutes == 450);
    CHECK(anaThursday.workingMinutes == 0);
    CHECK(anaThursday.appointments == 1);
    CHECK(layout.summary(1, 2).appointments == 1);
    CHECK(layout.summary(1, 2).workingMinutes == 480);

    // An inactive therapist asked for explicitly still gets a row of sums.
    const WeekOverviewLayout withBen(week, {clinic.ben}, QSizeF(1000, 400));
    CHECK(withBen.summary(0, 0).workingMinutes == 480);
    CHECK(withBen.summary(0, 0).appointments == 0);
}

TEST_CASE("The week overview sums the week the clocks spring forward",
          "[weekoverviewlayout][weekoverview]")
{
    const QDate springForward(2026, 3, 8);
    auto database = masahista::test::memoryDatabase();
    const masahista::FixedClock clock(QDateTime(springForward, QTime(18, 0), QTimeZone::utc()));
    REQUIRE(masahista::DemoClinic::load(*database, springForward, clock).ok());
    const WeekSchedule week = loadedWeek(*database, springForward);
    REQUIRE(week.monday == QDate(2026, 3, 2));
    CHECK(week.days.at(6).startUtc.secsTo(week.days.at(6).endUtc) == 23 * 3600);
    const WeekOverviewLayout layout(week, WeekOverviewLayout::therapistsIn(week),
                                    QSizeF(1200, 600));
    REQUIRE(layout.rowCount() >= 5);
    checkAgainstDatabase(*database, week, layout);
    CHECK(appointmentsIn(layout) > 20);
}

TEST_CASE("The week overview sums the week the clocks fall back",
          "[weekoverviewlayout][weekoverview]")
{
    const QDate fallBack(2026, 11, 1);
    auto database = masahista::test::memoryDatabase();
    const masahista::FixedClock clock(QDateTime(fallBack, QTime(18, 0), QTimeZone::utc()));
    REQUIRE(masahista::DemoClinic::load(*database, fallBack, clock).ok());
    const WeekSchedule week = loadedWeek(*database, fallBack);
    REQUIRE(week.monday == QDate(2026, 10, 26));
    CHECK(week.days.at(6).startUtc.secsTo(week.days.at(6).endUtc) == 25 * 3600);
    const WeekOverviewLayout layout(week, WeekOverviewLayout::therapistsIn(week),
                                    QSizeF(1200, 600));
    REQUIRE(layout.rowCount() >= 5);
    checkAgainstDatabase(*database, week, layout);
    CHECK(appointmentsIn(layout) > 20);
}

TEST_CASE("The week overview layout counts the hours a night shift really lasts",
          "[weekoverviewlayout][weekoverview]")
{
    // 00:30-03:30 on the Sundays the clocks change: two hours in spring, four in the fall.
    for (const auto& [monday, elapsed] :
         {std::pair{QDate(2026, 3, 2), 120}, std::pair{QDate(2026, 10, 26), 240}}) {
        WeekSchedule week = bareWeek(monday);
        for (DaySchedule& day : week.days) {
            day.working.weeklyHours[first].append({7, 30, 3 * 60 + 30});
        }
        const QDate sunday = monday.addDays(6);
        week.days[6].entries.append(entry(1, first, sunday, 30, 120));
        const WeekOverviewLayout layout(week, {first}, QSizeF(900, 200));
        const WeekOverviewLayout::CellSummary& night = layout.summary(0, 6);
        INFO(sunday.toString(Qt::ISODate));
        CHECK(night.scheduledMinutes == elapsed);
        CHECK(night.workingMinutes == elapsed);
        CHECK(night.bookedMinutes == 120);
        CHECK(night.freeMinutes == elapsed - 120);
        CHECK_FALSE(night.off);
        CHECK(layout.summary(0, 0).workingMinutes == 480);
    }
}
