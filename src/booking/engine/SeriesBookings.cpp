#include "SeriesBookings.h"

#include "booking/engine/BookingOperations.h"
#include "booking/engine/ClinicTime.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"
#include "data/SettingsRepository.h"
#include "data/WriteTransaction.h"

#include <QSet>

#include <algorithm>

namespace masahista {

using namespace bookingops;

Result<QList<Appointment>> SeriesBookings::change(const ChangeRequest& request, SeriesScope scope,
                                                  const Actor& actor)
{
    return inWriteTransaction<QList<Appointment>>(m_database, [&]() -> Result<QList<Appointment>> {
        AppointmentRepository appointments(m_database);
        Result<Appointment> anchor = appointments.byId(request.appointmentId);
        if (!anchor) {
            return anchor.error();
        }
        if (!isActive(anchor->status)) {
            return notActive(*anchor, BookingService::tr("changed"));
        }
        if (scope == SeriesScope::ThisOnly || anchor->seriesId == 0) {
            Result<Appointment> changed = BookingService(m_database, m_clock)
                                              .change(request, actor); // joins this transaction
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
            return makeError(
                ErrorCode::Invalid,
                BookingService::tr("No appointment of this series is left to change: the "
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
                                 BookingService::tr("Nothing was moved: %1: %2")
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
                 BookingService::tr("With its series: from %1 to %2.")
                     .arg(describe(target, *snapshot), describe(updated, *snapshot))});
            if (!recorded) {
                return recorded.error();
            }
            changed.append(updated);
        }
        return changed;
    });
}

Result<QList<Appointment>> SeriesBookings::cancel(Id appointmentId, SeriesScope scope,
                                                  const QString& reason, const Actor& actor)
{
    return inWriteTransaction<QList<Appointment>>(m_database, [&]() -> Result<QList<Appointment>> {
        AppointmentRepository appointments(m_database);
        Result<Appointment> anchor = appointments.byId(appointmentId);
        if (!anchor) {
            return anchor.error();
        }
        if (!isActive(anchor->status)) {
            return notActive(*anchor, BookingService::tr("cancelled"));
        }
        const QDateTime now = m_clock.nowUtc();
        if (anchor->startUtc <= now) {
            return makeError(
                ErrorCode::Invalid,
                BookingService::tr("Appointment %1 has already started; mark it completed or "
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
                                  ? BookingService::tr("No reason given.")
                                  : BookingService::tr("Reason: %1").arg(appointment.cancelReason);
            if (appointment.cancelledLate) {
                details +=
                    QLatin1Char(' ') + BookingService::tr("Late cancellation (within %n hour(s)).",
                                                          nullptr, settings->lateCancelHours);
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

Result<QList<QDateTime>> SeriesBookings::occurrenceStarts(const SeriesRequest& request,
                                                          const QTimeZone& zone)
{
    if (request.intervalWeeks < 1 || request.intervalWeeks > 52) {
        return makeError(ErrorCode::Invalid,
                         BookingService::tr("A series repeats every 1 to 52 weeks, not every %1.")
                             .arg(request.intervalWeeks));
    }
    if ((request.count > 0) == request.until.isValid()) {
        return makeError(
            ErrorCode::Invalid,
            BookingService::tr("Give a series either a number of appointments or a last date."));
    }
    if (request.count < 0 || request.count > BookingService::maxOccurrences) {
        return makeError(ErrorCode::Invalid,
                         BookingService::tr("A series has 1 to %1 appointments.")
                             .arg(BookingService::maxOccurrences));
    }
    if (!request.first.startUtc.isValid()) {
        return makeError(ErrorCode::Invalid,
                         BookingService::tr("The series needs a first start time."));
    }
    const QDateTime firstLocal = ClinicTime::toLocal(request.first.startUtc, zone);
    if (request.until.isValid() && request.until < firstLocal.date()) {
        return makeError(
            ErrorCode::Invalid,
            BookingService::tr("The series' last date %1 is before its first appointment.")
                .arg(request.until.toString(Qt::ISODate)));
    }
    const int minute = ClinicTime::minuteOfDay(firstLocal);
    QList<QDateTime> starts;
    for (int index = 0; index < BookingService::maxOccurrences; ++index) {
        const QDate date = firstLocal.date().addDays(qint64{7} * request.intervalWeeks * index);
        if ((request.count > 0 && index >= request.count) ||
            (request.until.isValid() && date > request.until)) {
            break;
        }
        starts.append(ClinicTime::toUtc(date, minute, zone));
    }
    if (request.until.isValid() && starts.size() == BookingService::maxOccurrences &&
        firstLocal.date().addDays(qint64{7} * request.intervalWeeks *
                                  BookingService::maxOccurrences) <= request.until) {
        return makeError(
            ErrorCode::Invalid,
            BookingService::tr("A series has at most %1 appointments; choose an earlier last date.")
                .arg(BookingService::maxOccurrences));
    }
    return starts;
}

Result<SeriesBookings::SeriesPlan> SeriesBookings::planSeries(const SeriesRequest& request)
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

Result<QList<Occurrence>> SeriesBookings::preview(const SeriesRequest& request)
{
    Result<SeriesPlan> plan = planSeries(request);
    if (!plan) {
        return plan.error();
    }
    return plan->occurrences;
}

Result<QList<Appointment>> SeriesBookings::book(const SeriesRequest& request, bool skipConflicts,
                                                const Actor& actor)
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
                BookingService::tr(
                    "%1 of %2 appointments of the series cannot be booked, so none was: %3")
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

} // namespace masahista
