#include "DemoClinic.h"

#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinicData.h"
#include "booking/demo/DemoScheduler.h"
#include "booking/engine/ClinicTime.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"
#include "data/WriteTransaction.h"
#include "domain/Client.h"
#include "domain/ClinicSettings.h"
#include "domain/MassageType.h"
#include "domain/Room.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QHash>
#include <QList>

#include <algorithm>

namespace masahista {

namespace {

// The appointments cover this many days before today and as many after it.
constexpr int daysEachSide = 7;

// ---------------------------------------------------------------------------------------------
// Loading, step by step

Result<QHash<QString, Id>> modalityIds(Database& database)
{
    const Result<QList<Modality>> modalities = TherapistRepository(database).modalities();
    if (!modalities) {
        return modalities.error();
    }
    QHash<QString, Id> ids;
    for (const Modality& modality : *modalities) {
        ids.insert(modality.name, modality.id);
    }
    return ids;
}

Error missingModality(const QString& name)
{
    return makeError(ErrorCode::Database,
                     DemoClinic::tr("The demo clinic needs the technique \"%1\", which this "
                                    "database does not list.")
                         .arg(name));
}

Result<QList<Therapist>> addTherapists(Database& database, QList<DemoTherapist> team,
                                       const QHash<QString, Id>& modalities)
{
    TherapistRepository therapistRepository(database);
    ScheduleRepository schedule(database);
    QList<Therapist> stored;
    for (DemoTherapist& demo : team) {
        for (Certification& certification : demo.therapist.certifications) {
            certification.modalityId = modalities.value(certification.modalityName);
            if (certification.modalityId == 0) {
                return missingModality(certification.modalityName);
            }
        }
        const Result<Id> added = therapistRepository.add(demo.therapist);
        if (!added) {
            return added.error();
        }
        demo.therapist.id = *added;
        const Status hoursSet = schedule.setWeeklyHours(demo.therapist.id, demo.weeklyHours);
        if (!hoursSet) {
            return hoursSet.error();
        }
        stored.append(demo.therapist);
    }
    return stored;
}

Result<QList<Room>> addRooms(Database& database, QList<Room> rooms)
{
    RoomRepository roomRepository(database);
    for (Room& room : rooms) {
        const Result<Id> added = roomRepository.add(room);
        if (!added) {
            return added.error();
        }
        room.id = *added;
    }
    return rooms;
}

// Adds the types, then reads them back: the bookings need the options' new ids.
Result<QList<MassageType>> addMassageTypes(Database& database, const QList<DemoMassageType>& menu,
                                           const QHash<QString, Id>& modalities,
                                           QHash<Id, int>& popularity)
{
    MassageTypeRepository typeRepository(database);
    QHash<Id, int> weightById;
    for (const DemoMassageType& demo : menu) {
        MassageType type = demo.type;
        type.requiredModalityId = modalities.value(type.requiredModalityName);
        if (type.requiredModalityId == 0) {
            return missingModality(type.requiredModalityName);
        }
        const Result<Id> added = typeRepository.add(type);
        if (!added) {
            return added.error();
        }
        weightById.insert(*added, demo.popularity);
    }
    Result<QList<MassageType>> stored = typeRepository.all(false);
    if (stored) {
        popularity = weightById;
    }
    return stored;
}

Result<QList<DemoClientRef>> addClients(Database& database, const QList<Client>& clients,
                                        const QDateTime& nowUtc)
{
    ClientRepository clientRepository(database);
    QList<DemoClientRef> stored;
    int index = 0;
    for (const Client& demoClient : clients) {
        const Result<Client> client = ClientService::validated(demoClient);
        if (!client) {
            return client.error();
        }
        // Everyone has been a client for a while, longest-standing first.
        const QDateTime createdUtc = nowUtc.addDays(-(400 - 9 * index));
        ++index;
        const Result<Id> added = clientRepository.add(*client, createdUtc);
        if (!added) {
            return added.error();
        }
        const bool pregnant = std::any_of(
            demoClient.healthAlerts.cbegin(), demoClient.healthAlerts.cend(),
            [](const HealthAlert& alert) { return alert.kind == HealthAlertKind::Pregnancy; });
        stored.append(DemoClientRef{*added, pregnant});
    }
    return stored;
}

} // namespace

Result<DemoSummary> DemoClinic::load(Database& database, QDate today, const Clock& clock)
{
    const Result<DemoClinicData> data = DemoClinicData::fromResource(today);
    if (!data) {
        return data.error();
    }
    Result<WriteTransaction> transaction = WriteTransaction::begin(database);
    if (!transaction) {
        return transaction.error();
    }
    // Checked inside the transaction, so nobody can add data between the check and the load.
    const Result<bool> empty = SettingsRepository(database).isClinicEmpty();
    if (!empty) {
        return empty.error();
    }
    if (!*empty) {
        return makeError(ErrorCode::Conflict,
                         tr("The demo clinic can only be loaded into an empty database, and this "
                            "one already holds clinic data. Open a new file to try the demo."));
    }

    const ClinicSettings& settings = data->settings;
    const Status saved = SettingsRepository(database).save(settings);
    if (!saved) {
        return saved.error();
    }
    // Everyone opening the file is told that its clients and bookings are invented.
    if (const Status marked = SettingsRepository(database).markMadeUp(); !marked) {
        return marked.error();
    }
    const Result<QHash<QString, Id>> modalities = modalityIds(database);
    if (!modalities) {
        return modalities.error();
    }
    const Result<QList<Therapist>> therapists =
        addTherapists(database, data->therapists, *modalities);
    if (!therapists) {
        return therapists.error();
    }
    const Result<QList<Room>> rooms = addRooms(database, data->rooms);
    if (!rooms) {
        return rooms.error();
    }
    QHash<Id, int> popularity;
    const Result<QList<MassageType>> types =
        addMassageTypes(database, data->massageTypes, *modalities, popularity);
    if (!types) {
        return types.error();
    }
    const QDateTime nowUtc = clock.nowUtc();
    const Result<QList<DemoClientRef>> clients = addClients(database, data->clients, nowUtc);
    if (!clients) {
        return clients.error();
    }

    DemoScheduler scheduler(database, ClinicTime::zone(settings.timeZoneId), nowUtc);
    scheduler.gridMinutes = settings.bookingStepMinutes;
    scheduler.therapists = *therapists;
    const Result<QHash<Id, QList<WeeklyInterval>>> hours =
        ScheduleRepository(database).allWeeklyHours();
    if (!hours) {
        return hours.error();
    }
    scheduler.hours = *hours;
    scheduler.types = *types;
    scheduler.popularity = popularity;
    scheduler.rooms = *rooms;
    scheduler.clients = *clients;
    scheduler.prenatalModalityId = modalities->value(QStringLiteral("Prenatal"));
    scheduler.cancellations = data->cancellations;
    scheduler.appointmentNotes = data->appointmentNotes;
    for (int offset = -daysEachSide; offset <= daysEachSide; ++offset) {
        const Status booked =
            scheduler.bookDay(today.addDays(offset), offset + daysEachSide, offset > 0);
        if (!booked) {
            return booked.error();
        }
    }

    if (Status committed = transaction->commit(); !committed) {
        return committed.error();
    }
    return DemoSummary{therapists->size(),
                       types->size(),
                       rooms->size(),
                       clients->size(),
                       scheduler.bookedCount(),
                       today.addDays(-daysEachSide),
                       today.addDays(daysEachSide)};
}

Result<DemoSummary> DemoClinic::load(Database& database, const Clock& clock)
{
    const Result<ClinicSettings> settings = SettingsRepository(database).load();
    if (!settings) {
        return settings.error();
    }
    const QDate today =
        ClinicTime::toLocal(clock.nowUtc(), ClinicTime::zone(settings->timeZoneId)).date();
    return load(database, today, clock);
}

} // namespace masahista
