// Each appointment counts the changes its calendar event shows (schema version 6), for the
// SEQUENCE of the exported event.
#include "booking/Clock.h"
#include "booking/demo/DemoClinic.h"
#include "data/AppointmentRepository.h"
#include "data/Database.h"
#include "data/Migrator.h"
#include "data/SqlScript.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <functional>

using namespace masahista;

namespace {

const QDateTime demoNow(QDate(2026, 11, 25), QTime(16, 0), QTimeZone::utc());

// A booked appointment of the demo clinic still to come.
Appointment upcoming(Database& database)
{
    const Result<QList<Appointment>> later =
        AppointmentRepository(database).between(demoNow.addDays(1), demoNow.addDays(7), 0);
    REQUIRE(later.ok());
    for (const Appointment& appointment : *later) {
        if (appointment.status == AppointmentStatus::Booked) {
            return appointment;
        }
    }
    FAIL("no booked appointment ahead in the demo");
    return {};
}

int sequenceOf(Database& database, Id id)
{
    return AppointmentRepository(database).byId(id).value().sequence;
}

} // namespace

TEST_CASE("An appointment's sequence rises with each change its event shows, and only then",
          "[data][appointments][ics]")
{
    auto database = masahista::test::memoryDatabase();
    const FixedClock clock(demoNow);
    REQUIRE(DemoClinic::load(*database, QDate(2026, 11, 25), clock).ok());
    AppointmentRepository appointments(*database);
    const Appointment original = upcoming(*database);
    CHECK(original.sequence == 0);

    // Changes that a calendar program shows of the event raise it by one each.
    const std::vector<std::pair<const char*, std::function<void(Appointment&)>>> shown{
        {"start and end",
         [](Appointment& a) {
             // Two months on, past every demo booking.
             a.startUtc = a.startUtc.addDays(60);
             a.endUtc = a.endUtc.addDays(60);
             a.bufferEndUtc = a.bufferEndUtc.addDays(60);
         }},
        {"length",
         [](Appointment& a) {
             a.durationMinutes += 15;
             a.endUtc = a.endUtc.addSecs(15 * 60);
             a.bufferEndUtc = a.bufferEndUtc.addSecs(15 * 60);
         }},
        {"status",
         [](Appointment& a) {
             a.status = AppointmentStatus::Confirmed;
         }},
        {"notes",
         [](Appointment& a) {
             a.notes = QStringLiteral("Bring a pillow");
         }},
        {"room",
         [](Appointment& a) {
             a.roomId = 0;
         }},
        {"cancellation",
         [](Appointment& a) {
             a.status = AppointmentStatus::Cancelled;
             a.cancelReason = QStringLiteral("Sick");
         }},
    };
    int expected = 0;
    for (const auto& [what, change] : shown) {
        INFO(what);
        Appointment changed = appointments.byId(original.id).value();
        change(changed);
        changed.updatedUtc = changed.updatedUtc.addSecs(60);
        REQUIRE(appointments.update(changed).ok());
        CHECK(sequenceOf(*database, original.id) == ++expected);
    }

    // Saving it unchanged, or with only what the event does not show, leaves it.
    Appointment same = appointments.byId(original.id).value();
    same.sequence = 99; // ignored: the database keeps the count
    REQUIRE(appointments.update(same).ok());
    CHECK(sequenceOf(*database, original.id) == expected);
    same.overrideReason = QStringLiteral("Asked by the manager");
    same.priceCents += 500;
    same.updatedUtc = same.updatedUtc.addSecs(60);
    REQUIRE(appointments.update(same).ok());
    CHECK(sequenceOf(*database, original.id) == expected);

    // Other appointments are untouched.
    for (const Appointment& other : appointments.between(demoNow, demoNow.addDays(7), 0).value()) {
        if (other.id != original.id) {
            CHECK(other.sequence == 0);
        }
    }
}

TEST_CASE("A version 5 database gains the sequence, 0 for the appointments it holds",
          "[data][db][ics]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v5.sqlite"));
    {
        // The file as version 5 left it: its scripts as shipped, then a clinic in it.
        QStringList statements;
        const QDir scripts(QStringLiteral(MASAHISTA_SOURCE_DIR "/resources/sql"));
        for (const QString& name :
             scripts.entryList({QStringLiteral("000[1-5]_*.sql")}, QDir::Files, QDir::Name)) {
            QFile file(scripts.filePath(name));
            REQUIRE(file.open(QIODevice::ReadOnly));
            statements += splitSqlStatements(QString::fromUtf8(file.readAll()));
        }
        REQUIRE(statements.size() > 20);
        statements += {QStringLiteral("PRAGMA application_id = %1").arg(Migrator::applicationId),
                       QStringLiteral("PRAGMA user_version = 5")};
        masahista::test::executeRawSql(path, statements);
    }
    // The demo's own loading code needs the latest schema, so the appointments go in as raw
    // rows of version 5.
    masahista::test::executeRawSql(
        path,
        {QStringLiteral("INSERT INTO clients (id, full_name, phone, created_at_utc) VALUES (1, "
                        "'Old Client', '(780) 555-0100', 0)"),
         QStringLiteral("INSERT INTO therapists (id, display_name) VALUES (1, 'Old Therapist')"),
         QStringLiteral("INSERT INTO massage_types (id, name) VALUES (1, 'Old Type')"),
         QStringLiteral("INSERT INTO appointments (id, client_id, therapist_id, massage_type_id, "
                        "duration_minutes, price_cents, start_utc, end_utc, buffer_end_utc, "
                        "created_at_utc, updated_at_utc) VALUES (7, 1, 1, 1, 60, 9000, "
                        "1796054400, 1796058000, 1796058600, 1796000000, 1796000000)")});

    Result<std::unique_ptr<Database>> opened = Database::open(path, Database::Mode::ExistingOnly);
    REQUIRE(opened.ok());
    Database& database = **opened;
    CHECK(database.schemaVersion() >= 6);
    CHECK(database.schemaVersion() == Migrator::latestVersion());
    AppointmentRepository appointments(database);
    Appointment old = appointments.byId(7).value();
    CHECK(old.sequence == 0);
    old.notes = QStringLiteral("Changed after the upgrade");
    REQUIRE(appointments.update(old).ok());
    CHECK(sequenceOf(database, 7) == 1);
}
