#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "gui/WelcomeDialog.h"
#include "support/TestSupport.h"

#include <QLabel>
#include <QPushButton>
#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::FixedClock;
using masahista::gui::WelcomeDialog;

namespace {

// 09:00 in Edmonton on 2026-11-25, but already the 26th in some zones east of it.
FixedClock wednesdayMorning()
{
    return FixedClock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
}

QPushButton* button(WelcomeDialog& dialog, const char* name)
{
    auto* found = dialog.findChild<QPushButton*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

qint64 therapistCount(masahista::Database& database)
{
    auto therapists = masahista::TherapistRepository(database).all();
    REQUIRE(therapists.ok());
    return therapists->size();
}

} // namespace

TEST_CASE("The welcome dialog loads the demo clinic around the clinic's today", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock = wednesdayMorning();
    WelcomeDialog dialog(masahista::test::session(*database, clock));
    dialog.show();

    button(dialog, "loadDemoButton")->click();

    auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    REQUIRE(error != nullptr);
    INFO(error->text());
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.choice() == WelcomeDialog::Choice::DemoLoaded);
    CHECK_FALSE(dialog.isVisible());
    CHECK(therapistCount(*database) == 9);
    auto empty = masahista::SettingsRepository(*database).isClinicEmpty();
    REQUIRE(empty.ok());
    CHECK_FALSE(*empty);

    // Every booking lies in the week before or after the clock's date.
    masahista::AppointmentRepository appointments(*database);
    auto total = appointments.count();
    REQUIRE(total.ok());
    CHECK(*total > 0);
    auto nearToday =
        appointments.between(QDateTime(QDate(2026, 11, 17), QTime(0, 0), QTimeZone::utc()),
                             QDateTime(QDate(2026, 12, 4), QTime(0, 0), QTimeZone::utc()));
    REQUIRE(nearToday.ok());
    CHECK(nearToday->size() == *total);
}

TEST_CASE("The welcome dialog can start with an empty clinic", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock = wednesdayMorning();
    WelcomeDialog dialog(masahista::test::session(*database, clock));
    dialog.show();

    button(dialog, "startEmptyButton")->click();

    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.choice() == WelcomeDialog::Choice::StartedEmpty);
    CHECK_FALSE(dialog.isVisible());
    auto empty = masahista::SettingsRepository(*database).isClinicEmpty();
    REQUIRE(empty.ok());
    CHECK(*empty);
}

TEST_CASE("The welcome dialog explains a demo that cannot be loaded and stays open", "[gui]")
{
    auto database = masahista::test::memoryDatabase();
    masahista::Client client;
    client.fullName = QStringLiteral("Walk-in Client");
    client.phone = QStringLiteral("(780) 555-0142");
    const FixedClock clock = wednesdayMorning();
    REQUIRE(masahista::ClientRepository(*database).add(client, clock.nowUtc()).ok());

    WelcomeDialog dialog(masahista::test::session(*database, clock));
    dialog.show();
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    REQUIRE(error != nullptr);
    CHECK(error->isHidden());

    button(dialog, "loadDemoButton")->click();

    // The demo refuses a clinic that already has data, and says so the same way every time.
    const masahista::Result<masahista::DemoSummary> refused =
        masahista::DemoClinic::load(*database, QDate(2026, 11, 25), clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(error->isVisible());
    CHECK(error->text().contains(refused.error().message));
    CHECK(dialog.isVisible());
    CHECK(dialog.choice() == WelcomeDialog::Choice::Undecided);
    CHECK(therapistCount(*database) == 0);

    // The other choice is still there.
    button(dialog, "startEmptyButton")->click();
    CHECK(dialog.choice() == WelcomeDialog::Choice::StartedEmpty);
    CHECK_FALSE(dialog.isVisible());
}
