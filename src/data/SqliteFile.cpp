#include "SqliteFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <memory>
#include <sqlite3.h>

namespace masahista::SqliteFile {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

struct CloseConnection
{
    void operator()(sqlite3* connection) const { sqlite3_close_v2(connection); }
};
using Connection = std::unique_ptr<sqlite3, CloseConnection>;

// A connection that runs no statement: SQLite opens the file and reads nothing more than its
// header, takes no lock and makes no journal or log beside it.
Connection openIdle(const QString& path, int flags, QString* problem)
{
    sqlite3* raw = nullptr;
    const int code =
        sqlite3_open_v2(path.toUtf8().constData(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection connection(raw);
    if (code != SQLITE_OK) {
        *problem = connection != nullptr ? QString::fromUtf8(sqlite3_errmsg(connection.get()))
                                         : Text::tr("out of memory");
        return nullptr;
    }
    return connection;
}

sqlite3_file* fileOf(sqlite3* connection)
{
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(connection, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
        file == nullptr || file->pMethods == nullptr) {
        return nullptr;
    }
    return file;
}

} // namespace

Result<Start> readStart(const QString& path, qint64 length)
{
    QString problem;
    const Connection connection = openIdle(path, SQLITE_OPEN_READONLY, &problem);
    sqlite3_file* file = connection ? fileOf(connection.get()) : nullptr;
    if (file == nullptr) {
        return makeError(ErrorCode::CannotOpen,
                         Text::tr("Cannot read the database file %1 (%2). "
                                  "Check that it exists and that you may read it.")
                             .arg(QDir::toNativeSeparators(path),
                                  problem.isEmpty() ? Text::tr("it cannot be opened") : problem));
    }
    sqlite3_int64 size = 0;
    if (file->pMethods->xFileSize(file, &size) != SQLITE_OK) {
        return makeError(
            ErrorCode::CannotOpen,
            Text::tr("Cannot read the database file %1.").arg(QDir::toNativeSeparators(path)));
    }
    Start start;
    start.fileSize = size;
    start.bytes = QByteArray(static_cast<int>(qMin<qint64>(length, size)), '\0');
    if (!start.bytes.isEmpty() &&
        file->pMethods->xRead(file, start.bytes.data(), static_cast<int>(start.bytes.size()), 0) !=
            SQLITE_OK) {
        return makeError(
            ErrorCode::CannotOpen,
            Text::tr("Cannot read the database file %1.").arg(QDir::toNativeSeparators(path)));
    }
    return start;
}

bool isOpenAnywhere(const QString& path)
{
    if (!QFileInfo(path).isFile()) {
        return false;
    }
    QString problem;
    // Read-write: an exclusive lock needs a descriptor open for writing. The connection runs
    // no statement, so nothing is written or made beside the file.
    const Connection connection = openIdle(path, SQLITE_OPEN_READWRITE, &problem);
    sqlite3_file* file = connection ? fileOf(connection.get()) : nullptr;
    if (file == nullptr) {
        return false;
    }
    // SQLite's own locking protocol, on its own descriptor: a shared lock, then the exclusive
    // one, which fails while any other connection, in any process, holds a lock on the file.
    // Only "busy" means somebody: a file that cannot be locked for writing at all (read-only
    // to us) says nothing about who has it open.
    int code = file->pMethods->xLock(file, SQLITE_LOCK_SHARED);
    if (code == SQLITE_OK) {
        code = file->pMethods->xLock(file, SQLITE_LOCK_EXCLUSIVE);
        file->pMethods->xUnlock(file, SQLITE_LOCK_NONE);
    }
    return (code & 0xff) == SQLITE_BUSY;
}

} // namespace masahista::SqliteFile
