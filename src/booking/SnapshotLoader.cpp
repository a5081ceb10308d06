#include "SnapshotLoader.h"

#include "ClinicTime.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"

namespace masahista::SnapshotLoader {

Result<BookingSnapshot> load(Database& database, const QDateTime& nowUtc, const QDateTime& fromUtc,
                             const QDateTime& toUtc, const QList<Id>& clientIds)
{
    BookingSnapshot snapshot;
    snapshot.nowUtc = nowUtc;

    Result<ClinicSettings> settings = SettingsRepository(database).load();
    if (!settings) {
        return settings.error();
    }
    snapshot.zone = ClinicTime::zone(settings->timeZoneId);
    snapshot.gridMinutes = settings->bookingStepMinutes;

    Result<QList<Therapist>> therapists = TherapistRepository(database).all();
    if (!therapists) {
        return therapists.error();
    }
    snapshot.therapists = std::move(therapists).value();

    Result<QList<MassageType>> types = MassageTypeRepository(database).all();
    if (!types) {
        return types.error();
    }
    snapshot.massageTypes = std::move(types).value();

    Result<QList<Room>> rooms = RoomRepository(database).all();
    if (!rooms) {
        return rooms.error();
    }
    snapshot.rooms = std::move(rooms).value();

    ClientRepository clients(database);
    for (Id clientId : clientIds) {
        Result<Client> client = clients.byId(clientId);
        if (client) {
            snapshot.clients.append(std::move(client).value());
        } else if (client.error().code != ErrorCode::NotFound) {
            return client.error(); // a missing client is for the rules to report
        }
    }

    ScheduleRepository schedule(database);
    Result<QHash<Id, QList<WeeklyInterval>>> hours = schedule.allWeeklyHours();
    if (!hours) {
        return hours.error();
    }
    snapshot.weeklyHours = std::move(hours).value();

    Result<QList<TimeOff>> timeOff = schedule.timeOff(0, fromUtc, toUtc);
    if (!timeOff) {
        return timeOff.error();
    }
    snapshot.timeOff = std::move(timeOff).value();

    Result<QList<Appointment>> holding =
        AppointmentRepository(database).holdingTimeBetween(fromUtc, toUtc);
    if (!holding) {
        return holding.error();
    }
    snapshot.holdingTime = std::move(holding).value();
    return snapshot;
}

} // namespace masahista::SnapshotLoader
