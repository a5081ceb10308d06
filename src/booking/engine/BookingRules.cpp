#include "BookingRules.h"

#include "booking/engine/ClinicTime.h"

#include <QLocale>

namespace masahista {

namespace {

bool overlaps(const QDateTime& startA, const QDateTime& endA, const QDateTime& startB,
              const QDateTime& endB)
{
    return startA < endB && startB < endA;
}

template <typename Item>
const Item* findById(const QList<Item>& items, Id id)
{
    for (const Item& item : items) {
        if (item.id == id) {
            return &item;
        }
    }
    return nullptr;
}

QString timeText(const QDateTime& instant, const QTimeZone& zone)
{
    return ClinicTime::formatTime(instant, zone);
}

struct Checker
{
    const Candidate& candidate;
    const BookingSnapshot& snapshot;
    Verdict verdict;

    void add(Rule rule, const QString& message) { verdict.violations.append({rule, message}); }

    QString slotTaken(const QString& reason) const
    {
        return BookingRules::tr("Slot taken: %1").arg(reason);
    }

    // The other appointment's time as the front desk sees it: "10:00–11:00".
    QString span(const Appointment& other, bool withBuffer) const
    {
        QString text = timeText(other.startUtc, snapshot.zone) + QStringLiteral("–") +
                       timeText(other.endUtc, snapshot.zone);
        if (withBuffer && other.bufferEndUtc > other.endUtc) {
            text += BookingRules::tr(" (cleanup until %1)")
                        .arg(timeText(other.bufferEndUtc, snapshot.zone));
        }
        return text;
    }

    bool holdsOverlap(const Appointment& other, bool withBuffer) const
    {
        if (other.id == candidate.appointmentId && other.id != 0) {
            return false;
        }
        return withBuffer
                   ? overlaps(candidate.startUtc, verdict.bufferEndUtc, other.startUtc,
                              other.bufferEndUtc)
                   : overlaps(candidate.startUtc, verdict.endUtc, other.startUtc, other.endUtc);
    }

    const Appointment* roomClash(Id roomId) const
    {
        for (const Appointment& other : snapshot.holdingTime) {
            if (other.roomId == roomId && holdsOverlap(other, true)) {
                return &other;
            }
        }
        return nullptr;
    }

    void checkTherapist(const Therapist& therapist, const MassageType* type, QDate localDate)
    {
        if (!therapist.active) {
            add(Rule::TherapistInactive,
                BookingRules::tr("%1 is no longer active and takes no bookings.")
                    .arg(therapist.displayName));
        }
        if (type != nullptr && type->requiredModalityId != 0 &&
            !therapist.isCertifiedOn(type->requiredModalityId, localDate)) {
            // "Deep tissue" needs "Deep tissue": the name once.
            QString message =
                type->name.compare(type->requiredModalityName, Qt::CaseInsensitive) == 0
                    ? BookingRules::tr("%1 is not certified for %2.")
                          .arg(therapist.displayName, type->name)
                    : BookingRules::tr("%1 is not certified for %2: it needs %3.")
                          .arg(therapist.displayName, type->name, type->requiredModalityName);
            for (const Certification& certification : therapist.certifications) {
                if (certification.modalityId != type->requiredModalityId) {
                    continue;
                }
                if (certification.expiresOn.isValid() && certification.expiresOn < localDate) {
                    message = BookingRules::tr("%1's %2 certification expired on %3.")
                                  .arg(therapist.displayName, type->requiredModalityName,
                                       certification.expiresOn.toString(Qt::ISODate));
                } else if (certification.certifiedOn.isValid()) {
                    message = BookingRules::tr("%1 is certified for %2 only from %3.")
                                  .arg(therapist.displayName, type->requiredModalityName,
                                       certification.certifiedOn.toString(Qt::ISODate));
                }
            }
            add(Rule::NotCertified, message);
        }
    }

    void checkTherapistTime(const Therapist& therapist)
    {
        for (const Appointment& other : snapshot.holdingTime) {
            if (other.therapistId == therapist.id && holdsOverlap(other, true)) {
                add(Rule::TherapistBusy,
                    slotTaken(BookingRules::tr("%1 already has an appointment %2.")
                                  .arg(therapist.displayName, span(other, true))));
                return;
            }
        }
    }

    void checkClient()
    {
        if (candidate.clientId == 0) {
            return;
        }
        const Client* client = snapshot.client(candidate.clientId);
        if (client == nullptr) {
            add(Rule::ClientMissing,
                BookingRules::tr("There is no client with id %1.").arg(candidate.clientId));
            return;
        }
        if (client->archived) {
            add(Rule::ClientArchived,
                BookingRules::tr("%1 is archived; restore the client before booking.")
                    .arg(client->fullName));
        }
        for (const Appointment& other : snapshot.holdingTime) {
            if (other.clientId == client->id && holdsOverlap(other, false)) {
                add(Rule::ClientBusy,
                    slotTaken(BookingRules::tr("%1 already has an appointment %2.")
                                  .arg(client->fullName, span(other, false))));
                return;
            }
        }
    }

    bool suits(const Room& room, const MassageType& type) const
    {
        return type.roomKind.isEmpty() || room.kind == type.roomKind;
    }

    void checkRoom(const MassageType& type)
    {
        if (candidate.roomId != 0) {
            const Room* room = snapshot.room(candidate.roomId);
            if (room == nullptr) {
                add(Rule::RoomMissing,
                    BookingRules::tr("There is no room with id %1.").arg(candidate.roomId));
                return;
            }
            verdict.roomId = room->id;
            if (!room->active) {
                add(Rule::RoomInactive,
                    BookingRules::tr("The room %1 is no longer in use.").arg(room->name));
            }
            if (!suits(*room, type)) {
                add(Rule::RoomUnsuitable,
                    BookingRules::tr("%1 needs a %2 room; %3 is a %4 room.")
                        .arg(type.name, type.roomKind, room->name, room->kind));
            }
            if (const Appointment* clash = roomClash(room->id)) {
                add(Rule::RoomBusy, slotTaken(BookingRules::tr("the room %1 is booked %2.")
                                                  .arg(room->name, span(*clash, true))));
            }
            return;
        }
        bool anyActiveRoom = false;
        bool anySuitable = false;
        for (const Room& room : snapshot.rooms) {
            if (!room.active) {
                continue;
            }
            anyActiveRoom = true;
            if (!suits(room, type)) {
                continue;
            }
            anySuitable = true;
            if (roomClash(room.id) == nullptr) {
                verdict.roomId = room.id;
                return;
            }
        }
        if (!anyActiveRoom) {
            return; // a clinic without rooms books without them
        }
        if (!anySuitable) {
            add(Rule::RoomUnsuitable, BookingRules::tr("No room can host %1: it needs a %2 room.")
                                          .arg(type.name, type.roomKind));
        } else {
            add(Rule::NoRoomFree,
                slotTaken(
                    type.roomKind.isEmpty()
                        ? BookingRules::tr("every room is booked then.")
                        : BookingRules::tr("every %1 room is booked then.").arg(type.roomKind)));
        }
    }

    void checkWorkingTime(const Therapist& therapist, const QDateTime& localStart)
    {
        const QList<WeeklyInterval> hours = snapshot.weeklyHours.value(therapist.id);
        const QDate date = localStart.date();
        const int weekday = date.dayOfWeek();
        bool inside = false;
        // On instants, not wall-clock minutes: on the autumn change day a 60-minute booking at
        // 01:30 ends at 01:30 on the clock, and in spring an hour of the clock never passes.
        for (const WeeklyInterval& interval : hours) {
            if (interval.weekday == weekday &&
                ClinicTime::toUtc(date, interval.startMinute, snapshot.zone) <=
                    candidate.startUtc &&
                verdict.endUtc <= ClinicTime::toUtc(date, interval.endMinute, snapshot.zone)) {
                inside = true;
                break;
            }
        }
        if (!inside) {
            const QString day = ClinicTime::formatDay(hours, weekday);
            const QString dayName = QLocale().dayName(weekday);
            add(Rule::OutsideHours, day.isEmpty() ? BookingRules::tr("%1 does not work on %2s.")
                                                        .arg(therapist.displayName, dayName)
                                                  : BookingRules::tr("%1 works %3 on %2s.")
                                                        .arg(therapist.displayName, dayName, day));
        }
        for (const TimeOff& off : snapshot.timeOff) {
            if (off.therapistId == therapist.id &&
                overlaps(candidate.startUtc, verdict.endUtc, off.startUtc, off.endUtc)) {
                add(Rule::TimeOff,
                    BookingRules::tr("%1 is away from %2 to %3%4.")
                        .arg(therapist.displayName,
                             BookingRules::localText(off.startUtc, snapshot.zone),
                             BookingRules::localText(off.endUtc, snapshot.zone),
                             off.reason.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" (") + off.reason + QLatin1Char(')')));
                break;
            }
        }
    }

    void run()
    {
        if (candidate.minutes <= 0 || !candidate.startUtc.isValid()) {
            add(Rule::InvalidTime,
                BookingRules::tr("An appointment needs a start and must end after it starts."));
            return;
        }
        const MassageType* type = snapshot.massageType(candidate.massageTypeId);
        const DurationOption* option = nullptr;
        if (type == nullptr) {
            add(Rule::ServiceMissing, BookingRules::tr("There is no massage type with id %1.")
                                          .arg(candidate.massageTypeId));
        } else {
            if (!type->active) {
                add(Rule::ServiceInactive,
                    BookingRules::tr("%1 is no longer offered.").arg(type->name));
            }
            option = type->option(candidate.minutes);
            if (option == nullptr || !option->active) {
                QStringList offered;
                for (const DurationOption& each : type->options) {
                    if (each.active) {
                        offered.append(QString::number(each.minutes));
                    }
                }
                add(Rule::DurationMissing,
                    BookingRules::tr("%1 is not offered for %2 minutes (offered: %3).")
                        .arg(type->name)
                        .arg(candidate.minutes)
                        .arg(offered.join(QStringLiteral(", "))));
                option = nullptr;
            }
        }
        verdict.endUtc = candidate.startUtc.addSecs(qint64{candidate.minutes} * 60);
        verdict.bufferEndUtc =
            verdict.endUtc.addSecs(qint64{type != nullptr ? type->bufferMinutes : 0} * 60);
        if (option != nullptr) {
            verdict.optionId = option->id;
            verdict.priceCents = option->priceCents;
        }

        const QDateTime localStart = ClinicTime::toLocal(candidate.startUtc, snapshot.zone);
        const int grid = snapshot.gridMinutes > 0 ? snapshot.gridMinutes : 15;
        if (localStart.time().second() != 0 || localStart.time().msec() != 0 ||
            ClinicTime::minuteOfDay(localStart) % grid != 0) {
            add(Rule::OffGrid, BookingRules::tr("Appointments start on the %1-minute grid "
                                                "(such as 10:00 or 10:%2); %3 is not on it.")
                                   .arg(grid)
                                   .arg(grid, 2, 10, QLatin1Char('0'))
                                   .arg(timeText(candidate.startUtc, snapshot.zone)));
        }

        const Therapist* therapist = snapshot.therapist(candidate.therapistId);
        if (therapist == nullptr) {
            add(Rule::TherapistMissing,
                BookingRules::tr("There is no therapist with id %1.").arg(candidate.therapistId));
        } else {
            checkTherapist(*therapist, type, localStart.date());
            checkTherapistTime(*therapist);
        }
        if (type != nullptr) {
            checkRoom(*type);
        }
        checkClient();
        if (therapist != nullptr) {
            checkWorkingTime(*therapist, localStart);
        }
        if (candidate.startUtc < snapshot.nowUtc) {
            add(Rule::InThePast,
                BookingRules::tr("%1 is in the past.")
                    .arg(BookingRules::localText(candidate.startUtc, snapshot.zone)));
        }
    }
};

} // namespace

Candidate Candidate::of(const Appointment& appointment)
{
    Candidate candidate;
    candidate.appointmentId = appointment.id;
    candidate.clientId = appointment.clientId;
    candidate.therapistId = appointment.therapistId;
    candidate.massageTypeId = appointment.massageTypeId;
    candidate.minutes = appointment.durationMinutes;
    candidate.roomId = appointment.roomId;
    candidate.startUtc = appointment.startUtc;
    return candidate;
}

bool isSoft(Rule rule)
{
    return rule == Rule::OutsideHours || rule == Rule::TimeOff || rule == Rule::InThePast;
}

const Therapist* BookingSnapshot::therapist(Id id) const
{
    return findById(therapists, id);
}

const MassageType* BookingSnapshot::massageType(Id id) const
{
    return findById(massageTypes, id);
}

const Room* BookingSnapshot::room(Id id) const
{
    return findById(rooms, id);
}

const Client* BookingSnapshot::client(Id id) const
{
    return findById(clients, id);
}

bool Verdict::hasHard() const
{
    return std::any_of(violations.cbegin(), violations.cend(),
                       [](const Violation& violation) { return !violation.soft(); });
}

bool Verdict::hasSoft() const
{
    return std::any_of(violations.cbegin(), violations.cend(),
                       [](const Violation& violation) { return violation.soft(); });
}

namespace {

// The order in which a receptionist looks for the reason a time cannot be booked: a request
// that cannot stand at all, then whether the therapist works then, then whether they are
// free, then the room, then the client.
int lookupOrder(Rule rule)
{
    switch (rule) {
    case Rule::InThePast:
        return 1;
    case Rule::OutsideHours:
    case Rule::TimeOff:
        return 2;
    case Rule::TherapistBusy:
        return 3;
    case Rule::RoomBusy:
    case Rule::NoRoomFree:
        return 4;
    case Rule::ClientBusy:
        return 5;
    default:
        break;
    }
    return 0;
}

} // namespace

namespace {

// The violation a receptionist looks for first among those `counts` keeps; null when none.
template <typename Counts>
const Violation* firstInLookupOrder(const QList<Violation>& violations, Counts counts)
{
    const Violation* first = nullptr;
    for (const Violation& violation : violations) {
        if (counts(violation) &&
            (first == nullptr || lookupOrder(violation.rule) < lookupOrder(first->rule))) {
            first = &violation;
        }
    }
    return first;
}

} // namespace

const Violation* Verdict::first() const
{
    return firstInLookupOrder(violations, [](const Violation&) { return true; });
}

const Violation* Verdict::firstHard() const
{
    return firstInLookupOrder(violations,
                              [](const Violation& violation) { return !violation.soft(); });
}

Verdict BookingRules::check(const Candidate& candidate, const BookingSnapshot& snapshot)
{
    Checker checker{candidate, snapshot, {}};
    checker.run();
    return checker.verdict;
}

QString BookingRules::localText(const QDateTime& instant, const QTimeZone& zone)
{
    const QDateTime local = ClinicTime::toLocal(instant, zone);
    return QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ') +
           local.date().toString(Qt::ISODate) + QLatin1Char(' ') +
           ClinicTime::formatTime(instant, zone);
}

} // namespace masahista
