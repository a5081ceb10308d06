#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "gui/calendar/DayLayout.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QTest>
#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::DaySchedule;
using masahista::Id;
using masahista::gui::DayLayout;
using masahista::gui::DayPanel;
using masahista::gui::DayView;

namespace {

const QDate demoDate(2026, 11, 25);

DaySchedule demoDay()
{
    auto database = masahista::test::memoryDatabase();
    const masahista::FixedClock clock(QDateTime(demoDate, QTime(16, 0), QTimeZone::utc()));
    REQUIRE(masahista::DemoClinic::load(*database, demoDate, clock).ok());
    masahista::Result<DaySchedule> day = masahista::loadDaySchedule(*database, demoDate);
    REQUIRE(day.ok());
    return std::move(day).value();
}

const QChar ellipsis(0x2026);

} // namespace

TEST_CASE("A therapist's hours wrap in the day header instead of being cut off", "[dayview]")
{
    const QFontMetricsF metrics(QApplication::font());
    const QString split = QStringLiteral("15:00–18:00, 18:30–21:00");
    const qreal oneInterval = metrics.horizontalAdvance(QStringLiteral("15:00–18:00")) + 2;

    CHECK(DayPanel::hoursLines(split, metrics, metrics.horizontalAdvance(split) + 2) ==
          QStringList{split});
    CHECK(DayPanel::hoursLines(split, metrics, oneInterval) ==
          QStringList{QStringLiteral("15:00–18:00"), QStringLiteral("18:30–21:00")});
    CHECK(DayPanel::hoursLines(QStringLiteral("Not working"), metrics, oneInterval) ==
          QStringList{QStringLiteral("Not working")});

    // More intervals than lines: the last line says that more follows.
    const QString four = QStringLiteral("08:00–09:00, 10:00–11:00, 12:00–13:00, 14:00–15:00");
    const QStringList lines = DayPanel::hoursLines(four, metrics, oneInterval);
    REQUIRE(lines.size() == DayPanel::maxHoursLines);
    CHECK(lines.first() == u"08:00–09:00");
    CHECK(lines.last().endsWith(ellipsis));

    // An interval wider than the column is the only thing shortened.
    const QStringList narrow = DayPanel::hoursLines(split, metrics, oneInterval / 2);
    REQUIRE(narrow.size() == 2);
    CHECK(narrow.first().endsWith(ellipsis));
}

TEST_CASE("The demo day's header shows every therapist's hours whole at a laptop's width",
          "[dayview]")
{
    const DaySchedule day = demoDay();
    const QList<Id> shown = DayLayout::therapistsOn(day);
    REQUIRE(shown.size() >= 6);
    DayPanel panel;
    // The day panel's share of a 1366-pixel-wide window, beside the calendar's side bar.
    panel.resize(1366 - 270, 560);
    panel.show();
    panel.setSchedule(day, shown, QDateTime(demoDate, QTime(16, 0), QTimeZone::utc()));
    QCoreApplication::processEvents();

    const QList<QStringList> header = panel.headerHours();
    REQUIRE(header.size() == shown.size());
    bool wrapped = false;
    for (int column = 0; column < header.size(); ++column) {
        const Id therapistId = panel.dayView()->dayLayout().therapistOf(column);
        const QString hours =
            masahista::ClinicTime::formatDay(day.hoursOf(therapistId), demoDate.dayOfWeek());
        INFO(hours.toStdString());
        CHECK(header.at(column).join(QStringLiteral(", ")) ==
              (hours.isEmpty() ? QStringLiteral("Not working") : hours));
        wrapped = wrapped || header.at(column).size() > 1;
    }
    // The demo's split shifts do not fit one line at this width: the header grew to show them.
    CHECK(wrapped);
    const QFontMetricsF metrics(panel.font());
    CHECK(panel.dayView()->mapTo(&panel, QPoint(0, 0)).y() >= 3 * metrics.height());
}

TEST_CASE("The compact day shows more of the day and keeps the time at the top", "[dayview]")
{
    CHECK(DayView::compactSuits(768 - 40));
    CHECK_FALSE(DayView::compactSuits(1080 - 40));

    const DaySchedule day = demoDay();
    const QList<Id> shown = DayLayout::therapistsOn(day);
    DayPanel panel;
    // What the day panel gets in a window filling a 1366 x 768 screen.
    panel.resize(1366 - 270, 560);
    panel.show();
    panel.setSchedule(day, shown, QDateTime(demoDate, QTime(16, 0), QTimeZone::utc()));
    panel.scrollToTime(QDateTime(demoDate, QTime(17, 0), QTimeZone::utc())); // 10:00 local
    QCoreApplication::processEvents();
    REQUIRE_FALSE(panel.isCompact());
    const int comfortable = panel.visibleMinutes();

    const auto topMinute = [&panel] {
        const DayLayout& layout = panel.dayView()->dayLayout();
        return layout.timeAt(panel.verticalScroll() + DayLayout::topMargin, 1);
    };
    const QDateTime before = topMinute();
    panel.setCompact(true);
    QCoreApplication::processEvents();
    CHECK(panel.isCompact());
    // More than four and a half hours of the day at once, the same time at the top.
    CHECK(panel.visibleMinutes() > 270);
    CHECK(panel.visibleMinutes() > comfortable * 3 / 2 - 2);
    CHECK(std::abs(topMinute().secsTo(before)) <= 60);
    // Cards still name their client: thirty minutes are two lines.
    CHECK(30 * DayView::compactPixelsPerMinute >= 2 * QFontMetricsF(panel.font()).height() + 4);

    panel.setCompact(false);
    CHECK(panel.visibleMinutes() == comfortable);
}

TEST_CASE("With no card chosen the arrows start from the first card in view", "[dayview]")
{
    const DaySchedule day = demoDay();
    DayPanel panel;
    panel.resize(1366 - 270, 560);
    panel.show();
    panel.setSchedule(day, DayLayout::therapistsOn(day),
                      QDateTime(demoDate, QTime(16, 0), QTimeZone::utc()));
    // 15:00 in Edmonton: the morning's cards are scrolled out of sight above.
    panel.scrollToTime(QDateTime(demoDate, QTime(22, 0), QTimeZone::utc()));
    QCoreApplication::processEvents();
    DayView* view = panel.dayView();
    const QRect visible = view->visibleRegion().boundingRect();
    const Id dayFirst = view->dayLayout().cardFrom(0, DayLayout::Step::First);
    REQUIRE(dayFirst != 0);
    REQUIRE_FALSE(visible.intersects(view->dayLayout().cardRect(dayFirst).toAlignedRect()));

    panel.setFocus();
    CHECK(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Down);
    const Id chosen = view->selectedAppointment();
    REQUIRE(chosen != 0);
    CHECK(visible.intersects(view->dayLayout().cardRect(chosen).toAlignedRect()));
    // Home still goes to the day's first card.
    QTest::keyClick(view, Qt::Key_Home);
    CHECK(view->selectedAppointment() == dayFirst);
}
