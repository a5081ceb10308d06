#include "BookingFixture.h"
#include "data/AppointmentRepository.h"

#include <algorithm>

using namespace masahista;
using masahista::test::BookingFixture;

namespace {
const QDate friday(2026, 11, 27);
} // namespace

TEST_CASE("A therapist's appointments may not overlap, cleanup buffer included", "[booking][rules]")
{
    BookingFixture clinic;
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));

    // 11:00 falls in the 15-minute cleanup after 10:00-11:00.
    const QString message = clinic.refused(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 11), clinic.yan));
    CHECK(message.contains(u"Slot taken"));
    CHECK(message.contains(u"Ana"));
    CHECK(message.contains(u"cleanup until 11:15"));
    CHECK(clinic
              .refused(clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(friday, 9, 30),
                                      clinic.yan))
              .contains(u"Slot taken"));

    // Back to back after the buffer is fine.
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(friday, 11, 15), clinic.yan));
    // And right before, when this one's own buffer ends as the other starts.
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(friday, 9, 15), clinic.yan));
}

TEST_CASE("A room holds one appointment at a time, and a free suitable room is chosen",
          "[booking][rules]")
{
    BookingFixture clinic;
    const Appointment first =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    CHECK(first.roomId == clinic.tableA); // the first suitable room in the clinic's order

    BookingRequest sameRoom =
        clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 11), clinic.yan);
    sameRoom.roomId = clinic.tableA;
    const QString message = clinic.refused(sameRoom);
    CHECK(message.contains(u"Slot taken"));
    CHECK(message.contains(u"Table A"));

    sameRoom.roomId = 0;
    CHECK(clinic.booked(sameRoom).roomId == clinic.tableB);
    // Table A is free again once the cleanup after 10:00-11:00 is over.
    BookingRequest afterCleanup =
        clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(friday, 11, 15));
    afterCleanup.roomId = clinic.tableA;
    clinic.booked(afterCleanup);

    // At 11:30 both table rooms are taken, so no room suits.
    Result<Verdict> full = clinic.service.check(
        clinic.request(clinic.ben, clinic.swedish, 30, clinic.at(friday, 11, 30), clinic.yan));
    REQUIRE(full.ok());
    const auto noRoom =
        std::find_if(full->violations.cbegin(), full->violations.cend(),
                     [](const Violation& violation) { return violation.rule == Rule::NoRoomFree; });
    REQUIRE(noRoom != full->violations.cend());
    CHECK(noRoom->message.contains(u"every table room is booked"));
    CHECK(noRoom->slotTaken());
}

TEST_CASE("A client cannot be in two places at once", "[booking][rules]")
{
    BookingFixture clinic;
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    const QString message =
        clinic.refused(clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 10, 30)));
    CHECK(message.contains(u"Zoe already has an appointment"));
    // The client needs no cleanup: the next one may start as the first ends.
    clinic.booked(clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 11)));
}

TEST_CASE("Therapists must be active and certified for the type on the day", "[booking][rules]")
{
    BookingFixture clinic;
    // The type and its certification share a name: said once, not "Hot stone (Hot stone)".
    const QString sameName =
        clinic.refused(clinic.request(clinic.cara, clinic.hotStone, 60, clinic.at(friday, 10)));
    CHECK(sameName.contains(u"Cara is not certified for Hot stone."));
    CHECK_FALSE(sameName.contains(u"(Hot stone)"));
    // A type named apart from its certification names both.
    CHECK(clinic.refused(clinic.request(clinic.ana, clinic.thai, 60, clinic.at(friday, 10)))
              .contains(u"Ana is not certified for Thai on the mat: it needs Traditional Thai."));
    CHECK(clinic.refused(clinic.request(clinic.ben, clinic.swedish, 60, clinic.at(friday, 10)))
              .contains(u"no longer active"));

    // Ana's hot stone certification runs to 2026-12-31, inclusive.
    clinic.booked(clinic.request(clinic.ana, clinic.hotStone, 60, clinic.at({2026, 12, 31}, 10)));
    const QString expired = clinic.refused(
        clinic.request(clinic.ana, clinic.hotStone, 60, clinic.at({2027, 1, 1}, 10)));
    CHECK(expired.contains(u"expired on 2026-12-31"));
}

TEST_CASE("Massage types, lengths, rooms and clients must exist and be usable", "[booking][rules]")
{
    BookingFixture clinic;
    const QDateTime ten = clinic.at(friday, 10);
    CHECK(clinic.refused(clinic.request(clinic.ana, clinic.retired, 60, ten))
              .contains(u"no longer offered"));
    CHECK(clinic.refused(clinic.request(clinic.ana, 9999, 60, ten)).contains(u"no massage type"));
    CHECK(clinic.refused(clinic.request(clinic.ana, clinic.swedish, 45, ten))
              .contains(u"not offered for 45 minutes (offered: 30, 60, 90)"));
    CHECK(clinic.refused(clinic.request(9999, clinic.swedish, 60, ten)).contains(u"no therapist"));
    CHECK(clinic.refused(clinic.request(clinic.ana, clinic.swedish, 60, ten, clinic.xavier))
              .contains(u"archived"));
    CHECK(clinic.refused(clinic.request(clinic.ana, clinic.swedish, 60, ten, 9999))
              .contains(u"no client"));

    BookingRequest thaiOnTable = clinic.request(clinic.cara, clinic.thai, 60, ten);
    thaiOnTable.roomId = clinic.tableA;
    CHECK(clinic.refused(thaiOnTable).contains(u"needs a mat room"));
    thaiOnTable.roomId = 0;
    CHECK(clinic.booked(thaiOnTable).roomId == clinic.matRoom);

    BookingRequest oldRoom = clinic.request(clinic.ana, clinic.swedish, 60, ten, clinic.yan);
    oldRoom.roomId = clinic.oldRoom;
    CHECK(clinic.refused(oldRoom).contains(u"no longer in use"));
    oldRoom.roomId = 4242;
    CHECK(clinic.refused(oldRoom).contains(u"no room with id 4242"));
}

TEST_CASE("Times must be on the clinic's grid and end after they start", "[booking][rules]")
{
    BookingFixture clinic;
    CHECK(clinic.refused(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10, 5)))
              .contains(u"15-minute grid"));
    CHECK(clinic.refused(clinic.request(clinic.ana, clinic.swedish, 0, clinic.at(friday, 10)))
              .contains(u"end after it starts"));
    BookingRequest noStart = clinic.request(clinic.ana, clinic.swedish, 60, QDateTime());
    CHECK(clinic.refused(noStart).contains(u"needs a start"));
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10, 45)));
}

TEST_CASE("Soft rules refuse unless overridden with a reason, which is kept", "[booking][rules]")
{
    BookingFixture clinic;
    SECTION("outside working hours, and during a break")
    {
        const QString early =
            clinic.refused(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 8)));
        CHECK(early.contains(u"Ana works 09:00–12:00, 12:30–17:00 on Fridays."));
        CHECK(early.contains(u"override"));
        CHECK(clinic.refused(clinic.request(clinic.ana, clinic.swedish, 30, clinic.at(friday, 12)))
                  .contains(u"Ana works 09:00–12:00, 12:30–17:00 on Fridays."));
        // Ending exactly when the shift ends is inside it.
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 16)));

        BookingRequest overridden =
            clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 8), clinic.yan);
        overridden.overrideReason = QStringLiteral("Regular client, Ana agreed");
        const Appointment booked = clinic.booked(overridden);
        CHECK(booked.overrideReason == u"Regular client, Ana agreed");
        const QList<AppointmentChange> history =
            AppointmentRepository(*clinic.database).history(booked.id).value();
        REQUIRE(history.size() == 1);
        CHECK(history.at(0).details.contains(u"Regular client, Ana agreed"));
        CHECK(history.at(0).actor == u"front desk");
    }
    SECTION("time off")
    {
        const QDate course(2026, 12, 3);
        CHECK(clinic.refused(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(course, 10)))
                  .contains(u"away"));
        BookingRequest overridden =
            clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(course, 10));
        overridden.overrideReason = QStringLiteral("Course cancelled");
        clinic.booked(overridden);
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at({2026, 12, 4}, 10)));
    }
    SECTION("the past")
    {
        CHECK(clinic
                  .refused(clinic.request(clinic.cara, clinic.swedish, 60,
                                          clinic.at(clinic.today.addDays(-1), 10)))
                  .contains(u"in the past"));
        // Now itself (09:00) is not the past.
        clinic.booked(clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(clinic.today, 9)));
        BookingRequest entered =
            clinic.request(clinic.ana, clinic.swedish, 60, clinic.at({2026, 11, 24}, 10));
        entered.overrideReason = QStringLiteral("Entering yesterday's walk-in");
        clinic.booked(entered);
    }
    SECTION("an override does not lift a hard rule")
    {
        BookingRequest request =
            clinic.request(clinic.cara, clinic.hotStone, 60, clinic.at(friday, 10));
        request.overrideReason = QStringLiteral("Please");
        CHECK(clinic.refused(request).contains(u"not certified"));
    }
}

TEST_CASE("The price is taken from the option when booking and kept", "[booking][rules]")
{
    BookingFixture clinic;
    const Appointment booked =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 90, clinic.at(friday, 10)));
    CHECK(booked.priceCents == 90 * 180);
    CHECK(booked.durationMinutes == 90);
    CHECK(booked.endUtc == clinic.at(friday, 11, 30));
    CHECK(booked.bufferEndUtc == clinic.at(friday, 11, 45));
    const Appointment stored = AppointmentRepository(*clinic.database).byId(booked.id).value();
    CHECK(stored.priceCents == booked.priceCents);
    CHECK(stored.optionId == booked.optionId);
}

TEST_CASE("A 10:00 appointment is 10:00 local on both sides of each 2026 clock change",
          "[booking][rules][dst]")
{
    BookingFixture clinic;
    clinic.clock.set(QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc()));
    for (const QDate day :
         {QDate(2026, 3, 7), QDate(2026, 3, 8), QDate(2026, 10, 31), QDate(2026, 11, 1)}) {
        INFO(day.toString(Qt::ISODate).toStdString());
        const Appointment booked =
            clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(day, 10)));
        const QDateTime local = ClinicTime::toLocal(booked.startUtc, clinic.zone);
        CHECK(local.date() == day);
        CHECK(local.time() == QTime(10, 0));
        CHECK(ClinicTime::toLocal(booked.endUtc, clinic.zone).time() == QTime(11, 0));
    }
    // A weekly series across 8 March stays at 10:00 local.
    SeriesRequest series;
    series.first = clinic.request(clinic.cara, clinic.swedish, 60, clinic.at({2026, 3, 2}, 10));
    series.count = 3;
    Result<QList<Appointment>> weekly = clinic.service.bookSeries(series, false, clinic.actor);
    REQUIRE(weekly.ok());
    REQUIRE(weekly->size() == 3);
    for (const Appointment& appointment : *weekly) {
        CHECK(ClinicTime::toLocal(appointment.startUtc, clinic.zone).time() == QTime(10, 0));
    }
    CHECK(weekly->at(0).startUtc.secsTo(weekly->at(1).startUtc) == 7 * 24 * 3600 - 3600);
    CHECK(clinic.at({2026, 3, 7}, 10).time() == QTime(17, 0)); // MST
    CHECK(clinic.at({2026, 3, 8}, 10).time() == QTime(16, 0)); // MDT
    CHECK(clinic.at({2026, 10, 31}, 10).time() == QTime(16, 0));
    CHECK(clinic.at({2026, 11, 1}, 10).time() == QTime(17, 0));
}

TEST_CASE("The first reason given is the one a receptionist looks for first", "[booking][rules]")
{
    BookingFixture clinic;
    // 11:00-12:00 on Friday: Ana with Zoe in Table A, Cara with Yan in Table B.
    clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 11)));
    clinic.booked(
        clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 11), clinic.yan));
    const auto verdictOn = [&clinic](const BookingRequest& request) {
        Result<Verdict> verdict = clinic.service.check(request);
        REQUIRE(verdict.ok());
        REQUIRE(verdict->first() != nullptr);
        return *verdict;
    };
    const auto rules = [](const Verdict& verdict) {
        QList<Rule> broken;
        for (const Violation& violation : verdict.violations) {
            broken.append(violation.rule);
        }
        return broken;
    };

    SECTION("the therapist not working then comes before busy, the room and the client")
    {
        // 11:30-12:30 crosses Ana's break, and she, both tables and Zoe are taken.
        const BookingRequest lunch =
            clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 11, 30));
        const Verdict verdict = verdictOn(lunch);
        const QList<Rule> broken = rules(verdict);
        REQUIRE(broken.contains(Rule::OutsideHours));
        REQUIRE(broken.contains(Rule::TherapistBusy));
        REQUIRE(broken.contains(Rule::NoRoomFree));
        REQUIRE(broken.contains(Rule::ClientBusy));
        CHECK(verdict.first()->rule == Rule::OutsideHours);
        CHECK(verdict.first()->message == u"Ana works 09:00–12:00, 12:30–17:00 on Fridays.");
        // What the service says: the hours, and no offer to override a slot that is taken.
        const Result<Appointment> booked = clinic.service.book(lunch, clinic.actor);
        REQUIRE_FALSE(booked.ok());
        CHECK(booked.error().message.startsWith(u"Ana works"));
        CHECK_FALSE(booked.error().message.contains(u"override"));
        CHECK(booked.error().code == ErrorCode::Invalid);
        // With the hours overridden, what no reason can lift: Ana is busy then.
        BookingRequest overriding = lunch;
        overriding.overrideReason = QStringLiteral("Ana agreed");
        const Result<Appointment> stillTaken = clinic.service.book(overriding, clinic.actor);
        REQUIRE_FALSE(stillTaken.ok());
        CHECK(stillTaken.error().message.startsWith(u"Slot taken: Ana already has"));
        CHECK(stillTaken.error().code == ErrorCode::Conflict);
    }
    SECTION("the therapist busy before the room and the client")
    {
        const Verdict verdict = verdictOn(
            clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 11), clinic.yan));
        const QList<Rule> broken = rules(verdict);
        REQUIRE(broken.contains(Rule::NoRoomFree));
        REQUIRE(broken.contains(Rule::ClientBusy));
        CHECK(verdict.first()->rule == Rule::TherapistBusy);
    }
    SECTION("the room before the client")
    {
        // Ana is free at 14:00; Cara holds Table A with Yan then.
        BookingRequest withCara =
            clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 14), clinic.yan);
        withCara.roomId = clinic.tableA;
        clinic.booked(withCara);
        BookingRequest sameRoom =
            clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 14), clinic.yan);
        sameRoom.roomId = clinic.tableA;
        const Verdict verdict = verdictOn(sameRoom);
        REQUIRE(rules(verdict).contains(Rule::ClientBusy));
        CHECK(verdict.first()->rule == Rule::RoomBusy);
    }
    SECTION("a request that cannot stand comes before the hours")
    {
        // Ben is inactive, and 07:00 is before anyone's hours.
        const Verdict verdict =
            verdictOn(clinic.request(clinic.ben, clinic.swedish, 60, clinic.at(friday, 7)));
        REQUIRE(rules(verdict).contains(Rule::OutsideHours));
        CHECK(verdict.first()->rule == Rule::TherapistInactive);
    }
}
