#include "BookingFixture.h"
#include "booking/catalogue/MassageTypeService.h"
#include "booking/catalogue/RoomService.h"
#include "booking/clients/ClientService.h"
#include "data/AppointmentRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "domain/Money.h"
#include "support/CatalogSnapshot.h"
#include "support/TestSupport.h"

#include <QSet>

using namespace masahista;
using masahista::test::BookingFixture;
using masahista::test::catalogSnapshot;

namespace {

QSet<QString> fieldsOf(const FieldProblems& problems)
{
    QSet<QString> fields;
    for (const FieldProblem& problem : problems) {
        fields.insert(problem.field);
    }
    return fields;
}

MassageType storedType(Database& database, Id id)
{
    Result<MassageType> type = MassageTypeRepository(database).byId(id);
    REQUIRE(type.ok());
    return *type;
}

Room storedRoom(Database& database, Id id)
{
    Result<Room> room = RoomRepository(database).byId(id);
    REQUIRE(room.ok());
    return *room;
}

Id modalityNamed(Database& database, const QString& name)
{
    for (const Modality& modality : TherapistRepository(database).modalities().value()) {
        if (modality.name == name) {
            return modality.id;
        }
    }
    FAIL("no modality " << name);
    return 0;
}

// The fixture's clinic with a visit of Zoe's yesterday and one tomorrow, both Swedish 60 with
// Ana in Table B: one is history, the other still to come.
struct CatalogClinic : BookingFixture
{
    CatalogClinic()
    {
        BookingRequest before = request(ana, swedish, 60, at(today.addDays(-1), 10));
        before.roomId = tableB;
        before.overrideReason = QStringLiteral("Entered after the visit");
        past = booked(before);
        BookingRequest after = request(ana, swedish, 60, at(today.addDays(1), 10));
        after.roomId = tableB;
        coming = booked(after);
        // The fixture leaves the colours empty, which the editor's rules refuse.
        MassageTypeRepository repository(*database);
        for (const Id id : {swedish, hotStone, thai}) {
            MassageType type = repository.byId(id).value();
            type.color = QStringLiteral("#4caf50");
            REQUIRE(repository.update(type).ok());
        }
    }

    void cancelComing()
    {
        REQUIRE(service.cancel(coming.id, QStringLiteral("Moved away"), actor).ok());
    }

    MassageTypeService types{*database, clock};
    RoomService rooms{*database, clock};
    Appointment past;
    Appointment coming;
};

MassageType validType()
{
    MassageType type;
    type.name = QStringLiteral("Lomi lomi");
    type.color = QStringLiteral("#336699");
    type.bufferMinutes = 15;
    type.options = {{0, 60, 9500, true}, {0, 90, 13000, true}};
    return type;
}

} // namespace

TEST_CASE("A massage type's field rules name each problem next to its field", "[booking][catalog]")
{
    const QList<Modality> modalities{{7, QStringLiteral("Swedish"), {}}};
    MassageType retired = validType();
    retired.id = 40;
    retired.name = QStringLiteral("Hot Stone");
    retired.active = false;
    MassageType swedish = validType();
    swedish.id = 41;
    swedish.name = QStringLiteral("Swédish");
    const QList<MassageType> others{retired, swedish};
    const auto problems = [&](const MassageType& type) {
        return MassageTypeService::problemsIn(type, others, modalities, 15);
    };

    CHECK(problems(validType()).isEmpty());
    // The type itself among the others is no namesake.
    MassageType itself = swedish;
    CHECK(MassageTypeService::problemsIn(itself, others, modalities, 15).isEmpty());

    MassageType type = validType();
    type.name = QStringLiteral("   ");
    CHECK(problemOf(problems(type), QStringLiteral("name")) == u"Enter the massage type's name.");
    type.name = QString(101, QLatin1Char('x'));
    CHECK(problemOf(problems(type), QStringLiteral("name")).contains(u"too long"));
    type.name = QStringLiteral("  swedish ");
    CHECK(problemOf(problems(type), QStringLiteral("name")) ==
          u"Another massage type is already called Swédish.");
    type.name = QStringLiteral("hot stone");
    CHECK(problemOf(problems(type), QStringLiteral("name"))
              .startsWith(u"A retired massage type is already called Hot Stone: reactivate it"));

    type = validType();
    type.description = QString(2001, QLatin1Char('d'));
    CHECK(fieldsOf(problems(type)) == QSet<QString>{QStringLiteral("description")});
    type = validType();
    type.requiredModalityId = 99;
    CHECK(problemOf(problems(type), QStringLiteral("modality")) ==
          u"There is no modality with id 99.");
    type.requiredModalityId = 7;
    CHECK(problems(type).isEmpty());
    for (const int buffer : {-1, 121}) {
        type = validType();
        type.bufferMinutes = buffer;
        CHECK(problemOf(problems(type), QStringLiteral("buffer")) ==
              u"The cleanup time must be between 0 and 120 minutes.");
    }
    type = validType();
    type.roomKind = QString(51, QLatin1Char('k'));
    CHECK(fieldsOf(problems(type)) == QSet<QString>{QStringLiteral("roomKind")});
    type = validType();
    type.color.clear();
    CHECK(problemOf(problems(type), QStringLiteral("color")) ==
          u"Choose a colour for the calendar.");
    type.color = QStringLiteral("blue");
    CHECK(problemOf(problems(type), QStringLiteral("color")) ==
          u"blue is not a colour: use #rrggbb, like #8bc34a.");
    type.color = QStringLiteral(" #ABCDEF ");
    CHECK(problems(type).isEmpty()); // trimmed and lowercased as stored

    type = validType();
    type.options.clear();
    CHECK(problemOf(problems(type), QStringLiteral("options")) ==
          u"Add at least one length with its price.");
    type.options = {{0, 60, 9500, false}};
    CHECK(problemOf(problems(type), QStringLiteral("options")) ==
          u"Offer at least one length: otherwise nothing can be booked.");

    type = validType();
    type.options = {{0, 0, 100, true}, {0, 50, 100, true}, {0, 495, 100, true},
                    {0, 60, -1, true}, {0, 60, 100, true}, {0, 30, 10'000'001, true}};
    const FieldProblems options = problems(type);
    CHECK(problemOf(options, MassageTypeService::optionField(0, u"minutes")) ==
          u"Length 1: enter the minutes.");
    CHECK(problemOf(options, MassageTypeService::optionField(1, u"minutes")) ==
          u"Length 2: 50 minutes is not a multiple of the clinic's 15-minute booking grid.");
    CHECK(problemOf(options, MassageTypeService::optionField(2, u"minutes")) ==
          u"Length 3: at most 480 minutes.");
    CHECK(problemOf(options, MassageTypeService::optionField(3, u"price")) ==
          u"Length 4: the price cannot be negative.");
    CHECK(problemOf(options, MassageTypeService::optionField(4, u"minutes")) ==
          u"Length 5: 60 minutes is already listed above.");
    CHECK(problemOf(options, MassageTypeService::optionField(5, u"price")) ==
          u"Length 6: the price is more than $100000.00; check the amount.");
    CHECK(options.size() == 6);
    // The grid is the clinic's: 50 minutes fits a 10-minute grid.
    CHECK(MassageTypeService::problemsIn(type, others, modalities, 10).size() == 5);
}

TEST_CASE("Prices are read as typed, in dollars and cents", "[booking][catalog]")
{
    const auto cents = [](const QString& text) {
        Result<qint64> parsed = MassageTypeService::parsePrice(text);
        REQUIRE(parsed.ok());
        return *parsed;
    };
    CHECK(cents(QStringLiteral("95")) == 9500);
    CHECK(cents(QStringLiteral(" 95.5 ")) == 9550);
    CHECK(cents(QStringLiteral("$95.05")) == 9505);
    CHECK(cents(QStringLiteral(".75")) == 75);
    CHECK(cents(QStringLiteral("0")) == 0);
    CHECK(cents(QStringLiteral("-$5.25")) == -525);
    CHECK(cents(Money(14550).toString()) == 14550);
    for (const QString& bad : {QStringLiteral("abc"), QStringLiteral("9.999"), QStringLiteral("$"),
                               QStringLiteral("1,000"), QStringLiteral("12 dollars")}) {
        INFO(bad);
        Result<qint64> parsed = MassageTypeService::parsePrice(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message.contains(u"is not a price"));
    }
    CHECK(MassageTypeService::parsePrice(QString()).error().message ==
          u"Enter the price, like 95.00.");
}

TEST_CASE("A new massage type is stored with its lengths, and a refused one writes nothing",
          "[booking][catalog]")
{
    BookingFixture clinic;
    MassageTypeService service(*clinic.database, clinic.clock);
    const QString before = catalogSnapshot(*clinic.database);

    MassageType invalid = validType();
    invalid.options.append({0, 50, 100, true});
    Result<Id> refused = service.save(invalid, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Invalid);
    CHECK(refused.error().message.contains(u"booking grid"));
    MassageType taken = validType();
    taken.name = QStringLiteral("thai ON THE mat");
    refused = service.save(taken, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(catalogSnapshot(*clinic.database) == before);

    Result<FieldProblems> problems = service.validate(taken);
    REQUIRE(problems.ok());
    CHECK(fieldsOf(*problems) == QSet<QString>{QStringLiteral("name")});

    MassageType lomi = validType();
    lomi.name = QStringLiteral("  Lomi   lomi ");
    lomi.roomKind = QStringLiteral(" Table ");
    lomi.color = QStringLiteral("#AABBCC");
    lomi.requiredModalityId = modalityNamed(*clinic.database, QStringLiteral("Swedish"));
    Result<Id> added = service.save(lomi, clinic.actor);
    INFO((added ? QString() : added.error().message));
    REQUIRE(added.ok());
    const MassageType stored = storedType(*clinic.database, *added);
    CHECK(stored.name == u"Lomi lomi");
    CHECK(stored.roomKind == u"table");
    CHECK(stored.color == u"#aabbcc");
    REQUIRE(stored.options.size() == 2);
    CHECK(stored.option(60)->priceCents == 9500);
    CHECK(stored.option(90)->priceCents == 13000);

    // The clinic's grid decides: on a 10-minute grid, 50 minutes is a length like any other.
    ClinicSettings settings = SettingsRepository(*clinic.database).load().value();
    settings.bookingStepMinutes = 10;
    REQUIRE(SettingsRepository(*clinic.database).save(settings).ok());
    CHECK(service.bookingStepMinutes().value() == 10);
    invalid.name = QStringLiteral("Fifty");
    CHECK(service.save(invalid, clinic.actor).ok());
}

TEST_CASE("Editing a type keeps the length an appointment booked, at the price it paid",
          "[booking][catalog]")
{
    CatalogClinic clinic;
    clinic.cancelComing(); // only history left
    const MassageType before = storedType(*clinic.database, clinic.swedish);
    const Id sixtyId = before.option(60)->id;
    REQUIRE(clinic.past.optionId == sixtyId);
    const qint64 paid = clinic.past.priceCents;

    // The 60 booked yesterday is taken out, the 30 repriced, the unused 90 dropped, a 45 added.
    MassageType changed = before;
    changed.options = {{0, 30, 7000, true}, {0, 45, 8000, true}};
    Result<Id> saved = clinic.types.save(changed, clinic.actor);
    INFO((saved ? QString() : saved.error().message));
    REQUIRE(saved.ok());
    MassageType after = storedType(*clinic.database, clinic.swedish);
    REQUIRE(after.options.size() == 3);
    CHECK(after.option(30)->id == before.option(30)->id);
    CHECK(after.option(30)->priceCents == 7000);
    REQUIRE(after.option(60) != nullptr);
    CHECK(after.option(60)->id == sixtyId); // kept for the appointment, no longer offered
    CHECK_FALSE(after.option(60)->active);
    CHECK(after.option(90) == nullptr); // nobody booked it: gone
    CHECK(after.option(45) != nullptr);
    const Appointment history =
        AppointmentRepository(*clinic.database).byId(clinic.past.id).value();
    CHECK(history.optionId == sixtyId);
    CHECK(history.priceCents == paid);

    // Offering the 60 again brings back the same length, whatever id the form sent.
    changed = after;
    changed.options.append({0, 60, 12000, true});
    changed.options.removeIf(
        [](const DurationOption& option) { return option.id != 0 && option.minutes == 60; });
    REQUIRE(clinic.types.save(changed, clinic.actor).ok());
    after = storedType(*clinic.database, clinic.swedish);
    CHECK(after.option(60)->id == sixtyId);
    CHECK(after.option(60)->active);
    CHECK(after.option(60)->priceCents == 12000);
    CHECK(AppointmentRepository(*clinic.database).byId(clinic.past.id).value().priceCents == paid);
}

TEST_CASE("Retiring a type keeps its past appointments' price and name", "[booking][catalog]")
{
    CatalogClinic clinic;
    const qint64 paid = clinic.past.priceCents;
    const QString before = catalogSnapshot(*clinic.database);

    // Tomorrow's visit would be left with a type nobody can book or move it to.
    Status refused = clinic.types.retire(clinic.swedish, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.startsWith(u"Swedish still has 1 booked appointment"));
    CHECK(refused.error().message.contains(u"2026-11-26 10:00, Zoe with Ana (Swedish, Table B)"));
    CHECK_FALSE(refused.error().message.contains(u"2026-11-24")); // history is no obstacle
    MassageType unticked = storedType(*clinic.database, clinic.swedish);
    unticked.active = false;
    Result<Id> alsoRefused = clinic.types.save(unticked, clinic.actor);
    REQUIRE_FALSE(alsoRefused.ok());
    CHECK(alsoRefused.error().code == ErrorCode::Conflict);
    CHECK(catalogSnapshot(*clinic.database) == before);
    Result<FutureBookings> coming = clinic.types.futureBookings(clinic.swedish);
    REQUIRE(coming.ok());
    REQUIRE(coming->size() == 1);
    CHECK(coming->entries().constFirst().appointment.id == clinic.coming.id);

    clinic.cancelComing();
    REQUIRE(clinic.types.retire(clinic.swedish, clinic.actor).ok());
    CHECK_FALSE(storedType(*clinic.database, clinic.swedish).active);
    CHECK(clinic.types.retire(clinic.swedish, clinic.actor).ok()); // already retired: no change
    const ClientRecord zoe =
        ClientService(*clinic.database, clinic.clock).record(clinic.zoe).value();
    bool found = false;
    for (const CalendarEntry& entry : zoe.past) {
        if (entry.appointment.id == clinic.past.id) {
            found = true;
            CHECK(entry.serviceName == u"Swedish");
            CHECK(entry.appointment.priceCents == paid);
        }
    }
    CHECK(found);
    // Nobody can book it any more.
    CHECK(clinic
              .refused(clinic.request(clinic.ana, clinic.swedish, 60,
                                      clinic.at(clinic.today.addDays(2), 10)))
              .contains(u"no longer offered"));

    REQUIRE(clinic.types.reactivate(clinic.swedish, clinic.actor).ok());
    CHECK(storedType(*clinic.database, clinic.swedish).active);
    CHECK(clinic.types.retire(404, clinic.actor).error().code == ErrorCode::NotFound);
}

TEST_CASE("A change that would strand bookings to come is refused and writes nothing",
          "[booking][catalog]")
{
    CatalogClinic clinic;
    const QString before = catalogSnapshot(*clinic.database);
    const MassageType swedish = storedType(*clinic.database, clinic.swedish);
    const auto refusal = [&](const MassageType& changed) {
        Result<Id> saved = clinic.types.save(changed, clinic.actor);
        REQUIRE_FALSE(saved.ok());
        CHECK(saved.error().code == ErrorCode::Conflict);
        CHECK(saved.error().message.contains(u"2026-11-26 10:00, Zoe with Ana"));
        return saved.error().message;
    };

    MassageType changed = swedish;
    changed.options.removeIf([](const DurationOption& option) { return option.minutes == 60; });
    CHECK(refusal(changed).contains(u"length of Swedish that would no longer be offered"));
    changed = swedish;
    for (DurationOption& option : changed.options) {
        option.active = option.minutes != 60;
    }
    CHECK(refusal(changed).contains(u"no longer be offered"));
    changed = swedish;
    changed.roomKind = QStringLiteral("mat");
    CHECK(refusal(changed).contains(u"mat rooms"));
    changed = swedish;
    changed.requiredModalityId =
        modalityNamed(*clinic.database, QStringLiteral("Traditional Thai"));
    CHECK(refusal(changed).contains(u"would not be certified"));
    CHECK(catalogSnapshot(*clinic.database) == before);

    // What the booking does not depend on may change: Ana holds Hot stone until the year's end.
    changed = swedish;
    changed.requiredModalityId = modalityNamed(*clinic.database, QStringLiteral("Hot stone"));
    changed.options.removeIf([](const DurationOption& option) { return option.minutes == 90; });
    changed.bufferMinutes = 30;
    changed.name = QStringLiteral("Swedish relaxation");
    Result<Id> saved = clinic.types.save(changed, clinic.actor);
    INFO((saved ? QString() : saved.error().message));
    CHECK(saved.ok());
}

TEST_CASE("Who can perform a type on a day: active and certified that day", "[booking][catalog]")
{
    BookingFixture clinic;
    MassageTypeService service(*clinic.database, clinic.clock);
    const auto names = [&](Id type, QDate day) {
        Result<QList<Therapist>> able = service.therapistsFor(type, day);
        REQUIRE(able.ok());
        QStringList list;
        for (const Therapist& therapist : *able) {
            list.append(therapist.displayName);
        }
        list.sort();
        return list;
    };
    CHECK(names(clinic.swedish, clinic.today) ==
          QStringList{QStringLiteral("Ana"), QStringLiteral("Cara")}); // Ben retired
    CHECK(names(clinic.hotStone, QDate(2026, 12, 31)) == QStringList{QStringLiteral("Ana")});
    CHECK(names(clinic.hotStone, QDate(2027, 1, 1)).isEmpty()); // her certificate expired
    CHECK(names(clinic.thai, clinic.today) == QStringList{QStringLiteral("Cara")});
    MassageType anyone = validType();
    const Id open = service.save(anyone, clinic.actor).value();
    CHECK(names(open, clinic.today) == QStringList{QStringLiteral("Ana"), QStringLiteral("Cara")});
    CHECK(service.therapistsFor(404, clinic.today).error().code == ErrorCode::NotFound);
}

TEST_CASE("A room's field rules name each problem next to its field", "[booking][catalog]")
{
    Room old{9, QStringLiteral("Old room"), QStringLiteral("table"), false, 0};
    Room lotus{10, QStringLiteral("Lótus"), QStringLiteral("mat"), true, 1};
    const QList<Room> others{old, lotus};
    const auto problems = [&](const QString& name, const QString& kind) {
        return RoomService::problemsIn(Room{0, name, kind, true, 0}, others);
    };
    CHECK(problems(QStringLiteral("Room 3"), QStringLiteral("table")).isEmpty());
    CHECK(RoomService::problemsIn(lotus, others).isEmpty());
    CHECK(problemOf(problems(QStringLiteral(" "), QStringLiteral("table")),
                    QStringLiteral("name")) == u"Enter the room's name.");
    CHECK(problemOf(problems(QString(101, QLatin1Char('r')), QStringLiteral("table")),
                    QStringLiteral("name"))
              .contains(u"too long"));
    CHECK(problemOf(problems(QStringLiteral("LOTUS"), QStringLiteral("table")),
                    QStringLiteral("name")) == u"Another room is already called Lótus.");
    CHECK(problemOf(problems(QStringLiteral("old room"), QStringLiteral("table")),
                    QStringLiteral("name"))
              .startsWith(u"A retired room is already called Old room"));
    CHECK(
        problemOf(problems(QStringLiteral("Room 3"), QStringLiteral("  ")), QStringLiteral("kind"))
            .startsWith(u"Enter the kind of room"));
    CHECK(fieldsOf(problems(QStringLiteral("Room 3"), QString(51, QLatin1Char('k')))) ==
          QSet<QString>{QStringLiteral("kind")});
    CHECK(RoomService::kindsOf(others) ==
          QStringList{QStringLiteral("mat"), QStringLiteral("table")});
    CHECK(RoomService::kindsOf({Room{1, QStringLiteral("Pool"), QStringLiteral("wet"), true, 0}}) ==
          QStringList{QStringLiteral("mat"), QStringLiteral("table"), QStringLiteral("wet")});
}

TEST_CASE("Rooms are added and edited, and a refused save writes nothing", "[booking][catalog]")
{
    BookingFixture clinic;
    RoomService service(*clinic.database, clinic.clock);
    const QString before = catalogSnapshot(*clinic.database);
    Result<Id> refused = service.save(
        Room{0, QStringLiteral("table a"), QStringLiteral("table"), true, 9}, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    refused = service.save(Room{0, QStringLiteral("Room 5"), QString(), true, 9}, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Invalid);
    CHECK(catalogSnapshot(*clinic.database) == before);

    Result<Id> added = service.save(
        Room{0, QStringLiteral("  Garden  room "), QStringLiteral(" Mat "), true, 5}, clinic.actor);
    REQUIRE(added.ok());
    Room stored = storedRoom(*clinic.database, *added);
    CHECK(stored.name == u"Garden room");
    CHECK(stored.kind == u"mat");
    stored.name = QStringLiteral("Garden");
    stored.kind = QStringLiteral("table");
    REQUIRE(service.save(stored, clinic.actor).ok());
    CHECK(storedRoom(*clinic.database, *added).name == u"Garden");
    CHECK(storedRoom(*clinic.database, *added).kind == u"table");
    stored.id = 404;
    stored.name = QStringLiteral("Nowhere");
    CHECK(service.save(stored, clinic.actor).error().code == ErrorCode::NotFound);
}

TEST_CASE("Retiring a room with bookings to come is refused with the list", "[booking][catalog]")
{
    CatalogClinic clinic;
    const QString before = catalogSnapshot(*clinic.database);

    Status refused = clinic.rooms.retire(clinic.tableB, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    const QStringList lines = refused.error().message.split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 2);
    CHECK(lines.at(0).startsWith(u"Table B still has 1 booked appointment"));
    CHECK(lines.at(0).contains(u"to another room or cancel"));
    CHECK(lines.at(1) == u"2026-11-26 10:00, Zoe with Ana (Swedish, Table B)");
    Room unticked = storedRoom(*clinic.database, clinic.tableB);
    unticked.active = false;
    CHECK(clinic.rooms.save(unticked, clinic.actor).error().code == ErrorCode::Conflict);
    // Swedish needs a table: making the room a mat room strands the visit as well.
    Room mat = storedRoom(*clinic.database, clinic.tableB);
    mat.kind = QStringLiteral("mat");
    Result<Id> matRefused = clinic.rooms.save(mat, clinic.actor);
    REQUIRE_FALSE(matRefused.ok());
    CHECK(matRefused.error().message.contains(u"another kind of room than mat"));
    CHECK(catalogSnapshot(*clinic.database) == before);

    Result<FutureBookings> coming = clinic.rooms.futureBookings(clinic.tableB);
    REQUIRE(coming.ok());
    REQUIRE(coming->size() == 1);
    const CalendarEntry& entry = coming->entries().constFirst();
    CHECK(entry.clientName == u"Zoe");
    CHECK(entry.therapistName == u"Ana");
    CHECK(coming->localStart(entry) ==
          QDateTime(QDate(2026, 11, 26), QTime(10, 0), coming->zone()));
    // Other rooms are free to go; Table A has nothing booked.
    CHECK(clinic.rooms.futureBookings(clinic.tableA).value().isEmpty());
    REQUIRE(clinic.rooms.retire(clinic.tableA, clinic.actor).ok());
    CHECK_FALSE(storedRoom(*clinic.database, clinic.tableA).active);

    clinic.cancelComing();
    REQUIRE(clinic.rooms.retire(clinic.tableB, clinic.actor).ok());
    CHECK_FALSE(storedRoom(*clinic.database, clinic.tableB).active);
    // Yesterday's visit keeps its room.
    CHECK(AppointmentRepository(*clinic.database).byId(clinic.past.id).value().roomId ==
          clinic.tableB);
    REQUIRE(clinic.rooms.reactivate(clinic.tableB, clinic.actor).ok());
    CHECK(storedRoom(*clinic.database, clinic.tableB).active);
}

TEST_CASE("A refusal names the first ten bookings and counts the rest", "[booking][catalog]")
{
    BookingFixture clinic;
    for (int day = 1; day <= 12; ++day) {
        BookingRequest visit =
            clinic.request(clinic.cara, clinic.thai, 60, clinic.at(clinic.today.addDays(day), 10));
        clinic.booked(visit);
    }
    Status refused =
        RoomService(*clinic.database, clinic.clock).retire(clinic.matRoom, clinic.actor);
    REQUIRE_FALSE(refused.ok());
    const QStringList lines = refused.error().message.split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 12);
    CHECK(lines.at(1).startsWith(u"2026-11-26 10:00, Zoe with Cara"));
    CHECK(lines.at(10).startsWith(u"2026-12-05 10:00"));
    CHECK(lines.at(11).startsWith(u"and 2 more"));
}
