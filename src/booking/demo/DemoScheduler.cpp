#include "DemoScheduler.h"

#include "booking/demo/DemoClinic.h"
#include "booking/engine/ClinicTime.h"

#include <utility>

namespace masahista {

DemoScheduler::DemoScheduler(Database& database, const QTimeZone& zone, QDateTime nowUtc)
    : m_appointments(database)
    , m_zone(zone)
    , m_now(std::move(nowUtc))
{}

Status DemoScheduler::bookDay(QDate day, int dayNumber, bool upcoming)
{
    m_skipPercent = upcoming ? 45 : 22;
    m_clientsToday.clear();
    // Rotating who is scheduled first shares the rooms fairly over the fortnight.
    const qsizetype count = therapists.size();
    for (qsizetype turn = 0; turn < count; ++turn) {
        const Therapist& therapist = therapists[(turn + dayNumber) % count];
        for (const WeeklyInterval& interval : hours.value(therapist.id)) {
            if (interval.weekday != day.dayOfWeek()) {
                continue;
            }
            if (Status filled = fillInterval(therapist, day, interval); !filled) {
                return filled;
            }
        }
    }
    return success();
}

// The shortest length any type is offered in: a stretch shorter than that holds no booking.
// 0 when nothing is offered, which leaves pickType() to find that nothing can be booked.
int DemoScheduler::shortestSessionMinutes() const
{
    int shortest = 0;
    for (const MassageType& type : types) {
        for (const DurationOption& option : type.options) {
            if (shortest == 0 || option.minutes < shortest) {
                shortest = option.minutes;
            }
        }
    }
    return shortest;
}

Status DemoScheduler::fillInterval(const Therapist& therapist, QDate day,
                                   const WeeklyInterval& interval)
{
    const int shortest = shortestSessionMinutes();
    int cursor = interval.startMinute;
    while (cursor + shortest <= interval.endMinute) {
        if (m_random.below(100) < m_skipPercent) {
            cursor += gridMinutes * (1 + m_random.below(4));
            continue;
        }
        const MassageType* type = pickType(therapist, day);
        if (type == nullptr) {
            return success();
        }
        const DurationOption* option = pickOption(*type, interval.endMinute - cursor);
        if (option == nullptr) {
            cursor += gridMinutes;
            continue;
        }
        const Result<bool> placed = place(therapist, *type, *option, {day, cursor});
        if (!placed) {
            return placed.error();
        }
        if (*placed) {
            const int freeAgain = cursor + option->minutes + type->bufferMinutes;
            cursor = (freeAgain + gridMinutes - 1) / gridMinutes * gridMinutes;
        } else {
            cursor += gridMinutes;
        }
    }
    return success();
}

const MassageType* DemoScheduler::pickType(const Therapist& therapist, QDate day)
{
    QList<const MassageType*> candidates;
    int totalWeight = 0;
    for (const MassageType& type : types) {
        const bool qualified =
            type.requiredModalityId == 0 || therapist.isCertifiedOn(type.requiredModalityId, day);
        if (type.active && qualified && !type.options.isEmpty()) {
            candidates.append(&type);
            totalWeight += popularity.value(type.id, 1);
        }
    }
    if (candidates.isEmpty()) {
        return nullptr;
    }
    int ticket = m_random.below(totalWeight);
    for (const MassageType* type : candidates) {
        ticket -= popularity.value(type->id, 1);
        if (ticket < 0) {
            return type;
        }
    }
    return candidates.back();
}

// The length the client asked for, or else the longest shorter one that still fits, cleanup
// included, before the break or the end of the shift.
const DurationOption* DemoScheduler::pickOption(const MassageType& type, int minutesLeft)
{
    const int draw = m_random.below(100);
    const int wanted = draw < 12 ? 30 : draw < 30 ? 45 : draw < 78 ? 60 : 90;
    const DurationOption* best = nullptr;
    for (const DurationOption& option : type.options) {
        if (!option.active || option.minutes + type.bufferMinutes > minutesLeft) {
            continue;
        }
        if (option.minutes == wanted) {
            return &option;
        }
        if (option.minutes < wanted && (best == nullptr || best->minutes < option.minutes)) {
            best = &option;
        }
    }
    return best;
}

Id DemoScheduler::freeRoom(const MassageType& type, Span span) const
{
    QList<const Room*> suitable;
    for (const Room& room : rooms) {
        if (room.active && (type.roomKind.isEmpty() || room.kind == type.roomKind)) {
            suitable.append(&room);
        }
    }
    for (qsizetype step = 0; step < suitable.size(); ++step) {
        const Room* room = suitable[(step + m_serial) % suitable.size()];
        if (m_roomTime.isFree(room->id, span)) {
            return room->id;
        }
    }
    return 0;
}

// Round robin over the clients, preferring someone not yet seen that day. Only expecting
// clients book prenatal massage, and they book nothing else.
Id DemoScheduler::freeClient(const MassageType& type, Span span)
{
    const bool prenatal = prenatalModalityId != 0 && type.requiredModalityId == prenatalModalityId;
    const qsizetype count = clients.size();
    for (const bool allowSecondVisit : {false, true}) {
        for (qsizetype step = 0; step < count; ++step) {
            const qsizetype index = (m_nextClient + step) % count;
            const DemoClientRef& client = clients[index];
            if (client.pregnant != prenatal || !m_clientTime.isFree(client.id, span) ||
                (!allowSecondVisit && m_clientsToday.contains(client.id))) {
                continue;
            }
            m_nextClient = index + 1;
            return client.id;
        }
    }
    return 0;
}

Result<bool> DemoScheduler::place(const Therapist& therapist, const MassageType& type,
                                  const DurationOption& option, Placement placement)
{
    const QDateTime startUtc = ClinicTime::toUtc(placement.day, placement.startMinute, m_zone);
    const QDateTime endUtc = startUtc.addSecs(qint64{option.minutes} * 60);
    const QDateTime bufferEndUtc = endUtc.addSecs(qint64{type.bufferMinutes} * 60);
    // Wall-clock minutes and real minutes differ across a clock change; skip any slot where
    // they would, so every booking reads on the clinic's clock exactly as it was planned.
    const QDateTime localStart = ClinicTime::toLocal(startUtc, m_zone);
    const QDateTime localEnd = ClinicTime::toLocal(endUtc, m_zone);
    if (localStart.date() != placement.day || localEnd.date() != placement.day ||
        ClinicTime::minuteOfDay(localStart) != placement.startMinute ||
        ClinicTime::minuteOfDay(localEnd) != placement.startMinute + option.minutes) {
        return false;
    }

    const Span occupied{startUtc.toSecsSinceEpoch(), bufferEndUtc.toSecsSinceEpoch()};
    if (!m_therapistTime.isFree(therapist.id, occupied)) {
        return false;
    }
    const Id roomId = freeRoom(type, occupied);
    if (roomId == 0) {
        return false;
    }
    const Id clientId = freeClient(type, occupied);
    if (clientId == 0) {
        return false;
    }

    Appointment appointment;
    appointment.clientId = clientId;
    appointment.therapistId = therapist.id;
    appointment.massageTypeId = type.id;
    appointment.optionId = option.id;
    appointment.durationMinutes = option.minutes;
    appointment.priceCents = option.priceCents;
    appointment.roomId = roomId;
    appointment.startUtc = startUtc;
    appointment.endUtc = endUtc;
    appointment.bufferEndUtc = bufferEndUtc;
    settleStatus(appointment);
    if (m_serial % 7 == 2 && !appointmentNotes.isEmpty()) {
        appointment.notes = appointmentNotes[(m_serial / 7) % appointmentNotes.size()];
    }

    const Result<Id> added = m_appointments.add(appointment);
    if (!added) {
        return added.error();
    }
    AppointmentChange change;
    change.appointmentId = *added;
    change.changedUtc = appointment.createdUtc;
    change.actor = QStringLiteral("demo");
    change.action = QStringLiteral("booked");
    change.details = DemoClinic::tr("Part of the demo clinic");
    const Status recorded = m_appointments.addChange(change);
    if (!recorded) {
        return recorded.error();
    }

    m_therapistTime.take(therapist.id, occupied);
    m_roomTime.take(roomId, occupied);
    m_clientTime.take(clientId, occupied);
    m_clientsToday.insert(clientId);
    ++m_serial;
    return true;
}

// What happened to a booking depends on whether it is over by the clock's "now".
void DemoScheduler::settleStatus(Appointment& appointment) const
{
    const int leadDays = 1 + static_cast<int>(m_serial % 12);
    appointment.createdUtc = std::min(appointment.startUtc.addDays(-leadDays), m_now);
    appointment.updatedUtc = appointment.createdUtc;
    if (appointment.endUtc <= m_now) {
        appointment.updatedUtc = appointment.endUtc;
        if (m_serial % 17 == 5) {
            appointment.status = AppointmentStatus::NoShow;
        } else if (m_serial % 11 == 3 && !cancellations.isEmpty()) {
            const DemoCancellation& cancel = cancellations[(m_serial / 11) % cancellations.size()];
            appointment.status = AppointmentStatus::Cancelled;
            appointment.cancelReason = cancel.reason;
            appointment.cancelledLate = cancel.late;
            appointment.updatedUtc =
                std::max(appointment.createdUtc,
                         appointment.startUtc.addSecs(cancel.late ? -2 * 3600 : -2 * 86400));
        } else {
            appointment.status = AppointmentStatus::Completed;
        }
        return;
    }
    // Reminders go out two days ahead, so most near bookings are confirmed.
    const bool soon = appointment.startUtc <= m_now.addDays(2);
    const bool confirmed = soon ? m_serial % 4 != 0 : m_serial % 3 == 0;
    appointment.status = confirmed ? AppointmentStatus::Confirmed : AppointmentStatus::Booked;
}

} // namespace masahista
