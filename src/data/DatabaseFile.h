#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QString>

// Operations on a database file as a whole: copying it into a backup, checking a backup or
// the live file, and putting a backup in its place. Each works on a plain SQLite connection
// of its own (never the app's), so any thread may run it.
namespace masahista::DatabaseFile {

// What checking a file found.
struct Checked
{
    int schemaVersion = 0;
    qint64 sizeBytes = 0;
};

enum class Depth
{
    Quick, // PRAGMA quick_check: every page and record readable; what a start can afford
    Full,  // PRAGMA integrity_check: also every index agrees with its table
};

// Copies the database at `databasePath`, as one consistent state, to `backupPath`, which
// must not exist yet; the app may go on reading and writing meanwhile. The copy is written
// under a temporary name beside `backupPath`, made a single self-contained file, flushed to
// the disk and checked as checkBackup() does before it gets its name: whatever carries the
// name is a whole backup that passed its check.
Result<Checked> writeBackup(const QString& databasePath, const QString& backupPath);

// Reads the backup at `path` without changing it or creating anything beside it, and checks
// that it is a whole Masahista database this version can open (integrity_check, the
// application id, a schema version no newer than this build's).
Result<Checked> checkBackup(const QString& path);

// Checks the live database at `path` (its write-ahead log included) through a connection of
// its own that may not write: nothing is written, whoever else has the file open, and nothing is
// left beside the file that was not there (SqliteFile.h: it never opens the file itself).
Result<Checked> checkDatabase(const QString& path, Depth depth);

// Puts the backup at `backupPath` (checked first; refused untouched when bad) in place of the
// database at `databasePath`. The current file, if any, is not deleted but kept beside it
// with its journal files as "<name>.before-restore-<UTC time>"; its path is returned (empty
// when there was no file). Refused while any connection, of this process or another, has the
// database open (SqliteFile::isOpenAnywhere).
Result<QString> restore(const QString& backupPath, const QString& databasePath,
                        const QDateTime& nowUtc);

} // namespace masahista::DatabaseFile
