#include "Database.h"

#include "Catalog.h"
#include "DatabaseHeader.h"
#include "Migrator.h"
#include "SqlQuery.h"
#include "SqliteFile.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#endif

namespace masahista {

namespace {

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("masahista-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Reads the fixed SQLite header without opening the file as a database (DatabaseHeader).
Status checkExistingFile(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        return makeError(ErrorCode::CannotOpen, Database::tr("%1 is a folder, not a database file. "
                                                             "Give the path of a file.")
                                                    .arg(path));
    }
    // Through SQLite's file layer, not a QFile: this process may already have the file open
    // (a second connection), and closing a descriptor of ours would drop that one's locks.
    const Result<SqliteFile::Start> start = SqliteFile::readStart(path, DatabaseHeader::size);
    if (!start) {
        return start.error();
    }
    // SQLite reconciles the file with a log left beside it when it opens it.
    const bool logBeside = QFileInfo(path + QStringLiteral("-wal")).size() > 0 ||
                           QFileInfo::exists(path + QStringLiteral("-journal"));
    return DatabaseHeader::check(start->bytes, start->fileSize, path, logBeside);
}

Status checkWritable(const QString& path)
{
    const QFileInfo info(path);
    // The owner's write bit is honoured even for root, who could write anyway: a clinic that
    // marks its file read-only means it.
    const bool markedReadOnly = !(info.permissions() & QFileDevice::WriteOwner);
    if (markedReadOnly || !info.isWritable()) {
        return makeError(ErrorCode::ReadOnly,
                         Database::tr("The database file %1 is read-only, and Masahista needs "
                                      "to write to it. Make it writable (for example "
                                      "chmod u+w) or copy it somewhere writable.")
                             .arg(path));
    }
    const QFileInfo folder(info.absolutePath());
    if (!(folder.permissions() & QFileDevice::WriteOwner) || !folder.isWritable()) {
        return makeError(ErrorCode::ReadOnly,
                         Database::tr("The folder %1 is read-only, and Masahista needs to keep "
                                      "its journal files next to the database. Make the folder "
                                      "writable or move the database.")
                             .arg(folder.absoluteFilePath()));
    }
    return success();
}

} // namespace

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/masahista.sqlite");
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_catalog(std::make_unique<CatalogCache>(*this))
{}

Database::~Database()
{
    finalizeStatements(); // statements must go before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3_stmt* Database::takePrepared(const QString& sql)
{
    const auto found = m_prepared.find(sql);
    if (found == m_prepared.end() || found->second.empty()) {
        return nullptr;
    }
    sqlite3_stmt* statement = found->second.back();
    found->second.pop_back();
    return statement;
}

void Database::returnPrepared(const QString& sql, sqlite3_stmt* statement)
{
    // Enough for every statement the app runs; texts built per call (a search with N words)
    // beyond it are simply not kept.
    constexpr std::size_t maxKept = 512;
    std::vector<sqlite3_stmt*>* idle = nullptr;
    if (const auto found = m_prepared.find(sql); found != m_prepared.end()) {
        idle = &found->second;
    } else if (m_prepared.size() < maxKept) {
        idle = &m_prepared[sql];
    }
    if (idle == nullptr || idle->size() >= 4) {
        sqlite3_finalize(statement);
        return;
    }
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    idle->push_back(statement);
}

void Database::finalizeStatements()
{
    for (auto& [sql, statements] : m_prepared) {
        for (sqlite3_stmt* statement : statements) {
            sqlite3_finalize(statement);
        }
    }
    m_prepared.clear();
}

Result<std::unique_ptr<Database>> Database::connect(const QString& path, const Options& options)
{
    std::unique_ptr<Database> database(new Database(path, newConnectionName()));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(database->dialect().driverName, database->m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!db.open()) {
            return makeError(
                ErrorCode::CannotOpen,
                tr("Cannot open the database file %1: %2").arg(path, db.lastError().text()));
        }
    }
    if (Status prepared = database->prepareConnection(); !prepared) {
        return prepared.error();
    }
    return database;
}

Status Database::create(const QString& path, const Options& options)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return makeError(ErrorCode::CannotOpen,
                         tr("Cannot create the folder %1 for the database. Check that you may "
                            "write there.")
                             .arg(folder));
    }
    // Made whole under a name of its own and only then given its name, so that nobody ever
    // finds an empty or half-made database there: not another process starting at the same
    // moment, not the next start after this one was killed.
    static QAtomicInteger<quint64> counter;
    const QString fresh = path + QStringLiteral(".new-%1-%2")
                                     .arg(QCoreApplication::applicationPid())
                                     .arg(counter.fetchAndAddRelaxed(1));
    const auto removeFresh = [&fresh] {
        for (const QString& suffix : {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"),
                                      QStringLiteral("-shm")}) {
            QFile::remove(fresh + suffix);
        }
    };
    {
        Result<std::unique_ptr<Database>> made = connect(fresh, options);
        if (!made) {
            removeFresh();
            return made.error();
        }
    } // closing the last connection folds the write-ahead log into the file
#ifdef Q_OS_UNIX
    // link() never replaces: when another process got there first, its database stays.
    const bool placed =
        ::link(QFile::encodeName(fresh).constData(), QFile::encodeName(path).constData()) == 0 ||
        errno == EEXIST;
#else
    const bool placed = QFile::rename(fresh, path) || QFileInfo::exists(path);
#endif
    removeFresh();
    if (!placed) {
        return makeError(ErrorCode::CannotOpen,
                         tr("Cannot create the database %1. Check that you may write in its "
                            "folder and that the disk has room.")
                             .arg(path));
    }
    return success();
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Mode mode,
                                                 const Options& options)
{
    if (path.trimmed().isEmpty()) {
        return makeError(ErrorCode::CannotOpen, tr("No database file was given."));
    }
    if (!QSqlDatabase::isDriverAvailable(SqlDialect::sqlite().driverName)) {
        return makeError(ErrorCode::CannotOpen,
                         tr("Qt's SQLite driver is not installed, so no database can be opened. "
                            "Install it (on Debian: libqt6sql6-sqlite)."));
    }
    if (!QFileInfo::exists(path)) {
        if (mode == Mode::ExistingOnly) {
            return makeError(ErrorCode::CannotOpen,
                             tr("There is no database at %1. Check the path, or create one with "
                                "\"masahista --db %1 init\".")
                                 .arg(path));
        }
        if (Status created = create(path, options); !created) {
            return created.error();
        }
    }
    if (Status checked = checkExistingFile(path); !checked) {
        return checked.error();
    }
    if (Status writable = checkWritable(path); !writable) {
        return writable.error();
    }
    return connect(path, options);
}

Result<std::unique_ptr<Database>> Database::openInMemory()
{
    std::unique_ptr<Database> database(
        new Database(QStringLiteral(":memory:"), newConnectionName()));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(database->dialect().driverName, database->m_connectionName);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open()) {
            return makeError(ErrorCode::CannotOpen,
                             tr("Cannot open a database in memory: %1").arg(db.lastError().text()));
        }
    }
    if (Status prepared = database->prepareConnection(); !prepared) {
        return prepared.error();
    }
    return database;
}

Status Database::prepareConnection()
{
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0 ||
        *static_cast<sqlite3* const*>(handle.constData()) == nullptr) {
        return makeError(
            ErrorCode::CannotOpen,
            tr("Qt's SQLite driver did not hand over its connection to %1.").arg(m_path));
    }
    m_handle = *static_cast<sqlite3* const*>(handle.constData());

    // Only reads until the file is known to be ours: the header fields and the object count.
    SqlQuery identity(*this, QStringLiteral("PRAGMA application_id"));
    Result<qint64> applicationId = identity.scalarInt(tr("reading the database file"));
    if (!applicationId) {
        return applicationId.error();
    }
    const int version = schemaVersion();
    SqlQuery objects(*this, QStringLiteral("SELECT count(*) FROM sqlite_master"));
    Result<qint64> objectCount = objects.scalarInt(tr("reading the database file"));
    if (!objectCount) {
        return objectCount.error();
    }

    const bool blank = *applicationId == 0 && version == 0 && *objectCount == 0;
    if (!blank && *applicationId != Migrator::applicationId) {
        return makeError(ErrorCode::NotMasahista,
                         tr("%1 is an SQLite database, but not a Masahista one. The file was "
                            "left untouched; choose the right file.")
                             .arg(m_path));
    }
    if (version > Migrator::latestVersion()) {
        return makeError(ErrorCode::NewerVersion,
                         tr("The database %1 was made by a newer version of Masahista (schema "
                            "version %2; this version knows up to %3). The file was left "
                            "untouched; open it with the newer version.")
                             .arg(m_path)
                             .arg(version)
                             .arg(Migrator::latestVersion()));
    }

    if (Status status = execute(QStringLiteral("PRAGMA foreign_keys = ON")); !status) {
        return status;
    }
    if (Status status = execute(QStringLiteral("PRAGMA synchronous = FULL")); !status) {
        return status;
    }
    // 16 MiB instead of 2: the days around today and the indexes leading to them stay in
    // memory instead of being read again from the system for every booking check.
    if (Status status = execute(QStringLiteral("PRAGMA cache_size = -16384")); !status) {
        return status;
    }
    // Before the switch to write-ahead logging, which rewrites the header: a file whose
    // migration fails is rolled back to exactly what it was.
    if (Status migrated = Migrator(*this).migrate(); !migrated) {
        return migrated;
    }
    if (m_path != u":memory:") {
        SqlQuery journal(*this, QStringLiteral("PRAGMA journal_mode = WAL"));
        Result<QString> mode = journal.scalarText(tr("switching the database to WAL mode"));
        if (!mode) {
            return mode.error();
        }
        if (mode->compare(u"wal", Qt::CaseInsensitive) != 0) {
            return makeError(ErrorCode::Database,
                             tr("The database %1 could not be switched to write-ahead logging "
                                "(it reports \"%2\").")
                                 .arg(m_path, *mode));
        }
    }
    return success();
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

Result<qint64> Database::dataVersion()
{
    SqlQuery query(*this, QStringLiteral("PRAGMA data_version"));
    return query.scalarInt(tr("checking for changes"));
}

Result<std::pair<qint64, qint64>> Database::changeStamp()
{
    SqlQuery query(*this, m_dialect->changeStampQuery);
    if (Status status = query.exec(tr("checking for changes")); !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::Database, tr("Cannot tell whether the database changed."));
    }
    return std::pair{query.integer(0), query.integer(1)};
}

Status Database::execute(const QString& sql)
{
    // Through SqlQuery, so that transaction control is prepared once, not on every use.
    SqlQuery query(*this, sql);
    return query.exec(sql);
}

Error Database::errorFrom(const QSqlError& error, const QString& doing) const
{
    // SQLite's primary result codes; the driver may report extended codes (primary | x << 8).
    enum : int
    {
        Busy = 5,
        Locked = 6,
        ReadOnly = 8,
        IoError = 10,
        Corrupt = 11,
        Full = 13,
        CantOpen = 14,
        Constraint = 19,
        NotADatabase = 26
    };
    const int primary = error.nativeErrorCode().toInt() & 0xff;
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();

    if (detail.contains(u"masahista: therapist already booked")) {
        return makeError(ErrorCode::Conflict,
                         tr("Slot taken: the therapist already has an appointment then."));
    }
    if (detail.contains(u"masahista: room already booked")) {
        return makeError(ErrorCode::Conflict, tr("Slot taken: the room is already booked then."));
    }
    switch (primary) {
    case Busy:
    case Locked:
        return makeError(ErrorCode::Locked,
                         tr("The database %1 is busy: another program or window is writing to "
                            "it. Try again in a moment; if it stays busy, close the other "
                            "program.")
                             .arg(m_path));
    case ReadOnly:
        return makeError(ErrorCode::ReadOnly,
                         tr("The database %1 cannot be written to (it is read-only). Make the "
                            "file and its folder writable.")
                             .arg(m_path));
    case Corrupt:
    case NotADatabase:
        return makeError(ErrorCode::Corrupt,
                         tr("The database file %1 is damaged (%2). Nothing was changed; "
                            "restore it from a backup.")
                             .arg(m_path, detail));
    case Full:
        return makeError(ErrorCode::Database,
                         tr("The disk holding %1 is full; nothing was saved. Free some space "
                            "and try again.")
                             .arg(m_path));
    case IoError:
        // A full disk shows as this too when a size limit, not the disk, is reached.
        return makeError(ErrorCode::Database,
                         tr("The disk holding %1 could not be written to or read (%2): it may "
                            "be full or failing. Nothing was saved; free some space or check "
                            "the disk, then try again.")
                             .arg(m_path, detail));
    case CantOpen:
        return makeError(ErrorCode::CannotOpen,
                         tr("Cannot open the database file %1 (%2).").arg(m_path, detail));
    case Constraint:
        return makeError(ErrorCode::Conflict,
                         tr("The change was refused by the database: %1").arg(detail));
    default:
        return makeError(ErrorCode::Database,
                         tr("A database error occurred while %1: %2").arg(doing, detail));
    }
}

} // namespace masahista
