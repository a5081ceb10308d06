#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/DatabaseFile.h"
#include "data/Migrator.h"
#include "data/SqliteFile.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace masahista;
using masahista::test::executeRawSql;
using masahista::test::readFileBytes;
using masahista::test::writeFileBytes;

namespace {

const QDateTime someTime = QDateTime(QDate(2026, 12, 2), QTime(15, 0), QTimeZone::utc());

Client clientNamed(const QString& name)
{
    Client client;
    client.fullName = name;
    client.phone = QStringLiteral("(780) 555-0100");
    return client;
}

// A database file with `clients` clients; the connection stays open (write-ahead log and all)
// as in a running app, unless the caller lets it go.
std::unique_ptr<Database> clinicWith(const QString& path, int clients)
{
    auto database = masahista::test::fileDatabase(path);
    for (int i = 0; i < clients; ++i) {
        REQUIRE(ClientRepository(*database)
                    .add(clientNamed(QStringLiteral("Client %1").arg(i)), someTime)
                    .ok());
    }
    return database;
}

qint64 clientCount(const QString& path)
{
    Result<std::unique_ptr<Database>> opened = Database::open(path, Database::Mode::ExistingOnly);
    REQUIRE(opened.ok());
    return ClientRepository(**opened).count().value();
}

QStringList namesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

TEST_CASE("A backup is one checked, self-contained copy of the live database", "[data][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    auto database = clinicWith(path, 3);
    // The last client is still only in the write-ahead log: the copy must have it too.
    REQUIRE(QFileInfo(path + QStringLiteral("-wal")).size() > 0);

    const QString backupPath = dir.filePath(QStringLiteral("copies/clinic-copy.sqlite"));
    Result<DatabaseFile::Checked> made = DatabaseFile::writeBackup(path, backupPath);
    INFO((made ? QString() : made.error().message));
    REQUIRE(made.ok());
    CHECK(made->schemaVersion == Migrator::latestVersion());
    CHECK(made->sizeBytes == QFileInfo(backupPath).size());
    // Nothing but the backup itself is left in its folder: no partial file, no journal.
    CHECK(namesIn(dir.filePath(QStringLiteral("copies"))) ==
          QStringList{QStringLiteral("clinic-copy.sqlite")});
    // Bytes 18 and 19 of the header say "rollback journal", so it opens on read-only media.
    const QByteArray header = readFileBytes(backupPath).left(20);
    CHECK(header.at(18) == 1);
    CHECK(header.at(19) == 1);

    // The app went on writing meanwhile; the copy holds the state it was taken at.
    REQUIRE(ClientRepository(*database).add(clientNamed(QStringLiteral("Later")), someTime).ok());
    CHECK(DatabaseFile::checkBackup(backupPath).ok());
    database.reset();
    CHECK(clientCount(backupPath) == 3);
    CHECK(clientCount(path) == 4);
}

TEST_CASE("A backup never replaces a file and leaves nothing behind when it fails",
          "[data][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    auto database = clinicWith(path, 1);

    SECTION("the name is taken")
    {
        const QString taken = dir.filePath(QStringLiteral("taken.sqlite"));
        writeFileBytes(taken, "keep me");
        Result<DatabaseFile::Checked> made = DatabaseFile::writeBackup(path, taken);
        REQUIRE_FALSE(made.ok());
        CHECK(made.error().code == ErrorCode::Conflict);
        CHECK(made.error().message.contains(u"already exists"));
        CHECK(readFileBytes(taken) == "keep me");
    }
    SECTION("the folder cannot be created")
    {
        const QString file = dir.filePath(QStringLiteral("a-file"));
        writeFileBytes(file, "not a folder");
        const QString inside = file + QStringLiteral("/backups/copy.sqlite");
        Result<DatabaseFile::Checked> made = DatabaseFile::writeBackup(path, inside);
        REQUIRE_FALSE(made.ok());
        CHECK(made.error().message.contains(u"Cannot write the backup"));
        CHECK(made.error().message.contains(u"folder"));
        CHECK(readFileBytes(file) == "not a folder");
    }
    SECTION("the database is damaged")
    {
        database.reset();
        masahista::test::damageTable(path, QStringLiteral("clients"));
        const QString copy = dir.filePath(QStringLiteral("out/copy.sqlite"));
        Result<DatabaseFile::Checked> made = DatabaseFile::writeBackup(path, copy);
        REQUIRE_FALSE(made.ok());
        INFO(made.error().message);
        CHECK(made.error().code == ErrorCode::Corrupt);
        CHECK(made.error().message.contains(u"masahista check"));
        CHECK(namesIn(dir.filePath(QStringLiteral("out"))).isEmpty());
    }
}

TEST_CASE("Checking a backup names what is wrong and changes nothing", "[data][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    clinicWith(path, 2).reset();
    const QString good = dir.filePath(QStringLiteral("checks/good.sqlite"));
    REQUIRE(DatabaseFile::writeBackup(path, good).ok());
    const QByteArray whole = readFileBytes(good);

    const auto expectRefused = [&dir](const QByteArray& bytes, ErrorCode code,
                                      const char16_t* words) {
        const QString candidate = dir.filePath(QStringLiteral("checks/candidate.sqlite"));
        writeFileBytes(candidate, bytes);
        Result<DatabaseFile::Checked> checked = DatabaseFile::checkBackup(candidate);
        REQUIRE_FALSE(checked.ok());
        INFO(checked.error().message);
        CHECK(checked.error().code == code);
        CHECK(checked.error().message.contains(QStringView(words)));
        CHECK(checked.error().message.contains(QDir::toNativeSeparators(candidate)));
        CHECK(readFileBytes(candidate) == bytes);
        CHECK(namesIn(dir.filePath(QStringLiteral("checks"))) ==
              (QStringList{QStringLiteral("candidate.sqlite"), QStringLiteral("good.sqlite")}));
        QFile::remove(candidate);
    };

    CHECK(DatabaseFile::checkBackup(good).ok());
    SECTION("a text file")
    {
        expectRefused("Dear diary,\n", ErrorCode::NotMasahista, u"not a Masahista backup");
    }
    SECTION("an empty file")
    {
        expectRefused(QByteArray(), ErrorCode::Corrupt, u"empty");
    }
    SECTION("a truncated copy")
    {
        expectRefused(whole.left(whole.size() / 2), ErrorCode::Corrupt, u"damaged");
    }
    SECTION("a copy with one page scribbled over")
    {
        const QString scribbled = dir.filePath(QStringLiteral("scribbled.sqlite"));
        QFile::copy(good, scribbled);
        masahista::test::damageTable(scribbled, QStringLiteral("clients"));
        expectRefused(readFileBytes(scribbled), ErrorCode::Corrupt, u"damaged");
    }
    SECTION("a backup from a newer Masahista")
    {
        const QString newer = dir.filePath(QStringLiteral("newer.sqlite"));
        QFile::copy(good, newer);
        executeRawSql(
            newer, {QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 1)});
        expectRefused(readFileBytes(newer), ErrorCode::NewerVersion, u"newer version");
    }
    SECTION("another program's database")
    {
        const QString other = dir.filePath(QStringLiteral("other.sqlite"));
        executeRawSql(other, {QStringLiteral("CREATE TABLE songs (title TEXT)")});
        expectRefused(readFileBytes(other), ErrorCode::NotMasahista, u"not a Masahista backup");
    }
}

TEST_CASE("The live database is checked with its write-ahead log, read-only", "[data][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    auto database = clinicWith(path, 2);
    const QByteArray before = readFileBytes(path);

    Result<DatabaseFile::Checked> quick =
        DatabaseFile::checkDatabase(path, DatabaseFile::Depth::Quick);
    Result<DatabaseFile::Checked> full =
        DatabaseFile::checkDatabase(path, DatabaseFile::Depth::Full);
    CHECK(quick.ok());
    CHECK(full.ok());
    CHECK(readFileBytes(path) == before);

    database.reset();
    masahista::test::damageTable(path, QStringLiteral("clients"));
    const QByteArray bytes = readFileBytes(path);
    Result<DatabaseFile::Checked> damaged =
        DatabaseFile::checkDatabase(path, DatabaseFile::Depth::Quick);
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().code == ErrorCode::Corrupt);
    CHECK(damaged.error().message.contains(u"damaged"));
    CHECK(damaged.error().message.contains(u"backup"));
    CHECK(readFileBytes(path) == bytes);
}

TEST_CASE("A database open anywhere is seen: in another process or in this one", "[data][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    auto database = clinicWith(path, 1);
    CHECK(SqliteFile::isOpenAnywhere(path));
    database.reset();
    CHECK_FALSE(SqliteFile::isOpenAnywhere(path));
    {
        const masahista::test::OtherProgram other(path, "SELECT count(*) FROM clients;");
        CHECK(SqliteFile::isOpenAnywhere(path));
    }
    CHECK_FALSE(SqliteFile::isOpenAnywhere(path));
    CHECK_FALSE(SqliteFile::isOpenAnywhere(dir.filePath(QStringLiteral("missing.sqlite"))));
    // The probe itself leaves the database as it was: no log, nothing beside it.
    CHECK(namesIn(dir.path()) == QStringList{QStringLiteral("clinic.sqlite")});
}

TEST_CASE("Checking a database nobody has open leaves nothing beside it and every byte as it was",
          "[data][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    clinicWith(path, 3).reset();
    REQUIRE(namesIn(dir.path()) == QStringList{QStringLiteral("clinic.sqlite")});
    const QByteArray before = readFileBytes(path);
    CHECK(DatabaseFile::checkDatabase(path, DatabaseFile::Depth::Quick).ok());
    CHECK(DatabaseFile::checkDatabase(path, DatabaseFile::Depth::Full).ok());
    CHECK(namesIn(dir.path()) == QStringList{QStringLiteral("clinic.sqlite")});
    CHECK(readFileBytes(path) == before);
}

TEST_CASE("Restoring puts a checked backup in place and keeps the current file aside",
          "[data][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    const QString backup = dir.filePath(QStringLiteral("backups/monday.sqlite"));
    auto database = clinicWith(path, 2);
    REQUIRE(DatabaseFile::writeBackup(path, backup).ok());
    REQUIRE(ClientRepository(*database).add(clientNamed(QStringLiteral("Tuesday")), someTime).ok());
    database.reset();
    // As a killed app leaves it: the newest change only in the write-ahead log.
    {
        auto reopened = masahista::test::fileDatabase(path);
        REQUIRE(ClientRepository(*reopened)
                    .add(clientNamed(QStringLiteral("Wednesday")), someTime)
                    .ok());
        QFile::copy(path, path + QStringLiteral(".main"));
        QFile::copy(path + QStringLiteral("-wal"), path + QStringLiteral(".wal"));
    }
    QFile::remove(path);
    QFile::rename(path + QStringLiteral(".main"), path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::rename(path + QStringLiteral(".wal"), path + QStringLiteral("-wal"));
    const QByteArray currentMain = readFileBytes(path);
    const QByteArray currentLog = readFileBytes(path + QStringLiteral("-wal"));

    SECTION("a good backup")
    {
        Result<QString> aside = DatabaseFile::restore(backup, path, someTime);
        INFO((aside ? QString() : aside.error().message));
        REQUIRE(aside.ok());
        CHECK(*aside == path + QStringLiteral(".before-restore-20261202-150000"));
        CHECK(readFileBytes(*aside) == currentMain);
        CHECK(readFileBytes(*aside + QStringLiteral("-wal")) == currentLog);
        CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
        CHECK(clientCount(path) == 2);
        // What was set aside is whole, the write-ahead log's last change included.
        CHECK(clientCount(*aside) == 4);
        CHECK(QFileInfo::exists(backup)); // the backup stays a backup
    }
    SECTION("a bad backup")
    {
        const QString bad = dir.filePath(QStringLiteral("backups/bad.sqlite"));
        writeFileBytes(bad, readFileBytes(backup).left(5000));
        Result<QString> aside = DatabaseFile::restore(bad, path, someTime);
        REQUIRE_FALSE(aside.ok());
        CHECK(aside.error().code == ErrorCode::Corrupt);
        CHECK(readFileBytes(path) == currentMain);
        CHECK(readFileBytes(path + QStringLiteral("-wal")) == currentLog);
        CHECK(namesIn(dir.path()) ==
              (QStringList{QStringLiteral("clinic.sqlite"), QStringLiteral("clinic.sqlite-wal")}));
    }
    SECTION("a database another program has open")
    {
        const masahista::test::OtherProgram other(path, "SELECT count(*) FROM clients;");
        const QByteArray openMain = readFileBytes(path);
        Result<QString> aside = DatabaseFile::restore(backup, path, someTime);
        REQUIRE_FALSE(aside.ok());
        CHECK(aside.error().code == ErrorCode::Locked);
        CHECK(aside.error().message.contains(u"Close it"));
        CHECK(readFileBytes(path) == openMain);
        CHECK_FALSE(QFileInfo::exists(path + QStringLiteral(".restoring")));
    }
    SECTION("no database yet")
    {
        const QString fresh = dir.filePath(QStringLiteral("new/clinic.sqlite"));
        Result<QString> aside = DatabaseFile::restore(backup, fresh, someTime);
        REQUIRE(aside.ok());
        CHECK(aside->isEmpty());
        CHECK(clientCount(fresh) == 2);
    }
}
