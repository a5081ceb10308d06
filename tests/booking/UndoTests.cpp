#include "BookingFixture.h"
#include "data/AppointmentRepository.h"

using namespace masahista;
using masahista::test::BookingFixture;

namespace {

const QDate friday(2026, 11, 27);

Appointment stored(BookingFixture& clinic, Id id)
{
    Result<Appointment> appointment = AppointmentRepository(*clinic.database).byId(id);
    REQUIRE(appointment.ok());
    return *appointment;
}

QString lastAction(BookingFixture& clinic, Id id)
{
    return AppointmentRepository(*clinic.database).history(id).value().constLast().action;
}

} // namespace

TEST_CASE("Undoing a booking frees the slot without a late cancellation", "[booking][undo]")
{
    BookingFixture clinic;
    // Two hours ahead: a real cancellation now would count as late.
    const Appointment soon =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(clinic.today, 11)));

    Result<QList<Appointment>> undone = clinic.service.undoBookings({soon.id}, clinic.actor);
    REQUIRE(undone.ok());
    const Appointment after = stored(clinic, soon.id);
    CHECK(after.status == AppointmentStatus::Cancelled);
    CHECK_FALSE(after.cancelledLate);
    CHECK(after.cancelReason == u"Booking undone");
    CHECK(lastAction(clinic, soon.id) == u"undone");
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(clinic.today, 11), clinic.yan));
}

TEST_CASE("A booking that moved on since is not undone, and a list is undone whole or not at all",
          "[booking][undo]")
{
    BookingFixture clinic;
    const Appointment first =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    const Appointment second =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 13)));
    REQUIRE(clinic.service.setStatus(second.id, AppointmentStatus::Confirmed, clinic.actor).ok());

    Result<QList<Appointment>> refused =
        clinic.service.undoBookings({first.id, second.id}, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.contains(u"confirmed"));
    CHECK(stored(clinic, first.id).status == AppointmentStatus::Booked);

    clinic.clock.set(clinic.at(friday, 10, 5));
    CHECK(clinic.service.undoBookings({first.id}, clinic.actor)
              .error()
              .message.contains(u"already started"));
}

TEST_CASE("A cancelled appointment comes back with its status when its time is still free",
          "[booking][undo]")
{
    BookingFixture clinic;
    const Appointment booked =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    REQUIRE(clinic.service.setStatus(booked.id, AppointmentStatus::Confirmed, clinic.actor).ok());
    REQUIRE(clinic.service.cancel(booked.id, QStringLiteral("Flu"), clinic.actor).ok());

    SECTION("nothing in the way")
    {
        Result<QList<Appointment>> back =
            clinic.service.reinstate({{booked.id, AppointmentStatus::Confirmed}}, clinic.actor);
        REQUIRE(back.ok());
        const Appointment after = stored(clinic, booked.id);
        CHECK(after.status == AppointmentStatus::Confirmed);
        CHECK(after.cancelReason.isEmpty());
        CHECK(after.roomId == booked.roomId);
        CHECK(after.priceCents == booked.priceCents);
        CHECK(lastAction(clinic, booked.id) == u"reinstated");
        // It holds its time again.
        CHECK(clinic
                  .refused(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10),
                                          clinic.yan))
                  .contains(u"Slot taken"));
    }
    SECTION("its therapist was booked in the meantime")
    {
        clinic.booked(
            clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(friday, 10, 30), clinic.yan));
        Result<QList<Appointment>> back =
            clinic.service.reinstate({{booked.id, AppointmentStatus::Confirmed}}, clinic.actor);
        REQUIRE_FALSE(back.ok());
        CHECK(back.error().code == ErrorCode::Conflict);
        CHECK(back.error().message.contains(u"Slot taken"));
        CHECK(stored(clinic, booked.id).status == AppointmentStatus::Cancelled);
    }
    SECTION("its room was booked in the meantime: another free room is taken")
    {
        clinic.booked(
            clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 10), clinic.yan));
        const Id takenRoom = booked.roomId;
        REQUIRE(AppointmentRepository(*clinic.database)
                    .between(clinic.at(friday, 10), clinic.at(friday, 11))
                    .value()
                    .constLast()
                    .roomId == takenRoom);
        REQUIRE(clinic.service.reinstate({{booked.id, AppointmentStatus::Confirmed}}, clinic.actor)
                    .ok());
        const Appointment after = stored(clinic, booked.id);
        CHECK(after.roomId != takenRoom);
        CHECK(after.roomId != 0);
    }
    SECTION("an appointment that is not cancelled is left alone")
    {
        REQUIRE(
            clinic.service.reinstate({{booked.id, AppointmentStatus::Booked}}, clinic.actor).ok());
        CHECK(clinic.service.reinstate({{booked.id, AppointmentStatus::Booked}}, clinic.actor)
                  .error()
                  .code == ErrorCode::Conflict);
    }
}

TEST_CASE("A status clicked by mistake is put back, unless someone changed it since",
          "[booking][undo]")
{
    BookingFixture clinic;
    const Appointment booked =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(clinic.today, 10)));
    REQUIRE(clinic.service.setStatus(booked.id, AppointmentStatus::Arrived, clinic.actor).ok());

    CHECK(clinic.service
              .revertStatus(booked.id, AppointmentStatus::Confirmed, AppointmentStatus::Booked,
                            clinic.actor)
              .error()
              .code == ErrorCode::Conflict);
    CHECK(clinic.service
              .revertStatus(booked.id, AppointmentStatus::Arrived, AppointmentStatus::Cancelled,
                            clinic.actor)
              .error()
              .code == ErrorCode::Invalid);

    Result<Appointment> back = clinic.service.revertStatus(booked.id, AppointmentStatus::Arrived,
                                                           AppointmentStatus::Booked, clinic.actor);
    REQUIRE(back.ok());
    CHECK(stored(clinic, booked.id).status == AppointmentStatus::Booked);
    CHECK(lastAction(clinic, booked.id) == u"status");
}
