// Searches that the fuzz target tests/fuzz/fuzz_client_search.cpp found failing, kept here as
// the behaviour they now have.
#include "booking/clients/ClientService.h"
#include "support/TestSupport.h"

#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace masahista;

namespace {

// An empty clinic to add clients to and search.
struct Clinic
{
    std::unique_ptr<Database> database = test::memoryDatabase();
    FixedClock clock{QDateTime(QDate(2026, 11, 25), QTime(17, 0), QTimeZone::utc())};
    ClientService clients{*database, clock};

    Id add(const QString& name, const QString& phone)
    {
        Client client;
        client.fullName = name;
        client.phone = phone;
        const Result<Id> id = clients.add(client);
        INFO(name);
        REQUIRE(id.ok());
        return *id;
    }

    bool finds(const QString& text, Id wanted)
    {
        const Result<QList<Client>> found = clients.find(text, 50, true);
        INFO(text);
        REQUIRE(found.ok());
        return std::any_of(found->cbegin(), found->cend(),
                           [wanted](const Client& client) { return client.id == wanted; });
    }
};

} // namespace

TEST_CASE("A client is found by a name ending in any character", "[booking][clients]")
{
    Clinic clinic;
    // U+1F3FF, the darkest skin tone, is written with the last low surrogate (U+DFFF); U+FFFF
    // is the last UTF-16 unit; both once made the search's upper bound wrong.
    for (const QString& name :
         {QStringLiteral("Tyrone Lee\U0001F3FF"), QStringLiteral("Ana \U0001F44D\U0001F3FF"),
          QStringLiteral("Mia \uFFFF")}) {
        INFO(name);
        const Id id = clinic.add(name, QStringLiteral("(780) 555-0142"));
        CHECK(clinic.finds(name, id));
        CHECK(clinic.finds(name.split(u' ').constLast(), id));
    }
}

TEST_CASE("A client is found by the phone number as it may be typed", "[booking][clients]")
{
    Clinic clinic;
    const Id id = clinic.add(QStringLiteral("Lena Park"), QStringLiteral("780/555-0188"));
    // Every way normalizePhone() accepts, the country code, slashes and white space around
    // (pasted with a tab) included.
    for (const QString& typed :
         {QStringLiteral("(780) 555-0188"), QStringLiteral("780/555/0188"),
          QStringLiteral("780 555 0188\t"), QStringLiteral("\u00a0780-555-0188"),
          QStringLiteral("1 780 555 0188"), QStringLiteral("+1 (780) 555-0188"),
          QStringLiteral("17805550188"), QStringLiteral("555-0188"), QStringLiteral("0188")}) {
        INFO(typed);
        CHECK(clinic.finds(typed, id));
    }
}
