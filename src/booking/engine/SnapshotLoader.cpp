#include "SnapshotLoader.h"

#include "booking/engine/ClinicTime.h"
#include "data/AppointmentRepository.h"
#include "data/Catalog.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/ReadTransaction.h"
#include "data/ScheduleRepository.h"

namespace masahista::SnapshotLoader {

Result<BookingSnapshot> load(Database& database, const QDateTime& nowUtc, const QDateTime& fromUtc,
                             const QDateTime& toUtc, const QList<Id>& clientIds)
{
    // One consistent state for all the queries below.
    const ReadTransaction reading(database);
    BookingSnapshot snapshot;
    snapshot.nowUtc = nowUtc;

    Result<Catalog> catalog = database.catalog().current();
    if (!catalog) {
        return catalog.error();
    }
    snapshot.zone = ClinicTime::zone(catalog->settings.timeZoneId);
    snapshot.gridMinutes = catalog->settings.bookingStepMinutes;
    snapshot.therapists = catalog->therapists;
    snapshot.massageTypes = catalog->massageTypes;
    snapshot.rooms = catalog->rooms;
    snapshot.weeklyHours = catalog->weeklyHours;

    if (!clientIds.isEmpty()) {
        // A missing client is left out, for the rules to report.
        Result<QList<Client>> clients = ClientRepository(database).byIds(clientIds);
        if (!clients) {
            return clients.error();
        }
        snapshot.clients = std::move(clients).value();
    }

    Result<QList<TimeOff>> timeOff = ScheduleRepository(database).timeOff(0, fromUtc, toUtc);
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
