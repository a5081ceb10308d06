#pragma once

#include "booking/demo/DemoClinicData.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"
#include "domain/Appointment.h"
#include "domain/Id.h"
#include "domain/MassageType.h"
#include "domain/Result.h"
#include "domain/Room.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>

namespace masahista {

// A demo client as the scheduler needs them.
struct DemoClientRef
{
    Id id = 0;
    bool pregnant = false;
};

// Books the demo weeks greedily, one therapist's working interval at a time, leaving random
// gaps so the calendar looks lived in rather than packed. Every booking is checked against
// what is already placed, so the result obeys the same rules the booking service enforces.
class DemoScheduler
{
public:
    DemoScheduler(Database& database, const QTimeZone& zone, QDateTime nowUtc);

    // What the demo holds, set before the first day is booked. Bookings start on the grid.
    int gridMinutes = 15;
    QList<Therapist> therapists;
    QHash<Id, QList<WeeklyInterval>> hours;
    QList<MassageType> types;
    QHash<Id, int> popularity;
    QList<Room> rooms;
    QList<DemoClientRef> clients;
    Id prenatalModalityId = 0;
    QList<DemoCancellation> cancellations;
    QStringList appointmentNotes;

    // Days still to come are less full than days gone by, as in a real book: bookings keep
    // arriving, and the front desk needs free slots to try the demo with.
    Status bookDay(QDate day, int dayNumber, bool upcoming);

    qsizetype bookedCount() const { return m_serial; }

private:
    // A small fixed-seed generator: the demo must come out the same on every run and every
    // platform, which the standard distributions do not promise.
    class Random
    {
    public:
        // A number in [0, bound); 0 when the bound leaves no choice.
        int below(int bound)
        {
            if (bound <= 1) {
                return 0;
            }
            m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<int>((m_state >> 33) % static_cast<quint64>(bound));
        }

    private:
        quint64 m_state = 20211031;
    };

    // A half-open stretch of time in UTC seconds.
    struct Span
    {
        qint64 start = 0;
        qint64 end = 0;
    };

    class Occupancy
    {
    public:
        bool isFree(Id owner, Span span) const
        {
            const QList<Span> taken = m_taken.value(owner);
            return std::none_of(taken.cbegin(), taken.cend(), [span](const Span& other) {
                return other.start < span.end && span.start < other.end;
            });
        }
        void take(Id owner, Span span) { m_taken[owner].append(span); }

    private:
        QHash<Id, QList<Span>> m_taken;
    };

    struct Placement
    {
        QDate day;
        int startMinute = 0;
    };

    Status fillInterval(const Therapist& therapist, QDate day, const WeeklyInterval& interval);
    const MassageType* pickType(const Therapist& therapist, QDate day);
    const DurationOption* pickOption(const MassageType& type, int minutesLeft);
    Id freeRoom(const MassageType& type, Span span) const;
    Id freeClient(const MassageType& type, Span span);
    Result<bool> place(const Therapist& therapist, const MassageType& type,
                       const DurationOption& option, Placement placement);
    void settleStatus(Appointment& appointment) const;
    int shortestSessionMinutes() const;

    AppointmentRepository m_appointments;
    QTimeZone m_zone;
    QDateTime m_now;
    Random m_random;
    Occupancy m_therapistTime;
    Occupancy m_roomTime;
    Occupancy m_clientTime;
    QSet<Id> m_clientsToday;
    qsizetype m_nextClient = 0;
    qsizetype m_serial = 0;
    int m_skipPercent = 22;
};

} // namespace masahista
