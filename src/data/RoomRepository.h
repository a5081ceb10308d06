#pragma once

#include "Database.h"
#include "domain/Result.h"
#include "domain/Room.h"

#include <QCoreApplication>
#include <QList>

namespace masahista {

class RoomRepository
{
    Q_DECLARE_TR_FUNCTIONS(RoomRepository)

public:
    explicit RoomRepository(Database& database)
        : m_database(database)
    {}

    Result<QList<Room>> all(bool includeInactive = true);
    Result<Room> byId(Id id);
    Result<Id> add(const Room& room);
    Status update(const Room& room);

private:
    Database& m_database;
};

} // namespace masahista
