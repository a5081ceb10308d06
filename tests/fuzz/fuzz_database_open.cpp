// Opening a database file (Database::open): whatever the file holds, a file that open()
// refuses is left exactly as it was, and open() accepts nothing that the header check
// (DatabaseHeader) refuses. Input: the whole file, written to a temporary folder.
#include "FuzzSupport.h"
#include "data/Database.h"
#include "data/DatabaseHeader.h"
#include "data/Migrator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace masahista;
using fuzz::require;

namespace {

const QTemporaryDir& folder()
{
    // In memory when there is a /dev/shm: open() syncs to the disk, which would slow the run.
    static const QTemporaryDir folder(QDir(QStringLiteral("/dev/shm")).exists()
                                          ? QStringLiteral("/dev/shm/masahista-fuzz-XXXXXX")
                                          : QDir::tempPath() +
                                                QStringLiteral("/masahista-fuzz-XXXXXX"));
    if (!folder.isValid()) {
        fuzz::fail("a temporary folder can be made", folder.errorString());
    }
    return folder;
}

QByteArray bytesOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fuzz::fail("the file can be read back", file.errorString());
    }
    return file.readAll();
}

void removeAll(const QString& path)
{
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile::remove(path + suffix);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString path = folder().filePath(QStringLiteral("clinic.sqlite"));
    removeAll(path);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            fuzz::fail("the file can be written", file.errorString());
        }
    }

    Result<std::unique_ptr<Database>> opened = Database::open(path, Database::Mode::ExistingOnly);
    if (!opened) {
        require(opened.error().isDatabaseProblem(), "a refused file is a database problem",
                [&]() -> QString { return opened.error().message; });
        const QByteArray after = bytesOf(path);
        require(after == bytes, "a refused file is left exactly as it was",
                [&]() -> QString { return opened.error().message; });
        removeAll(path);
        return 0;
    }
    require(DatabaseHeader::check(bytes.left(DatabaseHeader::size), bytes.size(), path, false).ok(),
            "open() accepts no file that the header check refuses");
    require((*opened)->schemaVersion() == Migrator::latestVersion(),
            "an opened database is brought up to date");
    opened->reset();
    removeAll(path);
    return 0;
}
