#pragma once

#include <QString>
#include <QStringList>

// What Linux tells another program about the files a process has open, for the tests and the
// kill loop that run the window beside other programs. No Catch2 here: the kill loop links it.
namespace masahista::test::proc {

// Whether the process `pid` holds a POSIX lock on the file at `path` (/proc/locks): every
// SQLite connection to a database in write-ahead-log mode keeps one for as long as it is open.
// False with `problem` set when the file or /proc/locks cannot be read.
bool holdsLock(qint64 pid, const QString& path, QString* problem);

// The files the process `pid` has open whose names were deleted under it (/proc/PID/fd).
QStringList deletedFilesOpenIn(qint64 pid);

} // namespace masahista::test::proc
