#include "GuiTestSupport.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/Schedule.h"
#include "data/AppointmentRepository.h"
#include "gui/dialogs/CancelDialog.h"
#include "support/TestSupport.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimeZone>

using namespace masahista;

namespace {

// The first booked or confirmed appointment of a demo day.
CalendarEntry firstActive(Database& database, QDate day)
{
    const DaySchedule schedule = loadDaySchedule(database, day).value();
    for (const CalendarEntry& entry : schedule.entries) {
        if (entry.appointment.status == AppointmentStatus::Booked ||
            entry.appointment.status == AppointmentStatus::Confirmed) {
            return entry;
        }
    }
    FAIL("no active appointment on " << day.toString(Qt::ISODate).toStdString());
    return {};
}

} // namespace

TEST_CASE("The cancel dialog warns of a late cancellation and cancels with the reason",
          "[gui][cancel]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc()));
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    const CalendarEntry tomorrow = firstActive(*database, QDate(2026, 11, 26));
    const CalendarEntry nextWeek = firstActive(*database, QDate(2026, 12, 1));

    // An hour before tomorrow's first appointment, cancelling it is late.
    const FixedClock hourBefore(tomorrow.appointment.startUtc.addSecs(-3600));
    gui::CancelDialog late(
        masahista::test::session(*database, hourBefore, Actor{QStringLiteral("desk")}), tomorrow,
        24);
    CHECK(late.findChild<QLabel*>(QStringLiteral("lateLabel"))
              ->text()
              .contains(u"late cancellation:"));
    gui::CancelDialog early(
        masahista::test::session(*database, clock, Actor{QStringLiteral("desk")}), nextWeek, 24);
    CHECK(early.findChild<QLabel*>(QStringLiteral("lateLabel"))->text().contains(u"not a late"));

    early.findChild<QLineEdit*>(QStringLiteral("reasonEdit"))
        ->setText(QStringLiteral("Moved away"));
    early.findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
        ->button(QDialogButtonBox::Ok)
        ->click();
    CHECK(early.result() == QDialog::Accepted);
    const Appointment stored =
        AppointmentRepository(*database).byId(nextWeek.appointment.id).value();
    CHECK(stored.status == AppointmentStatus::Cancelled);
    CHECK(stored.cancelReason == u"Moved away");
    CHECK_FALSE(stored.cancelledLate);

    SECTION("a refusal stays in the dialog")
    {
        gui::CancelDialog again(
            masahista::test::session(*database, clock, Actor{QStringLiteral("desk")}), nextWeek,
            24);
        again.show();
        again.findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
        auto* error = again.findChild<QLabel*>(QStringLiteral("errorLabel"));
        CHECK(error->isVisible());
        CHECK(error->text().contains(u"cancelled"));
        CHECK(again.isVisible());
        // The reason was about that try: typing again takes it away.
        QTest::keyClicks(again.findChild<QLineEdit*>(QStringLiteral("reasonEdit")),
                         QStringLiteral("x"));
        CHECK_FALSE(error->isVisible());
    }
}
