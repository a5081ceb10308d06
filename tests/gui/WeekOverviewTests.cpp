#include "GuiTestSupport.h"
#include "booking/BookingFixture.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/Schedule.h"
#include "booking/engine/WeekSchedule.h"
#include "gui/WeekTestSupport.h"
#include "gui/calendar/WeekOverview.h"
#include "gui/calendar/WeekOverviewLayout.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>

#include <catch2/catch.hpp>

using masahista::Id;
using masahista::WeekSchedule;
using masahista::gui::WeekOverview;
using masahista::gui::WeekOverviewLayout;
using Cell = WeekOverviewLayout::Cell;

namespace {

const QDate demoDate(2026, 11, 25);
const QTimeZone edmonton("America/Edmonton");

QDateTime nowOn(QDate date)
{
    return QDateTime(date, QTime(16, 0), QTimeZone::utc());
}

struct DemoWeek
{
    std::unique_ptr<masahista::Database> database;
    WeekSchedule week;
};

DemoWeek demoWeek(QDate date)
{
    DemoWeek demo;
    demo.database = masahista::test::memoryDatabase();
    const masahista::FixedClock clock(nowOn(date));
    const masahista::Result<masahista::DemoSummary> loaded =
        masahista::DemoClinic::load(*demo.database, date, clock);
    INFO((loaded ? QString() : loaded.error().message));
    REQUIRE(loaded.ok());
    masahista::Result<WeekSchedule> week = masahista::loadWeekSchedule(*demo.database, date);
    INFO((week ? QString() : week.error().message));
    REQUIRE(week.ok());
    demo.week = std::move(week).value();
    return demo;
}

QPoint centreOf(const WeekOverview& overview, Cell cell)
{
    return overview.overviewLayout().cellRect(cell).center().toPoint();
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    return palette;
}

} // namespace

TEST_CASE("The week overview's cells say what the database holds", "[weekoverview]")
{
    const DemoWeek demo = demoWeek(demoDate);
    WeekOverview overview;
    overview.resize(1100, 560);
    overview.setWeek(demo.week, nowOn(demoDate));
    overview.show();
    const WeekOverviewLayout& layout = overview.overviewLayout();
    CHECK(overview.today() == demoDate);
    CHECK(layout.therapists() == WeekOverviewLayout::therapistsIn(demo.week));
    REQUIRE(layout.rowCount() >= 5);
    // Today's column is current from the start, on the first row.
    CHECK(overview.currentCell() == Cell{0, 2});

    int booked = 0;
    int off = 0;
    for (int row = 0; row < layout.rowCount(); ++row) {
        for (int day = 0; day < WeekOverviewLayout::dayCount; ++day) {
            const masahista::test::StoredDay stored = masahista::test::storedDay(
                *demo.database, layout.therapistOf(row), layout.dateOf(day), edmonton);
            INFO("row " << row << ", day " << day);
            CHECK(overview.cellText(row, day) == masahista::test::expectedCellText(stored));
            booked += stored.appointments > 0 ? 1 : 0;
            off += overview.cellText(row, day) == QStringLiteral("off") ? 1 : 0;
        }
    }
    // The demo week has both busy days and days off, so both kinds of text were compared.
    CHECK(booked > 10);
    CHECK(off > 0);
    CHECK(overview.cellText(layout.rowCount(), 0).isEmpty());
}

TEST_CASE("The week overview writes booked time and days off plainly", "[weekoverview]")
{
    CHECK(WeekOverview::durationText(270) == QStringLiteral("4h 30m"));
    CHECK(WeekOverview::durationText(240) == QStringLiteral("4h"));
    CHECK(WeekOverview::durationText(45) == QStringLiteral("45m"));
    CHECK(WeekOverview::durationText(0) == QStringLiteral("0m"));

    // Ana is away on 2026-12-03 in the fixture; a booking made with an override still shows.
    masahista::test::BookingFixture clinic;
    const QDate monday(2026, 11, 30);
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 90, clinic.at(monday, 10)));
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(monday, 13)));
    masahista::BookingRequest insisted =
        clinic.request(clinic.cara, clinic.swedish, 30, clinic.at(monday.addDays(3), 17));
    insisted.overrideReason = QStringLiteral("After hours, agreed");
    clinic.booked(insisted);
    masahista::Result<WeekSchedule> week = masahista::loadWeekSchedule(*clinic.database, monday);
    REQUIRE(week.ok());
    WeekOverview overview;
    overview.resize(1000, 300);
    overview.setWeek(*week, nowOn(clinic.today));
    REQUIRE(overview.overviewLayout().therapists() == QList<Id>{clinic.ana, clinic.cara});
    CHECK(overview.cellText(0, 0) == QStringLiteral("2 · 2h 30m"));
    CHECK(overview.cellText(0, 1) == QStringLiteral("0 · 0m"));
    CHECK(overview.cellText(0, 3) == QStringLiteral("off"));
    CHECK(overview.cellText(1, 3) == QStringLiteral("1 · 30m"));
    // Outside the week: no today column.
    CHECK(overview.overviewLayout().dayOf(overview.today()) == -1);
}

TEST_CASE("Double-click and Enter in the week overview open a therapist's day", "[weekoverview]")
{
    const DemoWeek demo = demoWeek(demoDate);
    WeekOverview overview;
    overview.resize(1100, 560);
    overview.setWeek(demo.week, nowOn(demoDate));
    overview.show();
    const WeekOverviewLayout& layout = overview.overviewLayout();
    REQUIRE(layout.rowCount() >= 3);
    QSignalSpy activated(&overview, &WeekOverview::dayActivated);

    QTest::mouseDClick(&overview, Qt::LeftButton, Qt::NoModifier, centreOf(overview, {1, 4}));
    REQUIRE(activated.count() == 1);
    CHECK(activated.at(0).at(0).toDate() == QDate(2026, 11, 27));
    CHECK(activated.at(0).at(1).value<Id>() == layout.therapistOf(1));
    CHECK(overview.currentCell() == Cell{1, 4});

    // The header and the names name no single day.
    QTest::mouseDClick(&overview, Qt::LeftButton, Qt::NoModifier,
                       layout.headerRect(2).center().toPoint());
    QTest::mouseDClick(&overview, Qt::LeftButton, Qt::NoModifier,
                       layout.nameRect(0).center().toPoint());
    CHECK(activated.count() == 1);

    // A click makes a cell current; the arrows move from there and stop at the edges.
    QTest::mouseClick(&overview, Qt::LeftButton, Qt::NoModifier, centreOf(overview, {0, 1}));
    CHECK(overview.currentCell() == Cell{0, 1});
    overview.setFocus();
    QTest::keyClick(&overview, Qt::Key_Right);
    QTest::keyClick(&overview, Qt::Key_Down);
    QTest::keyClick(&overview, Qt::Key_Down);
    CHECK(overview.currentCell() == Cell{2, 2});
    CHECK(overview.currentTherapist() == layout.therapistOf(2));
    CHECK(overview.currentDate() == QDate(2026, 11, 25));
    QTest::keyClick(&overview, Qt::Key_Return);
    REQUIRE(activated.count() == 2);
    CHECK(activated.at(1).at(0).toDate() == QDate(2026, 11, 25));
    CHECK(activated.at(1).at(1).value<Id>() == layout.therapistOf(2));

    QTest::keyClick(&overview, Qt::Key_Up);
    QTest::keyClick(&overview, Qt::Key_Up);
    QTest::keyClick(&overview, Qt::Key_Up);
    QTest::keyClick(&overview, Qt::Key_Left);
    QTest::keyClick(&overview, Qt::Key_Left);
    QTest::keyClick(&overview, Qt::Key_Left);
    CHECK(overview.currentCell() == Cell{0, 0});
    QTest::keyClick(&overview, Qt::Key_End);
    for (int step = 0; step < layout.rowCount() + 2; ++step) {
        QTest::keyClick(&overview, Qt::Key_Down);
    }
    CHECK(overview.currentCell() == Cell{layout.rowCount() - 1, 6});
    QTest::keyClick(&overview, Qt::Key_Enter);
    REQUIRE(activated.count() == 3);
    CHECK(activated.at(2).at(0).toDate() == QDate(2026, 11, 29));
    CHECK(activated.at(2).at(1).value<Id>() == layout.therapistOf(layout.rowCount() - 1));
    CHECK_FALSE(overview.accessibleDescription().isEmpty());

    // A reload keeps the current cell on the same therapist and weekday.
    const Id therapist = overview.currentTherapist();
    overview.setWeek(demo.week, nowOn(demoDate));
    CHECK(overview.currentTherapist() == therapist);
    CHECK(overview.currentCell().day == 6);
}

TEST_CASE("A week overview cell's tooltip tells the day's appointments and free time",
          "[weekoverview]")
{
    const DemoWeek demo = demoWeek(demoDate);
    WeekOverview overview;
    overview.resize(1100, 560);
    overview.setWeek(demo.week, nowOn(demoDate));
    overview.show();
    const WeekOverviewLayout& layout = overview.overviewLayout();
    // A working day with something booked and something free.
    Cell busy;
    for (int row = 0; row < layout.rowCount() && !busy.isValid(); ++row) {
        for (int day = 0; day < WeekOverviewLayout::dayCount; ++day) {
            const WeekOverviewLayout::CellSummary& summary = layout.summary(row, day);
            if (summary.appointments > 0 && !summary.free.isEmpty()) {
                busy = {row, day};
                break;
            }
        }
    }
    REQUIRE(busy.isValid());
    const QPoint centre = centreOf(overview, busy);
    QHelpEvent help(QEvent::ToolTip, centre, overview.mapToGlobal(centre));
    QCoreApplication::sendEvent(&overview, &help);
    const QString tip = QToolTip::text();
    const masahista::Therapist* therapist =
        demo.week.days.constFirst().directory.therapist(layout.therapistOf(busy.row));
    REQUIRE(therapist != nullptr);
    CHECK(tip.contains(therapist->displayName.toHtmlEscaped()));
    CHECK(tip.contains(QLocale().toString(layout.dateOf(busy.day), QLocale::LongFormat)));
    CHECK(tip.contains(QStringLiteral("%1 appointment").arg(layout.summary(busy).appointments)));
    CHECK(tip.contains(QStringLiteral("Free (")));
    CHECK(tip.contains(QStringLiteral("Hours: ")));
    QToolTip::hideText();
}

TEST_CASE("The week overview renders in a light and a dark palette", "[weekoverview]")
{
    const DemoWeek demo = demoWeek(demoDate);
    WeekOverview overview;
    overview.resize(1100, 520);
    overview.setWeek(demo.week, nowOn(demoDate));
    overview.show();
    overview.setFocus();
    QCoreApplication::processEvents();
    const QImage light = overview.grab().toImage();
    REQUIRE_FALSE(light.isNull());
    CHECK(masahista::test::colourCount(light, 5) > 20);

    masahista::test::saveScreenshot(light, QStringLiteral("week-overview.png"));

    overview.setPalette(darkPalette());
    QCoreApplication::processEvents();
    const QImage dark = overview.grab().toImage();
    REQUIRE_FALSE(dark.isNull());
    CHECK(masahista::test::colourCount(dark, 5) > 20);
    // The header, the names and an empty stretch of a cell follow the palette.
    const WeekOverviewLayout& layout = overview.overviewLayout();
    const QPoint header = layout.headerRect(0).topLeft().toPoint() + QPoint(3, 2);
    const QPoint name = layout.nameRect(0).bottomRight().toPoint() - QPoint(4, 3);
    const QPoint cell = layout.cellRect(0, 0).topRight().toPoint() + QPoint(-4, 2);
    CHECK(QColor(dark.pixel(header)).lightness() < 80);
    CHECK(QColor(dark.pixel(name)).lightness() < 80);
    CHECK(QColor(dark.pixel(cell)).lightness() < 80);
    CHECK(QColor(light.pixel(cell)).lightness() > 170);

    // Before any week is given: nothing to show, nothing to move to, nothing to open.
    WeekOverview empty;
    empty.resize(600, 200);
    empty.show();
    QSignalSpy activated(&empty, &WeekOverview::dayActivated);
    QTest::keyClick(&empty, Qt::Key_Down);
    QTest::keyClick(&empty, Qt::Key_Return);
    QTest::mouseDClick(&empty, Qt::LeftButton, Qt::NoModifier, QPoint(300, 100));
    CHECK_FALSE(empty.currentCell().isValid());
    CHECK(activated.isEmpty());
    CHECK_FALSE(empty.grab().toImage().isNull());
}
