#include "booking/backup/BackupFolder.h"
#include "booking/backup/BackupRetention.h"
#include "booking/backup/BackupService.h"
#include "booking/catalogue/SettingsService.h"
#include "booking/engine/ClinicTime.h"
#include "data/ClientRepository.h"
#include "data/SettingsRepository.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

using namespace masahista;
using masahista::test::writeFileBytes;

namespace {

const QTimeZone edmonton = ClinicTime::zone(QStringLiteral("America/Edmonton"));

QList<BackupInfo> dailyBackups(QDate last, int days)
{
    QList<BackupInfo> all;
    for (int back = 0; back < days; ++back) {
        BackupInfo backup;
        backup.kind = BackupKind::Daily;
        backup.day = last.addDays(-back);
        backup.path = backup.day.toString(Qt::ISODate);
        all.append(backup);
    }
    return all;
}

QSet<QDate> daysOf(const QList<BackupInfo>& backups)
{
    QSet<QDate> days;
    for (const BackupInfo& backup : backups) {
        days.insert(backup.day);
    }
    return days;
}

QSet<QDate> keptOf(const QList<BackupInfo>& all)
{
    return daysOf(all) - daysOf(BackupRetention::toRemove(all));
}

QStringList namesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files, QDir::Name);
}

} // namespace

TEST_CASE("Daily backups are kept for 7 days, then one a week for 4 weeks", "[booking][backup]")
{
    // Wednesday 2026-12-02, after 60 days with a backup every day.
    const QDate today(2026, 12, 2);
    const QSet<QDate> kept = keptOf(dailyBackups(today, 60));
    QSet<QDate> expected;
    for (int back = 0; back < 7; ++back) {
        expected.insert(today.addDays(-back)); // Thursday 26 November to today
    }
    // The newest of each of the four weeks before the weeks those days are in (Sundays).
    expected += {QDate(2026, 11, 22), QDate(2026, 11, 15), QDate(2026, 11, 8), QDate(2026, 11, 1)};
    CHECK(kept == expected);

    SECTION("days without a backup (the clinic closed) do not count")
    {
        QList<BackupInfo> weekdaysOnly = dailyBackups(today, 60);
        weekdaysOnly.removeIf([](const BackupInfo& b) { return b.day.dayOfWeek() >= 6; });
        const QSet<QDate> keptWeekdays = keptOf(weekdaysOnly);
        // Seven backups of seven working days, then Fridays of four earlier weeks.
        CHECK(keptWeekdays ==
              (QSet<QDate>{QDate(2026, 12, 2), QDate(2026, 12, 1), QDate(2026, 11, 30),
                           QDate(2026, 11, 27), QDate(2026, 11, 26), QDate(2026, 11, 25),
                           QDate(2026, 11, 24), QDate(2026, 11, 20), QDate(2026, 11, 13),
                           QDate(2026, 11, 6), QDate(2026, 10, 30)}));
    }
    SECTION("a few backups are all kept")
    {
        CHECK(BackupRetention::toRemove(dailyBackups(today, 7)).isEmpty());
        CHECK(BackupRetention::toRemove({}).isEmpty());
    }
}

TEST_CASE("A backup folder names backups by the clinic's clock and finds only its own",
          "[booking][backup]")
{
    QTemporaryDir dir;
    const BackupFolder folder(dir.filePath(QStringLiteral("backups")),
                              dir.filePath(QStringLiteral("clinic.sqlite")), edmonton);
    // 05:30 UTC on 2 December is still 1 December, 22:30, in Edmonton.
    const QDateTime lateEvening(QDate(2026, 12, 2), QTime(5, 30), QTimeZone::utc());
    CHECK(folder.newBackupPath(BackupKind::Daily, lateEvening) ==
          QDir(folder.path()).filePath(QStringLiteral("clinic-daily-2026-12-01-223000.sqlite")));
    CHECK(folder.newBackupPath(BackupKind::Manual, lateEvening) ==
          QDir(folder.path()).filePath(QStringLiteral("clinic-2026-12-01-223000.sqlite")));
    CHECK(folder.list().isEmpty()); // no folder yet

    REQUIRE(QDir().mkpath(folder.path()));
    const QDir in(folder.path());
    for (const char* name :
         {"clinic-daily-2026-11-30-080000.sqlite", "clinic-2026-11-30-101500.sqlite",
          "clinic-2026-11-30-101500-2.sqlite", "clinic-daily-2026-12-01-080000.sqlite",
          // not backups of this database, or not backups at all:
          "other-daily-2026-12-01-080000.sqlite", "clinic-daily-2026-12-01-080000.sqlite.partial",
          "clinic-2026-12-01.sqlite", "clinic-daily-2026-12-01.sqlite", "notes.txt"}) {
        writeFileBytes(in.filePath(QString::fromLatin1(name)), "x");
    }
    // A second backup in the same second gets a name of its own.
    CHECK(folder.newBackupPath(BackupKind::Manual,
                               QDateTime(QDate(2026, 11, 30), QTime(17, 15), QTimeZone::utc())) ==
          in.filePath(QStringLiteral("clinic-2026-11-30-101500-3.sqlite")));

    QStringList listed;
    for (const BackupInfo& backup : folder.list()) {
        listed.append(QFileInfo(backup.path).fileName() + QLatin1Char(' ') +
                      backup.day.toString(Qt::ISODate) +
                      (backup.kind == BackupKind::Daily ? QStringLiteral(" daily")
                                                        : QStringLiteral(" manual")));
    }
    listed.sort();
    CHECK(listed ==
          (QStringList{QStringLiteral("clinic-2026-11-30-101500-2.sqlite 2026-11-30 manual"),
                       QStringLiteral("clinic-2026-11-30-101500.sqlite 2026-11-30 manual"),
                       QStringLiteral("clinic-daily-2026-11-30-080000.sqlite 2026-11-30 daily"),
                       QStringLiteral("clinic-daily-2026-12-01-080000.sqlite 2026-12-01 daily")}));
    CHECK(folder.hasDaily(QDate(2026, 12, 1)));
    CHECK_FALSE(folder.hasDaily(QDate(2026, 12, 2)));
}

TEST_CASE("Pruning removes only the daily backups that are no longer kept", "[booking][backup]")
{
    QTemporaryDir dir;
    const BackupFolder folder(dir.path(), QStringLiteral("/clinics/clinic.sqlite"), edmonton);
    const QDate today(2026, 12, 2);
    for (const BackupInfo& backup : dailyBackups(today, 40)) {
        writeFileBytes(dir.filePath(QStringLiteral("clinic-daily-") + backup.path +
                                    QStringLiteral("-080000.sqlite")),
                       "x");
    }
    writeFileBytes(dir.filePath(QStringLiteral("clinic-2026-09-01-120000.sqlite")), "mine");

    const BackupFolder::Pruned pruned = folder.prune();
    CHECK(pruned.kept.isEmpty());
    CHECK(pruned.removed.size() == 40 - 11);
    const QStringList left = namesIn(dir.path());
    CHECK(left.size() == 11 + 1);
    CHECK(left.contains(QStringLiteral("clinic-2026-09-01-120000.sqlite")));
    CHECK(left.contains(QStringLiteral("clinic-daily-2026-11-01-080000.sqlite")));
    CHECK_FALSE(left.contains(QStringLiteral("clinic-daily-2026-10-31-080000.sqlite")));
    CHECK(folder.prune().removed.isEmpty()); // nothing more to do
}

TEST_CASE("The daily backup is made once a clinic day, into the chosen folder", "[booking][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    auto database = masahista::test::fileDatabase(path);
    Client client;
    client.fullName = QStringLiteral("Backed Up");
    client.phone = QStringLiteral("(780) 555-0111");
    FixedClock clock(QDateTime(QDate(2026, 12, 2), QTime(15, 0), QTimeZone::utc()));
    REQUIRE(ClientRepository(*database).add(client, clock.nowUtc()).ok());
    BackupService backups(*database, clock);

    SECTION("beside the database unless the clinic chose a folder")
    {
        CHECK(backups.folder()->path() == dir.filePath(QStringLiteral("backups")));
        ClinicSettings settings = SettingsRepository(*database).load().value();
        settings.backupFolder = dir.filePath(QStringLiteral("usb/masahista"));
        REQUIRE(SettingsRepository(*database).save(settings).ok());
        CHECK(backups.folder()->path() == dir.filePath(QStringLiteral("usb/masahista")));
    }

    Result<std::optional<BackupService::Job>> due = backups.dailyJobIfDue();
    REQUIRE(due.ok());
    REQUIRE(due->has_value());
    const Result<BackupService::Outcome> made = BackupService::perform(**due);
    INFO((made ? QString() : made.error().message));
    REQUIRE(made.ok());
    CHECK(made->backup.kind == BackupKind::Daily);
    CHECK(made->backup.day == QDate(2026, 12, 2));
    CHECK(QFileInfo(made->backup.path).fileName() == u"clinic-daily-2026-12-02-080000.sqlite");
    CHECK(made->backup.sizeBytes == QFileInfo(made->backup.path).size());
    CHECK(backups.folder()->latest()->path == made->backup.path);
    // Not again the same day, even late in the evening (05:59 UTC is 22:59 in Edmonton)...
    clock.set(QDateTime(QDate(2026, 12, 3), QTime(5, 59), QTimeZone::utc()));
    CHECK_FALSE(backups.dailyJobIfDue()->has_value());
    // ...but the next clinic day.
    clock.set(QDateTime(QDate(2026, 12, 3), QTime(7, 0), QTimeZone::utc()));
    CHECK(backups.dailyJobIfDue()->has_value());

    SECTION("a backup asked for goes beside the daily ones and is never pruned")
    {
        const Result<BackupService::Outcome> manual = backups.backUp(BackupKind::Manual);
        REQUIRE(manual.ok());
        CHECK(QFileInfo(manual->backup.path).fileName() == u"clinic-2026-12-03-000000.sqlite");
        for (int day = 0; day < 30; ++day) {
            clock.set(clock.nowUtc().addDays(1));
            Result<std::optional<BackupService::Job>> next = backups.dailyJobIfDue();
            REQUIRE(next.ok());
            REQUIRE(next->has_value());
            REQUIRE(BackupService::perform(**next).ok());
        }
        // 4 December to 2 January: seven days from 27 December, then the Sundays 20 and 13
        // December and Sunday 6 December for its week (2 December's older one went).
        const QList<BackupInfo> all = backups.folder()->list();
        CHECK(all.size() == 7 + 3 + 1);
        CHECK(QFileInfo::exists(manual->backup.path));
    }
}

TEST_CASE("A database in memory has nothing to back up", "[booking][backup]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(QDateTime(QDate(2026, 12, 2), QTime(15, 0), QTimeZone::utc()));
    BackupService backups(*database, clock);
    const Result<BackupService::Outcome> made = backups.backUp(BackupKind::Manual);
    REQUIRE_FALSE(made.ok());
    CHECK(made.error().message.contains(u"memory"));
}
