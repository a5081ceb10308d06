#pragma once

#include "booking/Actor.h"
#include "booking/Clock.h"
#include "booking/catalogue/FieldProblem.h"
#include "domain/ClinicSettings.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace masahista {

class Database;

// Whether the caller has accepted that a new time zone changes the clock time of every stored
// appointment (each keeps its exact moment, so 10:00 in Edmonton shows 12:00 in Toronto).
enum class ZoneChange
{
    Refuse,
    Accept,
};

// What saving these settings would meet in the stored data, for a form to show before Save.
struct SettingsReview
{
    // Invalid fields, and the grid refusal under "bookingStep" (or "timeZone" when only the
    // zone changed); saving needs none.
    FieldProblems problems;
    // Not empty: the zone changes while appointments exist; saving needs ZoneChange::Accept.
    QString zoneChangeWarning;

    bool canSave(ZoneChange zoneChange) const
    {
        return problems.isEmpty() &&
               (zoneChangeWarning.isEmpty() || zoneChange == ZoneChange::Accept);
    }
};

// The clinic's own settings: the field rules live here, once, for every front end, and a
// change that would strand stored data is refused instead of silently breaking it.
//
// Field keys of the problems: "name", "address", "phone", "timeZone", "bookingStep",
// "lateCancel", hoursField(weekday) for one weekday's opening hours, "openingHours" for an
// interval on no weekday, "closedDays" and "backupFolder".
class SettingsService
{
    Q_DECLARE_TR_FUNCTIONS(SettingsService)

public:
    static constexpr int maxLateCancelHours = 168;
    static constexpr qsizetype maxNameLength = 200;
    static constexpr qsizetype maxAddressLength = 1000;

    SettingsService(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    // The booking grid steps offered: each divides an hour, so every hour starts on the grid.
    static QList<int> gridSteps();
    static QString hoursField(int weekday);

    // Trimmed fields, the phone in the clinic's one format (left as typed when it is not a
    // phone number), opening hours by weekday and start, closed days by date.
    static ClinicSettings normalized(ClinicSettings settings);
    // What is wrong with each field, judged as normalized() would store it; reads nothing.
    static FieldProblems validate(const ClinicSettings& settings);

    Result<ClinicSettings> load();
    // The field problems plus what the stored data says about a new grid step or time zone.
    // A new grid step or zone is refused while an upcoming booked or confirmed appointment
    // would start off the grid in clinic-local time, and a new step also while an offered
    // length of an active massage type is not a multiple of it: those must be moved or
    // retired first, and the problem lists them.
    Result<SettingsReview> review(const ClinicSettings& settings);
    // Checks again and stores the normalized settings in one transaction, so that what was
    // checked still holds when it is written; returns what was stored. Refused (Invalid for a
    // field, Conflict for stored data, nothing written) with every problem in the message.
    // A zone change also notes the old and new clock time in the history of each upcoming
    // appointment, under the actor's name.
    Result<ClinicSettings> save(ClinicSettings settings, const Actor& actor,
                                ZoneChange zoneChange = ZoneChange::Refuse);

private:
    Result<SettingsReview> reviewAgainst(const ClinicSettings& settings,
                                         const ClinicSettings& stored);
    // Empty when the settings' grid, in their zone, fits the upcoming appointments and (for a
    // new step) the lengths on offer; otherwise says what does not.
    Result<QString> gridProblem(const ClinicSettings& settings, bool stepChanged);
    Result<QString> zoneWarning(const ClinicSettings& settings, const ClinicSettings& stored);
    Status noteZoneChange(const ClinicSettings& settings, const ClinicSettings& stored,
                          const Actor& actor);

    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista
