#pragma once

#include "SqlDialect.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

class QSqlError;
struct sqlite3;
struct sqlite3_stmt;

namespace masahista {
class CatalogCache;
}

namespace masahista {

// One open Masahista database: a named Qt SQL connection plus the checks that keep a wrong,
// damaged or newer file untouched. Every repository works through one of these.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Mode
    {
        CreateIfMissing, // a missing file becomes a new, empty clinic
        ExistingOnly,    // a missing file is an error
    };

    struct Options
    {
        int busyTimeoutMs = 5000;
    };

    // The file in the user's application data folder that the app uses when no --db is given.
    static QString defaultPath();

    // Opens (and if needed creates) the file, refuses anything that is not a current or older
    // Masahista database without writing to it, then brings the schema up to date.
    static Result<std::unique_ptr<Database>> open(const QString& path, Mode mode,
                                                  const Options& options);
    static Result<std::unique_ptr<Database>> open(const QString& path, Mode mode)
    {
        return open(path, mode, Options{});
    }
    // A private database in memory, for tests and previews.
    static Result<std::unique_ptr<Database>> openInMemory();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase connection() const;
    const QString& path() const { return m_path; }
    const SqlDialect& dialect() const { return *m_dialect; }
    int schemaVersion() const;
    // Changes whenever another connection (another window, the command line) commits; cheap
    // enough to poll. Our own writes leave it as it is.
    Result<qint64> dataVersion();
    // Changes whenever anything in the database may have changed: a row written through this
    // connection, or a commit by another one.
    Result<std::pair<qint64, qint64>> changeStamp();
    // The settings, therapists, massage types, rooms and hours, read again only after a change.
    CatalogCache& catalog() { return *m_catalog; }

    // Turns a driver error into an Error a person can act on; `doing` says what failed.
    Error errorFrom(const QSqlError& error, const QString& doing) const;

    // Runs one statement that takes no parameters (pragmas, transaction control).
    Status execute(const QString& sql);

    // Transaction depth, kept by WriteTransaction so nested writes join the outer one.
    int& transactionDepth() { return m_transactionDepth; }

    // A statement as run: its SQL and the values bound to its placeholders.
    struct TracedStatement
    {
        QString sql;
        QList<std::pair<QString, QVariant>> bindings;
    };
    // While set, every statement run through SqlQuery is appended to `trace`: the benchmark
    // replays them through the bare SQLite API to measure what our layers cost.
    void setStatementTrace(QList<TracedStatement>* trace) { m_trace = trace; }
    QList<TracedStatement>* statementTrace() const { return m_trace; }

    // The SQLite connection under Qt's driver. SqlQuery runs statements on it directly: Qt's
    // query layer cost more than SQLite's own work for our small queries.
    sqlite3* handle() const { return m_handle; }
    // Prepared statements are kept and reused, keyed by their SQL: preparing costs more than
    // running most of our queries. A statement is taken for the time of one use, so a query
    // run while another copy of it is still being read gets a fresh one. Null: none idle.
    sqlite3_stmt* takePrepared(const QString& sql);
    void returnPrepared(const QString& sql, sqlite3_stmt* statement);

private:
    Database(QString path, QString connectionName);
    // A connection to the file at `path`, checked, migrated and in write-ahead-log mode.
    static Result<std::unique_ptr<Database>> connect(const QString& path, const Options& options);
    // Makes a new, migrated database at `path`, unless another process just did.
    static Status create(const QString& path, const Options& options);
    Status prepareConnection();
    void finalizeStatements();

    QString m_path;
    QString m_connectionName;
    const SqlDialect* m_dialect = &SqlDialect::sqlite();
    int m_transactionDepth = 0;
    QList<TracedStatement>* m_trace = nullptr;
    std::unique_ptr<CatalogCache> m_catalog;
    sqlite3* m_handle = nullptr;
    std::unordered_map<QString, std::vector<sqlite3_stmt*>> m_prepared;
};

} // namespace masahista
