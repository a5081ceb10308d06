#include "GuiTestSupport.h"
#include "booking/BookingFixture.h"
#include "booking/engine/Schedule.h"
#include "booking/engine/WeekSchedule.h"
#include "gui/Preferences.h"
#include "gui/calendar/WeekLayout.h"
#include "gui/calendar/WeekPanel.h"
#include "gui/calendar/WeekView.h"
#include "support/TestSupport.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QImage>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::DaySchedule;
using masahista::Id;
using masahista::Therapist;
using masahista::WeekSchedule;
using masahista::gui::WeekLayout;
using masahista::gui::WeekPanel;
using masahista::gui::WeekView;
using masahista::test::BookingFixture;

namespace {

const QDate monday(2026, 11, 30);

QDateTime fixtureNow()
{
    return QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc());
}

// The fixture with a few bookings in the week of `monday`.
WeekSchedule bookedWeek(BookingFixture& clinic, QDate anyDay = monday)
{
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(monday, 10)));
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 90, clinic.at(monday.addDays(2), 14),
                                 clinic.yan));
    clinic.booked(clinic.request(clinic.cara, clinic.thai, 60, clinic.at(monday.addDays(1), 9)));
    masahista::Result<WeekSchedule> week = masahista::loadWeekSchedule(*clinic.database, anyDay);
    REQUIRE(week.ok());
    return std::move(week).value();
}

WeekSchedule loadedWeek(BookingFixture& clinic, QDate anyDay)
{
    masahista::Result<WeekSchedule> week = masahista::loadWeekSchedule(*clinic.database, anyDay);
    REQUIRE(week.ok());
    return std::move(week).value();
}

// The same week as if the therapist had been deleted from the clinic.
WeekSchedule without(WeekSchedule week, Id therapistId)
{
    for (DaySchedule& day : week.days) {
        day.directory.therapists.removeIf(
            [therapistId](const Therapist& therapist) { return therapist.id == therapistId; });
    }
    return week;
}

QComboBox* pickerOf(const WeekPanel& panel)
{
    auto* picker = panel.findChild<QComboBox*>(QStringLiteral("weekTherapistPicker"));
    REQUIRE(picker != nullptr);
    return picker;
}

void forgetRememberedTherapist()
{
    masahista::gui::preferences()->remove(WeekPanel::therapistPreferenceKey());
}

Id rememberedTherapist()
{
    return masahista::gui::preferences()->value(WeekPanel::therapistPreferenceKey()).toLongLong();
}

} // namespace

TEST_CASE("The week panel's picker lists the week's therapists with their colours", "[weekpanel]")
{
    forgetRememberedTherapist();
    BookingFixture clinic;
    const WeekSchedule week = bookedWeek(clinic);
    WeekPanel panel;
    panel.resize(1000, 500);
    panel.setWeek(week, fixtureNow());
    panel.show();

    QComboBox* picker = pickerOf(panel);
    // Ben is inactive and holds nothing this week.
    REQUIRE(picker->count() == 2);
    CHECK(picker->itemText(0) == QStringLiteral("Ana"));
    CHECK(picker->itemText(1) == QStringLiteral("Cara"));
    CHECK(picker->itemData(0).value<Id>() == clinic.ana);
    CHECK(picker->itemData(1).value<Id>() == clinic.cara);
    CHECK_FALSE(picker->itemIcon(0).isNull());
    CHECK_FALSE(picker->accessibleName().isEmpty());
    CHECK_FALSE(picker->toolTip().isEmpty());
    CHECK(picker->isEnabled());

    // Nothing remembered: the first therapist's week.
    CHECK(panel.therapistId() == clinic.ana);
    CHECK(panel.weekView()->therapistId() == clinic.ana);
    CHECK(panel.weekView()->week().monday == monday);
    CHECK(panel.weekView()->weekLayout().cards().size() == 2);
    // The view fills the width of the scroll area.
    CHECK(panel.weekView()->width() > 900);
}

TEST_CASE("The week panel remembers the therapist the user picks", "[weekpanel]")
{
    forgetRememberedTherapist();
    BookingFixture clinic;
    const WeekSchedule week = bookedWeek(clinic);
    {
        WeekPanel panel;
        panel.resize(1000, 500);
        panel.setWeek(week, fixtureNow());
        panel.show();
        QSignalSpy changed(&panel, &WeekPanel::therapistChanged);
        QComboBox* picker = pickerOf(panel);
        picker->setFocus();
        QTest::keyClick(picker, Qt::Key_Down);
        CHECK(picker->currentText() == QStringLiteral("Cara"));
        REQUIRE(changed.count() == 1);
        CHECK(changed.at(0).at(0).value<Id>() == clinic.cara);
        CHECK(panel.therapistId() == clinic.cara);
        CHECK(panel.weekView()->therapistId() == clinic.cara);
        CHECK(panel.weekView()->weekLayout().cards().size() == 1);
        CHECK(rememberedTherapist() == clinic.cara);
    }

    // A new panel, as after a restart, opens on the remembered therapist.
    WeekPanel restored;
    restored.resize(1000, 500);
    QSignalSpy changed(&restored, &WeekPanel::therapistChanged);
    restored.setWeek(week, fixtureNow());
    CHECK(restored.therapistId() == clinic.cara);
    CHECK(pickerOf(restored)->currentText() == QStringLiteral("Cara"));
    REQUIRE(changed.count() == 1);
    CHECK(changed.at(0).at(0).value<Id>() == clinic.cara);

    // Choosing in code shows the week but is not the user's pick: nothing is remembered.
    restored.setTherapist(clinic.ana);
    CHECK(restored.therapistId() == clinic.ana);
    CHECK(restored.weekView()->therapistId() == clinic.ana);
    CHECK(pickerOf(restored)->currentText() == QStringLiteral("Ana"));
    REQUIRE(changed.count() == 2);
    CHECK(changed.at(1).at(0).value<Id>() == clinic.ana);
    CHECK(rememberedTherapist() == clinic.cara);
    // A therapist the picker does not list changes nothing.
    restored.setTherapist(clinic.ben);
    CHECK(restored.therapistId() == clinic.ana);
    CHECK(changed.count() == 2);
    forgetRememberedTherapist();
}

TEST_CASE("The week panel keeps the therapist and the time of day across reloads", "[weekpanel]")
{
    forgetRememberedTherapist();
    BookingFixture clinic;
    const WeekSchedule week = bookedWeek(clinic);
    WeekPanel panel;
    panel.resize(900, 360);
    panel.setTherapist(clinic.cara); // before any week: kept for the first one
    panel.setWeek(week, fixtureNow());
    panel.show();
    QCoreApplication::processEvents();
    CHECK(panel.therapistId() == clinic.cara);
    CHECK(panel.verticalScroll() == 0);

    panel.scrollToMinute(13 * 60);
    CHECK(panel.verticalScroll() > 0);
    CHECK(panel.topMinute() == 13 * 60);
    QSignalSpy changed(&panel, &WeekPanel::therapistChanged);

    // The same week again, as after a change elsewhere.
    panel.setWeek(loadedWeek(clinic, monday), fixtureNow());
    CHECK(panel.therapistId() == clinic.cara);
    CHECK(panel.topMinute() == 13 * 60);
    // The next week, where Cara's evening booking (with an override) makes the day longer:
    // the same time of day stays at the top.
    masahista::BookingRequest evening =
        clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(monday.addDays(8), 19));
    evening.overrideReason = QStringLiteral("After hours, agreed");
    clinic.booked(evening);
    panel.setWeek(loadedWeek(clinic, monday.addDays(7)), fixtureNow());
    CHECK(panel.weekView()->week().monday == monday.addDays(7));
    CHECK(panel.weekView()->weekLayout().endHour() == 20);
    CHECK(panel.therapistId() == clinic.cara);
    CHECK(panel.topMinute() == 13 * 60);
    CHECK(changed.isEmpty());

    // A therapist no longer listed: the remembered one if listed, else the first listed.
    masahista::gui::preferences()->setValue(WeekPanel::therapistPreferenceKey(), clinic.ana);
    WeekPanel other;
    other.resize(900, 360);
    other.setWeek(without(week, clinic.ana), fixtureNow());
    CHECK(other.therapistId() == clinic.cara); // the remembered Ana is not listed
    other.setWeek(without(week, clinic.cara), fixtureNow());
    CHECK(other.therapistId() == clinic.ana);
    CHECK(pickerOf(other)->count() == 1);
    other.setWeek(without(without(week, clinic.ana), clinic.cara), fixtureNow());
    CHECK(other.therapistId() == 0);
    CHECK_FALSE(pickerOf(other)->isEnabled());
    forgetRememberedTherapist();
}

TEST_CASE("The week panel passes on the week view's double-clicks", "[weekpanel]")
{
    forgetRememberedTherapist();
    BookingFixture clinic;
    const WeekSchedule week = bookedWeek(clinic);
    WeekPanel panel;
    panel.resize(1000, 500);
    panel.setWeek(week, fixtureNow());
    panel.show();
    QCoreApplication::processEvents();
    QSignalSpy appointments(&panel, &WeekPanel::appointmentActivated);
    QSignalSpy days(&panel, &WeekPanel::dayActivated);
    WeekView* view = panel.weekView();
    const WeekLayout& layout = view->weekLayout();
    REQUIRE_FALSE(layout.cards().isEmpty());

    const WeekLayout::Card card = layout.cards().constFirst();
    QTest::mouseDClick(view, Qt::LeftButton, Qt::NoModifier, card.rect.center().toPoint());
    REQUIRE(appointments.count() == 1);
    CHECK(appointments.at(0).at(0).value<Id>() == card.appointmentId);

    // An empty spot of Thursday's column.
    const QRectF thursday = layout.columnRect(3);
    QPoint empty;
    for (qreal y = thursday.top() + 20; y < thursday.bottom(); y += 5) {
        if (layout.appointmentAt(QPointF(thursday.center().x(), y)) == 0) {
            empty = QPointF(thursday.center().x(), y).toPoint();
            break;
        }
    }
    REQUIRE_FALSE(empty.isNull());
    QTest::mouseDClick(view, Qt::LeftButton, Qt::NoModifier, empty);
    REQUIRE(days.count() == 1);
    CHECK(days.at(0).at(0).toDate() == monday.addDays(3));

    // The header of days stays put above the scrolling hours, exactly where the view's own
    // header would be, and answers a double-click as the view's own would.
    const QPoint friday = view->mapTo(&panel, layout.headerRect(4).center().toPoint());
    CHECK(panel.childAt(friday) == nullptr);
    QTest::mouseDClick(&panel, Qt::LeftButton, Qt::NoModifier, friday);
    REQUIRE(days.count() == 2);
    CHECK(days.at(1).at(0).toDate() == monday.addDays(4));
    panel.scrollToMinute(15 * 60);
    REQUIRE(panel.verticalScroll() > 0);
    QTest::mouseDClick(&panel, Qt::LeftButton, Qt::NoModifier, friday);
    REQUIRE(days.count() == 3);
    CHECK(days.at(2).at(0).toDate() == monday.addDays(4));
    CHECK(appointments.count() == 1);
}

TEST_CASE("The week panel renders its header and week", "[weekpanel]")
{
    forgetRememberedTherapist();
    BookingFixture clinic;
    const WeekSchedule week = bookedWeek(clinic);
    WeekPanel panel;
    panel.resize(1000, 420);
    panel.setWeek(week, QDateTime(monday.addDays(2), QTime(18, 0), QTimeZone::utc()));
    panel.show();
    panel.scrollToMinute(11 * 60);
    QCoreApplication::processEvents();
    const QImage image = panel.grab().toImage();
    REQUIRE_FALSE(image.isNull());
    CHECK(masahista::test::colourCount(image, 5) > 20);
    // Before any week is given, the panel is empty but whole.
    WeekPanel empty;
    empty.resize(600, 300);
    empty.show();
    CHECK(empty.therapistId() == 0);
    CHECK_FALSE(pickerOf(empty)->isEnabled());
    CHECK_FALSE(empty.grab().toImage().isNull());

    masahista::test::saveScreenshot(image, QStringLiteral("week-panel.png"));
}
