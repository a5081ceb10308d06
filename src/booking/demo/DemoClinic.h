#pragma once

#include "booking/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDate>

namespace masahista {

class Database;

// What a load put into the database.
struct DemoSummary
{
    qsizetype therapists = 0;
    qsizetype massageTypes = 0;
    qsizetype rooms = 0;
    qsizetype clients = 0;
    qsizetype appointments = 0;
    QDate firstDay; // the clinic-local days the appointments cover
    QDate lastDay;
};

// The demo clinic: Masahista Healing Hands in West Edmonton, its nine therapists with their
// real titles, training and certifications, and made-up (plainly demo) prices, rooms, hours,
// clients and two weeks of appointments, so a new user sees a working day at once. The facts
// are read from resources/demo/demo-clinic.json (DemoClinicData); the appointments are placed by
// DemoScheduler.
class DemoClinic
{
    Q_DECLARE_TR_FUNCTIONS(DemoClinic)

public:
    // Loads everything in one transaction: either the whole demo is there or nothing is.
    // Refuses a database that already holds clinic data. Appointments cover the week before
    // and the week after `today` (clinic-local dates), and every one obeys the booking rules:
    // no overlap (cleanup buffer included) for a therapist, a room or a client, inside the
    // therapist's hours, a therapist certified for the type, a room of the right kind.
    static Result<DemoSummary> load(Database& database, QDate today, const Clock& clock);
    // The same around the clinic's today: the clock's date in the clinic's time zone.
    static Result<DemoSummary> load(Database& database, const Clock& clock);
};

} // namespace masahista
