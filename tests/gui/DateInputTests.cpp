#include "GuiTestSupport.h"
#include "booking/Actor.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "gui/CalendarPage.h"
#include "gui/MyDayPage.h"
#include "gui/dialogs/BookingDialog.h"
#include "support/TestSupport.h"

#include <QCalendarWidget>
#include <QCoreApplication>
#include <QDateEdit>
#include <QLineEdit>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::gui::BookingDialog;

namespace {

const masahista::FixedClock& demoClock()
{
    static const masahista::FixedClock fixed(
        QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    return fixed;
}

std::unique_ptr<masahista::Database> demo()
{
    auto database = masahista::test::memoryDatabase();
    REQUIRE(masahista::DemoClinic::load(*database, QDate(2026, 11, 25), demoClock()).ok());
    return database;
}

template <typename Widget>
Widget* child(QObject& parent, const char* name)
{
    auto* found = parent.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

// Clicks the edit's text where the section is, as the user would.
void clickSection(QDateTimeEdit* edit, QDateTimeEdit::Section section)
{
    auto* line = edit->findChild<QLineEdit*>();
    REQUIRE(line != nullptr);
    for (int x = 1; x < line->width(); ++x) {
        QTest::mouseClick(line, Qt::LeftButton, Qt::NoModifier, QPoint(x, line->height() / 2));
        QCoreApplication::processEvents();
        if (edit->currentSection() == section) {
            return;
        }
    }
    FAIL("no click lands in the section");
}

} // namespace

TEST_CASE("Every date input stays between 1900 and 2200", "[gui][dates]")
{
    auto database = demo();
    BookingDialog dialog(
        masahista::test::session(*database, demoClock(), masahista::Actor{QStringLiteral("Desk")}));
    auto* date = child<QDateEdit>(dialog, "dateEdit");
    CHECK(date->minimumDate() == QDate(1900, 1, 1));
    CHECK(date->maximumDate() == QDate(2200, 12, 31));

    masahista::gui::CalendarPage page(
        masahista::test::session(*database, demoClock(), masahista::Actor{QStringLiteral("Desk")}));
    auto* month = child<QCalendarWidget>(page, "monthCalendar");
    CHECK(month->minimumDate() == QDate(1900, 1, 1));
    CHECK(month->maximumDate() == QDate(2200, 12, 31));
    // Typing a year into the month calendar cannot leave the range.
    page.show();
    month->setFocus();
    QTest::keyClicks(month, QStringLiteral("25"));
    QTest::keyClick(month, Qt::Key_Return);
    CHECK(month->selectedDate() >= QDate(1900, 1, 1));
    CHECK(page.date() >= QDate(1900, 1, 1));

    masahista::gui::MyDayPage myDay(masahista::test::session(*database, demoClock()));
    auto* myDate = child<QDateEdit>(myDay, "dateEdit");
    CHECK(myDate->minimumDate() == QDate(1900, 1, 1));
    CHECK(myDate->maximumDate() == QDate(2200, 12, 31));
}

TEST_CASE("The arrows on a date's weekday step it by a day", "[gui][dates]")
{
    auto database = demo();
    BookingDialog dialog(
        masahista::test::session(*database, demoClock(), masahista::Actor{QStringLiteral("Desk")}));
    dialog.show();
    auto* date = child<QDateEdit>(dialog, "dateEdit");
    date->setDate(QDate(2026, 11, 25));
    date->setFocus();
    // The cursor in the weekday, the first part of "Wed 2026-11-25".
    QTest::keyClick(date, Qt::Key_Home);
    QTest::keyClick(date, Qt::Key_Up);
    CHECK(date->date() == QDate(2026, 11, 26));
    QTest::keyClick(date, Qt::Key_Down);
    QTest::keyClick(date, Qt::Key_Down);
    CHECK(date->date() == QDate(2026, 11, 24));

    masahista::gui::MyDayPage myDay(masahista::test::session(*database, demoClock()));
    myDay.show();
    auto* myDate = child<QDateEdit>(myDay, "dateEdit");
    myDate->setDate(QDate(2026, 11, 30));
    myDate->setFocus();
    QTest::keyClick(myDate, Qt::Key_Home);
    QTest::keyClick(myDate, Qt::Key_Up);
    CHECK(myDate->date() == QDate(2026, 12, 1));
}

TEST_CASE("A click in the booking time's hours then typing replaces the hours", "[gui][dates]")
{
    auto database = demo();
    BookingDialog dialog(
        masahista::test::session(*database, demoClock(), masahista::Actor{QStringLiteral("Desk")}));
    dialog.resize(700, 600);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* time = child<QTimeEdit>(dialog, "timeEdit");
    time->setTime(QTime(9, 0));
    clickSection(time, QDateTimeEdit::HourSection);
    QTest::keyClicks(time, QStringLiteral("14"));
    CHECK(time->time() == QTime(14, 0));
    clickSection(time, QDateTimeEdit::MinuteSection);
    QTest::keyClicks(time, QStringLiteral("30"));
    CHECK(time->time() == QTime(14, 30));
}
