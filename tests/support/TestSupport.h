#pragma once

#include "data/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

#include <memory>
#include <ostream>

// Catch prints QStrings in failure messages.
inline std::ostream& operator<<(std::ostream& out, const QString& text)
{
    return out << text.toStdString();
}

namespace masahista::test {

// A fresh, migrated database in memory with its own connection.
std::unique_ptr<Database> memoryDatabase();
// A fresh, migrated database file at `path`.
std::unique_ptr<Database> fileDatabase(const QString& path);

// The real masahista executable run as a separate process.
struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};
ProcessResult runMasahista(const QStringList& arguments, int timeoutMs = 60000);
// The same, with "now" pinned for the process (MASAHISTA_NOW).
ProcessResult runMasahistaAt(const QDateTime& now, const QStringList& arguments);
// Starts the executable without waiting, for several running at once; finish() collects it.
std::unique_ptr<QProcess> startMasahista(const QStringList& arguments,
                                         const QDateTime& now = QDateTime());
ProcessResult finish(QProcess& process, int timeoutMs = 120000);

QByteArray readFileBytes(const QString& path);

} // namespace masahista::test

namespace masahista::test {

// Runs raw SQL on a file through a connection of its own, for crafting files that the app
// must refuse (a newer schema, another program's database). Only tests do this.
void executeRawSql(const QString& path, const QStringList& statements);

void writeFileBytes(const QString& path, const QByteArray& bytes);

// The sqlite3 shell with the database at `path` open, as another program or a second window
// would have it, for as long as it lives. `firstStatement` runs first; once it has answered,
// the file is open.
class OtherProgram
{
public:
    OtherProgram(const QString& path, const QByteArray& firstStatement);
    ~OtherProgram();
    OtherProgram(const OtherProgram&) = delete;
    OtherProgram& operator=(const OtherProgram&) = delete;

private:
    QProcess m_process;
};

// What another program sees of a database that some process has open.
namespace beside {
// Whether the process `pid` holds a POSIX lock on the file at `path` (/proc/locks): every
// SQLite connection to a database in write-ahead-log mode keeps one for as long as it is open.
bool holdsLock(qint64 pid, const QString& path);
// The sqlite3 shell asks for the database exclusively, without waiting: false while any
// connection anywhere has it open.
bool sqliteGetsItExclusively(const QString& path);
// Runs one statement in the sqlite3 shell, as another program reading the database would;
// its first output line.
QString sqliteAnswer(const QString& path, const QString& statement);
// The files the process `pid` has open whose names were deleted under it (/proc/PID/fd).
QStringList deletedFilesOpenIn(qint64 pid);
} // namespace beside

// Overwrites the page that holds `table`'s rows in the closed database at `path` with
// garbage, as a failing disk would: the header stays valid, the table cannot be read.
void damageTable(const QString& path, const QString& table);

} // namespace masahista::test
