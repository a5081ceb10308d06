#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "support/TestSupport.h"

#include <QTemporaryDir>
#include <QTimeZone>

using namespace masahista;

namespace {

// Text that breaks naive code: accents, emoji, quotes of both kinds, SQL-ish punctuation.
const QString trickyName = QStringLiteral("Zoë \"Zee\" O'Brien-Nguyễn 💆 ; DROP TABLE x; --");

Id modalityId(Database& database, const QString& name)
{
    for (const Modality& modality : TherapistRepository(database).modalities().value()) {
        if (modality.name == name) {
            return modality.id;
        }
    }
    FAIL("no modality " << name);
    return 0;
}

Therapist sampleTherapist(Database& database)
{
    Therapist therapist;
    therapist.displayName = trickyName;
    therapist.title = QStringLiteral("Registered Massage Therapist");
    therapist.teamRole = QStringLiteral("Team Leader");
    therapist.bio = QStringLiteral("Line one\nLine two with “curly quotes” and émojis 🌿");
    therapist.photo = QByteArray("\x89PNG\r\n\x1a\n\0\0binary", 16);
    therapist.calendarColor = QStringLiteral("#aa3366");
    therapist.sortOrder = 3;
    therapist.credentials = {
        {0, QStringLiteral("Demo Association of Alberta"), QStringLiteral("RMT-0042"),
         QDate(2021, 11, 1), QDate(2027, 10, 31), true},
        {0, QStringLiteral("Second Body"), QString(), QDate(), QDate(), false}};
    therapist.education = {{0, QStringLiteral("CDI College"),
                            QStringLiteral("Massage therapy diploma"), 2400, QDate(2021, 10, 31)}};
    therapist.certifications = {
        {0, modalityId(database, QStringLiteral("Swedish")), {}, QDate(2021, 11, 1), QDate()},
        {0,
         modalityId(database, QStringLiteral("Hot stone")),
         {},
         QDate(2022, 5, 1),
         QDate(2027, 5, 1)}};
    return therapist;
}

} // namespace

TEST_CASE("Therapists round-trip whole, with their lists", "[data][repo]")
{
    QTemporaryDir dir;
    auto database = masahista::test::fileDatabase(dir.filePath(QStringLiteral("t.sqlite")));
    TherapistRepository therapists(*database);

    const Therapist original = sampleTherapist(*database);
    Result<Id> id = therapists.add(original);
    REQUIRE(id.ok());

    Result<Therapist> stored = therapists.byId(*id);
    REQUIRE(stored.ok());
    CHECK(stored->displayName == trickyName);
    CHECK(stored->title == original.title);
    CHECK(stored->teamRole == original.teamRole);
    CHECK(stored->bio == original.bio);
    CHECK(stored->photo == original.photo);
    CHECK(stored->calendarColor == original.calendarColor);
    CHECK(stored->active);
    CHECK(stored->sortOrder == 3);
    REQUIRE(stored->credentials.size() == 2);
    CHECK(stored->credentials.at(0).registrationNumber == u"RMT-0042");
    CHECK(stored->credentials.at(0).validTo == QDate(2027, 10, 31));
    CHECK(stored->credentials.at(0).printedOnReceipts);
    CHECK_FALSE(stored->credentials.at(1).validFrom.isValid());
    CHECK_FALSE(stored->credentials.at(1).printedOnReceipts);
    REQUIRE(stored->education.size() == 1);
    CHECK(stored->education.at(0).programmeHours == 2400);
    CHECK(stored->education.at(0).completedOn == QDate(2021, 10, 31));
    REQUIRE(stored->certifications.size() == 2);
    CHECK(stored->certifications.at(0).modalityName == u"Hot stone");
    CHECK(stored->certifications.at(0).expiresOn == QDate(2027, 5, 1));
    CHECK(stored->isCertifiedOn(modalityId(*database, QStringLiteral("Hot stone")),
                                QDate(2026, 11, 25)));
    CHECK_FALSE(stored->isCertifiedOn(modalityId(*database, QStringLiteral("Hot stone")),
                                      QDate(2027, 5, 2)));

    Therapist changed = *stored;
    changed.active = false;
    changed.certifications.removeFirst();
    changed.credentials.clear();
    REQUIRE(therapists.update(changed).ok());
    Result<Therapist> reread = therapists.byId(*id);
    REQUIRE(reread.ok());
    CHECK_FALSE(reread->active);
    CHECK(reread->certifications.size() == 1);
    CHECK(reread->credentials.isEmpty());
    CHECK(therapists.all(false).value().isEmpty());
    CHECK(therapists.all(true).value().size() == 1);

    Result<Therapist> missing = therapists.byId(9999);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
    Therapist ghost = changed;
    ghost.id = 9999;
    CHECK(therapists.update(ghost).error().code == ErrorCode::NotFound);
}

TEST_CASE("Massage types keep their options, and options keep their ids", "[data][repo]")
{
    auto database = masahista::test::memoryDatabase();
    MassageTypeRepository types(*database);

    MassageType type;
    type.name = QStringLiteral("Thai oil on the mat — “long”");
    type.description = QStringLiteral("On the mat; oil 'n' stretches");
    type.pressure = Pressure::Firm;
    type.requiredModalityId = modalityId(*database, QStringLiteral("Thai oil on the mat"));
    type.bufferMinutes = 15;
    type.roomKind = QStringLiteral("mat");
    type.color = QStringLiteral("#123456");
    type.options = {{0, 60, 11000, true}, {0, 90, 15500, true}, {0, 30, 6000, false}};
    Result<Id> id = types.add(type);
    REQUIRE(id.ok());

    Result<MassageType> stored = types.byId(*id);
    REQUIRE(stored.ok());
    CHECK(stored->name == type.name);
    CHECK(stored->description == type.description);
    CHECK(stored->pressure == Pressure::Firm);
    CHECK(stored->requiredModalityName == u"Thai oil on the mat");
    CHECK(stored->bufferMinutes == 15);
    CHECK(stored->roomKind == u"mat");
    REQUIRE(stored->options.size() == 3);
    CHECK(stored->options.at(0).minutes == 30); // ordered by length
    CHECK_FALSE(stored->options.at(0).active);
    REQUIRE(stored->option(90) != nullptr);
    CHECK(stored->option(90)->priceCents == 15500);
    CHECK(stored->option(45) == nullptr);

    MassageType changed = *stored;
    const Id ninetyId = changed.option(90)->id;
    changed.options.removeFirst();                 // drop the 30
    changed.options[1].priceCents = 16000;         // reprice the 90
    changed.options.append({0, 120, 20000, true}); // add a 120
    changed.requiredModalityId = 0;                // anyone may do it
    REQUIRE(types.update(changed).ok());
    Result<MassageType> reread = types.byId(*id);
    REQUIRE(reread.ok());
    REQUIRE(reread->options.size() == 3);
    CHECK(reread->option(90)->id == ninetyId);
    CHECK(reread->option(90)->priceCents == 16000);
    CHECK(reread->option(120) != nullptr);
    CHECK(reread->requiredModalityId == 0);

    MassageType duplicate = type;
    Result<Id> again = types.add(duplicate);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Conflict);
    CHECK(types.all().value().size() == 1); // the failed add left nothing behind
}

TEST_CASE("Rooms, clients, hours, time off and settings round-trip", "[data][repo]")
{
    QTemporaryDir dir;
    auto database = masahista::test::fileDatabase(dir.filePath(QStringLiteral("r.sqlite")));

    SECTION("rooms")
    {
        RoomRepository rooms(*database);
        Result<Id> mat =
            rooms.add({0, QStringLiteral("Bamboo mat room"), QStringLiteral("mat"), true, 2});
        Result<Id> table = rooms.add({0, trickyName, QStringLiteral("table"), true, 1});
        REQUIRE(mat.ok());
        REQUIRE(table.ok());
        const QList<Room> all = rooms.all().value();
        REQUIRE(all.size() == 2);
        CHECK(all.at(0).name == trickyName); // sort order first
        Room changed = rooms.byId(*mat).value();
        changed.active = false;
        REQUIRE(rooms.update(changed).ok());
        CHECK(rooms.all(false).value().size() == 1);
        CHECK(rooms.byId(4242).error().code == ErrorCode::NotFound);
    }
    SECTION("clients, found by name without accents, by phone digits and by e-mail")
    {
        ClientRepository clients(*database);
        Client client;
        client.fullName = trickyName;
        client.phone = QStringLiteral("(780) 555-0142");
        client.email = QStringLiteral("zoe@example.com");
        client.dateOfBirth = QDate(1990, 2, 28);
        client.notes = QStringLiteral("Prefers 'quiet' sessions");
        client.healthAlerts = {{0, HealthAlertKind::Pregnancy, QStringLiteral("Due in March")},
                               {0, HealthAlertKind::Allergy, QStringLiteral("Nut oils 🥜")}};
        const QDateTime created(QDate(2026, 11, 25), QTime(17, 0), QTimeZone::utc());
        Result<Id> id = clients.add(client, created);
        REQUIRE(id.ok());

        Client stored = clients.byId(*id).value();
        CHECK(stored.fullName == trickyName);
        CHECK(stored.dateOfBirth == QDate(1990, 2, 28));
        CHECK(stored.notes == client.notes);
        REQUIRE(stored.healthAlerts.size() == 2);
        CHECK(stored.healthAlerts.at(0).kind == HealthAlertKind::Pregnancy);
        CHECK(stored.healthAlerts.at(1).detail == u"Nut oils 🥜");

        for (const QString& text :
             {QStringLiteral("zoe"), QStringLiteral("NGUYEN"), QStringLiteral("o'brien"),
              QStringLiteral("555-0142"), QStringLiteral("780 555 0142"),
              QStringLiteral("ZOE@EXAMPLE"), QStringLiteral("zoe nguyen")}) {
            INFO("searching " << text);
            const QList<Client> found = clients.find(text, 10).value();
            REQUIRE(found.size() == 1);
            CHECK(found.at(0).id == *id);
        }
        CHECK(clients.find(QStringLiteral("%"), 10).value().isEmpty());
        CHECK(clients.find(QStringLiteral("zoe smith"), 10).value().isEmpty());

        stored.archived = true;
        stored.healthAlerts.removeFirst();
        REQUIRE(clients.update(stored).ok());
        CHECK(clients.find(QStringLiteral("zoe"), 10).value().isEmpty());
        CHECK(clients.find(QStringLiteral("zoe"), 10, true).value().size() == 1);
        CHECK(clients.byId(*id).value().healthAlerts.size() == 1);
        CHECK(clients.count().value() == 1);
    }
    SECTION("weekly hours and time off")
    {
        TherapistRepository therapists(*database);
        Therapist therapist;
        therapist.displayName = QStringLiteral("Hours Test");
        const Id id = therapists.add(therapist).value();
        ScheduleRepository schedule(*database);
        const QList<WeeklyInterval> week{{1, 600, 840}, {1, 870, 1140}, {3, 540, 1020}};
        REQUIRE(schedule.setWeeklyHours(id, week).ok());
        CHECK(schedule.weeklyHours(id).value() == week);
        CHECK(schedule.allWeeklyHours().value().value(id) == week);
        REQUIRE(schedule.setWeeklyHours(id, {{2, 600, 700}}).ok());
        CHECK(schedule.weeklyHours(id).value().size() == 1);
        // An interval that ends before it starts is refused by the database.
        CHECK_FALSE(schedule.setWeeklyHours(id, {{2, 700, 600}}).ok());
        CHECK(schedule.weeklyHours(id).value().size() == 1); // unchanged

        const QDateTime start(QDate(2026, 12, 24), QTime(7, 0), QTimeZone::utc());
        TimeOff off{0, id, start, start.addDays(3), QStringLiteral("Holidays 🎄")};
        const Id offId = schedule.addTimeOff(off).value();
        CHECK(schedule.timeOff(id, start.addDays(1), start.addDays(2)).value().size() == 1);
        CHECK(schedule.timeOff(0, start.addDays(3), start.addDays(4)).value().isEmpty());
        CHECK(schedule.timeOff(id, start, start.addDays(1)).value().at(0).reason == u"Holidays 🎄");
        REQUIRE(schedule.removeTimeOff(offId).ok());
        CHECK(schedule.removeTimeOff(offId).error().code == ErrorCode::NotFound);
    }
    SECTION("clinic settings")
    {
        SettingsRepository settingsRepository(*database);
        ClinicSettings defaults = settingsRepository.load().value();
        CHECK(defaults.timeZoneId == u"America/Edmonton");
        CHECK(defaults.bookingStepMinutes == 15);
        CHECK(defaults.lateCancelHours == 24);
        CHECK(settingsRepository.isClinicEmpty().value());

        ClinicSettings settings = defaults;
        settings.name = QStringLiteral("Masahista Healing Hands");
        settings.address = QStringLiteral("1 Demo Street NW, Edmonton, AB");
        settings.bookingStepMinutes = 10;
        settings.openingHours = {{1, 540, 1260}, {6, 540, 1020}};
        settings.closedDays = {{QDate(2026, 12, 25), QStringLiteral("Christmas Day")}};
        REQUIRE(settingsRepository.save(settings).ok());
        const ClinicSettings stored = settingsRepository.load().value();
        CHECK(stored.name == settings.name);
        CHECK(stored.bookingStepMinutes == 10);
        CHECK(stored.openingHours == settings.openingHours);
        REQUIRE(stored.closedDays.size() == 1);
        CHECK(stored.closedDays.at(0).reason == u"Christmas Day");
        // Settings alone do not make a clinic "set up".
        CHECK(settingsRepository.isClinicEmpty().value());

        settings.bookingStepMinutes = 0; // outside the allowed range
        CHECK_FALSE(settingsRepository.save(settings).ok());
        CHECK(settingsRepository.load().value().bookingStepMinutes == 10);
    }
}

TEST_CASE("The database itself refuses overlapping appointments", "[data][repo][appointments]")
{
    auto database = masahista::test::memoryDatabase();
    Therapist therapist;
    therapist.displayName = QStringLiteral("Overlap Test");
    const Id therapistId = TherapistRepository(*database).add(therapist).value();
    Therapist other;
    other.displayName = QStringLiteral("Other Therapist");
    const Id otherId = TherapistRepository(*database).add(other).value();
    MassageType type;
    type.name = QStringLiteral("Swedish");
    type.bufferMinutes = 15;
    type.options = {{0, 60, 10000, true}};
    const MassageType storedType = MassageTypeRepository(*database)
                                       .byId(MassageTypeRepository(*database).add(type).value())
                                       .value();
    const Id roomId = RoomRepository(*database)
                          .add({0, QStringLiteral("Room 1"), QStringLiteral("table"), true, 0})
                          .value();
    Client client;
    client.fullName = QStringLiteral("Client");
    client.phone = QStringLiteral("(780) 555-0110");
    const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), QTimeZone::utc());
    const Id clientId = ClientRepository(*database).add(client, now).value();

    const auto appointmentAt = [&](Id who, Id room, const QDateTime& start) {
        Appointment appointment;
        appointment.clientId = clientId;
        appointment.therapistId = who;
        appointment.massageTypeId = storedType.id;
        appointment.optionId = storedType.options.at(0).id;
        appointment.durationMinutes = 60;
        appointment.priceCents = 10000;
        appointment.roomId = room;
        appointment.startUtc = start;
        appointment.endUtc = start.addSecs(3600);
        appointment.bufferEndUtc = appointment.endUtc.addSecs(15 * 60);
        appointment.createdUtc = now;
        appointment.updatedUtc = now;
        return appointment;
    };

    AppointmentRepository appointments(*database);
    const QDateTime ten(QDate(2026, 11, 26), QTime(17, 0), QTimeZone::utc());
    const Id first = appointments.add(appointmentAt(therapistId, roomId, ten)).value();

    // Inside the cleanup buffer: refused for the same therapist and for the same room.
    Result<Id> sameTherapist = appointments.add(appointmentAt(therapistId, 0, ten.addSecs(3600)));
    REQUIRE_FALSE(sameTherapist.ok());
    CHECK(sameTherapist.error().code == ErrorCode::Conflict);
    CHECK(sameTherapist.error().message.contains(u"therapist"));
    Result<Id> sameRoom = appointments.add(appointmentAt(otherId, roomId, ten.addSecs(1800)));
    REQUIRE_FALSE(sameRoom.ok());
    CHECK(sameRoom.error().message.contains(u"room"));

    // Right after the buffer: allowed.
    const Id second =
        appointments.add(appointmentAt(therapistId, roomId, ten.addSecs(75 * 60))).value();

    // Cancelled appointments free their time, and a move onto a taken slot is refused.
    Appointment cancelled = appointments.byId(first).value();
    cancelled.status = AppointmentStatus::Cancelled;
    cancelled.cancelReason = QStringLiteral("Client is ill");
    REQUIRE(appointments.update(cancelled).ok());
    const Id replacement = appointments.add(appointmentAt(therapistId, roomId, ten)).value();
    Appointment moved = appointments.byId(second).value();
    moved.startUtc = ten.addSecs(1800);
    moved.endUtc = moved.startUtc.addSecs(3600);
    moved.bufferEndUtc = moved.endUtc.addSecs(900);
    CHECK(appointments.update(moved).error().code == ErrorCode::Conflict);
    CHECK(appointments.byId(second).value().startUtc == ten.addSecs(75 * 60));

    const QList<Appointment> day = appointments.between(ten.addSecs(-3600), ten.addDays(1)).value();
    CHECK(day.size() == 3);
    CHECK(appointments.byId(replacement).value().status == AppointmentStatus::Booked);
    CHECK(appointments.byId(first).value().cancelReason == u"Client is ill");

    REQUIRE(appointments
                .addChange({replacement, now, QStringLiteral("front desk"),
                            QStringLiteral("booked"), QStringLiteral("Swedish 60 min")})
                .ok());
    const QList<AppointmentChange> history = appointments.history(replacement).value();
    REQUIRE(history.size() == 1);
    CHECK(history.at(0).actor == u"front desk");
    CHECK(history.at(0).changedUtc == now);

    // Nothing holds more than 12 hours, cleanup included, which is what lets a window look
    // back only that far; the longest allowed is still found from its last minute.
    Appointment longest = appointmentAt(otherId, 0, ten.addDays(3));
    longest.endUtc = longest.startUtc.addSecs(AppointmentRepository::longestHoldSeconds);
    longest.bufferEndUtc = longest.endUtc.addSecs(60);
    CHECK_FALSE(appointments.add(longest).ok());
    longest.bufferEndUtc = longest.endUtc;
    const Id longestId = appointments.add(longest).value();
    const QDateTime lastMinute = longest.endUtc.addSecs(-60);
    const QList<Appointment> overlapping =
        appointments.between(lastMinute, lastMinute.addSecs(3600)).value();
    REQUIRE(overlapping.size() == 1);
    CHECK(overlapping.at(0).id == longestId);
    CHECK(appointments.holdingTimeBetween(lastMinute, lastMinute.addSecs(3600)).value().size() ==
          1);
    Appointment stretched = appointments.byId(longestId).value();
    stretched.bufferEndUtc = stretched.bufferEndUtc.addSecs(60);
    CHECK_FALSE(appointments.update(stretched).ok());

    // Held time and time off come back by start, then therapist, then id, whatever order they
    // were written in (the database hands them over unsorted).
    const QDateTime tomorrow = ten.addDays(1);
    const Id laterRow = appointments.add(appointmentAt(otherId, 0, tomorrow)).value();
    const Id earlierTherapist = appointments.add(appointmentAt(therapistId, 0, tomorrow)).value();
    const Id earlierStart =
        appointments.add(appointmentAt(otherId, 0, tomorrow.addSecs(-2 * 3600))).value();
    QList<Id> heldOrder;
    for (const Appointment& held :
         appointments.holdingTimeBetween(tomorrow.addSecs(-3 * 3600), tomorrow.addSecs(60))
             .value()) {
        heldOrder.append(held.id);
    }
    CHECK(heldOrder == QList<Id>{earlierStart, earlierTherapist, laterRow});

    ScheduleRepository schedule(*database);
    const QDateTime holiday = ten.addDays(20);
    const Id otherOff = schedule.addTimeOff({0, otherId, holiday, holiday.addDays(1), {}}).value();
    const Id ownOff =
        schedule.addTimeOff({0, therapistId, holiday, holiday.addDays(2), {}}).value();
    const Id firstOff =
        schedule.addTimeOff({0, otherId, holiday.addDays(-1), holiday.addSecs(60), {}}).value();
    QList<Id> offOrder;
    for (const TimeOff& off : schedule.timeOff(0, holiday, holiday.addDays(1)).value()) {
        offOrder.append(off.id);
    }
    CHECK(offOrder == QList<Id>{firstOff, ownOff, otherOff});
}

TEST_CASE("Clients are read by id lists of any length, with their alerts", "[data][repo]")
{
    auto database = masahista::test::memoryDatabase();
    ClientRepository clients(*database);
    const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), QTimeZone::utc());
    QList<Id> ids;
    for (int number = 0; number < 70; ++number) {
        Client client;
        client.fullName = QStringLiteral("Client %1").arg(number);
        if (number % 10 == 0) {
            client.healthAlerts = {{0, HealthAlertKind::Allergy, QStringLiteral("Nut oil")}};
        }
        ids.append(clients.add(client, now).value());
    }

    // One id, a few, a list longer than one statement takes, and ids no client has.
    const QList<Client> one = clients.byIds({ids.at(10)}).value();
    REQUIRE(one.size() == 1);
    CHECK(one.at(0).fullName == u"Client 10");
    CHECK(one.at(0).healthAlerts.size() == 1);
    CHECK(clients.byIds({ids.at(3), 999999, ids.at(20)}).value().size() == 2);
    const QList<Client> all = clients.byIds(ids).value();
    CHECK(all.size() == 70);
    qsizetype alerts = 0;
    for (const Client& client : all) {
        alerts += client.healthAlerts.size();
    }
    CHECK(alerts == 7);
    CHECK(clients.byIds({999999}).value().isEmpty());
    CHECK(clients.byIds({}).value().isEmpty());
}

TEST_CASE("Client search finds the start of any word and the phone's last digits", "[data][repo]")
{
    auto database = masahista::test::memoryDatabase();
    ClientRepository clients(*database);
    Client client;
    client.fullName = QStringLiteral("Mary-Jane Van Der Berg");
    client.phone = QStringLiteral("(780) 555-0142");
    client.email = QStringLiteral("MJ.Berg@Example.com");
    const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), QTimeZone::utc());
    const Id id = clients.add(client, now).value();

    for (const QString& text :
         {QStringLiteral("mary"), QStringLiteral("JANE"), QStringLiteral("van der"),
          QStringLiteral("berg mary-j"), QStringLiteral("mj.berg@ex"), QStringLiteral("0142"),
          QStringLiteral("555-0142"), QStringLiteral("(780) 555")}) {
        INFO("searching " << text);
        const QList<Client> found = clients.find(text, 10).value();
        REQUIRE(found.size() == 1);
        CHECK(found.at(0).id == id);
    }
    // Words are found by their start, not their middle.
    for (const QString& text : {QStringLiteral("ary"), QStringLiteral("example"),
                                QStringLiteral("0143"), QStringLiteral("mary smith")}) {
        INFO("searching " << text);
        CHECK(clients.find(text, 10).value().isEmpty());
    }

    // A renamed client is found by the new name only.
    client.id = id;
    client.fullName = QStringLiteral("Mary Jane Olsen");
    REQUIRE(clients.update(client).ok());
    CHECK(clients.find(QStringLiteral("berg"), 10).value().isEmpty());
    CHECK(clients.find(QStringLiteral("olsen"), 10).value().size() == 1);

    // The words can always be made again from the clients (as the schema upgrade does).
    REQUIRE(database->execute(QStringLiteral("DELETE FROM client_search_words")).ok());
    CHECK(clients.find(QStringLiteral("olsen"), 10).value().isEmpty());
    REQUIRE(clients.rebuildSearchWords().ok());
    CHECK(clients.find(QStringLiteral("olsen"), 10).value().size() == 1);
}
