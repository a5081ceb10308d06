#include "RoomService.h"

#include "booking/catalogue/CatalogActivation.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/MassageTypeRepository.h"
#include "data/RoomRepository.h"
#include "data/WriteTransaction.h"

#include <QHash>

#include <algorithm>

namespace masahista {

Room RoomService::normalized(Room room)
{
    room.name = room.name.simplified();
    room.kind = room.kind.simplified().toLower();
    return room;
}

const Room* RoomService::namesake(const Room& room, const QList<Room>& others)
{
    // The command line finds rooms by name with case and accents ignored, so two names that
    // differ only in those would make it refuse both.
    const QString folded = ClientRepository::fold(room.name.simplified());
    for (const Room& other : others) {
        if (other.id != room.id && ClientRepository::fold(other.name) == folded) {
            return &other;
        }
    }
    return nullptr;
}

FieldProblems RoomService::problemsIn(const Room& entered, const QList<Room>& others)
{
    const Room room = normalized(entered);
    FieldProblems problems;
    if (room.name.isEmpty()) {
        problems.append({QStringLiteral("name"), tr("Enter the room's name.")});
    } else if (room.name.size() > maxNameLength) {
        problems.append({QStringLiteral("name"),
                         tr("The name is too long (at most %1 characters).").arg(maxNameLength)});
    } else if (const Room* other = namesake(room, others)) {
        problems.append({QStringLiteral("name"),
                         other->active
                             ? tr("Another room is already called %1.").arg(other->name)
                             : tr("A retired room is already called %1: reactivate it instead, or "
                                  "choose another name.")
                                   .arg(other->name)});
    }
    if (room.kind.isEmpty()) {
        problems.append({QStringLiteral("kind"),
                         tr("Enter the kind of room, like table or mat: massage types ask for "
                            "one.")});
    } else if (room.kind.size() > maxKindLength) {
        problems.append({QStringLiteral("kind"),
                         tr("The kind is too long (at most %1 characters).").arg(maxKindLength)});
    }
    return problems;
}

Result<FieldProblems> RoomService::validate(const Room& room)
{
    Result<QList<Room>> others = RoomRepository(m_database).all();
    if (!others) {
        return others.error();
    }
    return problemsIn(room, *others);
}

QStringList RoomService::kindsOf(const QList<Room>& rooms)
{
    QStringList kinds{QStringLiteral("mat"), QStringLiteral("table")};
    for (const Room& room : rooms) {
        if (!room.kind.isEmpty() && !kinds.contains(room.kind)) {
            kinds.append(room.kind);
        }
    }
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

Result<Id> RoomService::save(Room room, const Actor& /*actor*/)
{
    room = normalized(std::move(room));
    return inWriteTransaction<Id>(m_database, [&]() -> Result<Id> {
        // Checked under the write lock, so no other desk can take the name before it is stored.
        RoomRepository rooms(m_database);
        Result<QList<Room>> others = rooms.all();
        if (!others) {
            return others.error();
        }
        const FieldProblems problems = problemsIn(room, *others);
        if (!problems.isEmpty()) {
            const bool nameTaken =
                problems.constFirst().field == u"name" && namesake(room, *others) != nullptr;
            return makeError(nameTaken ? ErrorCode::Conflict : ErrorCode::Invalid,
                             problems.constFirst().message);
        }
        if (room.id == 0) {
            return rooms.add(room);
        }
        Result<Room> stored = rooms.byId(room.id);
        if (!stored) {
            return stored.error();
        }
        if (Status free = refuseIfStranding(*stored, room); !free) {
            return free.error();
        }
        if (Status updated = rooms.update(room); !updated) {
            return updated.error();
        }
        return room.id;
    });
}

Status RoomService::refuseIfStranding(const Room& stored, const Room& changed)
{
    const bool retiring = stored.active && !changed.active;
    const bool newKind = changed.kind != stored.kind;
    if (!retiring && !newKind) {
        return success();
    }
    Result<FutureBookings> coming = futureBookings(stored.id);
    if (!coming) {
        return coming.error();
    }
    if (coming->isEmpty()) {
        return success();
    }
    if (retiring) {
        return coming->refusal(tr("%1 still has %n booked appointment(s) to come; move them to "
                                  "another room or cancel them first:",
                                  nullptr, static_cast<int>(coming->size()))
                                   .arg(stored.name));
    }
    Result<QList<MassageType>> types = MassageTypeRepository(m_database).all();
    if (!types) {
        return types.error();
    }
    QHash<Id, QString> neededKinds;
    for (const MassageType& type : *types) {
        neededKinds.insert(type.id, type.roomKind);
    }
    const FutureBookings unsuited = coming->filtered([&](const CalendarEntry& entry) {
        const QString needed = neededKinds.value(entry.appointment.massageTypeId);
        return !needed.isEmpty() && needed != changed.kind;
    });
    if (unsuited.isEmpty()) {
        return success();
    }
    return unsuited.refusal(tr("%n booked appointment(s) to come in %1 need another kind of "
                               "room than %2; move them to another room first:",
                               nullptr, static_cast<int>(unsuited.size()))
                                .arg(stored.name, changed.kind));
}

Status RoomService::retire(Id roomId, const Actor& /*actor*/)
{
    return setActive(roomId, false);
}

Status RoomService::reactivate(Id roomId, const Actor& /*actor*/)
{
    return setActive(roomId, true);
}

Status RoomService::setActive(Id roomId, bool active)
{
    return setCatalogItemActive<RoomRepository>(m_database, roomId, active,
                                                [this](const Room& stored, const Room& changed) {
                                                    return refuseIfStranding(stored, changed);
                                                });
}

Result<FutureBookings> RoomService::futureBookings(Id roomId)
{
    return FutureBookings::load(m_database, m_clock.nowUtc(), [roomId](const Appointment& each) {
        return each.roomId == roomId;
    });
}

} // namespace masahista
