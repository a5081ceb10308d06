#pragma once

#include "booking/Clock.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "data/Database.h"
#include "support/TestSupport.h"

#include <memory>

namespace masahista::test {

// A small clinic built by hand, so that each rule can be pushed to its edge:
// - Ana: Swedish (2020-), Hot stone until 2026-12-31; works every day 09:00-12:00, 12:30-17:00;
//   away all of 2026-12-03.
// - Cara: Swedish, Traditional Thai; works every day 09:00-17:00.
// - Ben: Swedish, inactive.
// - Swedish (15 min cleanup; 30/60/90 min, table), Hot stone (15 min; 60, table),
//   Thai on the mat (0 min; 60, mat), Retired (inactive).
// - Rooms in order: Table A, Table B, Mat room (mat), Old room (table, inactive).
// - Clients Zoe and Yan, and Xavier (archived).
// "Now" is Wednesday 2026-11-25 09:00 in Edmonton unless a test moves the clock.
struct BookingFixture
{
    BookingFixture();

    // A clinic-local instant.
    QDateTime at(QDate date, int hour, int minute = 0) const;
    BookingRequest request(Id therapist, Id type, int minutes, const QDateTime& start,
                           Id client = 0) const;
    // Books and requires success.
    Appointment booked(const BookingRequest& request);
    // Books and requires a refusal; returns its message.
    QString refused(const BookingRequest& request);

    std::unique_ptr<Database> database;
    QTimeZone zone = ClinicTime::zone(QStringLiteral("America/Edmonton"));
    FixedClock clock;
    Actor actor{QStringLiteral("front desk")};
    BookingService service;
    Id ana = 0, cara = 0, ben = 0;
    Id swedish = 0, hotStone = 0, thai = 0, retired = 0;
    Id tableA = 0, tableB = 0, matRoom = 0, oldRoom = 0;
    Id zoe = 0, yan = 0, xavier = 0;
    QDate today{2026, 11, 25};
};

} // namespace masahista::test
