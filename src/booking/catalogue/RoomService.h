#pragma once

#include "booking/Actor.h"
#include "booking/Clock.h"
#include "booking/catalogue/FieldProblem.h"
#include "booking/engine/FutureBookings.h"
#include "domain/Result.h"
#include "domain/Room.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace masahista {

class Database;

// Treatment rooms as the owner edits them: the field rules, saving in one transaction, and
// retiring instead of deleting, since appointments keep pointing at their room.
//
// Retiring a room while appointments are still booked in it is refused with those
// appointments listed (FutureBookings), for the desk to move them to another room first; so
// is giving the room a kind that some of them cannot use. Refusing is safer than retiring
// anyway: a retired room's bookings could no longer be moved or changed.
//
// Field keys of the problems: "name" and "kind".
class RoomService
{
    Q_DECLARE_TR_FUNCTIONS(RoomService)

public:
    static constexpr qsizetype maxNameLength = 100;
    static constexpr qsizetype maxKindLength = 50;

    RoomService(Database& database, const Clock& clock)
        : m_database(database)
        , m_clock(clock)
    {}

    // Trims the name; trims and lowercases the kind, which massage types are matched on
    // exactly.
    static Room normalized(Room room);

    // Every problem with the room as entered, against rooms already read, so that a form can
    // run them on every keystroke. `others` may include the room itself (same id): it is
    // skipped.
    static FieldProblems problemsIn(const Room& room, const QList<Room>& others);
    Result<FieldProblems> validate(const Room& room);

    // The kinds of the given rooms, each once, in alphabetical order, with "table" and "mat"
    // always among them: what an editor offers to choose from.
    static QStringList kindsOf(const QList<Room>& rooms);

    // The actor is taken for the audit trail that staff accounts will bring; the catalogue has
    // no change history yet, so it is not stored.

    // Adds (id 0) or replaces the room in one transaction; returns its id. Refuses invalid
    // input with the first problem (Conflict for a name already taken, Invalid otherwise), and
    // unticking "active" or changing the kind while that strands appointments still to come
    // (Conflict, listing them); nothing is written then.
    Result<Id> save(Room room, const Actor& actor);

    // Takes the room out of use: kept with its history, offered for no new bookings. Refused
    // while appointments are still booked in it (the message lists them).
    Status retire(Id roomId, const Actor& actor);
    Status reactivate(Id roomId, const Actor& actor);

    // The room's appointments still to come (booked, confirmed, arrived), soonest first.
    Result<FutureBookings> futureBookings(Id roomId);

private:
    // The other room that already has this name (case and accents ignored), or null.
    static const Room* namesake(const Room& room, const QList<Room>& others);
    // Refuses, listing them, when appointments still to come would be stranded by `changed`.
    Status refuseIfStranding(const Room& stored, const Room& changed);
    Status setActive(Id roomId, bool active);

    Database& m_database;
    const Clock& m_clock;
};

} // namespace masahista
