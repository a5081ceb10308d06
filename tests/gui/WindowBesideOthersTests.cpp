// The window as the clinic runs it: open for minutes, with the command line, sqlite3 and other
// programs using the same database beside it. The window once dropped its database locks two
// seconds after it started (a check read the file through a descriptor of its own); after that
// another program's read deleted the window's write-ahead log, and what the window saved was
// lost. Here the window is the real one, past its first check and backup, and the other
// programs are real processes.
#include "booking/Clinic.h"
#include "booking/Clock.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingService.h"
#include "data/AppointmentRepository.h"
#include "data/ClientRepository.h"
#include "data/Database.h"
#include "data/MassageTypeRepository.h"
#include "gui/BackupController.h"
#include "gui/CalendarPage.h"
#include "gui/ClinicSession.h"
#include "gui/MainWindow.h"
#include "gui/calendar/DayPanel.h"
#include "gui/calendar/DayView.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <catch2/catch.hpp>

#include <csignal>

using namespace masahista;
namespace beside = masahista::test::beside;
using masahista::test::ProcessResult;

namespace {

// Wednesday 2 December 2026, 08:30 in Edmonton.
const QDateTime now(QDate(2026, 12, 2), QTime(15, 30), QTimeZone::utc());
const QDate nextTuesday(2026, 12, 8);

ProcessResult on(const QString& path, const QStringList& command)
{
    return masahista::test::runMasahistaAt(now,
                                           QStringList{QStringLiteral("--db"), path} + command);
}

// What the bookings are made of: a massage type, one of its lengths, two clients.
struct Catalog
{
    Id typeId = 0;
    int minutes = 0;
    Id clientId = 0;
    Id otherClientId = 0;
};

// The demo clinic, and a backup of it to try restoring while the window is open.
Catalog demoClinic(const QString& path)
{
    const ProcessResult demo = on(path, {QStringLiteral("demo")});
    INFO(demo.err);
    REQUIRE(demo.exitCode == 0);
    const ProcessResult backup =
        on(path, {QStringLiteral("backup"), path + QStringLiteral(".monday")});
    INFO(backup.err);
    REQUIRE(backup.exitCode == 0);
    // Read and closed again before the window opens.
    const std::unique_ptr<Database> database = masahista::test::fileDatabase(path);
    Catalog catalog;
    for (const MassageType& type : MassageTypeRepository(*database).all(false).value()) {
        if (catalog.typeId == 0 && !type.options.isEmpty()) {
            catalog.typeId = type.id;
            catalog.minutes = type.options.constFirst().minutes;
        }
    }
    const QList<Client> clients = ClientRepository(*database).all(false).value();
    REQUIRE(clients.size() >= 2);
    catalog.clientId = clients.at(0).id;
    catalog.otherClientId = clients.at(1).id;
    REQUIRE(catalog.typeId != 0);
    return catalog;
}

// A free slot, found from the command line as a script would.
QJsonObject freeSlot(const QString& path, const Catalog& catalog, const QDate& from)
{
    const ProcessResult listed =
        on(path,
           {QStringLiteral("slots"), QStringLiteral("--service"), QString::number(catalog.typeId),
            QStringLiteral("--minutes"), QString::number(catalog.minutes), QStringLiteral("--from"),
            from.toString(Qt::ISODate), QStringLiteral("--limit"), QStringLiteral("1"),
            QStringLiteral("--json")});
    INFO(listed.err);
    REQUIRE(listed.exitCode == 0);
    const QJsonArray found = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    REQUIRE(found.size() == 1);
    return found.at(0).toObject();
}

ProcessResult bookFromCommandLine(const QString& path, const QJsonObject& slot, Id clientId,
                                  const Catalog& catalog)
{
    return on(path, {QStringLiteral("book"), QStringLiteral("--client"), QString::number(clientId),
                     QStringLiteral("--therapist"),
                     QString::number(slot.value(u"therapist_id").toInteger()),
                     QStringLiteral("--service"), QString::number(catalog.typeId),
                     QStringLiteral("--minutes"), QString::number(catalog.minutes),
                     QStringLiteral("--start"), slot.value(u"start").toString()});
}

// Another program's view of a process that has the database open: it holds its lock, nobody
// can take the file exclusively, a read by another program does not take its log away.
void checkStillHeld(qint64 pid, const QString& path)
{
    CHECK(beside::holdsLock(pid, path));
    CHECK_FALSE(beside::sqliteGetsItExclusively(path));
    CHECK_FALSE(
        beside::sqliteAnswer(path, QStringLiteral("SELECT count(*) FROM appointments")).isEmpty());
    CHECK(on(path, {QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-12-02")})
              .exitCode == 0);
    CHECK(QFileInfo::exists(path + QStringLiteral("-wal")));
    CHECK(beside::deletedFilesOpenIn(pid).filter(QFileInfo(path).fileName()).isEmpty());
}

void checkRestoreRefused(const QString& path)
{
    const ProcessResult restore =
        on(path, {QStringLiteral("restore"), path + QStringLiteral(".monday")});
    CHECK(restore.exitCode == 3);
    CHECK(restore.err.contains(u"Close it"));
    CHECK(QDir(QFileInfo(path).absolutePath())
              .entryList({QStringLiteral("*before-restore*")})
              .isEmpty());
}

} // namespace

TEST_CASE("The window keeps the database locked for as long as it is open, and it and the "
          "command line see each other's bookings at once",
          "[gui][window][locks]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    const Catalog catalog = demoClinic(path);
    const FixedClock clock(now);
    gui::ClinicSession session(path, clock);
    REQUIRE(session.open());
    const qint64 self = QCoreApplication::applicationPid();
    QElapsedTimer sinceStart;
    sinceStart.start();
    checkRestoreRefused(path);

    // The app starts its check and the day's backup two seconds after the window is up.
    session.startBackgroundWork();
    gui::BackupController& backups = *session.window()->backups();
    // A restore is refused at every moment: before the check, during it and after it.
    while (sinceStart.elapsed() < 5000 || backups.isBusy()) {
        checkRestoreRefused(path);
        QTest::qWait(700);
    }
    CHECK(backups.latest().has_value());
    checkStillHeld(self, path);

    // Booked in the window: the command line sees it at once, and cannot book the same slot.
    const QJsonObject slot = freeSlot(path, catalog, nextTuesday);
    BookingRequest request;
    request.clientId = catalog.clientId;
    request.therapistId = slot.value(u"therapist_id").toInteger();
    request.massageTypeId = catalog.typeId;
    request.minutes = catalog.minutes;
    request.startUtc = QDateTime::fromString(slot.value(u"start").toString(), Qt::ISODate);
    const Result<Appointment> booked =
        session.clinic()->bookings().book(request, Actor{QStringLiteral("desk")});
    REQUIRE(booked.ok());
    const ProcessResult day =
        on(path, {QStringLiteral("day"), QStringLiteral("--date"),
                  nextTuesday.toString(Qt::ISODate), QStringLiteral("--json")});
    CHECK(day.out.contains(QStringLiteral("\"id\": %1,").arg(booked->id)));
    const ProcessResult taken = bookFromCommandLine(path, slot, catalog.otherClientId, catalog);
    CHECK(taken.exitCode == 1);
    CHECK(taken.err.contains(u"Slot taken"));

    // Booked on the command line: the window shows it within a second, on the day it shows.
    gui::CalendarPage& calendar = *session.window()->calendarPage();
    calendar.showDate(nextTuesday);
    const QJsonObject other = freeSlot(path, catalog, nextTuesday);
    const ProcessResult cli = bookFromCommandLine(path, other, catalog.otherClientId, catalog);
    INFO(cli.err);
    REQUIRE(cli.exitCode == 0);
    const Id cliId = cli.out.trimmed().toLongLong();
    const auto shown = [&calendar, cliId] {
        for (const CalendarEntry& entry : calendar.dayPanel()->dayView()->schedule().entries) {
            if (entry.appointment.id == cliId) {
                return true;
            }
        }
        return false;
    };
    CHECK(QTest::qWaitFor(shown, 1500));
    checkStillHeld(self, path);
}

TEST_CASE("Killing the window loses nothing it reported saved, whatever ran beside it",
          "[gui][window][locks]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    const Catalog catalog = demoClinic(path);

    QProcess window;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MASAHISTA_NOW"), now.toString(Qt::ISODate));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    window.setProcessEnvironment(environment);
    window.start(QStringLiteral(MASAHISTA_WINDOW_HOST), {QStringLiteral("--db"), path});
    REQUIRE(window.waitForStarted());
    QByteArray said;
    const auto waitForLine = [&window, &said](const QByteArray& start) {
        return QTest::qWaitFor(
            [&] {
                window.waitForReadyRead(50);
                said += window.readAllStandardOutput();
                return said.contains(QByteArray('\n' + start)) || said.startsWith(start);
            },
            120000);
    };
    REQUIRE(waitForLine("ready"));
    const qint64 pid = window.processId();
    checkStillHeld(pid, path);
    checkRestoreRefused(path);

    // Bookings one after the other in the window, with the command line and sqlite3 reading
    // beside it, and the window killed while it is still booking.
    window.write(QStringLiteral("burst 60 %1 %2 %3\n")
                     .arg(catalog.typeId)
                     .arg(catalog.minutes)
                     .arg(catalog.clientId)
                     .toUtf8());
    const int beforeKill = 3 + QRandomGenerator::global()->bounded(10);
    const bool bookedEnough = QTest::qWaitFor(
        [&] {
            CHECK(beside::sqliteAnswer(path, QStringLiteral("PRAGMA quick_check")) == u"ok");
            window.waitForReadyRead(20);
            said += window.readAllStandardOutput();
            return said.count("booked ") >= beforeKill;
        },
        120000);
    INFO("the window said: " << said.constData());
    INFO("and on standard error: " << window.readAllStandardError().constData());
    REQUIRE(bookedEnough);
    ::kill(static_cast<pid_t>(pid), SIGKILL);
    REQUIRE(window.waitForFinished(30000));
    said += window.readAllStandardOutput();

    QList<Id> reported;
    for (const QByteArray& line : said.split('\n')) {
        if (line.startsWith("booked ")) {
            reported.append(line.mid(7).toLongLong());
        }
    }
    REQUIRE(reported.size() >= beforeKill);
    CHECK(beside::sqliteAnswer(path, QStringLiteral("PRAGMA integrity_check")) == u"ok");
    const std::unique_ptr<Database> database = masahista::test::fileDatabase(path);
    AppointmentRepository appointments(*database);
    for (const Id id : reported) {
        INFO("appointment " << id << " was reported saved by the window before it was killed");
        const Result<Appointment> stored = appointments.byId(id);
        REQUIRE(stored.ok());
        CHECK(stored->clientId == catalog.clientId);
    }
}
