#include "BookingFixture.h"
#include "data/AppointmentRepository.h"
#include "data/WriteTransaction.h"

#include <QTemporaryDir>

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

QStringList actions(BookingFixture& clinic, Id id)
{
    QStringList list;
    for (const AppointmentChange& change :
         AppointmentRepository(*clinic.database).history(id).value()) {
        list.append(change.action);
    }
    return list;
}

} // namespace

TEST_CASE("Checking a booking tells the rules' verdict without writing", "[booking][service]")
{
    BookingFixture clinic;
    Result<Verdict> verdict =
        clinic.service.check(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 8)));
    REQUIRE(verdict.ok());
    REQUIRE(verdict->violations.size() == 1);
    CHECK(verdict->violations.at(0).rule == Rule::OutsideHours);
    CHECK(verdict->roomId == clinic.tableA);
    CHECK(AppointmentRepository(*clinic.database).count().value() == 0);
}

TEST_CASE("Moving follows the same rules and keeps the history", "[booking][service]")
{
    BookingFixture clinic;
    const Appointment first =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    const Appointment other = clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 14), clinic.yan));

    SECTION("onto a taken slot: refused, nothing changes")
    {
        ChangeRequest move;
        move.appointmentId = first.id;
        move.startUtc = clinic.at(friday, 14, 30);
        Result<Appointment> moved = clinic.service.change(move, clinic.actor);
        REQUIRE_FALSE(moved.ok());
        CHECK(moved.error().message.contains(u"Slot taken"));
        CHECK(stored(clinic, first.id).startUtc == clinic.at(friday, 10));
    }
    SECTION("to a free time: moved, room kept, history written")
    {
        ChangeRequest move;
        move.appointmentId = first.id;
        move.startUtc = clinic.at(friday, 15, 15);
        Result<Appointment> moved = clinic.service.change(move, clinic.actor);
        INFO((moved ? QString() : moved.error().message));
        REQUIRE(moved.ok());
        CHECK(moved->startUtc == clinic.at(friday, 15, 15));
        CHECK(moved->roomId == clinic.tableA);
        CHECK(stored(clinic, first.id).endUtc == clinic.at(friday, 16, 15));
        CHECK(actions(clinic, first.id) ==
              QStringList{QStringLiteral("booked"), QStringLiteral("moved")});
    }
    SECTION("overlapping its own old time is fine")
    {
        ChangeRequest move;
        move.appointmentId = first.id;
        move.startUtc = clinic.at(friday, 10, 30);
        CHECK(clinic.service.change(move, clinic.actor).ok());
    }
    SECTION("to another therapist, who must be qualified and free")
    {
        ChangeRequest toBen;
        toBen.appointmentId = first.id;
        toBen.therapistId = clinic.ben;
        CHECK(clinic.service.change(toBen, clinic.actor).error().message.contains(u"active"));
        ChangeRequest toCara;
        toCara.appointmentId = first.id;
        toCara.therapistId = clinic.cara;
        CHECK(clinic.service.change(toCara, clinic.actor)->therapistId == clinic.cara);
    }
    SECTION("a new length takes that option's price; the room moves when it must")
    {
        BookingRequest blocker =
            clinic.request(clinic.cara, clinic.swedish, 30, clinic.at(friday, 11, 30), clinic.yan);
        blocker.roomId = clinic.tableA;
        clinic.booked(blocker);
        ChangeRequest longer;
        longer.appointmentId = first.id;
        longer.minutes = 90;
        Result<Appointment> changed = clinic.service.change(longer, clinic.actor);
        INFO((changed ? QString() : changed.error().message));
        REQUIRE(changed.ok());
        CHECK(changed->durationMinutes == 90);
        CHECK(changed->priceCents == 90 * 180);
        CHECK(changed->roomId == clinic.tableB);
    }
    SECTION("notes alone change without any time rule")
    {
        ChangeRequest note;
        note.appointmentId = first.id;
        note.notes = QStringLiteral("Prefers less oil");
        CHECK(clinic.service.change(note, clinic.actor)->notes == u"Prefers less oil");
        CHECK(actions(clinic, first.id).last() == u"changed");
    }
    CHECK(stored(clinic, other.id).startUtc == clinic.at(friday, 14));
}

TEST_CASE("Cancelling keeps the appointment, frees its time and marks late ones",
          "[booking][service]")
{
    BookingFixture clinic;
    const Appointment tomorrow = clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(clinic.today.addDays(1), 8 + 1)));
    const Appointment later =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));

    // Tomorrow 09:00 is exactly 24 hours away: inside the window? No: late means less than 24 h.
    Result<Appointment> onTime =
        clinic.service.cancel(tomorrow.id, QStringLiteral("Feeling unwell"), clinic.actor);
    REQUIRE(onTime.ok());
    CHECK_FALSE(onTime->cancelledLate);

    clinic.clock.set(clinic.at(friday, 9, 30));
    Result<Appointment> late = clinic.service.cancel(later.id, QString(), clinic.actor);
    REQUIRE(late.ok());
    CHECK(late->cancelledLate);
    CHECK(stored(clinic, later.id).status == AppointmentStatus::Cancelled);
    CHECK(actions(clinic, later.id).last() == u"cancelled");

    // The freed slot can be booked again; the cancelled row stays.
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10), clinic.yan));
    CHECK(AppointmentRepository(*clinic.database).count().value() == 3);

    CHECK(clinic.service.cancel(later.id, QString(), clinic.actor)
              .error()
              .message.contains(u"cancelled"));
    clinic.clock.set(clinic.at(friday, 10, 30));
    const Appointment running = AppointmentRepository(*clinic.database)
                                    .between(clinic.at(friday, 10), clinic.at(friday, 11))
                                    .value()
                                    .last();
    CHECK(clinic.service.cancel(running.id, QString(), clinic.actor)
              .error()
              .message.contains(u"already started"));
}

TEST_CASE("Statuses follow the appointment's life and never jump ahead of time",
          "[booking][service]")
{
    BookingFixture clinic;
    const Appointment friday10 =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    const Id id = friday10.id;
    const auto set = [&](AppointmentStatus status) {
        return clinic.service.setStatus(id, status, clinic.actor);
    };

    CHECK(set(AppointmentStatus::Confirmed).ok());
    CHECK(set(AppointmentStatus::Confirmed).error().message.contains(u"already"));
    CHECK(set(AppointmentStatus::Arrived).error().message.contains(u"later day"));
    CHECK(set(AppointmentStatus::NoShow).error().message.contains(u"not started"));
    CHECK(set(AppointmentStatus::Completed).error().message.contains(u"not started"));
    CHECK(set(AppointmentStatus::Booked).error().code == ErrorCode::Invalid);
    CHECK(set(AppointmentStatus::Cancelled).error().message.contains(u"cancel it"));

    clinic.clock.set(clinic.at(friday, 9, 50));
    CHECK(set(AppointmentStatus::Arrived).ok());
    CHECK(set(AppointmentStatus::NoShow).error().code == ErrorCode::Invalid);
    clinic.clock.set(clinic.at(friday, 11));
    CHECK(set(AppointmentStatus::Completed).ok());
    CHECK(set(AppointmentStatus::Arrived).error().message.contains(u"completed"));
    CHECK(actions(clinic, id) == QStringList{QStringLiteral("booked"), QStringLiteral("status"),
                                             QStringLiteral("status"), QStringLiteral("status")});

    SECTION("a cancelled appointment cannot be completed; a past one can be a no-show")
    {
        clinic.clock.set(clinic.at(clinic.today, 9));
        const Appointment other = clinic.booked(
            clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 13), clinic.yan));
        const Appointment cancelled = clinic.booked(
            clinic.request(clinic.cara, clinic.swedish, 60, clinic.at(friday, 15), clinic.yan));
        REQUIRE(clinic.service.cancel(cancelled.id, QString(), clinic.actor).ok());
        clinic.clock.set(clinic.at(friday, 16, 30));
        CHECK(clinic.service.setStatus(cancelled.id, AppointmentStatus::Completed, clinic.actor)
                  .error()
                  .message.contains(u"cancelled"));
        CHECK(clinic.service.setStatus(other.id, AppointmentStatus::NoShow, clinic.actor).ok());
    }
}

TEST_CASE("Past appointments without an outcome are listed, never settled by themselves",
          "[booking][service]")
{
    BookingFixture clinic;
    const Appointment done =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));
    const Appointment open = clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 13), clinic.yan));
    const Appointment future =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 16)));
    CHECK(clinic.service.unresolved().value().isEmpty());

    clinic.clock.set(clinic.at(friday, 15));
    REQUIRE(clinic.service.setStatus(done.id, AppointmentStatus::Completed, clinic.actor).ok());
    const QList<Appointment> unresolved = clinic.service.unresolved().value();
    REQUIRE(unresolved.size() == 1);
    CHECK(unresolved.at(0).id == open.id);
    CHECK(stored(clinic, open.id).status == AppointmentStatus::Booked);
    CHECK(stored(clinic, future.id).status == AppointmentStatus::Booked);
}

TEST_CASE("A weekly series keeps its local time across the clock change", "[booking][series]")
{
    BookingFixture clinic;
    clinic.clock.set(clinic.at({2026, 10, 1}, 9));
    SeriesRequest series;
    series.first = clinic.request(clinic.ana, clinic.swedish, 60, clinic.at({2026, 10, 19}, 10));
    series.intervalWeeks = 1;
    series.count = 4;

    Result<QList<Occurrence>> preview = clinic.service.previewSeries(series);
    REQUIRE(preview.ok());
    REQUIRE(preview->size() == 4);
    for (const Occurrence& occurrence : *preview) {
        CHECK(occurrence.verdict.violations.isEmpty());
        CHECK(ClinicTime::toLocal(occurrence.startUtc, clinic.zone).time() == QTime(10, 0));
    }
    // Across 1 November the UTC hour moves; the local hour does not.
    CHECK(preview->at(1).startUtc.time() == QTime(16, 0));
    CHECK(preview->at(2).startUtc.time() == QTime(17, 0));

    Result<QList<Appointment>> booked = clinic.service.bookSeries(series, false, clinic.actor);
    REQUIRE(booked.ok());
    REQUIRE(booked->size() == 4);
    const Id seriesId = booked->at(0).seriesId;
    CHECK(seriesId != 0);
    for (const Appointment& appointment : *booked) {
        CHECK(appointment.seriesId == seriesId);
    }
    CHECK(ClinicTime::toLocal(booked->last().startUtc, clinic.zone).date() == QDate(2026, 11, 9));

    SECTION("move this and the following ones by an hour")
    {
        ChangeRequest later;
        later.appointmentId = booked->at(1).id;
        later.startUtc = clinic.at({2026, 10, 26}, 11);
        Result<QList<Appointment>> moved =
            clinic.service.changeSeries(later, SeriesScope::ThisAndFollowing, clinic.actor);
        INFO((moved ? QString() : moved.error().message));
        REQUIRE(moved.ok());
        REQUIRE(moved->size() == 3);
        for (const Appointment& appointment : *moved) {
            CHECK(ClinicTime::toLocal(appointment.startUtc, clinic.zone).time() == QTime(11, 0));
        }
        CHECK(ClinicTime::toLocal(stored(clinic, booked->at(0).id).startUtc, clinic.zone).time() ==
              QTime(10, 0));
    }
    SECTION("a move that breaks one occurrence moves none")
    {
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 30,
                                     clinic.at({2026, 11, 2}, 11, 15), clinic.yan));
        ChangeRequest later;
        later.appointmentId = booked->at(0).id;
        later.startUtc = clinic.at({2026, 10, 19}, 11);
        Result<QList<Appointment>> moved =
            clinic.service.changeSeries(later, SeriesScope::All, clinic.actor);
        REQUIRE_FALSE(moved.ok());
        CHECK(moved.error().message.contains(u"2026-11-02"));
        for (const Appointment& appointment : *booked) {
            CHECK(stored(clinic, appointment.id).startUtc == appointment.startUtc);
        }
    }
    SECTION("cancel this and the following ones; the earlier ones stay")
    {
        Result<QList<Appointment>> cancelled =
            clinic.service.cancelSeries(booked->at(2).id, SeriesScope::ThisAndFollowing,
                                        QStringLiteral("Moved away"), clinic.actor);
        REQUIRE(cancelled.ok());
        CHECK(cancelled->size() == 2);
        CHECK(stored(clinic, booked->at(1).id).status == AppointmentStatus::Booked);
        CHECK(stored(clinic, booked->at(3).id).status == AppointmentStatus::Cancelled);
    }
    SECTION("cancel all that have not happened yet")
    {
        clinic.clock.set(clinic.at({2026, 10, 27}, 9));
        Result<QList<Appointment>> cancelled = clinic.service.cancelSeries(
            booked->at(3).id, SeriesScope::All, QString(), clinic.actor);
        REQUIRE(cancelled.ok());
        CHECK(cancelled->size() == 2); // 19 and 26 October are past
        CHECK(stored(clinic, booked->at(0).id).status == AppointmentStatus::Booked);
    }
}

TEST_CASE("A series with a conflict is booked whole, skipping, or not at all", "[booking][series]")
{
    BookingFixture clinic;
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at({2026, 12, 11}, 10), clinic.yan));
    SeriesRequest series;
    series.first = clinic.request(clinic.ana, clinic.swedish, 60, clinic.at({2026, 11, 27}, 10));
    series.intervalWeeks = 1;
    series.until = QDate(2026, 12, 18);

    Result<QList<Occurrence>> preview = clinic.service.previewSeries(series);
    REQUIRE(preview.ok());
    REQUIRE(preview->size() == 4);
    CHECK(preview->at(1).verdict.violations.isEmpty());
    CHECK(preview->at(2).verdict.hasHard());

    Result<QList<Appointment>> refused = clinic.service.bookSeries(series, false, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"1 of 4"));
    CHECK(refused.error().message.contains(u"2026-12-11"));
    CHECK(AppointmentRepository(*clinic.database).count().value() == 1);

    Result<QList<Appointment>> skipped = clinic.service.bookSeries(series, true, clinic.actor);
    REQUIRE(skipped.ok());
    CHECK(skipped->size() == 3);
    CHECK(AppointmentRepository(*clinic.database).count().value() == 4);

    SECTION("a series needs a sensible shape")
    {
        SeriesRequest bad = series;
        bad.count = 3; // and an until date: one or the other
        CHECK(clinic.service.previewSeries(bad).error().code == ErrorCode::Invalid);
        bad.until = QDate();
        bad.intervalWeeks = 0;
        CHECK(clinic.service.previewSeries(bad).error().message.contains(u"every"));
        bad.intervalWeeks = 2;
        bad.count = BookingService::maxOccurrences + 1;
        CHECK(clinic.service.previewSeries(bad).error().code == ErrorCode::Invalid);
        bad.count = 0;
        bad.until = QDate(2026, 11, 1);
        CHECK(clinic.service.previewSeries(bad).error().message.contains(u"before"));
    }
}

TEST_CASE("A writer waits for a busy database and reports when it stays busy", "[booking][service]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("busy.sqlite"));
    BookingFixture clinic; // builds its clinic in memory; here we only need its clock and actor
    auto holder = masahista::test::fileDatabase(path);
    Result<WriteTransaction> held = WriteTransaction::begin(*holder);
    REQUIRE(held.ok());
    Result<std::unique_ptr<Database>> second =
        Database::open(path, Database::Mode::ExistingOnly, Database::Options{50});
    REQUIRE(second.ok());
    BookingService service(**second, clinic.clock);
    Result<Appointment> booked =
        service.book(clinic.request(1, 1, 60, clinic.at(friday, 10)), clinic.actor);
    REQUIRE_FALSE(booked.ok());
    CHECK(booked.error().code == ErrorCode::Locked);
    CHECK(booked.error().message.contains(u"busy"));
}

TEST_CASE("Changing the massage type prices the appointment from the new type",
          "[booking][service]")
{
    BookingFixture clinic;
    const Appointment swedish =
        clinic.booked(clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(friday, 10)));

    ChangeRequest toHotStone;
    toHotStone.appointmentId = swedish.id;
    toHotStone.massageTypeId = clinic.hotStone;
    Result<Verdict> verdict = clinic.service.checkChange(toHotStone);
    REQUIRE(verdict.ok());
    // The appointment itself is not in its own way.
    CHECK(verdict->allows(false));

    Result<Appointment> changed = clinic.service.change(toHotStone, clinic.actor);
    REQUIRE(changed.ok());
    const Appointment after = stored(clinic, swedish.id);
    CHECK(after.massageTypeId == clinic.hotStone);
    CHECK(after.optionId != swedish.optionId);
    CHECK(after.durationMinutes == 60);
    CHECK(actions(clinic, swedish.id).last() == u"moved");

    SECTION("a therapist without the skill is refused, checked and written alike")
    {
        ChangeRequest toThai;
        toThai.appointmentId = swedish.id;
        toThai.massageTypeId = clinic.thai;
        Result<Verdict> thaiVerdict = clinic.service.checkChange(toThai);
        REQUIRE(thaiVerdict.ok());
        CHECK_FALSE(thaiVerdict->allows(true));
        CHECK_FALSE(clinic.service.change(toThai, clinic.actor).ok());
        CHECK(stored(clinic, swedish.id).massageTypeId == clinic.hotStone);
    }
}
