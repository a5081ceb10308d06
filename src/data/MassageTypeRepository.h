#pragma once

#include "Database.h"
#include "domain/MassageType.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>

namespace masahista {

// Massage types with their duration options.
class MassageTypeRepository
{
    Q_DECLARE_TR_FUNCTIONS(MassageTypeRepository)

public:
    explicit MassageTypeRepository(Database& database)
        : m_database(database)
    {}

    Result<QList<MassageType>> all(bool includeInactive = true);
    Result<MassageType> byId(Id id);
    Result<Id> add(const MassageType& type);
    // Options are matched by id: new ones are added; missing ones are removed, or kept inactive
    // when appointments refer to them.
    Status update(const MassageType& type);

private:
    Status writeOptions(const MassageType& type);

    Database& m_database;
};

} // namespace masahista
