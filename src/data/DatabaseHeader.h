#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace masahista {

// The fixed 100-byte header at the start of every SQLite file, read before SQLite opens the
// file, so that a foreign or truncated one is recognised before SQLite (or our pragmas) could
// write anything to it. Works on bytes alone, so that tests/fuzz/fuzz_database_header.cpp can
// feed it anything.
class DatabaseHeader
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    static constexpr qint64 size = 100;

    // Whether `start` (at least the file's first 16 bytes) begins as every SQLite file does.
    static bool isSqlite(const QByteArray& start);

    // `header` is the file's first `size` bytes (fewer when the file is shorter), `fileSize`
    // its whole length; `path` is only for the messages. `logBeside`: a write-ahead log or a
    // rollback journal lies beside the file, which SQLite will fold in or roll back when it
    // opens it. An empty file is refused: Masahista never makes one, so it is another
    // program's or one that lost its contents.
    static Status check(const QByteArray& header, qint64 fileSize, const QString& path,
                        bool logBeside);
};

} // namespace masahista
