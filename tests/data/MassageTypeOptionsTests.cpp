#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/TherapistRepository.h"
#include "support/TestSupport.h"

#include <QTimeZone>

using namespace masahista;

TEST_CASE("A length that appointments used is kept inactive when it is left out",
          "[data][repo][catalog]")
{
    auto database = masahista::test::memoryDatabase();
    MassageTypeRepository types(*database);
    MassageType type;
    type.name = QStringLiteral("Swedish");
    type.options = {{0, 30, 6000, true}, {0, 60, 9500, true}, {0, 90, 13000, true}};
    const Id typeId = types.add(type).value();
    const MassageType stored = types.byId(typeId).value();
    const Id sixty = stored.option(60)->id;
    const Id ninety = stored.option(90)->id;

    Therapist therapist;
    therapist.displayName = QStringLiteral("Ana");
    const Id ana = TherapistRepository(*database).add(therapist).value();
    Client client;
    client.fullName = QStringLiteral("Zoe");
    const QDateTime start(QDate(2026, 11, 24), QTime(17, 0), QTimeZone::utc());
    const Id zoe = ClientRepository(*database).add(client, start).value();
    Appointment appointment;
    appointment.clientId = zoe;
    appointment.therapistId = ana;
    appointment.massageTypeId = typeId;
    appointment.optionId = sixty;
    appointment.durationMinutes = 60;
    appointment.priceCents = 9500;
    appointment.startUtc = start;
    appointment.endUtc = start.addSecs(3600);
    appointment.bufferEndUtc = appointment.endUtc;
    appointment.createdUtc = start;
    appointment.updatedUtc = start;
    const Id booked = AppointmentRepository(*database).add(appointment).value();

    // Before, leaving out a booked length failed the whole save on the foreign key.
    MassageType changed = stored;
    changed.options = {stored.options.at(0)};
    const Status updated = types.update(changed);
    INFO((updated ? QString() : updated.error().message));
    REQUIRE(updated.ok());
    const MassageType after = types.byId(typeId).value();
    REQUIRE(after.options.size() == 2);
    CHECK(after.option(30)->active);
    REQUIRE(after.option(60) != nullptr);
    CHECK(after.option(60)->id == sixty);
    CHECK_FALSE(after.option(60)->active);
    CHECK(after.option(60)->priceCents == 9500);
    CHECK(after.option(90) == nullptr); // unused: removed
    const Appointment kept = AppointmentRepository(*database).byId(booked).value();
    CHECK(kept.optionId == sixty);
    CHECK(kept.priceCents == 9500);
    CHECK(ninety != sixty);
}
