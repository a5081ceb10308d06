#pragma once

#include "booking/Clock.h"
#include "domain/Id.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace masahista {

class Database;

// The part of the day a caller asks for, by the local start time: the words of a phone call.
enum class DayPart
{
    Any,
    Morning,   // starts before 12:00
    Afternoon, // starts from 12:00, before 17:00
    Evening,   // starts from 17:00
};

struct SlotQuery
{
    Id massageTypeId = 0;
    int minutes = 0;
    QDateTime fromUtc;  // earliest start considered (never before now)
    QDateTime toUtc;    // starts before this instant
    Id therapistId = 0; // 0: any therapist certified for the type
    Id roomId = 0;      // 0: any suitable room
    // A client's own appointments block their times too; 0: no client (any client's slot).
    Id clientId = 0;
    // Only starts at a local minute of the day in [fromMinute, toMinute), on every day searched.
    int fromMinute = 0;
    int toMinute = 24 * 60;
    int limit = 10;

    // Keeps the search to starts within that part of each day.
    void setDayPart(DayPart part);
};

// A bookable (therapist, room, start).
struct Slot
{
    Id therapistId = 0;
    Id roomId = 0;
    QDateTime startUtc;
    QDateTime endUtc;
};

// Free slots: the earliest starts on the clinic's grid that satisfy every hard and soft rule
// (a booking of any returned slot, for a client who is free then, succeeds).
class Availability
{
    Q_DECLARE_TR_FUNCTIONS(Availability)

public:
    Availability(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    // In time order (then therapist and room order); at most `limit`.
    Result<QList<Slot>> findSlots(const SlotQuery& query);

private:
    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista
