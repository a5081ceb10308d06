#include "Catalog.h"

#include "MassageTypeRepository.h"
#include "RoomRepository.h"
#include "ScheduleRepository.h"
#include "SettingsRepository.h"
#include "TherapistRepository.h"

namespace masahista {

namespace {

Result<Catalog> readCatalog(Database& database)
{
    Catalog catalog;
    Result<ClinicSettings> settings = SettingsRepository(database).load();
    if (!settings) {
        return settings.error();
    }
    catalog.settings = std::move(settings).value();
    Result<QList<Therapist>> therapists = TherapistRepository(database).all();
    if (!therapists) {
        return therapists.error();
    }
    catalog.therapists = std::move(therapists).value();
    Result<QList<MassageType>> types = MassageTypeRepository(database).all();
    if (!types) {
        return types.error();
    }
    catalog.massageTypes = std::move(types).value();
    Result<QList<Room>> rooms = RoomRepository(database).all();
    if (!rooms) {
        return rooms.error();
    }
    catalog.rooms = std::move(rooms).value();
    Result<QHash<Id, QList<WeeklyInterval>>> hours = ScheduleRepository(database).allWeeklyHours();
    if (!hours) {
        return hours.error();
    }
    catalog.weeklyHours = std::move(hours).value();
    return catalog;
}

} // namespace

Result<Catalog> CatalogCache::current()
{
    Result<std::pair<qint64, qint64>> stamp = m_database.changeStamp();
    if (!stamp) {
        return stamp.error();
    }
    if (m_catalog && *stamp == m_stamp) {
        return *m_catalog;
    }
    Result<Catalog> read = readCatalog(m_database);
    if (!read) {
        return read.error();
    }
    m_catalog = *read;
    m_stamp = *stamp;
    return read;
}

} // namespace masahista
