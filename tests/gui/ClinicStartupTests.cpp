#include "booking/Clock.h"
#include "data/RoomRepository.h"
#include "gui/ClinicStartup.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using masahista::ErrorCode;
using masahista::Result;
using masahista::gui::openClinic;
using masahista::gui::OpenedClinic;

namespace {
const masahista::SystemClock startClock;
}

TEST_CASE("Start-up creates a missing database and treats it as a first start", "[gui]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("clinic/masahista.sqlite"));

    Result<OpenedClinic> opened = openClinic(path, startClock);
    INFO((opened ? QString() : opened.error().message));
    REQUIRE(opened.ok());
    CHECK(opened->isFirstStart);
    CHECK(opened->clinic->path() == path);
    CHECK(QFile::exists(path));
}

TEST_CASE("Start-up skips the welcome once the clinic has something in it", "[gui]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("masahista.sqlite"));
    {
        std::unique_ptr<masahista::Database> database = masahista::test::fileDatabase(path);
        masahista::Room room;
        room.name = QStringLiteral("Room 1");
        room.kind = QStringLiteral("table");
        REQUIRE(masahista::RoomRepository(*database).add(room).ok());
    }

    Result<OpenedClinic> opened = openClinic(path, startClock);
    REQUIRE(opened.ok());
    CHECK_FALSE(opened->isFirstStart);
}

TEST_CASE("Start-up refuses a database from a newer Masahista and leaves it untouched", "[gui]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("newer.sqlite"));
    masahista::test::executeRawSql(path, {QStringLiteral("PRAGMA application_id = 1296126785"),
                                          QStringLiteral("PRAGMA user_version = 99"),
                                          QStringLiteral("CREATE TABLE t (x)")});
    const QByteArray before = masahista::test::readFileBytes(path);

    {
        Result<OpenedClinic> opened = openClinic(path, startClock);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == ErrorCode::NewerVersion);
        CHECK(opened.error().message.contains(path));
        CHECK(opened.error().message.contains(QStringLiteral("newer")));
    }

    CHECK(masahista::test::readFileBytes(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("Start-up refuses a file that is not a database and leaves it untouched", "[gui]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("Appointments for Tuesday: none.\n");
    }
    const QByteArray before = masahista::test::readFileBytes(path);

    Result<OpenedClinic> opened = openClinic(path, startClock);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == ErrorCode::NotMasahista);
    CHECK(masahista::test::readFileBytes(path) == before);
}
