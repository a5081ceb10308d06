#include "RoomRepository.h"

#include "SqlQuery.h"

namespace masahista {

namespace {

Room roomFrom(const SqlQuery& query)
{
    return Room{query.integer(0), query.text(1), query.text(2), query.flag(3),
                static_cast<int>(query.integer(4))};
}

void bindRoom(SqlQuery& query, const Room& room)
{
    query.bind(QStringLiteral(":name"), room.name)
        .bind(QStringLiteral(":kind"), room.kind)
        .bind(QStringLiteral(":active"), room.active)
        .bind(QStringLiteral(":sort"), room.sortOrder);
}

} // namespace

Result<QList<Room>> RoomRepository::all(bool includeInactive)
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, name, kind, active, sort_order FROM "
                                              "rooms WHERE active = 1 OR :all = 1 ORDER BY "
                                              "sort_order, name, id"));
    query.bind(QStringLiteral(":all"), includeInactive);
    if (Status status = query.exec(tr("reading the rooms")); !status) {
        return status.error();
    }
    QList<Room> rooms;
    while (query.next()) {
        rooms.append(roomFrom(query));
    }
    return rooms;
}

Result<Room> RoomRepository::byId(Id id)
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, name, kind, active, sort_order FROM "
                                              "rooms WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id);
    if (Status status = query.exec(tr("reading a room")); !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, tr("There is no room with id %1.").arg(id));
    }
    return roomFrom(query);
}

Result<Id> RoomRepository::add(const Room& room)
{
    SqlQuery insert(m_database, QStringLiteral("INSERT INTO rooms (name, kind, active, "
                                               "sort_order) VALUES (:name, :kind, :active, "
                                               ":sort) RETURNING id"));
    bindRoom(insert, room);
    return insert.insert(tr("saving the room %1").arg(room.name));
}

Status RoomRepository::update(const Room& room)
{
    SqlQuery update(m_database, QStringLiteral("UPDATE rooms SET name = :name, kind = :kind, "
                                               "active = :active, sort_order = :sort WHERE id = "
                                               ":id"));
    bindRoom(update, room);
    update.bind(QStringLiteral(":id"), room.id);
    Result<int> changed = update.execChanging(tr("saving the room %1").arg(room.name));
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return makeError(ErrorCode::NotFound, tr("There is no room with id %1.").arg(room.id));
    }
    return success();
}

} // namespace masahista
