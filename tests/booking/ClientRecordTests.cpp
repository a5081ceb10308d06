#include "booking/BookingFixture.h"
#include "booking/clients/ClientService.h"

using namespace masahista;
using masahista::test::BookingFixture;

namespace {

QList<Id> idsOf(const QList<CalendarEntry>& entries)
{
    QList<Id> ids;
    for (const CalendarEntry& entry : entries) {
        ids.append(entry.appointment.id);
    }
    return ids;
}

} // namespace

TEST_CASE("A client's record splits upcoming from past and counts the outcomes",
          "[booking][clients]")
{
    BookingFixture f;
    const QDate friday(2026, 11, 20);
    // Booked last Friday, then lived through: a visit, a no-show, a late and an early
    // cancellation, and one of Yan's.
    f.clock.set(f.at(friday, 9));
    const Appointment completed =
        f.booked(f.request(f.ana, f.swedish, 60, f.at(friday.addDays(1), 10)));
    const Appointment noShow =
        f.booked(f.request(f.cara, f.swedish, 30, f.at(friday.addDays(2), 10)));
    const Appointment lateCancel =
        f.booked(f.request(f.ana, f.swedish, 60, f.at(friday.addDays(3), 10)));
    const Appointment earlyCancel =
        f.booked(f.request(f.ana, f.swedish, 60, f.at(friday.addDays(4), 10)));
    const Appointment yans =
        f.booked(f.request(f.ana, f.swedish, 60, f.at(friday.addDays(1), 13), f.yan));
    REQUIRE(f.service.cancel(earlyCancel.id, QStringLiteral("Moved away"), f.actor).ok());
    f.clock.set(f.at(friday.addDays(3), 8));
    REQUIRE(f.service.cancel(lateCancel.id, QStringLiteral("Flu"), f.actor).ok());

    f.clock.set(f.at(f.today, 9));
    REQUIRE(f.service.setStatus(completed.id, AppointmentStatus::Completed, f.actor).ok());
    REQUIRE(f.service.setStatus(noShow.id, AppointmentStatus::NoShow, f.actor).ok());
    REQUIRE(f.service.setStatus(yans.id, AppointmentStatus::NoShow, f.actor).ok());
    // Starting exactly now still counts as upcoming.
    const Appointment startingNow = f.booked(f.request(f.cara, f.swedish, 30, f.at(f.today, 9)));
    const Appointment tomorrow =
        f.booked(f.request(f.ana, f.swedish, 60, f.at(f.today.addDays(1), 10)));
    const Appointment thai = f.booked(f.request(f.cara, f.thai, 60, f.at(f.today.addDays(2), 14)));
    const Appointment cancelledAhead =
        f.booked(f.request(f.ana, f.swedish, 60, f.at(f.today.addDays(5), 10)));
    REQUIRE(f.service.cancel(cancelledAhead.id, QStringLiteral("Holiday"), f.actor).ok());

    ClientService clients(*f.database, f.clock);
    const Result<ClientRecord> record = clients.record(f.zoe);
    REQUIRE(record.ok());
    CHECK(record->client.id == f.zoe);
    CHECK(record->client.fullName == u"Zoe");
    CHECK(record->zone == f.zone);
    CHECK(idsOf(record->upcoming) == QList<Id>{startingNow.id, tomorrow.id, thai.id});
    // A cancellation is history even when its date is still ahead.
    CHECK(idsOf(record->past) ==
          QList<Id>{cancelledAhead.id, earlyCancel.id, lateCancel.id, noShow.id, completed.id});
    CHECK(record->completed == 1);
    CHECK(record->noShows == 1);
    CHECK(record->lateCancellations == 1);

    // The names come filled in, as the calendar shows them.
    const CalendarEntry& thaiEntry = record->upcoming.at(2);
    CHECK(thaiEntry.therapistName == u"Cara");
    CHECK(thaiEntry.serviceName == u"Thai on the mat");
    CHECK(thaiEntry.roomName == u"Mat room");
    CHECK(thaiEntry.clientName == u"Zoe");
    const CalendarEntry& lateEntry = record->past.at(2);
    CHECK(lateEntry.appointment.cancelledLate);
    CHECK(lateEntry.appointment.cancelReason == u"Flu");
    CHECK(lateEntry.roomName == u"Table A");

    SECTION("another client sees only their own")
    {
        const ClientRecord yanRecord = clients.record(f.yan).value();
        CHECK(yanRecord.upcoming.isEmpty());
        CHECK(idsOf(yanRecord.past) == QList<Id>{yans.id});
        CHECK(yanRecord.noShows == 1);
        CHECK(yanRecord.completed == 0);
    }
    SECTION("a client without appointments has an empty record")
    {
        const ClientRecord xavier = clients.record(f.xavier).value();
        CHECK(xavier.client.archived);
        CHECK(xavier.upcoming.isEmpty());
        CHECK(xavier.past.isEmpty());
        CHECK(xavier.completed + xavier.noShows + xavier.lateCancellations == 0);
    }
    SECTION("an unknown client is not found")
    {
        const Result<ClientRecord> missing = clients.record(9999);
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error().code == ErrorCode::NotFound);
        CHECK(missing.error().message.contains(u"9999"));
        CHECK(clients.byId(9999).error().code == ErrorCode::NotFound);
        CHECK(clients.byId(f.yan).value().fullName == u"Yan");
    }
}
