#include "BookingOperations.h"

#include "booking/engine/SnapshotLoader.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"

#include <algorithm>

namespace masahista::bookingops {

Result<BookingSnapshot> snapshotFor(Database& database, const QDateTime& nowUtc,
                                    const QDateTime& fromUtc, const QDateTime& lastStartUtc,
                                    int minutes, const QList<Id>& clientIds)
{
    const qint64 reach = qint64{qMax(minutes, 0) + SnapshotLoader::maxBufferMinutes} * 60;
    return SnapshotLoader::load(database, nowUtc, fromUtc, lastStartUtc.addSecs(reach), clientIds);
}

bool isActive(AppointmentStatus status)
{
    return status == AppointmentStatus::Booked || status == AppointmentStatus::Confirmed;
}

QString statusText(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return BookingService::tr("booked");
    case AppointmentStatus::Confirmed:
        return BookingService::tr("confirmed");
    case AppointmentStatus::Arrived:
        return BookingService::tr("arrived");
    case AppointmentStatus::Completed:
        return BookingService::tr("completed");
    case AppointmentStatus::NoShow:
        return BookingService::tr("a no-show");
    case AppointmentStatus::Cancelled:
        return BookingService::tr("cancelled");
    }
    return {};
}

// Turns a verdict that does not allow the booking into the Error the caller sees: the first
// broken rule in a receptionist's words (a taken slot is a conflict, anything else invalid).
std::optional<Error> refusal(const Verdict& verdict, bool overriding)
{
    if (verdict.allows(overriding)) {
        return std::nullopt;
    }
    // Named in the receptionist's order; once an override lifts the soft rules, the first of
    // those it cannot lift.
    const Violation* named = overriding ? verdict.firstHard() : verdict.first();
    if (named->soft() && !verdict.hasHard()) {
        return makeError(ErrorCode::Invalid,
                         named->message + QLatin1Char(' ') +
                             BookingService::tr("To book it anyway, give a reason to override."));
    }
    return makeError(named->slotTaken() ? ErrorCode::Conflict : ErrorCode::Invalid, named->message);
}

QString overriddenRules(const Verdict& verdict)
{
    QStringList messages;
    for (const Violation& violation : verdict.violations) {
        if (violation.soft()) {
            messages.append(violation.message);
        }
    }
    return messages.join(QLatin1Char(' '));
}

// One line for the history: what, with whom, when and where.
QString describe(const Appointment& appointment, const BookingSnapshot& snapshot)
{
    const MassageType* type = snapshot.massageType(appointment.massageTypeId);
    const Therapist* therapist = snapshot.therapist(appointment.therapistId);
    const Room* room = snapshot.room(appointment.roomId);
    QString text =
        BookingService::tr("%1 %2 min with %3, %4")
            .arg(type != nullptr ? type->name : QString::number(appointment.massageTypeId))
            .arg(appointment.durationMinutes)
            .arg(therapist != nullptr ? therapist->displayName
                                      : QString::number(appointment.therapistId),
                 BookingRules::localText(appointment.startUtc, snapshot.zone));
    if (room != nullptr) {
        text += BookingService::tr(", room %1").arg(room->name);
    }
    return text;
}

Candidate candidateFrom(const BookingRequest& request)
{
    Candidate candidate;
    candidate.clientId = request.clientId;
    candidate.therapistId = request.therapistId;
    candidate.massageTypeId = request.massageTypeId;
    candidate.minutes = request.minutes;
    candidate.roomId = request.roomId;
    candidate.startUtc = request.startUtc;
    return candidate;
}

// The appointment as a change request would leave it.
Candidate changedCandidate(const Appointment& existing, const ChangeRequest& request)
{
    Candidate candidate = Candidate::of(existing);
    candidate.startUtc = request.startUtc.value_or(existing.startUtc);
    candidate.therapistId = request.therapistId.value_or(existing.therapistId);
    candidate.massageTypeId = request.massageTypeId.value_or(existing.massageTypeId);
    candidate.minutes = request.minutes.value_or(existing.durationMinutes);
    candidate.roomId = request.roomId.value_or(existing.roomId);
    return candidate;
}

// Checks a moved appointment. Without an explicit room, the current room is kept when it still
// fits, and otherwise another free suitable room is chosen.
Verdict checkMove(Candidate candidate, bool roomGiven, const BookingSnapshot& snapshot)
{
    Verdict verdict = BookingRules::check(candidate, snapshot);
    const bool roomProblem = std::any_of(
        verdict.violations.cbegin(), verdict.violations.cend(), [](const Violation& violation) {
            return violation.rule == Rule::RoomBusy || violation.rule == Rule::RoomUnsuitable ||
                   violation.rule == Rule::RoomInactive || violation.rule == Rule::RoomMissing;
        });
    if (!roomGiven && roomProblem) {
        candidate.roomId = 0;
        verdict = BookingRules::check(candidate, snapshot);
    }
    return verdict;
}

// Stores a checked booking and its first history line.
Result<Appointment> insertBooking(Database& database, const BookingRequest& request,
                                  const Verdict& verdict, Id seriesId, const Actor& actor,
                                  const BookingSnapshot& snapshot)
{
    Appointment appointment;
    appointment.clientId = request.clientId;
    appointment.therapistId = request.therapistId;
    appointment.massageTypeId = request.massageTypeId;
    appointment.optionId = verdict.optionId;
    appointment.durationMinutes = request.minutes;
    appointment.priceCents = verdict.priceCents;
    appointment.roomId = verdict.roomId;
    appointment.startUtc = request.startUtc;
    appointment.endUtc = verdict.endUtc;
    appointment.bufferEndUtc = verdict.bufferEndUtc;
    appointment.notes = request.notes.trimmed();
    if (verdict.hasSoft()) {
        appointment.overrideReason = request.overrideReason.trimmed();
    }
    appointment.seriesId = seriesId;
    appointment.createdUtc = snapshot.nowUtc;
    appointment.updatedUtc = snapshot.nowUtc;

    AppointmentRepository appointments(database);
    Result<Id> id = appointments.add(appointment);
    if (!id) {
        return id.error();
    }
    appointment.id = *id;
    QString details = describe(appointment, snapshot);
    if (verdict.hasSoft()) {
        details +=
            QLatin1Char(' ') + BookingService::tr("Overridden: %1 Reason: %2")
                                   .arg(overriddenRules(verdict), appointment.overrideReason);
    }
    const Status recorded = appointments.addChange(
        {appointment.id, snapshot.nowUtc, actor.name, QStringLiteral("booked"), details});
    if (!recorded) {
        return recorded.error();
    }
    return appointment;
}

Error notActive(const Appointment& appointment, const QString& what)
{
    return makeError(ErrorCode::Invalid,
                     BookingService::tr("Only booked or confirmed appointments can be %1; "
                                        "appointment %2 is %3.")
                         .arg(what)
                         .arg(appointment.id)
                         .arg(statusText(appointment.status)));
}

// The appointments of `anchor`'s series that an operation on `scope` reaches: only those that
// have not started and are still booked or confirmed; the past stays as it happened.
Result<QList<Appointment>> seriesTargets(Database& database, const Appointment& anchor,
                                         SeriesScope scope, const QDateTime& nowUtc)
{
    if (scope == SeriesScope::ThisOnly || anchor.seriesId == 0) {
        return QList<Appointment>{anchor};
    }
    Result<QList<Appointment>> all = AppointmentRepository(database).inSeries(anchor.seriesId);
    if (!all) {
        return all.error();
    }
    QList<Appointment> targets;
    for (const Appointment& appointment : *all) {
        const bool inScope = scope == SeriesScope::All || appointment.startUtc >= anchor.startUtc;
        if (inScope && isActive(appointment.status) && appointment.startUtc > nowUtc) {
            targets.append(appointment);
        }
    }
    return targets;
}

} // namespace masahista::bookingops
