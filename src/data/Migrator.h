#pragma once

#include "Database.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>

namespace masahista {

// Brings a database's schema up to date from the numbered scripts compiled into the app
// (resources/sql/NNNN_name.sql). Each script runs in its own write transaction together with
// the update of PRAGMA user_version, so a failure leaves the previous version intact.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)

public:
    // PRAGMA application_id of every Masahista database ("MASA").
    static constexpr qint64 applicationId = 0x4D415341;

    struct Script
    {
        int version = 0;
        QString resourcePath;
    };

    explicit Migrator(Database& database)
        : m_database(database)
    {}

    // The scripts of the database's dialect, in version order.
    static QList<Script> scripts(const SqlDialect& dialect);
    static int latestVersion();

    Status migrate();

private:
    Status apply(const Script& script);

    Database& m_database;
};

} // namespace masahista
