#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QString>

// Raw access to a database file through SQLite's own file layer, never a descriptor of ours.
//
// On POSIX, closing any descriptor of a file drops every lock the process holds on it, the locks
// of SQLite's connections included (sqlite.org, "How To Corrupt An SQLite Database File", 2.2).
// A QFile opened and closed on a database that this process has open lets another program
// delete the write-ahead log under it, or a restore replace the file. SQLite's file layer knows
// the files its connections have open and keeps a descriptor open until the last lock on the
// file is gone, so reading and probing through it is safe whoever has the file open.
namespace masahista::SqliteFile {

// The first `length` bytes of the file (fewer when it is shorter) and its whole size.
struct Start
{
    QByteArray bytes;
    qint64 fileSize = 0;
};

// Reads the start of the file at `path` without opening it as a database: nothing is created
// beside it and nothing is written, whatever the file holds.
Result<Start> readStart(const QString& path, qint64 length);

// Whether any connection, of another process or of this one, has the database at `path` open:
// every SQLite connection to a database in write-ahead-log mode keeps a shared lock on the
// file for as long as it is open, busy or idle, and the probe asks for the exclusive lock that
// no such lock allows. False when there is no file.
bool isOpenAnywhere(const QString& path);

} // namespace masahista::SqliteFile
