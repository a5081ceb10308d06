#pragma once

#include "Database.h"
#include "domain/Client.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace masahista {

class SqlQuery;

// Clients and their health alerts. Validation and phone formatting belong to the booking
// layer; this stores what it is given.
class ClientRepository
{
    Q_DECLARE_TR_FUNCTIONS(ClientRepository)

public:
    explicit ClientRepository(Database& database)
        : m_database(database)
    {}

    Result<Id> add(const Client& client, const QDateTime& createdUtc);
    Status update(const Client& client);
    Result<Client> byId(Id id);
    // The clients with these ids, in no particular order; ids of no client are left out.
    Result<QList<Client>> byIds(const QList<Id>& ids);
    // Clients whose name, e-mail or phone contains the text, ignoring case and accents
    // (and, for phones, punctuation); ordered by name.
    Result<QList<Client>> find(const QString& text, int limit, bool includeArchived = false);
    Result<QList<Client>> all(bool includeArchived = true);
    Result<qint64> count();

    // What search compares against: folded name and e-mail plus the phone's digits.
    static QString searchKey(const Client& client);
    // The words search finds a client by: each typed word must begin one of them. The folded
    // name's words (and the parts of hyphenated ones), the folded e-mail address, and the
    // phone's digits whole, without the area code and as the last four.
    static QStringList searchWords(const Client& client);
    // Fills the search words of every stored client afresh (after a schema upgrade).
    Status rebuildSearchWords();
    // Lower case without accents, so "José" matches "jose".
    static QString fold(const QString& text);

private:
    Status writeSearchWords(Id clientId, const Client& client);
    Status writeAlerts(const Client& client);
    Status loadAlerts(QList<Client>& clients);
    Result<QList<Client>> select(SqlQuery& query);

    Database& m_database;
};

} // namespace masahista
