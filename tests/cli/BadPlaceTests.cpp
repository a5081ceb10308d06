// The database in a bad place: a disk that fills up during a booking, a folder that cannot
// be made, a folder that may not be written. Each gives one clear line, exit code 3, and the
// database as it was.
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <sys/resource.h>

using masahista::test::ProcessResult;
using masahista::test::readFileBytes;
using masahista::test::runMasahistaAt;

namespace {

// Wednesday 2026-11-25, 09:00 in Edmonton: the demo's "today".
const QDateTime now(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc());

QStringList bookingOf(const QString& path, const QString& client)
{
    return {QStringLiteral("--db"),
            path,
            QStringLiteral("book"),
            QStringLiteral("--client"),
            client,
            QStringLiteral("--therapist"),
            QStringLiteral("eden l"),
            QStringLiteral("--service"),
            QStringLiteral("Swedish relaxation"),
            QStringLiteral("--minutes"),
            QStringLiteral("60"),
            QStringLiteral("--start"),
            QStringLiteral("2026-12-08T12:00")};
}

// Every row of the tables a booking writes, as one text.
QString bookingsIn(const QString& path)
{
    const QString name = QStringLiteral("bookings-") + path;
    QString rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("PRAGMA integrity_check")));
        REQUIRE(query.next());
        CHECK(query.value(0).toString() == u"ok");
        for (const char* sql : {"SELECT id, client_id, therapist_id, start_utc, status FROM "
                                "appointments ORDER BY id",
                                "SELECT id, appointment_id, action FROM appointment_history "
                                "ORDER BY id"}) {
            REQUIRE(query.exec(QString::fromLatin1(sql)));
            while (query.next()) {
                rows += query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString() +
                        QLatin1Char(' ') + query.value(2).toString() + QLatin1Char('\n');
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

// The real executable with a file-size limit, as if the disk had no room left.
ProcessResult runWithFileSizeLimit(const QStringList& arguments, rlim_t limit)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.insert(QStringLiteral("MASAHISTA_NOW"), now.toString(Qt::ISODate));
    process.setProcessEnvironment(environment);
    process.setChildProcessModifier([limit] {
        const rlimit size{limit, RLIM_INFINITY};
        setrlimit(RLIMIT_FSIZE, &size);
    });
    process.start(QStringLiteral(MASAHISTA_EXECUTABLE), arguments);
    REQUIRE(process.waitForStarted());
    process.closeWriteChannel();
    return masahista::test::finish(process);
}

struct DemoFile
{
    DemoFile()
    {
        const ProcessResult loaded =
            runMasahistaAt(now, {QStringLiteral("--db"), path, QStringLiteral("demo"),
                                 QStringLiteral("--today"), QStringLiteral("2026-11-25")});
        INFO(loaded.err);
        REQUIRE(loaded.exitCode == 0);
        const ProcessResult added = runMasahistaAt(
            now, {QStringLiteral("--db"), path, QStringLiteral("clients"), QStringLiteral("add"),
                  QStringLiteral("--name"), QStringLiteral("Full Disk"), QStringLiteral("--phone"),
                  QStringLiteral("587 555 0191")});
        REQUIRE(added.exitCode == 0);
        client = added.out.trimmed();
    }

    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    QString client;
};

} // namespace

TEST_CASE("A booking on a full disk fails with one line and the database is unharmed", "[cli]")
{
    DemoFile clinic;
    const QString before = bookingsIn(clinic.path);
    {
        // Keeps the log's index file in place, the log itself emptied: the booking's first
        // write has to grow it.
        const masahista::test::OtherProgram holder(clinic.path, "PRAGMA wal_checkpoint(TRUNCATE);");
        const ProcessResult full = runWithFileSizeLimit(bookingOf(clinic.path, clinic.client), 0);
        INFO(full.err);
        CHECK(full.exitCode == 3);
        CHECK(full.err.contains(u"Nothing was saved"));
        CHECK(full.err.contains(clinic.path));
        CHECK(full.err.count(u'\n') == 1);
        CHECK(full.out.isEmpty());
    }
    CHECK(bookingsIn(clinic.path) == before);
    // With room again, the same booking goes through.
    const ProcessResult retry = runMasahistaAt(now, bookingOf(clinic.path, clinic.client));
    INFO(retry.err);
    CHECK(retry.exitCode == 0);
    CHECK(bookingsIn(clinic.path) != before);
}

TEST_CASE("A database whose folder cannot be made is refused with one line", "[cli]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("a-file"));
    masahista::test::writeFileBytes(file, "in the way");
    const QString path = file + QStringLiteral("/clinic/clinic.sqlite");
    const ProcessResult refused =
        runMasahistaAt(now, {QStringLiteral("--db"), path, QStringLiteral("init")});
    INFO(refused.err);
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.contains(u"Cannot create the folder"));
    CHECK(refused.err.count(u'\n') == 1);
    CHECK(readFileBytes(file) == "in the way");
}

TEST_CASE("A database in a read-only folder is refused untouched, even for root", "[cli]")
{
    DemoFile clinic;
    const QByteArray before = readFileBytes(clinic.path);
    const QFileDevice::Permissions writable = QFile::permissions(clinic.dir.path());
    REQUIRE(QFile::setPermissions(clinic.dir.path(),
                                  QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                      QFileDevice::ReadGroup | QFileDevice::ExeGroup));
    const ProcessResult refused =
        runMasahistaAt(now, {QStringLiteral("--db"), clinic.path, QStringLiteral("day"),
                             QStringLiteral("--date"), QStringLiteral("2026-11-25")});
    QFile::setPermissions(clinic.dir.path(), writable);
    INFO(refused.err);
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.contains(u"read-only"));
    CHECK(refused.err.contains(QFileInfo(clinic.path).absolutePath()));
    CHECK(refused.err.count(u'\n') == 1);
    CHECK(readFileBytes(clinic.path) == before);
}
