// On POSIX, closing any descriptor of a file drops every lock the process holds on it, SQLite's
// included. These tests keep a database open in this process, as the window does, run every
// operation that reads or checks its file, and then look from another program: the lock must
// still be there, the write-ahead log must not be deleted under us, and nothing we write may be
// lost to the other program.
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/DatabaseFile.h"
#include "data/SqliteFile.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimeZone>

#include <functional>

using namespace masahista;
namespace beside = masahista::test::beside;

namespace {

const QDateTime someTime = QDateTime(QDate(2026, 12, 2), QTime(15, 0), QTimeZone::utc());

Client clientNamed(const QString& name)
{
    Client client;
    client.fullName = name;
    client.phone = QStringLiteral("(780) 555-0100");
    return client;
}

// After `operation`, this process still holds its lock, another program's read does not take
// the log away, and a change made afterwards is seen by the other program.
void checkLocksSurvive(const std::function<void(const QString&)>& operation)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    auto database = masahista::test::fileDatabase(path);
    ClientRepository clients(*database);
    REQUIRE(clients.add(clientNamed(QStringLiteral("Before")), someTime).ok());
    const qint64 self = QCoreApplication::applicationPid();
    REQUIRE(beside::holdsLock(self, path));

    operation(path);

    CHECK(beside::holdsLock(self, path));
    CHECK_FALSE(beside::sqliteGetsItExclusively(path));
    // The last program to close a database deletes its log: another program's read must not
    // think it is the last one.
    CHECK(beside::sqliteAnswer(path, QStringLiteral("SELECT count(*) FROM clients")) == u"1");
    CHECK(QFileInfo::exists(path + QStringLiteral("-wal")));
    CHECK(beside::deletedFilesOpenIn(self).filter(QDir(dir.path()).dirName()).isEmpty());
    REQUIRE(clients.add(clientNamed(QStringLiteral("After")), someTime).ok());
    CHECK(beside::sqliteAnswer(path, QStringLiteral("SELECT count(*) FROM clients")) == u"2");
}

} // namespace

TEST_CASE("Checking the open database keeps this process's locks on it", "[data][locks]")
{
    checkLocksSurvive([](const QString& path) {
        CHECK(DatabaseFile::checkDatabase(path, DatabaseFile::Depth::Quick).ok());
        CHECK(DatabaseFile::checkDatabase(path, DatabaseFile::Depth::Full).ok());
    });
}

TEST_CASE("Backing up the open database keeps this process's locks on it", "[data][locks]")
{
    checkLocksSurvive([](const QString& path) {
        const QString backup = QFileInfo(path).absoluteDir().filePath(QStringLiteral("b.sqlite"));
        CHECK(DatabaseFile::writeBackup(path, backup).ok());
        CHECK(DatabaseFile::checkBackup(backup).ok());
    });
}

TEST_CASE("Opening the database a second time keeps the first connection's locks", "[data][locks]")
{
    checkLocksSurvive([](const QString& path) {
        Result<std::unique_ptr<Database>> second =
            Database::open(path, Database::Mode::ExistingOnly);
        REQUIRE(second.ok());
        second->reset();
    });
}

TEST_CASE("Asking whether the database is open keeps this process's locks on it", "[data][locks]")
{
    checkLocksSurvive([](const QString& path) {
        // This process's own connection counts: a restore under it would be as bad.
        CHECK(SqliteFile::isOpenAnywhere(path));
        CHECK(SqliteFile::readStart(path, 16).ok());
    });
}

TEST_CASE("A restore is refused while this process has the database open", "[data][locks]")
{
    checkLocksSurvive([](const QString& path) {
        const QString backup = QFileInfo(path).absoluteDir().filePath(QStringLiteral("b.sqlite"));
        REQUIRE(DatabaseFile::writeBackup(path, backup).ok());
        const Result<QString> restored = DatabaseFile::restore(backup, path, someTime);
        REQUIRE_FALSE(restored.ok());
        CHECK(restored.error().code == ErrorCode::Locked);
    });
}

TEST_CASE("Reading a file's start through SQLite changes nothing and makes nothing beside it",
          "[data][locks]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    masahista::test::writeFileBytes(path, QByteArrayLiteral("Shopping list: oil, towels"));
    const Result<SqliteFile::Start> start = SqliteFile::readStart(path, 100);
    REQUIRE(start.ok());
    CHECK(start->bytes == QByteArrayLiteral("Shopping list: oil, towels"));
    CHECK(start->fileSize == 26);
    CHECK(SqliteFile::readStart(path, 8)->bytes == QByteArrayLiteral("Shopping"));
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{QStringLiteral("notes.txt")});
    CHECK_FALSE(SqliteFile::isOpenAnywhere(path));
    CHECK(masahista::test::readFileBytes(path) == QByteArrayLiteral("Shopping list: oil, towels"));
    CHECK_FALSE(SqliteFile::readStart(dir.filePath(QStringLiteral("missing")), 16).ok());
}
