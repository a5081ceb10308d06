#pragma once

#include "booking/Clock.h"
#include "booking/catalogue/FieldProblem.h"
#include "booking/engine/CalendarEntry.h"
#include "domain/Client.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QTimeZone>

namespace masahista {

class Database;

// What a client card shows: the client, their appointments with the names filled in, and the
// outcomes a clinic watches (a habit of no-shows or late cancellations may mean a deposit).
struct ClientRecord
{
    Client client;
    QTimeZone zone; // the clinic's, to show the entries in local time
    // Not cancelled and starting now or later; soonest first.
    QList<CalendarEntry> upcoming;
    // Everything else: started before now, or cancelled (even if it was for a later date);
    // newest first.
    QList<CalendarEntry> past;
    int completed = 0;
    int noShows = 0;
    int lateCancellations = 0;
};

// Adding and finding clients: the field rules (name, phone, e-mail) live here, once, for the
// GUI and the command line alike.
class ClientService
{
    Q_DECLARE_TR_FUNCTIONS(ClientService)

public:
    ClientService(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    // Checks and normalizes the client, refuses a duplicate (same name and phone) and stores
    // it; returns the new id.
    Result<Id> add(Client client);
    // Checks and stores changes to an existing client, health alerts included, all or nothing.
    Status update(Client client);
    // An archived client is no longer found by searches nor booked; the history stays.
    Status setArchived(Id clientId, bool archived);
    Result<QList<Client>> find(const QString& text, int limit = 50, bool includeArchived = false);
    // Archived clients too: their history stays readable.
    Result<Client> byId(Id clientId);
    // How many clients the clinic has on file, archived ones included.
    Result<qint64> count();
    // The client with every appointment they ever had, split at the clock's "now".
    Result<ClientRecord> record(Id clientId);

    // A North American number becomes "(780) 555-0142" (a leading 1 is dropped); an
    // international one written with "+" keeps its digits as "+44 20 7946 0958" style groups
    // given. Refuses text that is not a phone number.
    static Result<QString> normalizePhone(const QString& phone);
    static bool isValidEmail(const QString& email);
    // What search compares: lower case without accents, so "Zoe" finds "Zoé".
    static QString folded(const QString& text);
    // Trims the fields, normalizes phone and e-mail, and refuses what is invalid.
    static Result<Client> validated(Client client);
    // Every problem of the client's fields at once, for a form to show beside each field:
    // "name", "phone", "email", "dateOfBirth" (after `today`; not checked when null), "alerts".
    static FieldProblems problems(const Client& client, QDate today);

private:
    // Refuses a client with the same name and phone as another one.
    Status checkNotDuplicate(const Client& client);

    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista
