#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "booking/engine/WeekSchedule.h"
#include "gui/calendar/WeekLayout.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::Appointment;
using masahista::AppointmentStatus;
using masahista::CalendarEntry;
using masahista::DaySchedule;
using masahista::Id;
using masahista::TimeOff;
using masahista::WeeklyInterval;
using masahista::WeekSchedule;
using masahista::gui::WeekLayout;

namespace {

const QTimeZone zone("America/Edmonton");
constexpr Id therapist = 7;

// A bare week, built by hand: Monday 2026-11-23, the therapist working 9:00-17:00 each weekday.
WeekSchedule bareWeek()
{
    WeekSchedule week;
    week.monday = QDate(2026, 11, 23);
    for (int offset = 0; offset < 7; ++offset) {
        DaySchedule day;
        day.date = week.monday.addDays(offset);
        day.directory.zone = zone;
        day.startUtc = masahista::ClinicTime::toUtc(day.date, 0, zone);
        day.endUtc = masahista::ClinicTime::toUtc(day.date.addDays(1), 0, zone);
        week.days.append(day);
    }
    QList<WeeklyInterval> hours;
    for (int weekday = 1; weekday <= 5; ++weekday) {
        WeeklyInterval interval;
        interval.weekday = weekday;
        interval.startMinute = 9 * 60;
        interval.endMinute = 17 * 60;
        hours.append(interval);
    }
    for (DaySchedule& day : week.days) {
        day.working.weeklyHours.insert(therapist, hours);
    }
    return week;
}

CalendarEntry entry(Id id, QDate date, int startMinute, int minutes,
                    AppointmentStatus status = AppointmentStatus::Booked)
{
    CalendarEntry result;
    Appointment& appointment = result.appointment;
    appointment.id = id;
    appointment.therapistId = therapist;
    appointment.status = status;
    appointment.durationMinutes = minutes;
    appointment.startUtc = masahista::ClinicTime::toUtc(date, startMinute, zone);
    appointment.endUtc = appointment.startUtc.addSecs(qint64{minutes} * 60);
    appointment.bufferEndUtc = appointment.endUtc;
    return result;
}

} // namespace

TEST_CASE("The week layout places cards by wall clock in their day's column",
          "[weeklayout][weekview]")
{
    WeekSchedule week = bareWeek();
    week.days[2].entries.append(entry(1, week.days[2].date, 10 * 60, 60));
    week.days[2].entries.append(entry(2, week.days[2].date, 10 * 60 + 30, 60));
    week.days[2].entries.append(
        entry(3, week.days[2].date, 12 * 60, 30, AppointmentStatus::Cancelled));
    // Outside the working hours: the span must grow to show it.
    week.days[5].entries.append(entry(4, week.days[5].date, 19 * 60, 90));
    const WeekLayout layout(week, therapist, 58 + 7 * 100, 1.0);

    CHECK(layout.firstHour() == 9);
    CHECK(layout.endHour() == 21);
    CHECK(layout.cards().size() == 3); // the cancelled one is left out
    CHECK(layout.cardRect(3).isEmpty());
    const QRectF first = layout.cardRect(1);
    const QRectF second = layout.cardRect(2);
    CHECK(first.top() == Approx(layout.yAtMinute(10 * 60)));
    CHECK(first.height() == Approx(60));
    // Overlapping cards share the column side by side.
    CHECK(first.right() <= second.left());
    CHECK(layout.columnRect(2).contains(first));
    CHECK(layout.columnRect(2).contains(second));
    CHECK(layout.columnRect(5).contains(layout.cardRect(4)));
    CHECK(layout.appointmentAt(first.center()) == 1);
    CHECK(layout.dateAt(first.center().x()) == QDate(2026, 11, 25));
    CHECK(layout.dayOf(QDate(2026, 11, 29)) == 6);
    CHECK(layout.dayOf(QDate(2026, 11, 30)) == -1);
    CHECK(layout.dayAt(10) == -1);

    // Weekdays are shaded outside 9-17; the weekend, with no hours, all day.
    REQUIRE(layout.offHoursRects(0).size() == 1);
    CHECK(layout.offHoursRects(0).constFirst().top() == Approx(layout.yAtMinute(17 * 60)));
    REQUIRE(layout.offHoursRects(6).size() == 1);
    CHECK(layout.offHoursRects(6).constFirst().height() == Approx(12 * 60));
}

TEST_CASE("The week layout hatches time off and survives an empty week", "[weeklayout][weekview]")
{
    WeekSchedule week = bareWeek();
    TimeOff off;
    off.therapistId = therapist;
    off.startUtc = masahista::ClinicTime::toUtc(week.days[1].date, 13 * 60, zone);
    off.endUtc = masahista::ClinicTime::toUtc(week.days[1].date.addDays(1), 0, zone);
    week.days[1].working.timeOff.append(off);
    const WeekLayout layout(week, therapist, 800, 1.0);
    REQUIRE(layout.timeOffRects(1).size() == 1);
    CHECK(layout.timeOffRects(1).constFirst().top() == Approx(layout.yAtMinute(13 * 60)));
    CHECK(layout.timeOffRects(1).constFirst().bottom() == Approx(layout.yAtMinute(17 * 60)));
    CHECK(layout.timeOffRects(0).isEmpty());

    // Nobody's hours, nothing booked: the default span, no cards.
    const WeekLayout empty(week, 999, 800, 1.0);
    CHECK(empty.firstHour() * 60 == WeekLayout::defaultFirstMinute);
    CHECK(empty.endHour() * 60 == WeekLayout::defaultEndMinute);
    CHECK(empty.cards().isEmpty());
    CHECK(WeekLayout().cards().isEmpty());
}

TEST_CASE("A card across the repeated hour stays in its column", "[weeklayout][weekview]")
{
    WeekSchedule week = bareWeek();
    week.monday = QDate(2026, 10, 26);
    for (int offset = 0; offset < 7; ++offset) {
        week.days[offset].date = week.monday.addDays(offset);
    }
    // Sunday 2026-11-01 has 25 hours in Edmonton; a late-night card runs past midnight.
    const QDate sunday(2026, 11, 1);
    week.days[6].entries.append(entry(1, sunday, 60 + 30, 60));
    week.days[6].entries.append(entry(2, sunday, 23 * 60 + 30, 90));
    const WeekLayout layout(week, therapist, 800, 1.0);
    CHECK(layout.firstHour() == 1);
    CHECK(layout.endHour() == 24);
    for (const WeekLayout::Card& card : layout.cards()) {
        CHECK(card.day == 6);
        CHECK(layout.columnRect(6).contains(card.rect));
    }
}
