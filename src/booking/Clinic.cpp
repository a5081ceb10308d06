#include "Clinic.h"

#include "booking/backup/BackupService.h"
#include "booking/catalogue/HoursService.h"
#include "booking/catalogue/MassageTypeService.h"
#include "booking/catalogue/RoomService.h"
#include "booking/catalogue/SettingsService.h"
#include "booking/catalogue/TherapistService.h"
#include "booking/clients/ClientService.h"
#include "booking/demo/DemoClinic.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingChoices.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/Schedule.h"
#include "booking/engine/WeekSchedule.h"
#include "data/AppointmentRepository.h"
#include "data/Catalog.h"
#include "data/Database.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/ScheduleRepository.h"
#include "data/SettingsRepository.h"
#include "data/TherapistRepository.h"

#include <utility>

namespace masahista {

namespace {

// What the repositories' all(false) gives: the active items, in the clinic's order.
template <typename Item>
QList<Item> activeOnly(QList<Item> items, bool includeInactive)
{
    if (!includeInactive) {
        items.removeIf([](const Item& item) { return !item.active; });
    }
    return items;
}

// One part of the catalog, from the cache. When the catalog as a whole cannot be read (one
// damaged table), the part is read on its own, so that a page still shows what it can.
template <typename Part, typename Direct>
auto fromCatalog(Database& database, Part part, Direct direct) -> decltype(direct())
{
    Result<Catalog> catalog = database.catalog().current();
    if (!catalog) {
        return direct();
    }
    return part(*catalog);
}

constexpr auto inMemoryPath = u":memory:";

} // namespace

QString Clinic::defaultPath()
{
    return Database::defaultPath();
}

Result<std::unique_ptr<Clinic>> Clinic::open(const QString& path, Opening opening,
                                             const Clock& clock, Actor actor)
{
    const Database::Mode mode = opening == Opening::CreateIfMissing
                                    ? Database::Mode::CreateIfMissing
                                    : Database::Mode::ExistingOnly;
    Result<std::unique_ptr<Database>> opened = Database::open(path, mode);
    if (!opened) {
        return opened.error();
    }
    return std::unique_ptr<Clinic>(new Clinic(std::move(opened).value(), clock, std::move(actor)));
}

Clinic::Clinic(Database& database, const Clock& clock, Actor actor)
    : m_database(database)
    , m_clock(clock)
    , m_actor(std::move(actor))
{}

Clinic::Clinic(std::unique_ptr<Database> owned, const Clock& clock, Actor actor)
    : m_owned(std::move(owned))
    , m_database(*m_owned)
    , m_clock(clock)
    , m_actor(std::move(actor))
{}

Clinic::~Clinic() = default;

QString Clinic::path() const
{
    return m_database.path();
}

bool Clinic::isInMemory() const
{
    return m_database.path() == inMemoryPath;
}

int Clinic::schemaVersion() const
{
    return m_database.schemaVersion();
}

Result<qint64> Clinic::dataVersion()
{
    return m_database.dataVersion();
}

Result<bool> Clinic::isEmpty()
{
    return SettingsRepository(m_database).isClinicEmpty();
}

BookingService Clinic::bookings() const
{
    return BookingService(m_database, m_clock);
}

ClientService Clinic::clients() const
{
    return ClientService(m_database, m_clock);
}

TherapistService Clinic::therapists() const
{
    return TherapistService(m_database, m_clock);
}

MassageTypeService Clinic::massageTypes() const
{
    return MassageTypeService(m_database, m_clock);
}

RoomService Clinic::rooms() const
{
    return RoomService(m_database, m_clock);
}

HoursService Clinic::hours() const
{
    return HoursService(m_database, m_clock);
}

SettingsService Clinic::settings() const
{
    return SettingsService(m_database, m_clock);
}

BackupService Clinic::backups() const
{
    return BackupService(m_database, m_clock);
}

Availability Clinic::availability() const
{
    return Availability(m_database, m_clock);
}

Result<ClinicSettings> Clinic::clinicSettings()
{
    return fromCatalog(
        m_database, [](Catalog& catalog) { return std::move(catalog.settings); },
        [this] { return SettingsRepository(m_database).load(); });
}

Result<QList<Therapist>> Clinic::therapistList(bool includeInactive)
{
    return fromCatalog(
        m_database,
        [includeInactive](Catalog& catalog) {
            return activeOnly(std::move(catalog.therapists), includeInactive);
        },
        [this, includeInactive] { return TherapistRepository(m_database).all(includeInactive); });
}

Result<QList<MassageType>> Clinic::massageTypeList(bool includeInactive)
{
    return fromCatalog(
        m_database,
        [includeInactive](Catalog& catalog) {
            return activeOnly(std::move(catalog.massageTypes), includeInactive);
        },
        [this, includeInactive] { return MassageTypeRepository(m_database).all(includeInactive); });
}

Result<QList<Room>> Clinic::roomList(bool includeInactive)
{
    return fromCatalog(
        m_database,
        [includeInactive](Catalog& catalog) {
            return activeOnly(std::move(catalog.rooms), includeInactive);
        },
        [this, includeInactive] { return RoomRepository(m_database).all(includeInactive); });
}

Result<QHash<Id, QList<WeeklyInterval>>> Clinic::weeklyHours()
{
    return fromCatalog(
        m_database, [](Catalog& catalog) { return std::move(catalog.weeklyHours); },
        [this] { return ScheduleRepository(m_database).allWeeklyHours(); });
}

Result<QList<Modality>> Clinic::modalities()
{
    return TherapistRepository(m_database).modalities();
}

Result<BookingChoices> Clinic::bookingChoices()
{
    return BookingChoices::load(m_database);
}

Result<ClinicDirectory> Clinic::directory()
{
    return loadClinicDirectory(m_database);
}

Result<QList<CalendarEntry>> Clinic::calendarEntries(const ClinicDirectory& directory,
                                                     const QList<Appointment>& appointments)
{
    return masahista::calendarEntries(m_database, directory, appointments);
}

Result<DaySchedule> Clinic::daySchedule(QDate date)
{
    return loadDaySchedule(m_database, date);
}

Result<WeekSchedule> Clinic::weekSchedule(QDate anyDay)
{
    return loadWeekSchedule(m_database, anyDay);
}

Result<QList<Appointment>> Clinic::appointmentsBetween(const QDateTime& fromUtc,
                                                       const QDateTime& toUtc, Id therapistId)
{
    return AppointmentRepository(m_database).between(fromUtc, toUtc, therapistId);
}

Result<WorkingTime> Clinic::workingTime(Id therapistId, const QDateTime& fromUtc,
                                        const QDateTime& toUtc)
{
    return loadWorkingTime(m_database, therapistId, fromUtc, toUtc);
}

Result<QSet<Id>> Clinic::workingOn(QDate date)
{
    return masahista::workingOn(m_database, date);
}

Result<QSet<QDate>> Clinic::busyDays(QDate from, QDate to)
{
    return masahista::busyDays(m_database, from, to);
}

Result<QList<AppointmentChange>> Clinic::history(Id appointmentId)
{
    return AppointmentRepository(m_database).history(appointmentId);
}

Result<DemoSummary> Clinic::loadDemo(QDate today)
{
    return DemoClinic::load(m_database, today, m_clock);
}

Result<DemoSummary> Clinic::loadDemo()
{
    return DemoClinic::load(m_database, m_clock);
}

} // namespace masahista
