#pragma once

#include "Database.h"
#include "domain/ClinicSettings.h"
#include "domain/MassageType.h"
#include "domain/Result.h"
#include "domain/Room.h"
#include "domain/Therapist.h"
#include "domain/WorkingHours.h"

#include <QHash>
#include <QList>

#include <optional>
#include <utility>

namespace masahista {

// What nearly every screen and every booking rule reads and the owner seldom changes: the
// clinic's settings, therapists, massage types, rooms and weekly hours.
struct Catalog
{
    ClinicSettings settings;
    QList<Therapist> therapists;     // all, in the clinic's order
    QList<MassageType> massageTypes; // all, in the clinic's order
    QList<Room> rooms;               // all, in the clinic's order
    QHash<Id, QList<WeeklyInterval>> weeklyHours;
};

// The catalog, read once and kept until anything in the database changes: a write through
// this connection, or a commit by another one (another window, the command line). Checking
// that costs one small query; reading the catalog costs a dozen.
class CatalogCache
{
public:
    explicit CatalogCache(Database& database)
        : m_database(database)
    {}

    Result<Catalog> current();

private:
    Database& m_database;
    std::optional<Catalog> m_catalog;
    std::pair<qint64, qint64> m_stamp{-1, -1};
};

} // namespace masahista
