#include "booking/DemoClinic.h"
#include "data/AppointmentRepository.h"
#include "gui/dialogs/UnresolvedDialog.h"
#include "support/TestSupport.h"

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

    gui::UnresolvedDialog dialog(*database, later, Actor{QStringLiteral("desk")});
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
