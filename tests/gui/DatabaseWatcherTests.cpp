#include "GuiTestSupport.h"
#include "booking/Clock.h"
#include "data/ClientRepository.h"
#include "gui/DatabaseWatcher.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using masahista::gui::DatabaseWatcher;

TEST_CASE("The watcher notices changes committed by another process, not its own", "[gui][watcher]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("watched.sqlite"));
    auto database = masahista::test::fileDatabase(path);
    const masahista::SystemClock clock;
    DatabaseWatcher watcher(masahista::test::session(*database, clock), 60000); // polled by hand
    QSignalSpy changed(&watcher, &DatabaseWatcher::changedElsewhere);

    masahista::Client own;
    own.fullName = QStringLiteral("Own Write");
    own.phone = QStringLiteral("(780) 555-0120");
    REQUIRE(masahista::ClientRepository(*database).add(own, QDateTime::currentDateTimeUtc()).ok());
    watcher.poll();
    CHECK(changed.count() == 0);

    const masahista::test::ProcessResult added = masahista::test::runMasahista(
        {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("add"),
         QStringLiteral("--name"), QStringLiteral("Other Process"), QStringLiteral("--phone"),
         QStringLiteral("780 555 0121")});
    REQUIRE(added.exitCode == 0);
    watcher.poll();
    CHECK(changed.count() == 1);
    watcher.poll();
    CHECK(changed.count() == 1); // once per change
}
