// The command line on the days the clocks change: every quarter hour of the 2026 and 2027
// change days booked and moved with the real executable, and weekly series across them,
// against tests/booking/data/clock_changes.csv (Python's zoneinfo, RFC 5545's reading).
#include "data/AppointmentRepository.h"
#include "data/Database.h"
#include "support/ClockChanges.h"
#include "support/TestSupport.h"

#include <QTemporaryDir>
#include <QTimeZone>

#include <catch2/catch.hpp>

using masahista::test::ClockChangeRow;
using masahista::test::ProcessResult;

namespace {

// Sunday 1 February 2026, before every change day of the table.
const QDateTime now(QDate(2026, 2, 1), QTime(16, 0), QTimeZone::utc());
const QString night = QStringLiteral("Night visit");

struct Clinic
{
    Clinic()
    {
        const ProcessResult loaded =
            run({QStringLiteral("demo"), QStringLiteral("--today"), QStringLiteral("2026-02-01")});
        INFO(loaded.err);
        REQUIRE(loaded.exitCode == 0);
        const ProcessResult added =
            run({QStringLiteral("clients"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("Nora Night"), QStringLiteral("--phone"),
                 QStringLiteral("587 555 0133")});
        INFO(added.err);
        REQUIRE(added.exitCode == 0);
        client = added.out.trimmed();
    }

    ProcessResult run(const QStringList& arguments) const
    {
        return masahista::test::runMasahistaAt(now, QStringList{QStringLiteral("--db"), path} +
                                                        arguments);
    }

    // Eden L gives Swedish relaxation on Tuesdays only: every night booking needs --override.
    ProcessResult book(const QString& start, const QStringList& extra = {}) const
    {
        return run(QStringList{QStringLiteral("book"), QStringLiteral("--client"), client,
                               QStringLiteral("--therapist"), QStringLiteral("eden l"),
                               QStringLiteral("--service"), QStringLiteral("Swedish relaxation"),
                               QStringLiteral("--minutes"), QStringLiteral("60"),
                               QStringLiteral("--start"), start} +
                   extra);
    }

    QDateTime storedStart(masahista::Id id) const
    {
        const std::unique_ptr<masahista::Database> database = masahista::test::fileDatabase(path);
        const auto stored = masahista::AppointmentRepository(*database).byId(id);
        REQUIRE(stored.ok());
        return stored->startUtc;
    }

    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    QString client;
};

// What the note must say for the row, or that there is none.
void checkNote(const ClockChangeRow& row, const QString& err)
{
    INFO(err.toStdString());
    if (row.kind == u"exact") {
        CHECK_FALSE(err.contains(u"Note:"));
        return;
    }
    CHECK(err.contains(QStringLiteral("masahista: Note: %1 on ").arg(row.wallText().mid(11))));
    CHECK(err.contains(row.kind == u"gap" ? u"does not exist" : u"happens twice"));
}

} // namespace

TEST_CASE("Times the clocks skip or show twice are booked as RFC 5545 reads them, with a note",
          "[cli][dst]")
{
    const Clinic clinic;
    for (const ClockChangeRow& row : masahista::test::clockChanges()) {
        // The changing hours and the quarter hours either side of them.
        const bool nearChange = row.kind != u"exact" || std::abs(row.minute - 120) <= 60;
        if (!nearChange) {
            continue;
        }
        INFO(row.wallText().toStdString() << " (" << row.kind.toStdString() << ")");
        const ProcessResult booked =
            clinic.book(row.wallText(), {QStringLiteral("--override"), night});
        INFO(booked.err.toStdString());
        REQUIRE(booked.exitCode == 0);
        const masahista::Id id = booked.out.trimmed().toLongLong();
        CHECK(clinic.storedStart(id) == row.utc);
        checkNote(row, booked.err);
        // Out of the way of the next one.
        REQUIRE(clinic.run({QStringLiteral("cancel"), QString::number(id)}).exitCode == 0);
    }
}

TEST_CASE("An appointment moved to every quarter hour of the change days lands where the table "
          "says",
          "[cli][dst]")
{
    const Clinic clinic;
    const ProcessResult booked =
        clinic.book(QStringLiteral("2026-03-03T10:00"), {QStringLiteral("--override"), night});
    INFO(booked.err.toStdString());
    REQUIRE(booked.exitCode == 0);
    const QString id = booked.out.trimmed();
    for (const ClockChangeRow& row : masahista::test::clockChanges()) {
        INFO(row.wallText().toStdString() << " (" << row.kind.toStdString() << ")");
        const ProcessResult moved =
            clinic.run({QStringLiteral("move"), id, QStringLiteral("--start"), row.wallText(),
                        QStringLiteral("--override"), night});
        INFO(moved.err.toStdString());
        REQUIRE(moved.exitCode == 0);
        CHECK(clinic.storedStart(id.toLongLong()) == row.utc);
        checkNote(row, moved.err);
    }
}

TEST_CASE("A time in the spring gap is refused for the day it falls on, not the evening before",
          "[cli][dst]")
{
    const Clinic clinic;
    // Eden L works Tuesdays only; 02:30 on Sunday 8 March once became 19:30 on Saturday.
    const ProcessResult refused = clinic.book(QStringLiteral("2026-03-08T02:30"));
    INFO(refused.err.toStdString());
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(u"Sunday"));
    CHECK_FALSE(refused.err.contains(u"Saturday"));
    CHECK(refused.err.contains(u"Note: 02:30 on Sunday 8 March 2026 does not exist"));
}

TEST_CASE("A weekly series across a change day keeps its clock time, and says where it could not",
          "[cli][dst]")
{
    const Clinic clinic;
    for (const ClockChangeRow& row : masahista::test::clockChanges()) {
        if (row.kind == u"exact" || row.minute % 30 != 0) {
            continue;
        }
        INFO(row.wallText().toStdString() << " (" << row.kind.toStdString() << ")");
        const QString weekBefore =
            row.date.addDays(-7).toString(Qt::ISODate) + row.wallText().mid(10);
        const ProcessResult series =
            clinic.book(weekBefore, {QStringLiteral("--every-weeks"), QStringLiteral("1"),
                                     QStringLiteral("--count"), QStringLiteral("3"),
                                     QStringLiteral("--override"), night});
        INFO(series.err.toStdString());
        REQUIRE(series.exitCode == 0);
        const QStringList ids = series.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        REQUIRE(ids.size() == 3);
        CHECK(clinic.storedStart(ids.at(1).toLongLong()) == row.utc);
        // The ordinary weeks either side keep the clock time typed.
        const QTimeZone edmonton(QByteArrayLiteral("America/Edmonton"));
        for (const QString& ordinary : {ids.at(0), ids.at(2)}) {
            const QDateTime local = clinic.storedStart(ordinary.toLongLong()).toTimeZone(edmonton);
            CHECK(local.time().hour() * 60 + local.time().minute() == row.minute);
        }
        // One note, for the change day only.
        CHECK(series.err.count(u"Note:") == 1);
        CHECK(series.err.contains(
            QStringLiteral("%1 on Sunday %2")
                .arg(row.wallText().mid(11),
                     QLocale(QLocale::English).toString(row.date, QStringLiteral("d MMMM yyyy")))));
        REQUIRE(clinic
                    .run({QStringLiteral("cancel"), ids.at(0), QStringLiteral("--series"),
                          QStringLiteral("all")})
                    .exitCode == 0);
    }
}

TEST_CASE("The text day sheet names each time of the repeated hour once", "[cli][dst]")
{
    const Clinic clinic;
    const ProcessResult booked =
        clinic.book(QStringLiteral("2026-11-01T01:30"), {QStringLiteral("--override"), night});
    INFO(booked.err.toStdString());
    REQUIRE(booked.exitCode == 0);
    const ProcessResult day =
        clinic.run({QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-11-01")});
    INFO(day.out.toStdString());
    REQUIRE(day.exitCode == 0);
    CHECK(day.out.contains(u"01:30 MDT–01:30 MST"));
    CHECK_FALSE(day.out.contains(u"01:30–01:30"));
}
