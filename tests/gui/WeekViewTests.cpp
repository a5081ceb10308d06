#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "booking/engine/WeekSchedule.h"
#include "gui/calendar/WeekLayout.h"
#include "gui/calendar/WeekView.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::CalendarEntry;
using masahista::DaySchedule;
using masahista::Id;
using masahista::Therapist;
using masahista::WeekSchedule;
using masahista::gui::WeekLayout;
using masahista::gui::WeekView;

namespace {

const QDate demoDate(2026, 11, 25);

QDateTime nowOn(QDate date)
{
    return QDateTime(date, QTime(16, 0), QTimeZone::utc());
}

// The demo clinic loaded around `date`, and the week containing it.
WeekSchedule demoWeek(QDate date)
{
    auto database = masahista::test::memoryDatabase();
    const masahista::FixedClock clock(nowOn(date));
    const masahista::Result<masahista::DemoSummary> loaded =
        masahista::DemoClinic::load(*database, date, clock);
    INFO((loaded ? QString() : loaded.error().message));
    REQUIRE(loaded.ok());
    masahista::Result<WeekSchedule> week = masahista::loadWeekSchedule(*database, date);
    INFO((week ? QString() : week.error().message));
    REQUIRE(week.ok());
    return std::move(week).value();
}

Id therapistNamed(const WeekSchedule& week, const QString& name)
{
    for (const Therapist& therapist : week.days.constFirst().directory.therapists) {
        if (therapist.displayName == name) {
            return therapist.id;
        }
    }
    return 0;
}

// The ids a week view should show: the therapist's uncancelled appointments, day by day.
QSet<Id> expectedIds(const WeekSchedule& week, Id therapistId)
{
    QSet<Id> ids;
    for (const DaySchedule& day : week.days) {
        for (const CalendarEntry& entry : day.entries) {
            if (entry.appointment.therapistId == therapistId && entry.appointment.holdsTime()) {
                ids.insert(entry.appointment.id);
            }
        }
    }
    return ids;
}

void checkCardsInColumns(const WeekView& view)
{
    const WeekLayout& layout = view.weekLayout();
    for (const WeekLayout::Card& card : layout.cards()) {
        INFO(card.appointmentId);
        CHECK(layout.columnRect(card.day).contains(card.rect));
        CHECK(card.rect.height() > 0);
    }
}

} // namespace

TEST_CASE("The week view shows one therapist's appointments of the week", "[weekview]")
{
    const WeekSchedule week = demoWeek(demoDate);
    REQUIRE(week.monday == QDate(2026, 11, 23));
    REQUIRE(week.days.size() == 7);
    for (int offset = 0; offset < 7; ++offset) {
        CHECK(week.days.at(offset).date == week.monday.addDays(offset));
    }
    const Id eden = therapistNamed(week, QStringLiteral("Eden L"));
    REQUIRE(eden != 0);

    WeekView view;
    view.resize(1200, 800);
    view.setWeek(week, eden, nowOn(demoDate));
    view.show();
    CHECK(view.today() == demoDate);
    CHECK(view.minimumHeight() >= static_cast<int>(view.weekLayout().height()));

    const QSet<Id> expected = expectedIds(week, eden);
    REQUIRE(expected.size() > 5);
    QSet<Id> shown;
    for (const WeekLayout::Card& card : view.weekLayout().cards()) {
        shown.insert(card.appointmentId);
        const CalendarEntry& entry = week.days.at(card.day).entries.at(card.entryIndex);
        CHECK(entry.appointment.id == card.appointmentId);
        CHECK(masahista::ClinicTime::toLocal(entry.appointment.startUtc,
                                             week.days.at(card.day).directory.zone)
                  .date() == week.days.at(card.day).date);
    }
    CHECK(shown == expected);
    CHECK(view.weekLayout().cards().size() == expected.size());
    checkCardsInColumns(view);
}

TEST_CASE("Double-clicks in the week view open an appointment or a day", "[weekview]")
{
    const WeekSchedule week = demoWeek(demoDate);
    const Id eden = therapistNamed(week, QStringLiteral("Eden L"));
    WeekView view;
    view.resize(1200, 800);
    view.setWeek(week, eden, nowOn(demoDate));
    view.show();
    const WeekLayout& layout = view.weekLayout();
    REQUIRE_FALSE(layout.cards().isEmpty());
    QSignalSpy appointments(&view, &WeekView::appointmentActivated);
    QSignalSpy days(&view, &WeekView::dayActivated);

    const WeekLayout::Card card = layout.cards().constFirst();
    QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, card.rect.center().toPoint());
    REQUIRE(appointments.count() == 1);
    CHECK(appointments.at(0).at(0).value<Id>() == card.appointmentId);
    CHECK(days.isEmpty());

    // An empty spot of Thursday's column.
    const QRectF thursday = layout.columnRect(3);
    QPoint empty;
    for (qreal y = thursday.top() + 1; y < thursday.bottom(); y += 5) {
        if (layout.appointmentAt(QPointF(thursday.center().x(), y)) == 0) {
            empty = QPointF(thursday.center().x(), y).toPoint();
            break;
        }
    }
    REQUIRE_FALSE(empty.isNull());
    QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, empty);
    REQUIRE(days.count() == 1);
    CHECK(days.at(0).at(0).toDate() == QDate(2026, 11, 26));

    // The header of Sunday.
    QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier,
                       layout.headerRect(6).center().toPoint());
    REQUIRE(days.count() == 2);
    CHECK(days.at(1).at(0).toDate() == QDate(2026, 11, 29));
    CHECK(appointments.count() == 1);
}

TEST_CASE("The week view lays out a week with a 25-hour day", "[weekview]")
{
    const QDate fallBack(2026, 11, 1);
    const WeekSchedule week = demoWeek(fallBack);
    REQUIRE(week.monday == QDate(2026, 10, 26));
    REQUIRE(week.days.size() == 7);
    const DaySchedule& sunday = week.days.at(6);
    CHECK(sunday.startUtc.secsTo(sunday.endUtc) == 25 * 3600);
    const Id eden = therapistNamed(week, QStringLiteral("Eden L"));
    REQUIRE(eden != 0);
    WeekView view;
    view.resize(900, 700);
    view.setWeek(week, eden, nowOn(fallBack));
    view.show();
    CHECK(view.weekLayout().cards().size() == expectedIds(week, eden).size());
    checkCardsInColumns(view);
    CHECK_FALSE(view.grab().toImage().isNull());
}

TEST_CASE("The week view renders a readable week", "[weekview]")
{
    const WeekSchedule week = demoWeek(demoDate);
    WeekView view;
    view.resize(1366, 760);
    view.setWeek(week, therapistNamed(week, QStringLiteral("Eden L")), nowOn(demoDate));
    view.show();
    QCoreApplication::processEvents();
    const QImage image = view.grab().toImage();
    REQUIRE_FALSE(image.isNull());
    CHECK(masahista::test::colourCount(image) > 20);

    masahista::test::saveScreenshot(image, QStringLiteral("week-view.png"));
}
