#pragma once

#include "Actor.h"
#include "booking/engine/CalendarEntry.h"
#include "domain/Appointment.h"
#include "domain/ClinicSettings.h"
#include "domain/Id.h"
#include "domain/MassageType.h"
#include "domain/Modality.h"
#include "domain/Result.h"
#include "domain/Room.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace masahista {

class Availability;
class BackupService;
class BookingService;
class CatalogCache;
class ClientService;
class Clock;
class Database;
class HoursService;
class MassageTypeService;
class RoomService;
class SettingsService;
class TherapistService;
struct BookingChoices;
struct ClinicDirectory;
struct DaySchedule;
struct DemoSummary;
struct WeekSchedule;
struct WorkingTime;

// One open clinic as the window and the command line see it: the database, the clock, the
// acting user, the services and the reads the pages need (the catalog through the database's
// cache, for now). Nothing above the booking layer reaches a repository or the database except
// through this door.
class Clinic
{
    Q_DECLARE_TR_FUNCTIONS(Clinic)

public:
    enum class Opening
    {
        CreateIfMissing, // a missing file becomes a new, empty clinic
        ExistingOnly,    // a missing file is an error
    };

    // The file in the user's application data folder used when no other is named.
    static QString defaultPath();
    // Opens (and if needed creates) the file, refusing anything that is not a current or older
    // Masahista database without writing to it, and brings its schema up to date.
    static Result<std::unique_ptr<Clinic>> open(const QString& path, Opening opening,
                                                const Clock& clock, Actor actor);

    // A session on a database someone else owns and keeps open for longer (tests, the bench).
    Clinic(Database& database, const Clock& clock, Actor actor);
    ~Clinic();
    Clinic(const Clinic&) = delete;
    Clinic& operator=(const Clinic&) = delete;

    const Clock& clock() const { return m_clock; }
    const Actor& actor() const { return m_actor; }

    // Where the clinic lives: a file's path, or ":memory:".
    QString path() const;
    bool isInMemory() const;
    int schemaVersion() const;
    // Changes whenever another connection (a second window, the command line) commits; cheap
    // enough to poll. Our own writes leave it as it is.
    Result<qint64> dataVersion();
    // Nothing has been set up yet (a new file, or one left empty): the demo may be offered.
    Result<bool> isEmpty();

    // The services, each a light view of this session's database and clock.
    BookingService bookings() const;
    ClientService clients() const;
    TherapistService therapists() const;
    MassageTypeService massageTypes() const;
    RoomService rooms() const;
    HoursService hours() const;
    SettingsService settings() const;
    BackupService backups() const;
    Availability availability() const;

    // The catalog, read through the cache: again only after something changed.
    Result<ClinicSettings> clinicSettings();
    Result<QList<Therapist>> therapistList(bool includeInactive = true);
    Result<QList<MassageType>> massageTypeList(bool includeInactive = true);
    Result<QList<Room>> roomList(bool includeInactive = true);
    Result<QHash<Id, QList<WeeklyInterval>>> weeklyHours();
    Result<QList<Modality>> modalities();
    Result<BookingChoices> bookingChoices();

    // The schedules the pages and commands show.
    Result<ClinicDirectory> directory();
    Result<QList<CalendarEntry>> calendarEntries(const ClinicDirectory& directory,
                                                 const QList<Appointment>& appointments);
    Result<DaySchedule> daySchedule(QDate date);
    Result<WeekSchedule> weekSchedule(QDate anyDay);
    Result<QList<Appointment>> appointmentsBetween(const QDateTime& fromUtc, const QDateTime& toUtc,
                                                   Id therapistId);
    Result<WorkingTime> workingTime(Id therapistId, const QDateTime& fromUtc,
                                    const QDateTime& toUtc);
    Result<QSet<Id>> workingOn(QDate date);
    Result<QSet<QDate>> busyDays(QDate from, QDate to);
    Result<QList<AppointmentChange>> history(Id appointmentId);

    // Fills an empty clinic with the made-up demo clinic, its bookings around `today`.
    Result<DemoSummary> loadDemo(QDate today);
    Result<DemoSummary> loadDemo();

private:
    Clinic(std::unique_ptr<Database> owned, const Clock& clock, Actor actor);

    std::unique_ptr<Database> m_owned;
    Database& m_database;
    const Clock& m_clock;
    Actor m_actor;
};

} // namespace masahista
