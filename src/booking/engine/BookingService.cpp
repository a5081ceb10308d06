#include "BookingService.h"

#include "booking/engine/BookingOperations.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/SeriesBookings.h"
#include "booking/engine/SnapshotLoader.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"
#include "data/SettingsRepository.h"
#include "data/WriteTransaction.h"

#include <QSet>

#include <algorithm>

namespace masahista {

using namespace bookingops;

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

Result<QList<Appointment>> BookingService::changeSeries(const ChangeRequest& request,
                                                        SeriesScope scope, const Actor& actor)
{
    return SeriesBookings(m_database, m_clock).change(request, scope, actor);
}

Result<QList<Appointment>> BookingService::cancelSeries(Id appointmentId, SeriesScope scope,
                                                        const QString& reason, const Actor& actor)
{
    return SeriesBookings(m_database, m_clock).cancel(appointmentId, scope, reason, actor);
}

Result<QList<Occurrence>> BookingService::previewSeries(const SeriesRequest& request)
{
    return SeriesBookings(m_database, m_clock).preview(request);
}

Result<QList<Appointment>> BookingService::bookSeries(const SeriesRequest& request,
                                                      bool skipConflicts, const Actor& actor)
{
    return SeriesBookings(m_database, m_clock).book(request, skipConflicts, actor);
}

Result<QList<QDateTime>> BookingService::occurrenceStarts(const SeriesRequest& request,
                                                          const QTimeZone& zone)
{
    return SeriesBookings::occurrenceStarts(request, zone);
}

Result<QList<Appointment>> BookingService::unresolved()
{
    return AppointmentRepository(m_database).unresolved(m_clock.nowUtc());
}

} // namespace masahista
