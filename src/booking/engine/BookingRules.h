#pragma once

#include "domain/Appointment.h"
#include "domain/Client.h"
#include "domain/MassageType.h"
#include "domain/Room.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTimeZone>

namespace masahista {

// Every rule a booking must obey. Hard rules are never broken; soft ones may be overridden by
// a caller who gives a reason, which is kept with the appointment.
enum class Rule
{
    // hard
    TherapistBusy,
    RoomBusy,
    NoRoomFree,
    ClientBusy,
    TherapistMissing,
    TherapistInactive,
    NotCertified,
    ServiceMissing,
    ServiceInactive,
    DurationMissing,
    RoomMissing,
    RoomInactive,
    RoomUnsuitable,
    ClientMissing,
    ClientArchived,
    InvalidTime,
    OffGrid,
    // soft
    OutsideHours,
    TimeOff,
    InThePast,
};

bool isSoft(Rule rule);

struct Violation
{
    Rule rule = Rule::InvalidTime;
    QString message; // names the rule in a receptionist's words

    bool soft() const { return isSoft(rule); }
    // The slot itself is taken (as opposed to a wrong request): "slot taken" in messages.
    bool slotTaken() const
    {
        return rule == Rule::TherapistBusy || rule == Rule::RoomBusy || rule == Rule::NoRoomFree ||
               rule == Rule::ClientBusy;
    }
};

// One booking as the rules see it: a new one (appointmentId 0) or an existing one moved.
struct Candidate
{
    Id appointmentId = 0; // the appointment being changed, ignored in overlap checks
    Id clientId = 0;      // 0: no client yet (free-slot search): client rules are skipped
    Id therapistId = 0;
    Id massageTypeId = 0;
    int minutes = 0;
    Id roomId = 0; // 0: the first free room that suits the massage type
    QDateTime startUtc;

    // An appointment as it stands, checked as if booked again (it is not in its own way).
    static Candidate of(const Appointment& appointment);
};

// Everything the rules look at, loaded once for a window of time so that checking many
// candidates (a series, a free-slot search) costs no further queries.
struct BookingSnapshot
{
    QTimeZone zone;
    int gridMinutes = 15;
    QDateTime nowUtc;
    QList<Therapist> therapists;
    QList<MassageType> massageTypes;
    QList<Room> rooms; // in the clinic's order: the first free suitable one is chosen
    QList<Client> clients;
    QHash<Id, QList<WeeklyInterval>> weeklyHours;
    QList<TimeOff> timeOff;         // overlapping the window
    QList<Appointment> holdingTime; // not cancelled, overlapping the window (buffer included)

    const Therapist* therapist(Id id) const;
    const MassageType* massageType(Id id) const;
    const Room* room(Id id) const;
    const Client* client(Id id) const;
};

// What the rules make of a candidate: the violations, and what a booking would store.
struct Verdict
{
    QList<Violation> violations;
    Id roomId = 0;   // the requested room, or the one chosen
    Id optionId = 0; // the duration option booked
    qint64 priceCents = 0;
    QDateTime endUtc;
    QDateTime bufferEndUtc;

    bool hasHard() const;
    bool hasSoft() const;
    // Nothing stands in the way, or only soft rules and the caller overrides them.
    bool allows(bool overriding) const { return !hasHard() && (overriding || !hasSoft()); }
    // The rule a receptionist looks for first: a request that cannot stand, a time in the
    // past, the therapist not working then, the therapist busy, the room, the client; null
    // when there is none.
    const Violation* first() const;
    // The first, in that order, of the violations no override can lift; null when none.
    const Violation* firstHard() const;
};

class BookingRules
{
    Q_DECLARE_TR_FUNCTIONS(BookingRules)

public:
    static Verdict check(const Candidate& candidate, const BookingSnapshot& snapshot);

    // "Tue 2026-12-01 10:00" in the clinic's zone.
    static QString localText(const QDateTime& instant, const QTimeZone& zone);
};

} // namespace masahista
