#include "booking/clients/ClientService.h"
#include "data/ClientRepository.h"
#include "support/TestSupport.h"

#include <QTimeZone>

using namespace masahista;

TEST_CASE("Phone numbers are normalized to one format", "[booking][clients]")
{
    for (const QString& typed :
         {QStringLiteral("780-555-0142"), QStringLiteral("(780) 555 0142"),
          QStringLiteral("780.555.0142"), QStringLiteral("7805550142"),
          QStringLiteral("1 780 555 0142"), QStringLiteral("+1 (780) 555-0142"),
          QStringLiteral("  780/555-0142  ")}) {
        INFO("typed " << typed);
        Result<QString> normalized = ClientService::normalizePhone(typed);
        REQUIRE(normalized.ok());
        CHECK(*normalized == u"(780) 555-0142");
    }
    CHECK(ClientService::normalizePhone(QStringLiteral("+44 20 7946 0958")).value() ==
          u"+442079460958");

    for (const QString& bad : {QString(), QStringLiteral("   "), QStringLiteral("555-0142"),
                               QStringLiteral("780-555-01422"), QStringLiteral("call me"),
                               QStringLiteral("780 555 0142 ext 3"),
                               QStringLiteral("(080) 555-0142"), QStringLiteral("+12")}) {
        INFO("typed " << bad);
        Result<QString> refused = ClientService::normalizePhone(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::Invalid);
        CHECK_FALSE(refused.error().message.isEmpty());
    }
}

TEST_CASE("E-mail addresses are checked", "[booking][clients]")
{
    CHECK(ClientService::isValidEmail(QStringLiteral("ana@example.com")));
    CHECK(ClientService::isValidEmail(QStringLiteral("ana.maria+rmt@mail.example.org")));
    CHECK_FALSE(ClientService::isValidEmail(QStringLiteral("ana@example")));
    CHECK_FALSE(ClientService::isValidEmail(QStringLiteral("ana example.com")));
    CHECK_FALSE(ClientService::isValidEmail(QStringLiteral("@example.com")));
    CHECK_FALSE(ClientService::isValidEmail(QStringLiteral("ana@@example.com")));
    CHECK_FALSE(ClientService::isValidEmail(QStringLiteral("ana@example..com")));
    // Found by tests/fuzz/fuzz_email.cpp: "$" also matched before a final line break, and \s
    // missed the spaces and invisible characters beyond ASCII.
    for (const QString& bad :
         {QStringLiteral("ana@example.com\n"), QStringLiteral("ana\u00a0lee@example.com"),
          QStringLiteral("ana@exam\u200bple.com"), QStringLiteral("ana@example.c\x01om")}) {
        INFO(bad);
        CHECK_FALSE(ClientService::isValidEmail(bad));
    }
    CHECK(ClientService::isValidEmail(QStringLiteral("josé@correo.example.es")));
}

TEST_CASE("Adding clients validates, normalizes and refuses duplicates", "[booking][clients]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(17, 0), QTimeZone::utc()));
    ClientService service(*database, clock);

    Client client;
    client.fullName = QStringLiteral("  José   María  O'Brien ");
    client.phone = QStringLiteral("780.555.0199");
    client.email = QStringLiteral(" Jose.Maria@EXAMPLE.com ");
    Result<Id> id = service.add(client);
    REQUIRE(id.ok());
    const Client stored = ClientRepository(*database).byId(*id).value();
    CHECK(stored.fullName == u"José María O'Brien");
    CHECK(stored.phone == u"(780) 555-0199");
    CHECK(stored.email == u"Jose.Maria@example.com");

    SECTION("the same person again is a conflict, whatever the spelling of the phone")
    {
        Client again;
        again.fullName = QStringLiteral("jose maria o'brien");
        again.phone = QStringLiteral("1-780-555-0199");
        Result<Id> duplicate = service.add(again);
        REQUIRE_FALSE(duplicate.ok());
        CHECK(duplicate.error().code == ErrorCode::Conflict);
        CHECK(duplicate.error().message.contains(QString::number(*id)));
    }
    SECTION("a different person sharing the phone is fine (families do)")
    {
        Client sibling;
        sibling.fullName = QStringLiteral("Ana O'Brien");
        sibling.phone = QStringLiteral("780 555 0199");
        CHECK(service.add(sibling).ok());
    }
    SECTION("invalid fields are refused with a reason and nothing is stored")
    {
        Client nameless;
        nameless.phone = QStringLiteral("7805550100");
        CHECK(service.add(nameless).error().message.contains(u"name"));
        Client badMail;
        badMail.fullName = QStringLiteral("Bad Mail");
        badMail.phone = QStringLiteral("7805550100");
        badMail.email = QStringLiteral("not-an-address");
        CHECK(service.add(badMail).error().code == ErrorCode::Invalid);
        Client unborn;
        unborn.fullName = QStringLiteral("Future Child");
        unborn.phone = QStringLiteral("7805550100");
        unborn.dateOfBirth = QDate(2027, 1, 1);
        CHECK(service.add(unborn).error().message.contains(u"future"));
        Client emptyAlert;
        emptyAlert.fullName = QStringLiteral("Alert Client");
        emptyAlert.phone = QStringLiteral("7805550100");
        emptyAlert.healthAlerts = {{0, HealthAlertKind::Allergy, QStringLiteral("  ")}};
        CHECK(service.add(emptyAlert).error().code == ErrorCode::Invalid);
        CHECK(ClientRepository(*database).count().value() == 1);
    }
    SECTION("finding needs some text")
    {
        CHECK(service.find(QStringLiteral("  ")).error().code == ErrorCode::Invalid);
        CHECK(service.find(QStringLiteral("obrien")).value().isEmpty());
        CHECK(service.find(QStringLiteral("o'brien")).value().size() == 1);
    }
}
