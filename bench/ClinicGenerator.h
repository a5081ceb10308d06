#pragma once

#include "data/Database.h"
#include "domain/Id.h"
#include "domain/Result.h"

#include <QDate>
#include <QDateTime>

#include <functional>

namespace masahista::bench {

struct GeneratorOptions
{
    qint64 appointments = 10000;
    int clients = 100000;
    // The clinic's today: history ends here, and bookings reach `futureDays` beyond it.
    QDate today;
    int futureDays = 60;
    quint64 seed = 1;
    // Appointments written per transaction.
    int batchSize = 20000;
};

struct GeneratedClinic
{
    QDate firstDay; // the oldest day with appointments
    QDate lastDay;
    qint64 appointments = 0;
    qint64 historyRows = 0;
    qint64 series = 0;
    int clients = 0;
};

// Writes a clinic with years of history into an empty database, through the real
// repositories: 12 therapists with weekly hours and holidays, 15 massage types, 5 rooms,
// clients, and exactly `appointments` appointments at a clinic's density (past ones completed,
// no-shows or cancelled, some late; coming ones booked or confirmed; weekly series), each
// with its history. Every appointment that holds time obeys the booking rules; the days are
// filled from `today + futureDays` backwards, so larger sizes reach further into the past.
// `progress` hears the number of appointments written so far.
Result<GeneratedClinic> generateClinic(Database& database, const GeneratorOptions& options,
                                       const std::function<void(qint64)>& progress = {});

} // namespace masahista::bench
