#pragma once

#include "booking/Actor.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/BookingService.h"
#include "domain/Appointment.h"
#include "domain/Error.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace masahista {
class Database;
}

// What the booking service's single and series operations share: reading the snapshot the
// rules judge by, turning a verdict into the refusal the desk reads, and writing a checked
// booking with its history line. Only the booking layer's own services use these.
namespace masahista::bookingops {

// The snapshot for bookings starting between `fromUtc` and `lastStartUtc`, reaching far
// enough past the last one for its length and any cleanup time.
Result<BookingSnapshot> snapshotFor(Database& database, const QDateTime& nowUtc,
                                    const QDateTime& fromUtc, const QDateTime& lastStartUtc,
                                    int minutes, const QList<Id>& clientIds);
// Booked or confirmed: the appointment can still change.
bool isActive(AppointmentStatus status);
QString statusText(AppointmentStatus status);
// The Error for a verdict that does not allow the booking; nullopt when it does.
std::optional<Error> refusal(const Verdict& verdict, bool overriding);
// The soft rules an override lifted, in one sentence for the history.
QString overriddenRules(const Verdict& verdict);
// One line for the history: what, with whom, when and where.
QString describe(const Appointment& appointment, const BookingSnapshot& snapshot);
Candidate candidateFrom(const BookingRequest& request);
// The appointment as a change request would leave it.
Candidate changedCandidate(const Appointment& existing, const ChangeRequest& request);
// Checks a moved appointment; without an explicit room, another free suitable one is taken
// when the current one no longer fits.
Verdict checkMove(Candidate candidate, bool roomGiven, const BookingSnapshot& snapshot);
// Stores a checked booking and its first history line.
Result<Appointment> insertBooking(Database& database, const BookingRequest& request,
                                  const Verdict& verdict, Id seriesId, const Actor& actor,
                                  const BookingSnapshot& snapshot);
// The refusal for changing an appointment that is no longer booked or confirmed.
Error notActive(const Appointment& appointment, const QString& what);
// The appointments of `anchor`'s series that an operation on `scope` reaches: those not
// started and still booked or confirmed.
Result<QList<Appointment>> seriesTargets(Database& database, const Appointment& anchor,
                                         SeriesScope scope, const QDateTime& nowUtc);

} // namespace masahista::bookingops
