#include "ClientService.h"

#include "Schedule.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"

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
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return email.size() <= maxEmailLength && pattern.match(email).hasMatch();
}

Result<Client> ClientService::validated(Client client)
{
    client.fullName = client.fullName.simplified();
    if (client.fullName.isEmpty()) {
        return invalid(tr("Enter the client's name."));
    }
    if (client.fullName.size() > maxNameLength) {
        return invalid(tr("The name is too long (at most %1 characters).").arg(maxNameLength));
    }
    Result<QString> phone = normalizePhone(client.phone);
    if (!phone) {
        return phone.error();
    }
    client.phone = *phone;
    client.email = client.email.trimmed();
    if (!client.email.isEmpty()) {
        if (!isValidEmail(client.email)) {
            return invalid(tr("\"%1\" is not an e-mail address (expected name@example.com).")
                               .arg(client.email));
        }
        // The part after @ is case-insensitive; the part before it belongs to the mail server.
        const qsizetype at = client.email.lastIndexOf(u'@');
        client.email = client.email.left(at + 1) + client.email.mid(at + 1).toLower();
    }
    for (HealthAlert& alert : client.healthAlerts) {
        alert.detail = alert.detail.trimmed();
        if (alert.detail.isEmpty()) {
            return invalid(tr("Describe each health alert."));
        }
    }
    client.notes = client.notes.trimmed();
    return client;
}

Result<Id> ClientService::add(Client client)
{
    Result<Client> checked = validated(std::move(client));
    if (!checked) {
        return checked.error();
    }
    const QDateTime now = m_clock.nowUtc();
    if (checked->dateOfBirth.isValid() && checked->dateOfBirth > now.date()) {
        return invalid(tr("The date of birth %1 is in the future.")
                           .arg(checked->dateOfBirth.toString(Qt::ISODate)));
    }
    ClientRepository clients(m_database);
    Result<QList<Client>> samePhone = clients.find(checked->phone, 20, true);
    if (!samePhone) {
        return samePhone.error();
    }
    const QString foldedName = ClientRepository::fold(checked->fullName);
    for (const Client& existing : *samePhone) {
        if (existing.phone == checked->phone &&
            ClientRepository::fold(existing.fullName) == foldedName) {
            return makeError(ErrorCode::Conflict,
                             tr("%1 with phone %2 is already a client (client %3).")
                                 .arg(existing.fullName, existing.phone)
                                 .arg(existing.id));
        }
    }
    return clients.add(*checked, now);
}

Result<QList<Client>> ClientService::find(const QString& text, int limit)
{
    if (text.trimmed().isEmpty()) {
        return invalid(tr("Type part of a name, phone number or e-mail address to search."));
    }
    return ClientRepository(m_database).find(text, limit);
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
