// Client search as typed at the desk or in `clients find` (ClientService::find and
// ClientRepository's folding and search words). Input: up to three lines, a client's name,
// phone and e-mail; a phone or e-mail that is not valid is replaced by a valid one, so that
// most inputs make a client. The client is added inside a transaction that is rolled back,
// so every input starts from an empty clinic.
#include "FuzzSupport.h"
#include "booking/clients/ClientService.h"
#include "data/ClientRepository.h"
#include "data/WriteTransaction.h"

#include <memory>

using namespace masahista;
using fuzz::require;

namespace {

Database& database()
{
    static const std::unique_ptr<Database> database = [] {
        Result<std::unique_ptr<Database>> opened = Database::openInMemory();
        if (!opened) {
            fuzz::fail("an empty clinic opens", opened.error().message);
        }
        return std::move(opened).value();
    }();
    return *database;
}

void checkFold(const QString& text)
{
    const QString folded = ClientRepository::fold(text);
    require(folded == folded.simplified(), "folded text has single spaces only");
    require(ClientRepository::fold(folded) == folded, "folding twice changes nothing",
            [&]() -> QString { return text + QStringLiteral(" -> ") + folded; });
}

// Text of digits, white space and phone punctuation alone is searched as a phone number: its
// digits, less a leading 1 when there are 11 (the North American country code, not stored). So
// a "name" like "(1) 2" or "14255455444" is not found by itself; such text is checked only
// when its digits are searched as they are.
bool searchedAsTyped(const QString& text)
{
    bool anyDigit = false;
    bool punctuation = false;
    for (QChar c : text) {
        if (c.isDigit()) {
            anyDigit = true;
        } else if (c.isSpace() || QStringView(u"+-()./").contains(c)) {
            punctuation = true;
        } else {
            return true;
        }
    }
    return !anyDigit || (!punctuation && !(text.size() == 11 && text.startsWith(u'1')));
}

// `wanted` is among the clients found for `text`.
void requireFound(ClientService& clients, const QString& text, Id wanted, const char* property)
{
    if (text.trimmed().isEmpty()) {
        return;
    }
    const Result<QList<Client>> found = clients.find(text, 50, true);
    require(found.ok(), "a search runs", [&]() -> QString { return found.error().message; });
    bool among = false;
    for (const Client& client : *found) {
        among = among || client.id == wanted;
    }
    require(among, property,
            [&]() -> QString { return QLatin1Char('"') + text + QLatin1Char('"'); });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QStringList lines = fuzz::parts(data, size, '\n');
    Client client;
    client.fullName = lines.value(0);
    client.phone = lines.value(1);
    client.email = lines.value(2);
    checkFold(client.fullName);
    if (!ClientService::normalizePhone(client.phone)) {
        client.phone = QStringLiteral("(780) 555-0142");
    }
    if (!client.email.trimmed().isEmpty() && !ClientService::isValidEmail(client.email.trimmed())) {
        client.email.clear();
    }

    static const FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
    Result<WriteTransaction> transaction = WriteTransaction::begin(database());
    require(transaction.ok(), "a transaction starts");
    ClientService clients(database(), clock);
    const Result<Id> added = clients.add(client);
    if (!added) {
        require(added.error().code == ErrorCode::Invalid, "a client is refused only as invalid",
                [&]() -> QString { return added.error().message; });
        return 0;
    }
    const Result<Client> stored = clients.byId(*added);
    require(stored.ok(), "an added client can be read");

    if (searchedAsTyped(client.fullName)) {
        requireFound(clients, client.fullName, *added, "a client is found by the name as typed");
    }
    if (searchedAsTyped(stored->fullName)) {
        requireFound(clients, stored->fullName, *added, "a client is found by the name as stored");
    }
    for (const QString& word : stored->fullName.split(u' ', Qt::SkipEmptyParts)) {
        if (searchedAsTyped(word)) {
            requireFound(clients, word, *added, "a client is found by each word of the name");
        }
    }
    requireFound(clients, client.phone, *added, "a client is found by the phone as typed");
    requireFound(clients, stored->phone, *added, "a client is found by the phone as stored");
    requireFound(clients, stored->email, *added, "a client is found by the e-mail address");
    for (const QString& word : ClientRepository::searchWords(*stored)) {
        if (searchedAsTyped(word)) {
            requireFound(clients, word, *added, "a client is found by each of its search words");
        }
    }
    // The transaction rolls back here, leaving the clinic empty for the next input.
    return 0;
}
