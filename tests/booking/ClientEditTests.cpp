#include "BookingFixture.h"
#include "booking/clients/ClientService.h"
#include "data/ClientRepository.h"

#include <catch2/catch.hpp>

using namespace masahista;
using masahista::test::BookingFixture;

TEST_CASE("Every problem of a client's fields is named with its field", "[booking][clients]")
{
    Client client;
    client.fullName = QStringLiteral("   ");
    client.phone = QStringLiteral("555");
    client.email = QStringLiteral("not an address");
    client.dateOfBirth = QDate(2030, 1, 1);
    client.healthAlerts.append({0, HealthAlertKind::Allergy, QStringLiteral(" ")});
    const FieldProblems found = ClientService::problems(client, QDate(2026, 11, 25));
    QStringList fields;
    for (const FieldProblem& problem : found) {
        fields.append(problem.field);
        CHECK_FALSE(problem.message.isEmpty());
    }
    CHECK(fields == QStringList{QStringLiteral("name"), QStringLiteral("phone"),
                                QStringLiteral("email"), QStringLiteral("dateOfBirth"),
                                QStringLiteral("alerts")});
    CHECK(problemOf(found, QStringLiteral("phone")).contains(u"10 digits"));

    client.fullName = QStringLiteral("Wren Adeyemi");
    client.phone = QStringLiteral("780.555.0177");
    client.email = QStringLiteral("wren@Example.COM");
    client.dateOfBirth = QDate(1990, 5, 1);
    client.healthAlerts.first().detail = QStringLiteral("Nut oils");
    CHECK(ClientService::problems(client, QDate(2026, 11, 25)).isEmpty());
}

TEST_CASE("Editing a client stores the normalized fields and alerts, all or nothing",
          "[booking][clients]")
{
    BookingFixture clinic;
    ClientService clients(*clinic.database, clinic.clock);
    Client zoe = ClientRepository(*clinic.database).byId(clinic.zoe).value();

    zoe.phone = QStringLiteral("1-587-555-0199");
    zoe.email = QStringLiteral("zoe@Example.org");
    zoe.healthAlerts = {{0, HealthAlertKind::Pregnancy, QStringLiteral("Second trimester")}};
    REQUIRE(clients.update(zoe).ok());
    Client stored = ClientRepository(*clinic.database).byId(clinic.zoe).value();
    CHECK(stored.phone == u"(587) 555-0199");
    CHECK(stored.email == u"zoe@example.org");
    REQUIRE(stored.healthAlerts.size() == 1);
    CHECK(stored.healthAlerts.first().kind == HealthAlertKind::Pregnancy);
    // Found by the new number.
    CHECK(clients.find(QStringLiteral("587 555 0199")).value().size() == 1);

    SECTION("a bad field writes nothing")
    {
        Client broken = stored;
        broken.email = QStringLiteral("zoe@");
        broken.healthAlerts.clear();
        const Status refused = clients.update(broken);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::Invalid);
        const Client after = ClientRepository(*clinic.database).byId(clinic.zoe).value();
        CHECK(after.email == stored.email);
        CHECK(after.healthAlerts.size() == 1);
    }
    SECTION("becoming the twin of another client is refused")
    {
        Client yan = ClientRepository(*clinic.database).byId(clinic.yan).value();
        Client twin = stored;
        twin.fullName = yan.fullName;
        twin.phone = yan.phone;
        const Status refused = clients.update(twin);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::Conflict);
        CHECK(ClientRepository(*clinic.database).byId(clinic.zoe).value().fullName ==
              stored.fullName);
    }
}

TEST_CASE("An archived client keeps the history but is not found or booked", "[booking][clients]")
{
    BookingFixture clinic;
    ClientService clients(*clinic.database, clinic.clock);
    const Appointment earlier = clinic.booked(clinic.request(
        clinic.ana, clinic.swedish, 60, clinic.at(clinic.today.addDays(2), 10), clinic.yan));
    REQUIRE(clients.setArchived(clinic.yan, true).ok());
    CHECK(clients.find(QStringLiteral("Yan")).value().isEmpty());
    CHECK(clinic
              .refused(clinic.request(clinic.ana, clinic.swedish, 60,
                                      clinic.at(clinic.today.addDays(3), 10), clinic.yan))
              .contains(u"archived"));
    CHECK(clients.record(clinic.yan).value().upcoming.size() == 1);
    CHECK(clients.record(clinic.yan).value().upcoming.first().appointment.id == earlier.id);

    REQUIRE(clients.setArchived(clinic.yan, false).ok());
    CHECK(clients.find(QStringLiteral("Yan")).value().size() == 1);
    CHECK(clients.setArchived(9999, true).error().code == ErrorCode::NotFound);
}
