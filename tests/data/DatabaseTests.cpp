#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/Migrator.h"
#include "data/SqlQuery.h"
#include "data/WriteTransaction.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace masahista;
using masahista::test::executeRawSql;
using masahista::test::readFileBytes;
using masahista::test::writeFileBytes;

namespace {

Error openError(const QString& path, Database::Mode mode = Database::Mode::CreateIfMissing)
{
    Result<std::unique_ptr<Database>> opened = Database::open(path, mode);
    REQUIRE_FALSE(opened.ok());
    return opened.error();
}

qint64 pragma(Database& database, const QString& name)
{
    SqlQuery query(database, QStringLiteral("PRAGMA ") + name);
    Result<qint64> value = query.scalarInt(QStringLiteral("test"));
    REQUIRE(value.ok());
    return *value;
}

// A real, closed Masahista database file with one client in it.
QString makeDatabaseFile(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    auto database = masahista::test::fileDatabase(path);
    Client client;
    client.fullName = QStringLiteral("Test Client");
    client.phone = QStringLiteral("(780) 555-0100");
    REQUIRE(ClientRepository(*database).add(client, QDateTime::currentDateTimeUtc()).ok());
    return path;
}

} // namespace

TEST_CASE("A new database file reaches the latest schema with the pragmas set", "[data][db]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/folder/clinic.sqlite"));
    auto database = masahista::test::fileDatabase(path);

    CHECK(QFileInfo::exists(path));
    CHECK(database->schemaVersion() == Migrator::latestVersion());
    CHECK(Migrator::latestVersion() >= 1);
    CHECK(pragma(*database, QStringLiteral("application_id")) == Migrator::applicationId);
    CHECK(pragma(*database, QStringLiteral("foreign_keys")) == 1);
    CHECK(pragma(*database, QStringLiteral("synchronous")) == 2); // FULL
    SqlQuery journal(*database, QStringLiteral("PRAGMA journal_mode"));
    CHECK(journal.scalarText(QStringLiteral("test")).value() == u"wal");
    // The seeded modalities came with the first migration.
    CHECK(pragma(*database, QStringLiteral("user_version")) == Migrator::latestVersion());
}

TEST_CASE("Opening a current database again changes nothing and keeps its data", "[data][db]")
{
    QTemporaryDir dir;
    const QString path = makeDatabaseFile(dir, QStringLiteral("clinic.sqlite"));
    const QByteArray before = readFileBytes(path);
    {
        auto database = masahista::test::fileDatabase(path);
        CHECK(ClientRepository(*database).count().value() == 1);
    }
    CHECK(readFileBytes(path) == before);
}

TEST_CASE("A new database appears whole, with nothing left beside it", "[data][db]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    {
        auto database = masahista::test::fileDatabase(path);
        CHECK(database->schemaVersion() == Migrator::latestVersion());
        // Made under another name and linked into place: only its own files are there.
        QStringList names = QDir(dir.path()).entryList(QDir::Files);
        names.removeAll(QStringLiteral("clinic.sqlite-wal"));
        names.removeAll(QStringLiteral("clinic.sqlite-shm"));
        CHECK(names == QStringList{QStringLiteral("clinic.sqlite")});
    }
    // A second open finds the file made and does not make another.
    auto again = masahista::test::fileDatabase(path);
    CHECK(
        QDir(dir.path()).entryList(QDir::Files) ==
        QStringList{QStringLiteral("clinic.sqlite")} +
            QStringList{QStringLiteral("clinic.sqlite-shm"), QStringLiteral("clinic.sqlite-wal")});
}

TEST_CASE("A file whose header is ahead of it is opened when the log beside it has the rest",
          "[data][db]")
{
    // What a checkpoint killed after its first write leaves: page 1 already counts the pages
    // that the write-ahead log still holds.
    QTemporaryDir dir;
    const QString path = makeDatabaseFile(dir, QStringLiteral("clinic.sqlite"));
    QByteArray bytes = readFileBytes(path);
    const qsizetype pageSize = 4096;
    REQUIRE(bytes.size() > 3 * pageSize);
    const QByteArray cut = bytes.left(bytes.size() - 2 * pageSize);

    SECTION("without a log, the file is refused as cut short")
    {
        writeFileBytes(path, cut);
        const Error error = openError(path);
        CHECK(error.code == ErrorCode::Corrupt);
        CHECK(error.message.contains(u"truncated"));
        CHECK(readFileBytes(path) == cut);
    }
    SECTION("with one, the check leaves it to SQLite")
    {
        // Any log: SQLite decides what it holds; here it holds nothing, so the database is
        // short, and the first read says so instead of the header check.
        writeFileBytes(path, cut);
        writeFileBytes(path + QStringLiteral("-wal"), QByteArray(32, '\0'));
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::Mode::ExistingOnly);
        if (!opened) {
            CHECK(opened.error().code != ErrorCode::NotMasahista);
            CHECK_FALSE(opened.error().message.contains(u"truncated"));
        }
    }
}

TEST_CASE("Files that are not usable Masahista databases are refused untouched", "[data][db]")
{
    QTemporaryDir dir;

    SECTION("a missing file when one must exist")
    {
        const QString path = dir.filePath(QStringLiteral("missing.sqlite"));
        const Error error = openError(path, Database::Mode::ExistingOnly);
        CHECK(error.code == ErrorCode::CannotOpen);
        CHECK(error.message.contains(path));
        CHECK_FALSE(QFileInfo::exists(path));
    }
    SECTION("an empty file")
    {
        const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
        writeFileBytes(path, QByteArray());
        const Error error = openError(path);
        CHECK(error.code == ErrorCode::Corrupt);
        CHECK(error.message.contains(u"empty (0 bytes)"));
        CHECK(error.message.contains(path));
        CHECK(readFileBytes(path).isEmpty());
        CHECK(QDir(dir.path()).entryList(QDir::Files) ==
              QStringList{QStringLiteral("empty.sqlite")});
    }
    SECTION("a text file")
    {
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        const QByteArray text("Shopping list: towels, massage oil; hot stones\n");
        writeFileBytes(path, text);
        const Error error = openError(path);
        CHECK(error.code == ErrorCode::NotMasahista);
        CHECK(error.message.contains(path));
        CHECK(readFileBytes(path) == text);
    }
    SECTION("another program's SQLite database")
    {
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        executeRawSql(path, {QStringLiteral("CREATE TABLE songs (title TEXT)"),
                             QStringLiteral("INSERT INTO songs VALUES ('la la')")});
        const QByteArray before = readFileBytes(path);
        const Error error = openError(path);
        CHECK(error.code == ErrorCode::NotMasahista);
        CHECK(readFileBytes(path) == before);
        CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
    }
    SECTION("a database from a newer Masahista")
    {
        const QString path = makeDatabaseFile(dir, QStringLiteral("newer.sqlite"));
        executeRawSql(
            path, {QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 1)});
        const QByteArray before = readFileBytes(path);
        const Error error = openError(path);
        CHECK(error.code == ErrorCode::NewerVersion);
        CHECK(error.message.contains(path));
        CHECK(error.message.contains(u"newer version"));
        CHECK(readFileBytes(path) == before);
    }
    SECTION("a truncated database")
    {
        const QString path = makeDatabaseFile(dir, QStringLiteral("truncated.sqlite"));
        const QByteArray whole = readFileBytes(path);
        REQUIRE(whole.size() > 8192);
        for (const qsizetype size :
             {whole.size() / 2, qsizetype{4096}, qsizetype{4000}, qsizetype{50}}) {
            const QByteArray cut = whole.left(size);
            writeFileBytes(path, cut);
            INFO("truncated to " << size << " bytes");
            const Error error = openError(path);
            CHECK(error.code == ErrorCode::Corrupt);
            CHECK(error.message.contains(u"truncated"));
            CHECK(readFileBytes(path) == cut);
        }
    }
    SECTION("a database whose pages are damaged")
    {
        const QString path = makeDatabaseFile(dir, QStringLiteral("damaged.sqlite"));
        QByteArray bytes = readFileBytes(path);
        // Keep the header page; scribble over every other page.
        for (qsizetype i = 4096; i < bytes.size(); ++i) {
            bytes[i] = static_cast<char>(0xA5 ^ (i & 0xFF));
        }
        writeFileBytes(path, bytes);
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::Mode::ExistingOnly);
        if (opened) {
            // The header alone looked fine; the first real read must say "damaged".
            Result<qint64> count = ClientRepository(**opened).count();
            REQUIRE_FALSE(count.ok());
            CHECK(count.error().code == ErrorCode::Corrupt);
        } else {
            CHECK(opened.error().code == ErrorCode::Corrupt);
        }
        opened = makeError(ErrorCode::Database, QString()); // close before comparing
        CHECK(readFileBytes(path) == bytes);
    }
    SECTION("a read-only file")
    {
        const QString path = makeDatabaseFile(dir, QStringLiteral("readonly.sqlite"));
        const QByteArray before = readFileBytes(path);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        const Error error = openError(path);
        CHECK(error.code == ErrorCode::ReadOnly);
        CHECK(error.message.contains(u"read-only"));
        CHECK(readFileBytes(path) == before);
    }
    SECTION("a folder")
    {
        const Error error = openError(dir.path());
        CHECK(error.code == ErrorCode::CannotOpen);
    }
}

TEST_CASE("Migrations apply once, and a failed write rolls back whole", "[data][db]")
{
    auto database = masahista::test::memoryDatabase();
    REQUIRE(Migrator(*database).migrate().ok()); // a second run finds nothing to do
    CHECK(database->schemaVersion() == Migrator::latestVersion());

    {
        Result<WriteTransaction> outer = WriteTransaction::begin(*database);
        REQUIRE(outer.ok());
        Client client;
        client.fullName = QStringLiteral("Rolled Back");
        client.phone = QStringLiteral("(780) 555-0101");
        REQUIRE(ClientRepository(*database).add(client, QDateTime::currentDateTimeUtc()).ok());
        // `outer` ends without commit.
    }
    CHECK(ClientRepository(*database).count().value() == 0);
    CHECK(database->transactionDepth() == 0);
}

TEST_CASE("A write lock held by another program is reported, not waited on forever", "[data][db]")
{
    QTemporaryDir dir;
    const QString path = makeDatabaseFile(dir, QStringLiteral("locked.sqlite"));
    auto holder = masahista::test::fileDatabase(path);
    Result<WriteTransaction> held = WriteTransaction::begin(*holder);
    REQUIRE(held.ok());

    Result<std::unique_ptr<Database>> second =
        Database::open(path, Database::Mode::ExistingOnly, Database::Options{200});
    REQUIRE(second.ok());
    Client client;
    client.fullName = QStringLiteral("Waiting Client");
    client.phone = QStringLiteral("(780) 555-0102");
    Result<Id> added = ClientRepository(**second).add(client, QDateTime::currentDateTimeUtc());
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == ErrorCode::Locked);
    CHECK(added.error().message.contains(u"busy"));
}
