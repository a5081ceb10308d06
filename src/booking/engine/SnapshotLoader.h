#pragma once

#include "booking/engine/BookingRules.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QList>

namespace masahista {

class Database;

// Reads from the repositories what the booking rules look at, so the rules themselves stay
// free of queries: a fixed number of queries per window, however many candidates are checked.
namespace SnapshotLoader {

// The longest cleanup buffer the schema allows: appointments that end this long before a
// window can still reach into it.
constexpr int maxBufferMinutes = 120;

// The clinic's settings, all therapists, massage types and rooms, the given clients, weekly
// hours, and the time off and time-holding appointments overlapping [fromUtc, toUtc).
Result<BookingSnapshot> load(Database& database, const QDateTime& nowUtc, const QDateTime& fromUtc,
                             const QDateTime& toUtc, const QList<Id>& clientIds);

} // namespace SnapshotLoader

} // namespace masahista
