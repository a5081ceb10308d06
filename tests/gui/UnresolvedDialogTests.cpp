#include "GuiTestSupport.h"
#include "booking/demo/DemoClinic.h"
#include "data/AppointmentRepository.h"
#include "gui/dialogs/UnresolvedDialog.h"
#include "support/TestSupport.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimeZone>

using namespace masahista;

TEST_CASE("Unresolved appointments are listed and settled one by one", "[gui][unresolved]")
{
    auto database = masahista::test::memoryDatabase();
    REQUIRE(
        DemoClinic::load(*database, QDate(2026, 11, 25),
                         FixedClock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc())))
            .ok());
    // Two days later, the demo's bookings of the 25th and 26th are over without an outcome.
    const FixedClock later(QDateTime(QDate(2026, 11, 27), QTime(16, 0), QTimeZone::utc()));
    const QList<Appointment> waiting =
        AppointmentRepository(*database).unresolved(later.nowUtc()).value();
    REQUIRE(waiting.size() >= 2);

    gui::UnresolvedDialog dialog(
        masahista::test::session(*database, later, Actor{QStringLiteral("desk")}));
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("appointmentList"));
    REQUIRE(list->count() == waiting.size());
    CHECK(list->item(0)->data(Qt::UserRole).toLongLong() == waiting.at(0).id);

    dialog.findChild<QPushButton*>(QStringLiteral("completedButton"))->click();
    CHECK(AppointmentRepository(*database).byId(waiting.at(0).id).value().status ==
          AppointmentStatus::Completed);
    CHECK(list->count() == waiting.size() - 1);
    dialog.findChild<QPushButton*>(QStringLiteral("noShowButton"))->click();
    CHECK(AppointmentRepository(*database).byId(waiting.at(1).id).value().status ==
          AppointmentStatus::NoShow);
    CHECK(dialog.reload() == waiting.size() - 2);
}

TEST_CASE("An empty unresolved list says there is nothing to resolve", "[gui][unresolved]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    // Every appointment over by now settled first.
    AppointmentRepository appointments(*database);
    const QList<Appointment> waiting = appointments.unresolved(clock.nowUtc()).value();
    gui::UnresolvedDialog dialog(
        masahista::test::session(*database, clock, Actor{QStringLiteral("desk")}));
    dialog.show();
    auto* empty = dialog.findChild<QLabel*>(QStringLiteral("emptyLabel"));
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("appointmentList"));
    REQUIRE(empty != nullptr);
    CHECK(empty->isHidden() == !waiting.isEmpty());
    for (qsizetype settled = 0; settled < waiting.size(); ++settled) {
        dialog.findChild<QPushButton*>(QStringLiteral("completedButton"))->click();
    }
    CHECK(dialog.reload() == 0);
    CHECK(empty->isVisible());
    CHECK(empty->text().contains(u"Nothing to resolve"));
    CHECK_FALSE(list->isVisible());
    CHECK_FALSE(dialog.findChild<QPushButton*>(QStringLiteral("completedButton"))->isEnabled());
}
