#include "support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace masahista;
using masahista::test::ProcessResult;
using masahista::test::readFileBytes;
using masahista::test::runMasahista;
using masahista::test::runMasahistaAt;

namespace {

// 2026-12-02 08:30 in Edmonton.
const QDateTime now(QDate(2026, 12, 2), QTime(15, 30), QTimeZone::utc());

ProcessResult on(const QString& path, const QStringList& command)
{
    return runMasahistaAt(now, QStringList{QStringLiteral("--db"), path} + command);
}

QString demoDatabase(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    const ProcessResult demo = on(path, {QStringLiteral("demo")});
    INFO(demo.err);
    REQUIRE(demo.exitCode == 0);
    return path;
}

QString dayOf(const QString& path)
{
    const ProcessResult day =
        on(path, {QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-12-02")});
    INFO(day.err);
    REQUIRE(day.exitCode == 0);
    return day.out;
}

} // namespace

TEST_CASE("backup copies the database into the backup folder, and backups lists it", "[cli]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir);

    const ProcessResult empty = on(path, {QStringLiteral("backups")});
    CHECK(empty.exitCode == 0);
    CHECK(empty.out.contains(u"No backups"));

    const ProcessResult made = on(path, {QStringLiteral("backup")});
    INFO(made.err);
    REQUIRE(made.exitCode == 0);
    const QString expected =
        dir.filePath(QStringLiteral("backups/clinic-2026-12-02-083000.sqlite"));
    CHECK(made.out.contains(QDir::toNativeSeparators(expected)));
    CHECK(made.out.contains(u"passed its check"));
    REQUIRE(QFileInfo::exists(expected));
    CHECK(dayOf(expected) == dayOf(path)); // the copy is a whole clinic

    const ProcessResult listed = on(path, {QStringLiteral("backups"), QStringLiteral("--json")});
    REQUIRE(listed.exitCode == 0);
    const QJsonArray backups = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    REQUIRE(backups.size() == 1);
    CHECK(backups.at(0)[QStringLiteral("path")].toString() == expected);
    CHECK(backups.at(0)[QStringLiteral("kind")].toString() == u"manual");
    CHECK(backups.at(0)[QStringLiteral("day")].toString() == u"2026-12-02");
    CHECK(backups.at(0)[QStringLiteral("size_bytes")].toInteger() == QFileInfo(expected).size());

    SECTION("to a file of one's choosing, never over an existing one")
    {
        const QString chosen = dir.filePath(QStringLiteral("usb/friday.sqlite"));
        CHECK(on(path, {QStringLiteral("backup"), chosen}).exitCode == 0);
        CHECK(QFileInfo::exists(chosen));
        const QByteArray before = readFileBytes(chosen);
        const ProcessResult again = on(path, {QStringLiteral("backup"), chosen});
        CHECK(again.exitCode == 1);
        CHECK(again.err.contains(u"already exists"));
        CHECK(readFileBytes(chosen) == before);
    }
}

TEST_CASE("check says whether the database is sound and exits 3 when it is damaged", "[cli]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir);
    const ProcessResult sound = on(path, {QStringLiteral("check")});
    INFO(sound.err);
    CHECK(sound.exitCode == 0);
    CHECK(sound.out.contains(u"is sound"));
    CHECK(on(path, {QStringLiteral("check"), QStringLiteral("--quick")}).exitCode == 0);

    masahista::test::damageTable(path, QStringLiteral("appointments"));
    const QByteArray damaged = readFileBytes(path);
    for (const QStringList& command : {QStringList{QStringLiteral("check")},
                                       QStringList{QStringLiteral("day"), QStringLiteral("--date"),
                                                   QStringLiteral("2026-12-02")}}) {
        const ProcessResult refused = on(path, command);
        INFO(command.join(u' ') << ": " << refused.err);
        CHECK(refused.exitCode == 3);
        CHECK(refused.err.contains(u"damaged"));
        CHECK(refused.err.contains(QDir::toNativeSeparators(path)));
        CHECK(refused.err.count(u'\n') == 1);
    }
    CHECK(readFileBytes(path) == damaged);
}

TEST_CASE("check reads the database without writing it and leaves nothing beside it", "[cli]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir);
    const QStringList alone{QStringLiteral("clinic.sqlite")};
    REQUIRE(QDir(dir.path()).entryList(QDir::Files) == alone);
    const QByteArray before = readFileBytes(path);
    for (const QStringList& command :
         {QStringList{QStringLiteral("check")},
          QStringList{QStringLiteral("check"), QStringLiteral("--quick")}}) {
        const ProcessResult checked = on(path, command);
        INFO(checked.err);
        CHECK(checked.exitCode == 0);
        CHECK(QDir(dir.path()).entryList(QDir::Files) == alone);
        CHECK(readFileBytes(path) == before);
    }
    // Beside another program, whose log and index stay for as long as it has the file open.
    const masahista::test::OtherProgram holder(path, "SELECT count(*) FROM appointments;");
    CHECK(on(path, {QStringLiteral("check")}).exitCode == 0);
    CHECK(QFileInfo::exists(path + QStringLiteral("-wal")));
    CHECK(QFileInfo::exists(path + QStringLiteral("-shm")));
    CHECK(masahista::test::beside::sqliteAnswer(path, QStringLiteral("PRAGMA quick_check")) ==
          u"ok");
}

TEST_CASE("restore replaces a damaged database by a backup and keeps the damaged one aside",
          "[cli]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir);
    const QString backup = dir.filePath(QStringLiteral("monday.sqlite"));
    REQUIRE(on(path, {QStringLiteral("backup"), backup}).exitCode == 0);
    const QString scheduleThen = dayOf(path);

    SECTION("a good backup")
    {
        masahista::test::damageTable(path, QStringLiteral("appointments"));
        const QByteArray damaged = readFileBytes(path);
        const ProcessResult restored = on(path, {QStringLiteral("restore"), backup});
        INFO(restored.err);
        REQUIRE(restored.exitCode == 0);
        const QString aside = path + QStringLiteral(".before-restore-20261202-153000");
        CHECK(restored.out.contains(u"Restored"));
        CHECK(restored.out.contains(QDir::toNativeSeparators(aside)));
        CHECK(readFileBytes(aside) == damaged);
        CHECK(dayOf(path) == scheduleThen);
    }
    SECTION("a bad backup is refused and nothing changes")
    {
        const QString bad = dir.filePath(QStringLiteral("bad.sqlite"));
        masahista::test::writeFileBytes(bad, readFileBytes(backup).left(8000));
        const QByteArray before = readFileBytes(path);
        const ProcessResult refused = on(path, {QStringLiteral("restore"), bad});
        CHECK(refused.exitCode == 3);
        CHECK(refused.err.contains(u"damaged or incomplete"));
        CHECK(readFileBytes(path) == before);
        CHECK(QDir(dir.path()).entryList({QStringLiteral("*before-restore*")}).isEmpty());
    }
    SECTION("not while another program has the database open")
    {
        ProcessResult refused;
        {
            const masahista::test::OtherProgram holder(path, "SELECT count(*) FROM appointments;");
            refused = on(path, {QStringLiteral("restore"), backup});
        }
        CHECK(refused.exitCode == 3);
        CHECK(refused.err.contains(u"Close it"));
        CHECK(on(path, {QStringLiteral("restore"), backup}).exitCode == 0);
    }
    SECTION("without a file to restore from")
    {
        const ProcessResult usage = on(path, {QStringLiteral("restore")});
        CHECK(usage.exitCode == 2);
    }
}
