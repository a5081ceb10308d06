#include "BookingService.h"

#include "ClinicTime.h"
#include "SnapshotLoader.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"
#include "data/SettingsRepository.h"
#include "data/WriteTransaction.h"

#include <QSet>

#include <algorithm>

namespace masahista {

namespace {

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

} // namespace

Result<Verdict> BookingService::check(const BookingRequest& request)
{
    Result<BookingSnapshot> snapshot =
        snapshotFor(m_database, m_clock.nowUtc(), request.startUtc, request.startUtc,
                    request.minutes, {request.clientId});
    if (!snapshot) {
        return snapshot.error();
    }
    return BookingRules::check(candidateFrom(request), *snapshot);
}

Result<Verdict> BookingService::checkChange(const ChangeRequest& request)
{
    Result<Appointment> existing = AppointmentRepository(m_database).byId(request.appointmentId);
    if (!existing) {
        return existing.error();
    }
    const Candidate candidate = changedCandidate(*existing, request);
    Result<BookingSnapshot> snapshot = snapshotFor(
        m_database, m_clock.nowUtc(), qMin(candidate.startUtc, existing->startUtc),
        qMax(candidate.startUtc, existing->startUtc), candidate.minutes, {existing->clientId});
    if (!snapshot) {
        return snapshot.error();
    }
    return checkMove(candidate, request.roomId.has_value(), *snapshot);
}

Result<Appointment> BookingService::book(const BookingRequest& request, const Actor& actor)
{
    return inWriteTransaction<Appointment>(m_database, [&]() -> Result<Appointment> {
        // Checked under the write lock: nobody can take the slot between check and insert.
        Result<BookingSnapshot> snapshot =
            snapshotFor(m_database, m_clock.nowUtc(), request.startUtc, request.startUtc,
                        request.minutes, {request.clientId});
        if (!snapshot) {
            return snapshot.error();
        }
        const Verdict verdict = BookingRules::check(candidateFrom(request), *snapshot);
        if (std::optional<Error> refused =
                refusal(verdict, !request.overrideReason.trimmed().isEmpty())) {
            return *refused;
        }
        return insertBooking(m_database, request, verdict, 0, actor, *snapshot);
    });
}

Result<Appointment> BookingService::change(const ChangeRequest& request, const Actor& actor)
{
    return inWriteTransaction<Appointment>(m_database, [&]() -> Result<Appointment> {
        AppointmentRepository appointments(m_database);
        Result<Appointment> existing = appointments.byId(request.appointmentId);
        if (!existing) {
            return existing.error();
        }
        if (!isActive(existing->status)) {
            return notActive(*existing, tr("changed"));
        }
        Appointment updated = *existing;
        if (request.notes) {
            updated.notes = request.notes->trimmed();
        }
        const bool timeOrPlaceChanges = request.startUtc || request.therapistId ||
                                        request.minutes || request.roomId || request.massageTypeId;
        const Candidate candidate = changedCandidate(*existing, request);

        const QDateTime now = m_clock.nowUtc();
        Result<BookingSnapshot> snapshot = snapshotFor(
            m_database, now, qMin(candidate.startUtc, existing->startUtc),
            qMax(candidate.startUtc, existing->startUtc), candidate.minutes, {existing->clientId});
        if (!snapshot) {
            return snapshot.error();
        }
        QString details;
        if (timeOrPlaceChanges) {
            const Verdict verdict = checkMove(candidate, request.roomId.has_value(), *snapshot);
            if (std::optional<Error> refused =
                    refusal(verdict, !request.overrideReason.trimmed().isEmpty())) {
                return *refused;
            }
            updated.therapistId = candidate.therapistId;
            updated.startUtc = candidate.startUtc;
            updated.endUtc = verdict.endUtc;
            updated.bufferEndUtc = verdict.bufferEndUtc;
            updated.roomId = verdict.roomId;
            if (candidate.minutes != existing->durationMinutes ||
                candidate.massageTypeId != existing->massageTypeId) {
                // A new length or type is a new option with its own price; otherwise the price
                // agreed when booking stands even if the price list changed since.
                updated.massageTypeId = candidate.massageTypeId;
                updated.durationMinutes = candidate.minutes;
                updated.optionId = verdict.optionId;
                updated.priceCents = verdict.priceCents;
            }
            if (verdict.hasSoft()) {
                updated.overrideReason = request.overrideReason.trimmed();
            }
            details = tr("From %1 to %2.")
                          .arg(describe(*existing, *snapshot), describe(updated, *snapshot));
            if (verdict.hasSoft()) {
                details +=
                    QLatin1Char(' ') + tr("Overridden: %1 Reason: %2")
                                           .arg(overriddenRules(verdict), updated.overrideReason);
            }
        }
        if (request.notes && updated.notes != existing->notes) {
            details += (details.isEmpty() ? QString() : QStringLiteral(" ")) +
                       tr("Notes: \"%1\".").arg(updated.notes);
        }
        if (details.isEmpty()) {
            return *existing; // nothing to change
        }
        updated.updatedUtc = now;
        if (Status saved = appointments.update(updated); !saved) {
            return saved.error();
        }
        const Status recorded = appointments.addChange(
            {updated.id, now, actor.name,
             timeOrPlaceChanges ? QStringLiteral("moved") : QStringLiteral("changed"), details});
        if (!recorded) {
            return recorded.error();
        }
        return updated;
    });
}

Result<QList<Appointment>> BookingService::changeSeries(const ChangeRequest& request,
                                                        SeriesScope scope, const Actor& actor)
{
    return inWriteTransaction<QList<Appointment>>(m_database, [&]() -> Result<QList<Appointment>> {
        AppointmentRepository appointments(m_database);
        Result<Appointment> anchor = appointments.byId(request.appointmentId);
        if (!anchor) {
            return anchor.error();
        }
        if (!isActive(anchor->status)) {
            return notActive(*anchor, tr("changed"));
        }
        if (scope == SeriesScope::ThisOnly || anchor->seriesId == 0) {
            Result<Appointment> changed = change(request, actor); // joins this transaction
            if (!changed) {
                return changed.error();
            }
            return QList<Appointment>{*changed};
        }
        const QDateTime now = m_clock.nowUtc();
        Result<QList<Appointment>> targets = seriesTargets(m_database, *anchor, scope, now);
        if (!targets) {
            return targets.error();
        }
        Result<ClinicSettings> settings = SettingsRepository(m_database).load();
        if (!settings) {
            return settings.error();
        }
        const QTimeZone zone = ClinicTime::zone(settings->timeZoneId);
        // The move is the same change of local date and wall-clock time for each one, so
        // a series at 10:00 stays at its new time on both sides of a clock change.
        const QDateTime anchorLocal = ClinicTime::toLocal(anchor->startUtc, zone);
        const QDateTime movedLocal =
            ClinicTime::toLocal(request.startUtc.value_or(anchor->startUtc), zone);
        const qint64 dayShift = anchorLocal.date().daysTo(movedLocal.date());
        const int minuteShift =
            ClinicTime::minuteOfDay(movedLocal) - ClinicTime::minuteOfDay(anchorLocal);

        QList<Candidate> candidates;
        QSet<Id> moving;
        QDateTime earliest;
        QDateTime latest;
        for (const Appointment& target : *targets) {
            const QDateTime local = ClinicTime::toLocal(target.startUtc, zone);
            const int minute = ClinicTime::minuteOfDay(local) + minuteShift;
            const QDate date =
                local.date().addDays(dayShift + minute / 1440 - (minute < 0 ? 1 : 0));
            Candidate candidate = Candidate::of(target);
            candidate.startUtc = ClinicTime::toUtc(date, (minute % 1440 + 1440) % 1440, zone);
            candidate.therapistId = request.therapistId.value_or(target.therapistId);
            candidate.massageTypeId = request.massageTypeId.value_or(target.massageTypeId);
            candidate.minutes = request.minutes.value_or(target.durationMinutes);
            candidate.roomId = request.roomId.value_or(target.roomId);
            candidates.append(candidate);
            moving.insert(target.id);
            earliest = earliest.isValid()
                           ? qMin(earliest, qMin(candidate.startUtc, target.startUtc))
                           : qMin(candidate.startUtc, target.startUtc);
            latest = latest.isValid() ? qMax(latest, candidate.startUtc) : candidate.startUtc;
        }
        if (candidates.isEmpty()) {
            return makeError(ErrorCode::Invalid,
                             tr("No appointment of this series is left to change: the "
                                "others have started, are over or were cancelled."));
        }
        int longest = 0;
        for (const Candidate& candidate : candidates) {
            longest = qMax(longest, candidate.minutes);
        }
        Result<BookingSnapshot> snapshot =
            snapshotFor(m_database, now, earliest, latest, longest, {anchor->clientId});
        if (!snapshot) {
            return snapshot.error();
        }
        // They all move together: none of them is in the way of another.
        snapshot->holdingTime.removeIf(
            [&moving](const Appointment& other) { return moving.contains(other.id); });

        const bool overriding = !request.overrideReason.trimmed().isEmpty();
        QList<Appointment> changed;
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            const Appointment& target = targets->at(i);
            const Verdict verdict =
                checkMove(candidates.at(i), request.roomId.has_value(), *snapshot);
            if (std::optional<Error> refused = refusal(verdict, overriding)) {
                return makeError(refused->code,
                                 tr("Nothing was moved: %1: %2")
                                     .arg(BookingRules::localText(candidates.at(i).startUtc, zone),
                                          refused->message));
            }
            Appointment updated = target;
            updated.therapistId = candidates.at(i).therapistId;
            updated.startUtc = candidates.at(i).startUtc;
            updated.endUtc = verdict.endUtc;
            updated.bufferEndUtc = verdict.bufferEndUtc;
            updated.roomId = verdict.roomId;
            if (candidates.at(i).minutes != target.durationMinutes ||
                candidates.at(i).massageTypeId != target.massageTypeId) {
                updated.massageTypeId = candidates.at(i).massageTypeId;
                updated.durationMinutes = candidates.at(i).minutes;
                updated.optionId = verdict.optionId;
                updated.priceCents = verdict.priceCents;
            }
            if (verdict.hasSoft()) {
                updated.overrideReason = request.overrideReason.trimmed();
            }
            updated.updatedUtc = now;
            // Each one is written before the next is checked, so two moved occurrences can
            // never end up sharing a room.
            if (Status saved = appointments.update(updated); !saved) {
                return saved.error();
            }
            snapshot->holdingTime.append(updated);
            const Status recorded = appointments.addChange(
                {updated.id, now, actor.name, QStringLiteral("moved"),
                 tr("With its series: from %1 to %2.")
                     .arg(describe(target, *snapshot), describe(updated, *snapshot))});
            if (!recorded) {
                return recorded.error();
            }
            changed.append(updated);
        }
        return changed;
    });
}

Result<Appointment> BookingService::cancel(Id appointmentId, const QString& reason,
                                           const Actor& actor)
{
    Result<QList<Appointment>> cancelled =
        cancelSeries(appointmentId, SeriesScope::ThisOnly, reason, actor);
    if (!cancelled) {
        return cancelled.error();
    }
    return cancelled->constFirst();
}

Result<QList<Appointment>> BookingService::cancelSeries(Id appointmentId, SeriesScope scope,
                                                        const QString& reason, const Actor& actor)
{
    return inWriteTransaction<QList<Appointment>>(m_database, [&]() -> Result<QList<Appointment>> {
        AppointmentRepository appointments(m_database);
        Result<Appointment> anchor = appointments.byId(appointmentId);
        if (!anchor) {
            return anchor.error();
        }
        if (!isActive(anchor->status)) {
            return notActive(*anchor, tr("cancelled"));
        }
        const QDateTime now = m_clock.nowUtc();
        if (anchor->startUtc <= now) {
            return makeError(ErrorCode::Invalid,
                             tr("Appointment %1 has already started; mark it completed or "
                                "a no-show instead of cancelling it.")
                                 .arg(anchor->id));
        }
        Result<ClinicSettings> settings = SettingsRepository(m_database).load();
        if (!settings) {
            return settings.error();
        }
        Result<QList<Appointment>> targets = seriesTargets(m_database, *anchor, scope, now);
        if (!targets) {
            return targets.error();
        }
        QList<Appointment> cancelled;
        for (Appointment appointment : *targets) {
            appointment.status = AppointmentStatus::Cancelled;
            appointment.cancelReason = reason.trimmed();
            // Inside the clinic's window the clinic may charge for the missed time.
            appointment.cancelledLate =
                now.secsTo(appointment.startUtc) < qint64{settings->lateCancelHours} * 3600;
            appointment.updatedUtc = now;
            if (Status saved = appointments.update(appointment); !saved) {
                return saved.error();
            }
            QString details = appointment.cancelReason.isEmpty()
                                  ? tr("No reason given.")
                                  : tr("Reason: %1").arg(appointment.cancelReason);
            if (appointment.cancelledLate) {
                details += QLatin1Char(' ') + tr("Late cancellation (within %n hour(s)).", nullptr,
                                                 settings->lateCancelHours);
            }
            const Status recorded = appointments.addChange(
                {appointment.id, now, actor.name, QStringLiteral("cancelled"), details});
            if (!recorded) {
                return recorded.error();
            }
            cancelled.append(appointment);
        }
        return cancelled;
    });
}

Result<Appointment> BookingService::setStatus(Id appointmentId, AppointmentStatus status,
                                              const Actor& actor)
{
    return inWriteTransaction<Appointment>(m_database, [&]() -> Result<Appointment> {
        AppointmentRepository appointments(m_database);
        Result<Appointment> existing = appointments.byId(appointmentId);
        if (!existing) {
            return existing.error();
        }
        const AppointmentStatus from = existing->status;
        const QDateTime now = m_clock.nowUtc();
        const auto refuse = [&](const QString& why) {
            return makeError(ErrorCode::Invalid, tr("Appointment %1 cannot become %2: %3")
                                                     .arg(existing->id)
                                                     .arg(statusText(status), why));
        };
        if (from == status) {
            return refuse(tr("it already is."));
        }
        switch (status) {
        case AppointmentStatus::Booked:
        case AppointmentStatus::Cancelled:
            return refuse(status == AppointmentStatus::Cancelled
                              ? tr("cancel it instead, with a reason.")
                              : tr("an appointment cannot go back to booked."));
        case AppointmentStatus::Confirmed:
            if (from != AppointmentStatus::Booked) {
                return refuse(tr("it is %1.").arg(statusText(from)));
            }
            break;
        case AppointmentStatus::Arrived: {
            if (!isActive(from)) {
                return refuse(tr("it is %1.").arg(statusText(from)));
            }
            Result<ClinicSettings> settings = SettingsRepository(m_database).load();
            if (!settings) {
                return settings.error();
            }
            const QTimeZone zone = ClinicTime::zone(settings->timeZoneId);
            if (ClinicTime::toLocal(existing->startUtc, zone).date() >
                ClinicTime::toLocal(now, zone).date()) {
                return refuse(tr("it is on a later day."));
            }
            break;
        }
        case AppointmentStatus::Completed:
            if (!isActive(from) && from != AppointmentStatus::Arrived) {
                return refuse(tr("it is %1.").arg(statusText(from)));
            }
            if (existing->startUtc > now) {
                return refuse(tr("it has not started yet."));
            }
            break;
        case AppointmentStatus::NoShow:
            if (!isActive(from)) {
                return refuse(tr("it is %1.").arg(statusText(from)));
            }
            if (existing->startUtc > now) {
                return refuse(tr("it has not started yet, so the client may still come."));
            }
            break;
        }
        Appointment updated = *existing;
        updated.status = status;
        updated.updatedUtc = now;
        if (Status saved = appointments.update(updated); !saved) {
            return saved.error();
        }
        const Status recorded = appointments.addChange(
            {updated.id, now, actor.name, QStringLiteral("status"),
             tr("From %1 to %2.").arg(appointmentStatusKey(from), appointmentStatusKey(status))});
        if (!recorded) {
            return recorded.error();
        }
        return updated;
    });
}

Result<QList<Appointment>> BookingService::undoBookings(const QList<Id>& appointmentIds,
                                                        const Actor& actor)
{
    return inWriteTransaction<QList<Appointment>>(m_database, [&]() -> Result<QList<Appointment>> {
        AppointmentRepository appointments(m_database);
        const QDateTime now = m_clock.nowUtc();
        QList<Appointment> undone;
        for (const Id id : appointmentIds) {
            Result<Appointment> appointment = appointments.byId(id);
            if (!appointment) {
                return appointment.error();
            }
            if (appointment->status != AppointmentStatus::Booked) {
                return makeError(ErrorCode::Conflict,
                                 tr("The booking of appointment %1 cannot be undone: it has "
                                    "been %2 since; cancel it instead.")
                                     .arg(id)
                                     .arg(statusText(appointment->status)));
            }
            if (appointment->startUtc <= now) {
                return makeError(ErrorCode::Invalid,
                                 tr("The booking of appointment %1 cannot be undone: it has "
                                    "already started.")
                                     .arg(id));
            }
            appointment->status = AppointmentStatus::Cancelled;
            appointment->cancelReason = tr("Booking undone");
            appointment->cancelledLate = false;
            appointment->updatedUtc = now;
            if (Status saved = appointments.update(*appointment); !saved) {
                return saved.error();
            }
            const Status recorded = appointments.addChange(
                {id, now, actor.name, QStringLiteral("undone"), tr("The booking was undone.")});
            if (!recorded) {
                return recorded.error();
            }
            undone.append(*appointment);
        }
        return undone;
    });
}

Result<QList<Appointment>> BookingService::reinstate(const QList<Reinstatement>& wanted,
                                                     const Actor& actor)
{
    return inWriteTransaction<QList<Appointment>>(m_database, [&]() -> Result<QList<Appointment>> {
        AppointmentRepository appointments(m_database);
        QList<Appointment> cancelled;
        QList<Id> clientIds;
        QDateTime earliest;
        QDateTime latest;
        int longest = 0;
        for (const Reinstatement& reinstatement : wanted) {
            Result<Appointment> appointment = appointments.byId(reinstatement.appointmentId);
            if (!appointment) {
                return appointment.error();
            }
            if (appointment->status != AppointmentStatus::Cancelled) {
                return makeError(ErrorCode::Conflict,
                                 tr("Appointment %1 cannot be brought back: it is %2, not "
                                    "cancelled.")
                                     .arg(appointment->id)
                                     .arg(statusText(appointment->status)));
            }
            if (reinstatement.status == AppointmentStatus::Cancelled) {
                return makeError(ErrorCode::Invalid,
                                 tr("Appointment %1 is already cancelled.").arg(appointment->id));
            }
            earliest =
                earliest.isValid() ? qMin(earliest, appointment->startUtc) : appointment->startUtc;
            latest = latest.isValid() ? qMax(latest, appointment->startUtc) : appointment->startUtc;
            longest = qMax(longest, appointment->durationMinutes);
            if (!clientIds.contains(appointment->clientId)) {
                clientIds.append(appointment->clientId);
            }
            cancelled.append(*appointment);
        }
        if (cancelled.isEmpty()) {
            return cancelled;
        }
        const QDateTime now = m_clock.nowUtc();
        Result<BookingSnapshot> snapshot =
            snapshotFor(m_database, now, earliest, latest, longest, clientIds);
        if (!snapshot) {
            return snapshot.error();
        }
        QList<Appointment> reinstated;
        for (qsizetype i = 0; i < cancelled.size(); ++i) {
            const Appointment& before = cancelled.at(i);
            const Verdict verdict = checkMove(Candidate::of(before), false, *snapshot);
            // A rule overridden when it was booked stays overridden for the same reason.
            if (std::optional<Error> refused =
                    refusal(verdict, !before.overrideReason.trimmed().isEmpty())) {
                return makeError(refused->code, tr("Appointment %1 cannot be brought back: %2")
                                                    .arg(before.id)
                                                    .arg(refused->message));
            }
            Appointment restored = before;
            restored.status = wanted.at(i).status;
            restored.cancelReason.clear();
            restored.cancelledLate = false;
            restored.roomId = verdict.roomId;
            restored.updatedUtc = now;
            if (Status saved = appointments.update(restored); !saved) {
                return saved.error();
            }
            snapshot->holdingTime.append(restored);
            QString details = tr("Back as %1: %2.")
                                  .arg(statusText(restored.status), describe(restored, *snapshot));
            const Status recorded = appointments.addChange(
                {restored.id, now, actor.name, QStringLiteral("reinstated"), details});
            if (!recorded) {
                return recorded.error();
            }
            reinstated.append(restored);
        }
        return reinstated;
    });
}

Result<Appointment> BookingService::revertStatus(Id appointmentId, AppointmentStatus current,
                                                 AppointmentStatus previous, const Actor& actor)
{
    return inWriteTransaction<Appointment>(m_database, [&]() -> Result<Appointment> {
        AppointmentRepository appointments(m_database);
        Result<Appointment> existing = appointments.byId(appointmentId);
        if (!existing) {
            return existing.error();
        }
        if (current == AppointmentStatus::Cancelled || previous == AppointmentStatus::Cancelled) {
            return makeError(ErrorCode::Invalid,
                             tr("A cancellation is undone by bringing the appointment back, "
                                "not by a change of status."));
        }
        if (existing->status != current) {
            return makeError(ErrorCode::Conflict,
                             tr("Appointment %1 is %2 now, not %3: it was changed since, so "
                                "the change is not undone.")
                                 .arg(existing->id)
                                 .arg(statusText(existing->status), statusText(current)));
        }
        if (previous == current) {
            return *existing;
        }
        const QDateTime now = m_clock.nowUtc();
        Appointment updated = *existing;
        updated.status = previous;
        updated.updatedUtc = now;
        if (Status saved = appointments.update(updated); !saved) {
            return saved.error();
        }
        const Status recorded = appointments.addChange(
            {updated.id, now, actor.name, QStringLiteral("status"),
             tr("From %1 back to %2 (undone).")
                 .arg(appointmentStatusKey(current), appointmentStatusKey(previous))});
        if (!recorded) {
            return recorded.error();
        }
        return updated;
    });
}

Result<QList<QDateTime>> BookingService::occurrenceStarts(const SeriesRequest& request,
                                                          const QTimeZone& zone)
{
    if (request.intervalWeeks < 1 || request.intervalWeeks > 52) {
        return makeError(
            ErrorCode::Invalid,
            tr("A series repeats every 1 to 52 weeks, not every %1.").arg(request.intervalWeeks));
    }
    if ((request.count > 0) == request.until.isValid()) {
        return makeError(ErrorCode::Invalid,
                         tr("Give a series either a number of appointments or a last date."));
    }
    if (request.count < 0 || request.count > maxOccurrences) {
        return makeError(ErrorCode::Invalid,
                         tr("A series has 1 to %1 appointments.").arg(maxOccurrences));
    }
    if (!request.first.startUtc.isValid()) {
        return makeError(ErrorCode::Invalid, tr("The series needs a first start time."));
    }
    const QDateTime firstLocal = ClinicTime::toLocal(request.first.startUtc, zone);
    if (request.until.isValid() && request.until < firstLocal.date()) {
        return makeError(ErrorCode::Invalid,
                         tr("The series' last date %1 is before its first appointment.")
                             .arg(request.until.toString(Qt::ISODate)));
    }
    const int minute = ClinicTime::minuteOfDay(firstLocal);
    QList<QDateTime> starts;
    for (int index = 0; index < maxOccurrences; ++index) {
        const QDate date = firstLocal.date().addDays(qint64{7} * request.intervalWeeks * index);
        if ((request.count > 0 && index >= request.count) ||
            (request.until.isValid() && date > request.until)) {
            break;
        }
        starts.append(ClinicTime::toUtc(date, minute, zone));
    }
    if (request.until.isValid() && starts.size() == maxOccurrences &&
        firstLocal.date().addDays(qint64{7} * request.intervalWeeks * maxOccurrences) <=
            request.until) {
        return makeError(ErrorCode::Invalid,
                         tr("A series has at most %1 appointments; choose an earlier last date.")
                             .arg(maxOccurrences));
    }
    return starts;
}

Result<BookingService::SeriesPlan> BookingService::planSeries(const SeriesRequest& request)
{
    Result<ClinicSettings> settings = SettingsRepository(m_database).load();
    if (!settings) {
        return settings.error();
    }
    Result<QList<QDateTime>> starts =
        occurrenceStarts(request, ClinicTime::zone(settings->timeZoneId));
    if (!starts) {
        return starts.error();
    }
    Result<BookingSnapshot> snapshot =
        snapshotFor(m_database, m_clock.nowUtc(), starts->constFirst(), starts->constLast(),
                    request.first.minutes, {request.first.clientId});
    if (!snapshot) {
        return snapshot.error();
    }
    SeriesPlan plan{{}, std::move(snapshot).value()};
    for (const QDateTime& start : *starts) {
        Candidate candidate = candidateFrom(request.first);
        candidate.startUtc = start;
        plan.occurrences.append({start, BookingRules::check(candidate, plan.snapshot)});
    }
    return plan;
}

Result<QList<Occurrence>> BookingService::previewSeries(const SeriesRequest& request)
{
    Result<SeriesPlan> plan = planSeries(request);
    if (!plan) {
        return plan.error();
    }
    return plan->occurrences;
}

Result<QList<Appointment>> BookingService::bookSeries(const SeriesRequest& request,
                                                      bool skipConflicts, const Actor& actor)
{
    return inWriteTransaction<QList<Appointment>>(m_database, [&]() -> Result<QList<Appointment>> {
        Result<SeriesPlan> plan = planSeries(request);
        if (!plan) {
            return plan.error();
        }
        const bool overriding = !request.first.overrideReason.trimmed().isEmpty();
        QList<const Occurrence*> bookable;
        QStringList conflicts;
        for (const Occurrence& occurrence : plan->occurrences) {
            if (std::optional<Error> refused = refusal(occurrence.verdict, overriding)) {
                conflicts.append(BookingRules::localText(occurrence.startUtc, plan->snapshot.zone) +
                                 QStringLiteral(": ") + refused->message);
            } else {
                bookable.append(&occurrence);
            }
        }
        if (bookable.isEmpty() || (!conflicts.isEmpty() && !skipConflicts)) {
            return makeError(
                ErrorCode::Conflict,
                tr("%1 of %2 appointments of the series cannot be booked, so none was: %3")
                    .arg(conflicts.size())
                    .arg(plan->occurrences.size())
                    .arg(conflicts.join(QStringLiteral(" | "))));
        }
        Result<Id> seriesId = AppointmentRepository(m_database)
                                  .addSeries(request.intervalWeeks, plan->snapshot.nowUtc);
        if (!seriesId) {
            return seriesId.error();
        }
        QList<Appointment> booked;
        for (const Occurrence* occurrence : bookable) {
            BookingRequest single = request.first;
            single.startUtc = occurrence->startUtc;
            Result<Appointment> appointment = insertBooking(m_database, single, occurrence->verdict,
                                                            *seriesId, actor, plan->snapshot);
            if (!appointment) {
                return appointment.error();
            }
            booked.append(*appointment);
        }
        return booked;
    });
}

Result<QList<Appointment>> BookingService::unresolved()
{
    return AppointmentRepository(m_database).unresolved(m_clock.nowUtc());
}

} // namespace masahista
