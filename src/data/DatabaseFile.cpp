#include "DatabaseFile.h"

#include "DatabaseHeader.h"
#include "Migrator.h"
#include "SqliteFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace masahista::DatabaseFile {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseFile)
};

// What a check is looking at decides how its findings are worded.
enum class Subject
{
    Backup,
    Database,
};

struct CloseConnection
{
    void operator()(sqlite3* connection) const { sqlite3_close_v2(connection); }
};
using Connection = std::unique_ptr<sqlite3, CloseConnection>;

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QString lastError(sqlite3* connection)
{
    return connection != nullptr ? QString::fromUtf8(sqlite3_errmsg(connection))
                                 : Text::tr("out of memory");
}

Result<Connection> openConnection(const QString& uriOrPath, int flags)
{
    sqlite3* raw = nullptr;
    const int code =
        sqlite3_open_v2(uriOrPath.toUtf8().constData(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection connection(raw);
    if (code != SQLITE_OK) {
        return makeError(ErrorCode::CannotOpen, lastError(connection.get()));
    }
    sqlite3_busy_timeout(connection.get(), 5000);
    return connection;
}

// A read-only view of exactly the bytes in the file: no journal or WAL is looked for or made,
// so checking a backup never changes it or leaves files beside it.
Result<Connection> openImmutable(const QString& path)
{
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setQuery(QStringLiteral("mode=ro&immutable=1"));
    return openConnection(QString::fromUtf8(uri.toEncoded()),
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
}

// The rows of a statement's first column: pragmas answer with one, integrity_check with one
// row per problem found.
Result<QStringList> rows(sqlite3* connection, const char* sql)
{
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(connection, sql, -1, &raw, nullptr) != SQLITE_OK) {
        return makeError(ErrorCode::Database, lastError(connection));
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    QStringList found;
    int code = SQLITE_ROW;
    while ((code = sqlite3_step(statement.get())) == SQLITE_ROW) {
        found.append(QString::fromUtf8(
            reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0))));
    }
    if (code != SQLITE_DONE) {
        const int primary = sqlite3_extended_errcode(connection) & 0xff;
        return makeError(primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? ErrorCode::Locked
                                                                            : ErrorCode::Corrupt,
                         lastError(connection));
    }
    return found;
}

Error damaged(Subject subject, const QString& path, const QString& detail)
{
    if (subject == Subject::Backup) {
        return makeError(ErrorCode::Corrupt,
                         Text::tr("The backup %1 is damaged or incomplete (%2); it cannot be "
                                  "used.")
                             .arg(native(path), detail));
    }
    return makeError(ErrorCode::Corrupt,
                     Text::tr("The database %1 is damaged (%2). Restore the latest good backup "
                              "(\"masahista restore BACKUP\", or File > Restore from backup): "
                              "the damaged file is kept aside, not deleted.")
                         .arg(native(path), detail));
}

Error busy(const QString& path)
{
    return makeError(ErrorCode::Locked,
                     Text::tr("The database %1 stayed busy: another program kept it locked. "
                              "Try again in a moment.")
                         .arg(native(path)));
}

// SQLite would call a text file "not a database" only when first read; its first bytes tell
// at once, and tell a foreign file from a damaged one. Read through SQLite's file layer: the
// live database is open in this process while the window checks it.
bool startsLikeSqlite(const QString& path)
{
    const Result<SqliteFile::Start> start = SqliteFile::readStart(path, 16);
    return start && DatabaseHeader::isSqlite(start->bytes);
}

Result<Checked> checkConnection(sqlite3* connection, Subject subject, const QString& path,
                                Depth depth)
{
    if (!startsLikeSqlite(path)) {
        return makeError(ErrorCode::NotMasahista,
                         subject == Subject::Backup
                             ? Text::tr("%1 is not a Masahista backup (it is not an SQLite "
                                        "database at all).")
                                   .arg(native(path))
                             : Text::tr("%1 is not a Masahista database (it is not an SQLite "
                                        "database at all).")
                                   .arg(native(path)));
    }
    Result<QStringList> identity = rows(connection, "PRAGMA application_id");
    if (!identity) {
        if (identity.error().code == ErrorCode::Locked) {
            return busy(path);
        }
        return damaged(subject, path, identity.error().message);
    }
    if (identity->value(0).toLongLong() != Migrator::applicationId) {
        return makeError(
            ErrorCode::NotMasahista,
            subject == Subject::Backup
                ? Text::tr("%1 is an SQLite database, but not a Masahista backup.")
                      .arg(native(path))
                : Text::tr("%1 is an SQLite database, but not a Masahista one.").arg(native(path)));
    }
    Result<QStringList> version = rows(connection, "PRAGMA user_version");
    if (!version) {
        return damaged(subject, path, version.error().message);
    }
    const int schemaVersion = version->value(0).toInt();
    if (schemaVersion > Migrator::latestVersion()) {
        return makeError(ErrorCode::NewerVersion,
                         Text::tr("%1 was made by a newer version of Masahista (schema version "
                                  "%2; this version knows up to %3).")
                             .arg(native(path))
                             .arg(schemaVersion)
                             .arg(Migrator::latestVersion()));
    }
    Result<QStringList> findings =
        rows(connection, depth == Depth::Full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    if (!findings) {
        if (findings.error().code == ErrorCode::Locked) {
            return busy(path);
        }
        return damaged(subject, path, findings.error().message);
    }
    if (findings->size() != 1 || findings->constFirst() != u"ok") {
        return damaged(subject, path, findings->mid(0, 3).join(QStringLiteral("; ")));
    }
    return Checked{schemaVersion, QFileInfo(path).size()};
}

// Makes a file's contents, or a folder's list of names after a rename, survive a power cut.
bool flushToDisk(const QString& path)
{
#ifdef Q_OS_UNIX
    const int descriptor = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) {
        return false;
    }
    const bool flushed = ::fsync(descriptor) == 0;
    ::close(descriptor);
    return flushed;
#else
    Q_UNUSED(path);
    return true;
#endif
}

Error cannotWrite(const QString& path, const QString& detail)
{
    return makeError(ErrorCode::CannotOpen,
                     Text::tr("Cannot write the backup %1 (%2). Check that the folder exists, "
                              "that you may write there and that the disk has room.")
                         .arg(native(path), detail));
}

// The files SQLite keeps beside a database in write-ahead-log mode; they travel with it.
const QStringList& companionSuffixes()
{
    static const QStringList suffixes{QStringLiteral("-wal"), QStringLiteral("-shm")};
    return suffixes;
}

} // namespace

Result<Checked> writeBackup(const QString& databasePath, const QString& backupPath)
{
    const QFileInfo target(backupPath);
    if (target.exists()) {
        return makeError(ErrorCode::Conflict, Text::tr("%1 already exists; a backup never "
                                                       "replaces a file. Choose another name.")
                                                  .arg(native(backupPath)));
    }
    if (!QDir().mkpath(target.absolutePath())) {
        return cannotWrite(backupPath, Text::tr("the folder cannot be created"));
    }
    // Read-write only so that SQLite may make the write-ahead log's shared-memory file when no
    // other connection has; nothing is written through this connection.
    Result<Connection> source = openConnection(databasePath, SQLITE_OPEN_READWRITE);
    if (!source) {
        return makeError(ErrorCode::CannotOpen,
                         Text::tr("Cannot read the database %1 to back it up (%2).")
                             .arg(native(databasePath), source.error().message));
    }

    const QString partial = backupPath + QStringLiteral(".partial");
    const auto removePartial = [&partial] {
        QFile::remove(partial);
        QFile::remove(partial + QStringLiteral("-journal"));
    };
    const auto fail = [&removePartial](Error error) {
        removePartial();
        return error;
    };
    removePartial(); // what an earlier, interrupted backup left
    {
        Result<Connection> copy =
            openConnection(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!copy) {
            return fail(cannotWrite(backupPath, copy.error().message));
        }
        // One step copies every page under one read transaction: one consistent state, while
        // other connections go on writing to the write-ahead log.
        sqlite3_backup* backup = sqlite3_backup_init(copy->get(), "main", source->get(), "main");
        if (backup == nullptr) {
            return fail(cannotWrite(backupPath, lastError(copy->get())));
        }
        const int stepped = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (stepped != SQLITE_DONE) {
            const int primary = stepped & 0xff;
            if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
                return fail(busy(databasePath));
            }
            if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
                return fail(damaged(Subject::Database, databasePath, lastError(source->get())));
            }
            return fail(cannotWrite(backupPath, lastError(copy->get())));
        }
        // The copy carries the live file's write-ahead-log mode; a backup is one file that can
        // be moved and opened anywhere, read-only media included.
        if (Result<QStringList> mode = rows(copy->get(), "PRAGMA journal_mode = DELETE");
            !mode || mode->value(0).compare(u"delete", Qt::CaseInsensitive) != 0) {
            return fail(cannotWrite(backupPath, mode ? mode->value(0) : mode.error().message));
        }
    }
    if (!flushToDisk(partial)) {
        return fail(cannotWrite(backupPath, Text::tr("it could not be flushed to the disk")));
    }
    Result<Checked> checked = checkBackup(partial);
    if (!checked) {
        return fail(makeError(ErrorCode::Corrupt,
                              Text::tr("The backup was made but failed its check (%1), so it "
                                       "was removed. The database itself may be damaged: run "
                                       "\"masahista check\".")
                                  .arg(checked.error().message)));
    }
    if (!QFile::rename(partial, backupPath)) {
        return fail(cannotWrite(backupPath, Text::tr("it could not be given its name")));
    }
    flushToDisk(target.absolutePath());
    return checked;
}

Result<Checked> checkBackup(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        return makeError(ErrorCode::CannotOpen,
                         Text::tr("There is no backup file at %1.").arg(native(path)));
    }
    if (info.size() == 0) {
        return damaged(Subject::Backup, path, Text::tr("the file is empty"));
    }
    Result<Connection> connection = openImmutable(path);
    if (!connection) {
        return makeError(ErrorCode::CannotOpen, Text::tr("Cannot read the backup %1 (%2).")
                                                    .arg(native(path), connection.error().message));
    }
    return checkConnection(connection->get(), Subject::Backup, path, Depth::Full);
}

Result<Checked> checkDatabase(const QString& path, Depth depth)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        return makeError(ErrorCode::CannotOpen,
                         Text::tr("There is no database file at %1.").arg(native(path)));
    }
    if (info.size() == 0) {
        return damaged(Subject::Database, path, Text::tr("the file is empty"));
    }
    // A read-only connection to a database in write-ahead-log mode makes the log and its index
    // beside the file and, unable to write, never removes them. A read-write one that SQLite
    // forbids to write (query_only) reads the same and, when it is the last connection to
    // close, removes them as every SQLite program does. Only a file we may not write to is
    // read through a read-only one.
    const bool mayWrite = info.isWritable() && QFileInfo(info.absolutePath()).isWritable();
    Result<Connection> connection =
        openConnection(path, mayWrite ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
    if (!connection) {
        return makeError(ErrorCode::CannotOpen, Text::tr("Cannot read the database %1 (%2).")
                                                    .arg(native(path), connection.error().message));
    }
    if (mayWrite) {
        if (Result<QStringList> readOnly = rows(connection->get(), "PRAGMA query_only = ON");
            !readOnly) {
            return makeError(ErrorCode::CannotOpen,
                             Text::tr("Cannot read the database %1 (%2).")
                                 .arg(native(path), readOnly.error().message));
        }
    }
    return checkConnection(connection->get(), Subject::Database, path, depth);
}

Result<QString> restore(const QString& backupPath, const QString& databasePath,
                        const QDateTime& nowUtc)
{
    Result<Checked> checked = checkBackup(backupPath);
    if (!checked) {
        return checked.error();
    }
    const QFileInfo database(databasePath);
    // Whoever has it open, this process included: the file is about to be moved away from
    // under every connection to it.
    if (database.exists() && SqliteFile::isOpenAnywhere(databasePath)) {
        return makeError(ErrorCode::Locked,
                         Text::tr("The database %1 is open in a Masahista window or another "
                                  "program. Close it, then restore again; nothing was changed.")
                             .arg(native(databasePath)));
    }

    const QString incoming = databasePath + QStringLiteral(".restoring");
    QFile::remove(incoming); // what an earlier, interrupted restore left
    if (!QDir().mkpath(database.absolutePath()) || !QFile::copy(backupPath, incoming) ||
        !flushToDisk(incoming)) {
        QFile::remove(incoming);
        return makeError(ErrorCode::CannotOpen,
                         Text::tr("Cannot copy the backup next to %1. Check that you may write "
                                  "there and that the disk has room; nothing was changed.")
                             .arg(native(databasePath)));
    }
    // A backup kept on read-only media arrives read-only; the clinic's file must be writable.
    QFile::setPermissions(incoming, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadGroup | QFileDevice::WriteGroup);

    QString asidePath;
    QStringList moved;
    const auto putBack = [&] {
        for (const QString& suffix : std::as_const(moved)) {
            QFile::rename(asidePath + suffix, databasePath + suffix);
        }
        QFile::remove(incoming);
    };
    if (database.exists()) {
        asidePath = databasePath + QStringLiteral(".before-restore-") +
                    nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        for (const QString& suffix : QStringList{QString()} + companionSuffixes()) {
            if (!QFileInfo::exists(databasePath + suffix)) {
                continue;
            }
            if (QFileInfo::exists(asidePath + suffix) ||
                !QFile::rename(databasePath + suffix, asidePath + suffix)) {
                putBack();
                return makeError(ErrorCode::CannotOpen,
                                 Text::tr("Cannot set the current database %1 aside; nothing "
                                          "was changed.")
                                     .arg(native(databasePath)));
            }
            moved.append(suffix);
        }
    }
    if (!QFile::rename(incoming, databasePath)) {
        putBack();
        return makeError(ErrorCode::CannotOpen,
                         Text::tr("Cannot put the backup in place of %1; the current database "
                                  "was left as it was.")
                             .arg(native(databasePath)));
    }
    flushToDisk(database.absolutePath());
    return asidePath;
}

} // namespace masahista::DatabaseFile
