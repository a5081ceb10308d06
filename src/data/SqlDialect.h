#pragma once

#include <QString>

namespace masahista {

// Everything that differs between the SQL engines Masahista runs on lives here, so the
// repositories stay portable. Today only SQLite is implemented; PostgreSQL will add a second
// instance (its own driver, migration folder and write-lock statement).
struct SqlDialect
{
    QString driverName;
    // Resource folder holding this engine's numbered migration scripts.
    QString migrationFolder;
    // Starts a transaction that takes the write lock at once. SQLite's plain BEGIN would only
    // take it at the first write, and a competing writer would then fail instead of waiting.
    QString beginWriteTransaction;
    // Two numbers that together change whenever the database may have changed: rows written
    // by this connection, and commits by others.
    QString changeStampQuery;

    static const SqlDialect& sqlite();
};

} // namespace masahista
