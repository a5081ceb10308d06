#include "GuiTestSupport.h"
#include "ModalDialogs.h"
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/backup/BackupService.h"
#include "booking/clients/ClientService.h"
#include "booking/engine/ClinicTime.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "gui/BackupController.h"
#include "gui/ClinicSession.h"
#include "gui/MainWindow.h"
#include "gui/dialogs/DatabaseProblemDialog.h"
#include "gui/dialogs/RestoreDialog.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

#include <catch2/catch.hpp>

using namespace masahista;
using namespace masahista::gui;

namespace {

// Wednesday 2 December 2026, 08:30 in Edmonton.
const QDateTime morning(QDate(2026, 12, 2), QTime(15, 30), QTimeZone::utc());

void addClient(Database& database, const QString& name)
{
    Client client;
    client.fullName = name;
    client.phone = QStringLiteral("(780) 555-0123");
    REQUIRE(ClientRepository(database).add(client, morning).ok());
}

qint64 clientCount(Clinic& clinic)
{
    return clinic.clients().count().value();
}

void waitUntilIdle(const BackupController& backups)
{
    REQUIRE(QTest::qWaitFor([&backups] { return !backups.isBusy(); }, 30000));
    QCoreApplication::processEvents(); // the queued findings
}

QString noticeOf(const MainWindow& window)
{
    auto* notice = window.findChild<QLabel*>(QStringLiteral("noticeLabel"));
    REQUIRE(notice != nullptr);
    return notice->isVisibleTo(&window) ? notice->text() : QString();
}

QStringList restoreListNames(const RestoreDialog& dialog)
{
    auto* list = dialog.findChild<QTreeWidget*>(QStringLiteral("backupList"));
    QStringList names;
    for (int row = 0; list != nullptr && row < list->topLevelItemCount(); ++row) {
        names.append(list->topLevelItem(row)->text(3));
    }
    return names;
}

} // namespace

TEST_CASE("The window makes the day's backup after start and says when the last one was made",
          "[gui][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    auto database = masahista::test::fileDatabase(path);
    addClient(*database, QStringLiteral("Before Backup"));
    FixedClock clock(morning);
    MainWindow window(masahista::test::session(*database, clock));
    auto* label = window.findChild<QLabel*>(QStringLiteral("backupLabel"));
    REQUIRE(label != nullptr);

    window.startBackgroundWork();
    CHECK(window.backups()->statusText() == u"Backing up…");
    waitUntilIdle(*window.backups());
    const QString daily =
        dir.filePath(QStringLiteral("backups/clinic-daily-2026-12-02-083000.sqlite"));
    CHECK(QFileInfo::exists(daily));
    CHECK(window.backups()->statusText().startsWith(u"Last backup: today at "));
    CHECK_FALSE(window.backups()->needsAttention());
    CHECK(label->text().contains(u"Last backup: today at"));
    CHECK(label->text().contains(u"Show folder"));
    CHECK(label->toolTip().contains(QDir::toNativeSeparators(daily)));
    CHECK(DatabaseFile::checkBackup(daily).ok());

    SECTION("Back Up Now makes another, and a second start the same day makes none")
    {
        QSignalSpy finished(window.backups(), &BackupController::backupFinished);
        window.backUpAction()->trigger();
        CHECK_FALSE(window.backUpAction()->isEnabled()); // one at a time
        waitUntilIdle(*window.backups());
        REQUIRE(finished.count() == 1);
        CHECK(finished.at(0).at(0).toBool());
        CHECK(finished.at(0).at(1).toString().contains(u"clinic-2026-12-02-083000.sqlite"));
        CHECK(window.backUpAction()->isEnabled());

        MainWindow again(masahista::test::session(*database, clock));
        again.startBackgroundWork();
        waitUntilIdle(*again.backups());
        CHECK(QDir(dir.filePath(QStringLiteral("backups"))).entryList(QDir::Files).size() == 2);
        CHECK(again.backups()->latest().has_value());
    }
    SECTION("a window left open past midnight makes the next day's backup")
    {
        clock.set(morning.addDays(1));
        window.backups()->start(10);
        waitUntilIdle(*window.backups());
        REQUIRE(QTest::qWaitFor(
            [&dir] {
                return QFileInfo::exists(
                    dir.filePath(QStringLiteral("backups/clinic-daily-2026-12-03-083000.sqlite")));
            },
            30000));
        waitUntilIdle(*window.backups());
    }
    SECTION("a backup that fails is shown at the top of the window, in red below")
    {
        // A file where the folder should be: the folder cannot be made.
        QDir(dir.filePath(QStringLiteral("backups"))).removeRecursively();
        masahista::test::writeFileBytes(dir.filePath(QStringLiteral("backups")), "in the way");
        window.backUpAction()->trigger();
        waitUntilIdle(*window.backups());
        CHECK(window.backups()->needsAttention());
        CHECK(window.backups()->statusText() == u"Last backup failed");
        CHECK(label->text().contains(u"#c62828"));
        CHECK(noticeOf(window).contains(u"The backup failed"));
        CHECK(noticeOf(window).contains(u"Cannot write the backup"));
    }
}

TEST_CASE("A database kept in memory offers no backups", "[gui][backup]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(morning);
    MainWindow window(masahista::test::session(*database, clock));
    CHECK_FALSE(window.backUpAction()->isEnabled());
    CHECK_FALSE(window.restoreAction()->isEnabled());
    window.startBackgroundWork();
    CHECK_FALSE(window.backups()->isBusy());
    CHECK_FALSE(window.backups()->statusText().contains(u"failed"));
}

TEST_CASE("The check after start reports a damaged database and offers a restore", "[gui][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    {
        auto database = masahista::test::fileDatabase(path);
        addClient(*database, QStringLiteral("Soon Damaged"));
    }
    masahista::test::damageTable(path, QStringLiteral("clients"));
    const QByteArray damaged = masahista::test::readFileBytes(path);
    auto database = masahista::test::fileDatabase(path);
    const FixedClock clock(morning);
    MainWindow window(masahista::test::session(*database, clock));
    QSignalSpy restoreRequests(&window, &MainWindow::restoreRequested);

    bool offered = false;
    masahista::test::whenModal<DatabaseProblemDialog>([&offered](DatabaseProblemDialog& dialog) {
        offered = dialog.restoreButton() != nullptr && dialog.tryAgainButton() == nullptr;
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        for (QAbstractButton* button : buttons->buttons()) {
            if (button->text() == u"&Keep Working") {
                button->click();
            }
        }
    });
    window.startBackgroundWork();
    waitUntilIdle(*window.backups());
    REQUIRE(QTest::qWaitFor([&offered] { return offered; }, 10000));
    CHECK(noticeOf(window).contains(u"damaged"));
    CHECK(restoreRequests.isEmpty());
    // No daily backup of a damaged file, and the file itself untouched.
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("backups"))));
    database.reset();
    CHECK(masahista::test::readFileBytes(path) == damaged);
}

TEST_CASE("The restore dialog lists the backups newest first and says what restoring means",
          "[gui][backup]")
{
    QTemporaryDir dir;
    const QTimeZone zone = ClinicTime::zone(QStringLiteral("America/Edmonton"));
    QList<BackupInfo> backups;
    for (int day = 1; day <= 3; ++day) {
        BackupInfo backup;
        backup.kind = day == 2 ? BackupKind::Manual : BackupKind::Daily;
        backup.day = QDate(2026, 12, 4 - day);
        backup.madeUtc = QDateTime(backup.day, QTime(15, 0), QTimeZone::utc());
        backup.path = dir.filePath(QStringLiteral("b%1.sqlite").arg(day));
        backup.sizeBytes = 2048 * day;
        backups.append(backup);
    }
    RestoreDialog dialog(backups, dir.path(), zone);
    CHECK(restoreListNames(dialog) ==
          (QStringList{QStringLiteral("b1.sqlite"), QStringLiteral("b2.sqlite"),
                       QStringLiteral("b3.sqlite")}));
    CHECK(dialog.chosenPath() == backups.at(0).path);
    auto* consequence = dialog.findChild<QLabel*>(QStringLiteral("consequenceLabel"));
    CHECK(consequence->text().contains(u"made after that will not be in it"));

    dialog.addFile(dir.filePath(QStringLiteral("usb/other.sqlite")));
    CHECK(dialog.chosenPath() ==
          QFileInfo(dir.filePath(QStringLiteral("usb/other.sqlite"))).absoluteFilePath());
    CHECK(consequence->text().contains(u"state saved in this file"));

    SECTION("with no backups, Restore waits for a file")
    {
        RestoreDialog empty({}, dir.path(), zone);
        auto* buttons = empty.findChild<QDialogButtonBox*>();
        QPushButton* restore = nullptr;
        for (QAbstractButton* button : buttons->buttons()) {
            if (button->text() == u"&Restore") {
                restore = qobject_cast<QPushButton*>(button);
            }
        }
        REQUIRE(restore != nullptr);
        CHECK_FALSE(restore->isEnabled());
        CHECK(empty.findChild<QLabel*>(QStringLiteral("folderLabel"))
                  ->text()
                  .contains(u"No backups"));
        empty.addFile(dir.filePath(QStringLiteral("x.sqlite")));
        CHECK(restore->isEnabled());
    }
}

TEST_CASE("The problem dialog offers what fits the problem", "[gui][backup]")
{
    const QString path = QStringLiteral("/clinic/clinic.sqlite");
    using Situation = DatabaseProblemDialog::Situation;
    const auto offers = [&path](ErrorCode code, Situation situation) {
        DatabaseProblemDialog dialog(makeError(code, QStringLiteral("What is wrong.")), path,
                                     situation);
        return std::pair{dialog.restoreButton() != nullptr, dialog.tryAgainButton() != nullptr};
    };
    CHECK(offers(ErrorCode::Corrupt, Situation::Opening) == std::pair{true, false});
    CHECK(offers(ErrorCode::NotMasahista, Situation::Opening) == std::pair{true, false});
    CHECK(offers(ErrorCode::Locked, Situation::Opening) == std::pair{false, true});
    CHECK(offers(ErrorCode::ReadOnly, Situation::Opening) == std::pair{false, true});
    CHECK(offers(ErrorCode::NewerVersion, Situation::Opening) == std::pair{false, false});
    CHECK(offers(ErrorCode::Corrupt, Situation::Open) == std::pair{true, false});
}

TEST_CASE("A damaged database at start is restored from a backup in the window", "[gui][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    const FixedClock clock(morning);
    {
        auto database = masahista::test::fileDatabase(path);
        addClient(*database, QStringLiteral("Kept Safe"));
        BackupService backups(*database, clock);
        REQUIRE(backups.backUp(BackupKind::Daily).ok());
    }
    // Cut off as a failed copy would leave it: the header says more pages than there are.
    const QByteArray whole = masahista::test::readFileBytes(path);
    masahista::test::writeFileBytes(path, whole.left(whole.size() / 2));

    QStringList offered;
    masahista::test::whenModal<DatabaseProblemDialog>([&offered](DatabaseProblemDialog& dialog) {
        masahista::test::whenModal<RestoreDialog>([&offered](RestoreDialog& restore) {
            offered = restoreListNames(restore);
            restore.accept();
        });
        dialog.restoreButton()->click();
    });
    ClinicSession session(path, clock);
    REQUIRE(session.open());
    CHECK(offered == QStringList{QStringLiteral("clinic-daily-2026-12-02-083000.sqlite")});
    REQUIRE(session.clinic() != nullptr);
    CHECK(clientCount(*session.clinic()) == 1);
    const QString aside = path + QStringLiteral(".before-restore-20261202-153000");
    CHECK(masahista::test::readFileBytes(aside) == whole.left(whole.size() / 2));
}

TEST_CASE("Restoring from the window replaces the clinic and reopens the window on it",
          "[gui][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    const QString backup = dir.filePath(QStringLiteral("monday.sqlite"));
    const FixedClock clock(morning);
    {
        auto database = masahista::test::fileDatabase(path);
        addClient(*database, QStringLiteral("Monday Client"));
        REQUIRE(BackupService(*database, clock).backUp(BackupKind::Manual, backup).ok());
        addClient(*database, QStringLiteral("Tuesday Client"));
    }
    ClinicSession session(path, clock);
    REQUIRE(session.open());
    REQUIRE(clientCount(*session.clinic()) == 2);
    const MainWindow* before = session.window();
    CHECK(before->isVisible());

    SECTION("a good backup")
    {
        // Through the window's own request, as the File menu makes it.
        Q_EMIT session.window()->restoreRequested(backup);
        REQUIRE(QTest::qWaitFor([&session] {
            return session.clinic() != nullptr && clientCount(*session.clinic()) == 1;
        }));
        REQUIRE(session.window() != nullptr);
        CHECK(session.window()->isVisible());
        CHECK(noticeOf(*session.window()).contains(u"restored from"));
        CHECK(noticeOf(*session.window()).contains(u".before-restore-20261202-153000"));
    }
    SECTION("a bad backup changes nothing and says why")
    {
        const QString bad = dir.filePath(QStringLiteral("bad.sqlite"));
        masahista::test::writeFileBytes(bad, "not a backup");
        const Result<QString> refused = session.restoreFrom(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(clientCount(*session.clinic()) == 2);
        CHECK(noticeOf(*session.window()).contains(u"The restore was refused"));
        CHECK(noticeOf(*session.window()).contains(u"not a Masahista backup"));
    }
}
