#include "booking/engine/ClinicTime.h"
#include "gui/calendar/DayLayout.h"
#include "support/TestSupport.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::Appointment;
using masahista::AppointmentStatus;
using masahista::CalendarEntry;
using masahista::DaySchedule;
using masahista::Id;
using masahista::Therapist;
using masahista::WeeklyInterval;
using masahista::gui::DayLayout;

namespace {

const QTimeZone edmonton(QByteArrayLiteral("America/Edmonton"));

DaySchedule emptyDay(QDate date)
{
    DaySchedule day;
    day.date = date;
    day.directory.zone = edmonton;
    day.startUtc = masahista::ClinicTime::toUtc(date, 0, edmonton);
    day.endUtc = masahista::ClinicTime::toUtc(date.addDays(1), 0, edmonton);
    for (Id id = 1; id <= 3; ++id) {
        Therapist therapist;
        therapist.id = id;
        therapist.displayName = QStringLiteral("Therapist %1").arg(id);
        day.directory.therapists.append(therapist);
    }
    return day;
}

void addHours(DaySchedule& day, Id therapistId, int startMinute, int endMinute)
{
    day.working.weeklyHours[therapistId].append(
        WeeklyInterval{day.date.dayOfWeek(), startMinute, endMinute});
}

QDateTime local(QDate date, int hour, int minute = 0)
{
    return QDateTime(date, QTime(hour, minute), edmonton).toUTC();
}

void addAppointment(DaySchedule& day, Id id, Id therapistId, const QDateTime& startUtc, int minutes,
                    int bufferMinutes, AppointmentStatus status = AppointmentStatus::Booked)
{
    CalendarEntry entry;
    entry.appointment.id = id;
    entry.appointment.therapistId = therapistId;
    entry.appointment.startUtc = startUtc;
    entry.appointment.durationMinutes = minutes;
    entry.appointment.endUtc = startUtc.addSecs(qint64{minutes} * 60);
    entry.appointment.bufferEndUtc = entry.appointment.endUtc.addSecs(qint64{bufferMinutes} * 60);
    entry.appointment.status = status;
    entry.clientName = QStringLiteral("Client %1").arg(id);
    day.entries.append(entry);
}

} // namespace

TEST_CASE("The day layout spans the shown therapists' hours in whole hours", "[dayview]")
{
    const QDate date(2026, 11, 25);
    DaySchedule day = emptyDay(date);

    SECTION("nobody works: 08:00 to 21:00")
    {
        const DayLayout layout(day, {1, 2}, 800, 1);
        CHECK(layout.firstHour() == 8);
        CHECK(layout.endHour() == 21);
        CHECK(layout.visibleStartUtc() == local(date, 8));
        CHECK(layout.height() == Approx(DayLayout::topMargin + 13 * 60 + DayLayout::bottomMargin));
        CHECK(DayLayout::therapistsOn(day).isEmpty());
    }
    SECTION("earliest start to latest end, rounded out to hours")
    {
        addHours(day, 1, 9 * 60 + 30, 12 * 60);
        addHours(day, 1, 12 * 60 + 30, 15 * 60);
        addHours(day, 2, 10 * 60 + 30, 17 * 60 + 15);
        addHours(day, 3, 6 * 60, 22 * 60);
        const DayLayout layout(day, {1, 2}, 800, 2);
        CHECK(layout.firstHour() == 9);
        CHECK(layout.endHour() == 18);
        CHECK(layout.yAt(local(date, 9)) == Approx(DayLayout::topMargin));
        CHECK(layout.yAt(local(date, 10, 15)) == Approx(DayLayout::topMargin + 75 * 2));
        CHECK(DayLayout::therapistsOn(day) == QList<Id>{1, 2, 3});
        // Hidden therapist 3's long day does not stretch the span.
        CHECK(DayLayout(day, {3}, 800, 2).firstHour() == 6);
    }
    SECTION("an appointment outside everyone's hours widens it")
    {
        addHours(day, 1, 9 * 60, 17 * 60);
        addAppointment(day, 7, 1, local(date, 17, 30), 60, 15);
        const DayLayout layout(day, {1}, 800, 1);
        CHECK(layout.firstHour() == 9);
        CHECK(layout.endHour() == 19);
    }
}

TEST_CASE("Time maps to y and back, snapped to the grid, on a day with 25 hours", "[dayview]")
{
    // Clocks fall back from 02:00 MDT to 01:00 MST on this Sunday.
    const QDate date(2026, 11, 1);
    DaySchedule day = emptyDay(date);
    REQUIRE(day.startUtc.secsTo(day.endUtc) == 25 * 3600);
    addHours(day, 1, 0, 24 * 60);
    const qreal ppm = 1.5;
    const DayLayout layout(day, {1}, 600, ppm);
    CHECK(layout.firstHour() == 0);
    CHECK(layout.endHour() == 24);
    CHECK(layout.height() ==
          Approx(DayLayout::topMargin + 25 * 60 * ppm + DayLayout::bottomMargin));

    // 10:00 local is 17:00 UTC that day (MST), eleven hours after midnight (06:00 UTC).
    const QDateTime tenLocal = QDateTime(date, QTime(10, 0), edmonton).toUTC();
    CHECK(tenLocal == QDateTime(date, QTime(17, 0), QTimeZone::utc()));
    const qreal y = layout.yAt(tenLocal);
    CHECK(y == Approx(DayLayout::topMargin + 11 * 60 * ppm));
    CHECK(layout.timeAt(y, 15) == tenLocal);
    CHECK(layout.timeAt(y + 14 * ppm, 15) == tenLocal);
    CHECK(layout.timeAt(y + 15 * ppm, 15) == tenLocal.addSecs(15 * 60));
    CHECK(layout.timeAt(y - 1, 15) == tenLocal.addSecs(-15 * 60));
    CHECK(layout.timeAt(y + 40 * ppm, 30) == tenLocal.addSecs(30 * 60));

    // Both 01:30s exist, an hour apart on screen.
    const QDateTime firstHalfPastOne(date, QTime(7, 30), QTimeZone::utc());  // MDT
    const QDateTime secondHalfPastOne(date, QTime(8, 30), QTimeZone::utc()); // MST
    CHECK(layout.yAt(secondHalfPastOne) - layout.yAt(firstHalfPastOne) == Approx(60 * ppm));
    CHECK(layout.timeAt(layout.yAt(secondHalfPastOne) + 1, 15) == secondHalfPastOne);

    // Outside the span clamps to it.
    CHECK(layout.timeAt(-50, 15) == layout.visibleStartUtc());
    CHECK(layout.timeAt(layout.height() + 50, 15) == layout.visibleEndUtc().addSecs(-15 * 60));
}

TEST_CASE("Time maps to y on a day with 23 hours", "[dayview]")
{
    const QDate date(2026, 3, 8); // clocks spring forward at 02:00
    DaySchedule day = emptyDay(date);
    addHours(day, 1, 0, 12 * 60);
    const DayLayout layout(day, {1}, 600, 1);
    CHECK(layout.yAt(local(date, 3)) - layout.yAt(local(date, 1)) == Approx(60));
    CHECK(layout.timeAt(layout.yAt(local(date, 3)), 15) == local(date, 3));
    CHECK(layout.height() == Approx(DayLayout::topMargin + 11 * 60 + DayLayout::bottomMargin));
}

TEST_CASE("Columns follow the given order and hit-testing finds them", "[dayview]")
{
    DaySchedule day = emptyDay(QDate(2026, 11, 25));
    const qreal width = DayLayout::rulerWidth + 300;
    const DayLayout layout(day, {3, 1, 2}, width, 1);
    REQUIRE(layout.columnCount() == 3);
    CHECK(layout.columnRect(0) == QRectF(DayLayout::rulerWidth, 0, 100, layout.height()));
    CHECK(layout.columnRect(2).right() == Approx(width));
    CHECK(layout.columnRect(3).isNull());
    CHECK(layout.columnAt(DayLayout::rulerWidth - 1) == -1);
    CHECK(layout.columnAt(DayLayout::rulerWidth) == 0);
    CHECK(layout.columnAt(DayLayout::rulerWidth + 99.5) == 0);
    CHECK(layout.columnAt(DayLayout::rulerWidth + 100) == 1);
    CHECK(layout.columnAt(width - 0.5) == 2);
    CHECK(layout.columnAt(width + 1) == -1);
    CHECK(layout.therapistAt(DayLayout::rulerWidth + 10) == 3);
    CHECK(layout.therapistAt(DayLayout::rulerWidth + 150) == 1);
    CHECK(layout.therapistAt(5) == 0);
    CHECK(layout.columnOf(2) == 2);
    CHECK(layout.columnOf(9) == -1);
}

TEST_CASE("Cards sit in their column, overlapping ones side by side", "[dayview]")
{
    const QDate date(2026, 11, 25);
    DaySchedule day = emptyDay(date);
    addHours(day, 1, 9 * 60, 12 * 60);
    addHours(day, 1, 12 * 60 + 30, 17 * 60);
    addHours(day, 2, 9 * 60, 17 * 60);
    addAppointment(day, 10, 1, local(date, 10), 60, 0, AppointmentStatus::Cancelled);
    addAppointment(day, 11, 1, local(date, 10, 30), 60, 15, AppointmentStatus::Cancelled);
    addAppointment(day, 12, 1, local(date, 13), 60, 15, AppointmentStatus::Confirmed);
    addAppointment(day, 13, 2, local(date, 9), 30, 0);
    addAppointment(day, 14, 3, local(date, 9), 30, 0); // not shown

    const qreal width = DayLayout::rulerWidth + 400;
    const DayLayout hidden(day, {1, 2}, width, 2);
    CHECK(hidden.cardRect(10).isEmpty());
    CHECK(hidden.cardRect(11).isEmpty());
    CHECK_FALSE(hidden.cardRect(12).isEmpty());
    CHECK(hidden.cardRect(14).isEmpty());

    const DayLayout layout(day, {1, 2}, width, 2, true);
    const QRectF column = layout.columnRect(0);
    const QRectF first = layout.cardRect(10);
    const QRectF second = layout.cardRect(11);
    const QRectF alone = layout.cardRect(12);
    CHECK(column.contains(first));
    CHECK(column.contains(second));
    CHECK(column.contains(alone));
    CHECK(first.width() == Approx(second.width()));
    CHECK(first.width() < column.width() / 2);
    CHECK(first.right() <= second.left());
    CHECK_FALSE(first.intersects(second));
    CHECK(alone.width() > column.width() * 0.9);
    CHECK(first.top() == Approx(layout.yAt(local(date, 10))));
    CHECK(first.bottom() == Approx(layout.yAt(local(date, 11))));
    CHECK(layout.card(11)->tail.height() == Approx(15 * 2));
    CHECK(layout.card(10)->tail.isEmpty());
    CHECK(layout.columnRect(1).contains(layout.cardRect(13)));

    // Hit-testing.
    CHECK(layout.appointmentAt(alone.center()) == 12);
    CHECK(layout.appointmentAt(first.center()) == 10);
    CHECK(layout.appointmentAt(second.center()) == 11);
    CHECK(layout.appointmentAt(QPointF(alone.center().x(), alone.top() - 40)) == 0);
    CHECK(layout.appointmentAt(QPointF(10, alone.center().y())) == 0);

    Id handle = -1;
    CHECK(layout.onResizeHandle(QPointF(alone.center().x(), alone.bottom() - 2), &handle));
    CHECK(handle == 12);
    CHECK(layout.onResizeHandle(QPointF(alone.center().x(), alone.bottom() + 1), &handle));
    CHECK_FALSE(layout.onResizeHandle(alone.center(), &handle));
    CHECK(handle == 0);
    CHECK_FALSE(layout.onResizeHandle(QPointF(alone.center().x(), alone.bottom() + 10), nullptr));
}

TEST_CASE("Off hours, breaks and time off become shaded bands", "[dayview]")
{
    const QDate date(2026, 11, 25);
    DaySchedule day = emptyDay(date);
    addHours(day, 1, 9 * 60, 12 * 60);
    addHours(day, 1, 12 * 60 + 30, 15 * 60);
    addHours(day, 2, 8 * 60, 18 * 60);
    masahista::TimeOff off;
    off.therapistId = 2;
    off.startUtc = local(date, 14);
    off.endUtc = local(date, 23);
    day.working.timeOff.append(off);

    const DayLayout layout(day, {1, 2}, DayLayout::rulerWidth + 200, 1);
    REQUIRE(layout.firstHour() == 8);
    REQUIRE(layout.endHour() == 18);
    const QList<QRectF> firstOff = layout.offHoursRects(0);
    REQUIRE(firstOff.size() == 3); // before, the break, after
    CHECK(firstOff.at(0).top() == Approx(layout.yAt(local(date, 8))));
    CHECK(firstOff.at(0).bottom() == Approx(layout.yAt(local(date, 9))));
    CHECK(firstOff.at(1).top() == Approx(layout.yAt(local(date, 12))));
    CHECK(firstOff.at(1).bottom() == Approx(layout.yAt(local(date, 12, 30))));
    CHECK(firstOff.at(2).bottom() == Approx(layout.yAt(local(date, 18))));
    CHECK(layout.offHoursRects(1).isEmpty());
    CHECK(layout.timeOffRects(0).isEmpty());
    const QList<QRectF> secondTimeOff = layout.timeOffRects(1);
    REQUIRE(secondTimeOff.size() == 1);
    CHECK(secondTimeOff.at(0).top() == Approx(layout.yAt(local(date, 14))));
    CHECK(secondTimeOff.at(0).bottom() == Approx(layout.yAt(local(date, 18)))); // clipped
    CHECK(secondTimeOff.at(0).left() == Approx(layout.columnRect(1).left()));
}

TEST_CASE("The keyboard walks cards down a column and across to the nearest in time", "[dayview]")
{
    const QDate date(2026, 11, 25);
    DaySchedule day = emptyDay(date);
    addHours(day, 1, 9 * 60, 17 * 60);
    addHours(day, 2, 9 * 60, 17 * 60);
    addHours(day, 3, 9 * 60, 17 * 60);
    addAppointment(day, 20, 1, local(date, 9), 60, 0);
    addAppointment(day, 21, 1, local(date, 14), 60, 0);
    addAppointment(day, 22, 3, local(date, 13), 60, 0);
    addAppointment(day, 23, 3, local(date, 10), 60, 0);
    addAppointment(day, 24, 3, local(date, 16), 60, 0, AppointmentStatus::Cancelled);

    const DayLayout layout(day, {1, 2, 3}, DayLayout::rulerWidth + 600, 2);
    using Step = DayLayout::Step;
    // Nothing selected: the first key lands on the day's first card.
    CHECK(layout.cardFrom(0, Step::Later) == 20);
    CHECK(layout.cardFrom(0, Step::Last) == 21);
    CHECK(layout.cardFrom(20, Step::Later) == 21);
    CHECK(layout.cardFrom(21, Step::Later) == 0);
    CHECK(layout.cardFrom(21, Step::Earlier) == 20);
    CHECK(layout.cardFrom(20, Step::Earlier) == 0);
    // Across the empty middle column to the card nearest in time; hidden cancelled ones are
    // never reached.
    CHECK(layout.cardFrom(21, Step::RightColumn) == 22);
    CHECK(layout.cardFrom(20, Step::RightColumn) == 23);
    CHECK(layout.cardFrom(22, Step::Later) == 0);
    CHECK(layout.cardFrom(23, Step::LeftColumn) == 20);
    CHECK(layout.cardFrom(20, Step::LeftColumn) == 0);
    CHECK(layout.cardFrom(22, Step::First) == 20);

    const DayLayout empty(emptyDay(date), {1, 2, 3}, DayLayout::rulerWidth + 600, 2);
    CHECK(empty.cardFrom(0, Step::Later) == 0);
}
