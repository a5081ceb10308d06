#include "ClientService.h"

#include "booking/engine/Schedule.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/WriteTransaction.h"

#include <QRegularExpression>

namespace masahista {

namespace {

constexpr qsizetype maxNameLength = 200;
constexpr qsizetype maxEmailLength = 254;

Error invalid(const QString& message)
{
    return makeError(ErrorCode::Invalid, message);
}

} // namespace

Result<QString> ClientService::normalizePhone(const QString& phone)
{
    const QString trimmed = phone.trimmed();
    if (trimmed.isEmpty()) {
        return invalid(tr("Enter a phone number, so the clinic can reach the client."));
    }
    QString digits;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c.isDigit() && c.unicode() < 128) {
            digits.append(c);
        } else if (c == u'+' && i == 0) {
            continue;
        } else if (!QStringView(u" -.()/").contains(c)) {
            return invalid(tr("\"%1\" is not a phone number: use digits, spaces, dashes, "
                              "brackets and a leading + only.")
                               .arg(trimmed));
        }
    }
    const bool international = trimmed.startsWith(u'+');
    if (international && !digits.startsWith(u'1')) {
        if (digits.size() < 8 || digits.size() > 15) {
            return invalid(tr("An international phone number has 8 to 15 digits after the +; "
                              "\"%1\" has %2.")
                               .arg(trimmed)
                               .arg(digits.size()));
        }
        return QString(QLatin1Char('+') + digits);
    }
    if (digits.size() == 11 && digits.startsWith(u'1')) {
        digits.remove(0, 1);
    }
    if (digits.size() != 10) {
        return invalid(tr("A phone number needs 10 digits, like (780) 555-0142, or an "
                          "international number starting with +; \"%1\" has %2.")
                           .arg(trimmed)
                           .arg(digits.size()));
    }
    // North American area codes and exchanges never start with 0 or 1.
    if (digits.at(0) < u'2' || digits.at(3) < u'2') {
        return invalid(tr("%1 is not a valid North American phone number.").arg(trimmed));
    }
    return QStringLiteral("(%1) %2-%3").arg(digits.left(3), digits.mid(3, 3), digits.mid(6));
}

bool ClientService::isValidEmail(const QString& email)
{
    // Anchored as a whole: "$" would also match before a final newline, letting one in. With
    // Unicode properties, \s is every space (a no-break space too), and \p{C} keeps out
    // control and invisible characters.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(
            QStringLiteral("[^@\\s\\p{C}]+@[^@\\s\\p{C}.]+(\\.[^@\\s\\p{C}.]+)+")),
        QRegularExpression::UseUnicodePropertiesOption);
    return email.size() <= maxEmailLength && pattern.match(email).hasMatch();
}

FieldProblems ClientService::problems(const Client& client, QDate today)
{
    FieldProblems found;
    const QString name = client.fullName.simplified();
    if (name.isEmpty()) {
        found.append({QStringLiteral("name"), tr("Enter the client's name.")});
    } else if (name.size() > maxNameLength) {
        found.append({QStringLiteral("name"),
                      tr("The name is too long (at most %1 characters).").arg(maxNameLength)});
    }
    if (Result<QString> phone = normalizePhone(client.phone); !phone) {
        found.append({QStringLiteral("phone"), phone.error().message});
    }
    const QString email = client.email.trimmed();
    if (!email.isEmpty() && !isValidEmail(email)) {
        found.append(
            {QStringLiteral("email"),
             tr("\"%1\" is not an e-mail address (expected name@example.com).").arg(email)});
    }
    if (today.isValid() && client.dateOfBirth.isValid() && client.dateOfBirth > today) {
        found.append(
            {QStringLiteral("dateOfBirth"), tr("The date of birth %1 is in the future.")
                                                .arg(client.dateOfBirth.toString(Qt::ISODate))});
    }
    for (const HealthAlert& alert : client.healthAlerts) {
        if (alert.detail.trimmed().isEmpty()) {
            found.append({QStringLiteral("alerts"), tr("Describe each health alert.")});
            break;
        }
    }
    return found;
}

Result<Client> ClientService::validated(Client client)
{
    const FieldProblems found = problems(client, QDate());
    if (!found.isEmpty()) {
        return invalid(found.constFirst().message);
    }
    client.fullName = client.fullName.simplified();
    client.phone = normalizePhone(client.phone).value();
    client.email = client.email.trimmed();
    if (!client.email.isEmpty()) {
        // The part after @ is case-insensitive; the part before it belongs to the mail server.
        const qsizetype at = client.email.lastIndexOf(u'@');
        client.email = client.email.left(at + 1) + client.email.mid(at + 1).toLower();
    }
    for (HealthAlert& alert : client.healthAlerts) {
        alert.detail = alert.detail.trimmed();
    }
    client.notes = client.notes.trimmed();
    return client;
}

Status ClientService::checkNotDuplicate(const Client& client)
{
    Result<QList<Client>> samePhone = ClientRepository(m_database).find(client.phone, 20, true);
    if (!samePhone) {
        return samePhone.error();
    }
    const QString foldedName = ClientRepository::fold(client.fullName);
    for (const Client& existing : *samePhone) {
        if (existing.id != client.id && existing.phone == client.phone &&
            ClientRepository::fold(existing.fullName) == foldedName) {
            return makeError(ErrorCode::Conflict,
                             tr("%1 with phone %2 is already a client (client %3).")
                                 .arg(existing.fullName, existing.phone)
                                 .arg(existing.id));
        }
    }
    return success();
}

Result<Id> ClientService::add(Client client)
{
    const QDateTime now = m_clock.nowUtc();
    if (const FieldProblems found = problems(client, now.date()); !found.isEmpty()) {
        return invalid(found.constFirst().message);
    }
    Result<Client> checked = validated(std::move(client));
    if (!checked) {
        return checked.error();
    }
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    if (Status unique = checkNotDuplicate(*checked); !unique) {
        return unique.error();
    }
    Result<Id> id = ClientRepository(m_database).add(*checked, now);
    if (!id) {
        return id;
    }
    if (Status committed = transaction->commit(); !committed) {
        return committed.error();
    }
    return id;
}

Status ClientService::update(Client client)
{
    if (const FieldProblems found = problems(client, m_clock.nowUtc().date()); !found.isEmpty()) {
        return invalid(found.constFirst().message);
    }
    Result<Client> checked = validated(std::move(client));
    if (!checked) {
        return checked.error();
    }
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    if (Status unique = checkNotDuplicate(*checked); !unique) {
        return unique;
    }
    if (Status saved = ClientRepository(m_database).update(*checked); !saved) {
        return saved;
    }
    return transaction->commit();
}

Status ClientService::setArchived(Id clientId, bool archived)
{
    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    ClientRepository clients(m_database);
    Result<Client> client = clients.byId(clientId);
    if (!client) {
        return client.error();
    }
    client->archived = archived;
    if (Status saved = clients.update(*client); !saved) {
        return saved;
    }
    return transaction->commit();
}

Result<QList<Client>> ClientService::find(const QString& text, int limit, bool includeArchived)
{
    if (text.trimmed().isEmpty()) {
        return invalid(tr("Type part of a name, phone number or e-mail address to search."));
    }
    return ClientRepository(m_database).find(text, limit, includeArchived);
}

QString ClientService::folded(const QString& text)
{
    return ClientRepository::fold(text);
}

Result<qint64> ClientService::count()
{
    return ClientRepository(m_database).count();
}

Result<Client> ClientService::byId(Id clientId)
{
    return ClientRepository(m_database).byId(clientId);
}

Result<ClientRecord> ClientService::record(Id clientId)
{
    Result<Client> client = byId(clientId);
    if (!client) {
        return client.error();
    }
    Result<ClinicDirectory> directory = loadClinicDirectory(m_database);
    if (!directory) {
        return directory.error();
    }
    Result<QList<Appointment>> appointments = AppointmentRepository(m_database).ofClient(clientId);
    if (!appointments) {
        return appointments.error();
    }
    Result<QList<CalendarEntry>> entries = calendarEntries(m_database, *directory, *appointments);
    if (!entries) {
        return entries.error();
    }
    ClientRecord record;
    record.client = std::move(client).value();
    record.zone = directory->zone;
    const QDateTime now = m_clock.nowUtc();
    // The entries come newest first; the coming ones read better soonest first.
    for (const CalendarEntry& entry : *entries) {
        const Appointment& appointment = entry.appointment;
        if (appointment.holdsTime() && appointment.startUtc >= now) {
            record.upcoming.prepend(entry);
        } else {
            record.past.append(entry);
        }
        switch (appointment.status) {
        case AppointmentStatus::Completed:
            ++record.completed;
            break;
        case AppointmentStatus::NoShow:
            ++record.noShows;
            break;
        case AppointmentStatus::Cancelled:
            record.lateCancellations += appointment.cancelledLate ? 1 : 0;
            break;
        case AppointmentStatus::Booked:
        case AppointmentStatus::Confirmed:
        case AppointmentStatus::Arrived:
            break;
        }
    }
    return record;
}

} // namespace masahista
