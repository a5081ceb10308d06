// Wall-clock times on the days the clocks change, read as RFC 5545 (3.3.5) and Python's
// zoneinfo read them, checked against tests/booking/data/clock_changes.csv: a table that
// zoneinfo computes from the system's time-zone data, not the code under test.
#include "BookingFixture.h"
#include "booking/engine/BookingService.h"
#include "booking/engine/ClinicTime.h"
#include "booking/engine/Schedule.h"
#include "data/MassageTypeRepository.h"
#include "data/ScheduleRepository.h"
#include "support/ClockChanges.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QSet>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace masahista;
using masahista::test::BookingFixture;
using masahista::test::ClockChangeRow;

namespace {

const QTimeZone edmonton = ClinicTime::zone(QStringLiteral("America/Edmonton"));

ClinicTime::WallTime kindOf(const ClockChangeRow& row)
{
    if (row.kind == u"gap") {
        return ClinicTime::WallTime::Skipped;
    }
    if (row.kind == u"fold") {
        return ClinicTime::WallTime::Repeated;
    }
    REQUIRE(row.kind == u"exact");
    return ClinicTime::WallTime::Exact;
}

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

} // namespace

TEST_CASE("The table of clock changes is what Python's zoneinfo computes", "[booking][time][dst]")
{
    QProcess python;
    // Debian's interpreter and its zoneinfo, reading the system's time-zone data.
    python.start(QStringLiteral("/usr/bin/python3"), {test::clockChangeScript()});
    REQUIRE(python.waitForFinished(60000));
    INFO(python.readAllStandardError().toStdString());
    REQUIRE(python.exitCode() == 0);
    QFile committed(test::clockChangeTable());
    REQUIRE(committed.open(QIODevice::ReadOnly));
    CHECK(python.readAllStandardOutput() == committed.readAll());
}

TEST_CASE("Every quarter hour of the 2026 and 2027 change days names the instant RFC 5545 reads",
          "[booking][time][dst]")
{
    const QList<ClockChangeRow> rows = test::clockChanges();
    QMap<QString, int> kinds;
    for (const ClockChangeRow& row : rows) {
        INFO(row.wallText().toStdString() << " (" << row.kind.toStdString() << ")");
        ++kinds[row.kind];
        const ClinicTime::Resolved resolved = ClinicTime::resolve(row.date, row.minute, edmonton);
        CHECK(resolved.utc == row.utc);
        CHECK(resolved.utc.timeSpec() == Qt::UTC);
        CHECK(resolved.kind == kindOf(row));
        CHECK(ClinicTime::toUtc(row.date, row.minute, edmonton) == row.utc);

        const QString note = ClinicTime::wallTimeNote(row.date, row.minute, edmonton);
        INFO(note.toStdString());
        if (row.kind == u"exact") {
            CHECK(note.isEmpty());
            // Shown as typed, and nothing else.
            CHECK(ClinicTime::formatTime(row.utc, edmonton) ==
                  ClinicTime::formatMinute(row.minute));
        } else if (row.kind == u"gap") {
            CHECK(note.contains(u"does not exist"));
            CHECK(note.contains(u"from 02:00 to 03:00"));
            // Read with the offset before the gap: an hour later on the clock.
            CHECK(note.contains(
                QStringLiteral("read as %1.").arg(ClinicTime::formatMinute(row.minute + 60))));
            CHECK(ClinicTime::formatTime(row.utc, edmonton) ==
                  ClinicTime::formatMinute(row.minute + 60));
        } else {
            CHECK(note.contains(u"happens twice"));
            CHECK(note.contains(u"from 02:00 to 01:00"));
            CHECK(note.contains(u"(MDT) was taken"));
            CHECK(ClinicTime::formatTime(row.utc, edmonton) ==
                  ClinicTime::formatMinute(row.minute) + QStringLiteral(" MDT"));
        }
    }
    CHECK(kinds.value(QStringLiteral("gap")) == 8);
    CHECK(kinds.value(QStringLiteral("fold")) == 8);
    CHECK(kinds.value(QStringLiteral("exact")) == 4 * 96 - 16);
}

TEST_CASE("A weekly series that meets a change day keeps its time as the table reads it",
          "[booking][time][dst]")
{
    for (const ClockChangeRow& row : test::clockChanges()) {
        INFO(row.wallText().toStdString());
        SeriesRequest series;
        // The same time a week before, an ordinary day, then the change day, then a week after.
        series.first.startUtc = ClinicTime::toUtc(row.date.addDays(-7), row.minute, edmonton);
        series.count = 3;
        const Result<QList<QDateTime>> starts = BookingService::occurrenceStarts(series, edmonton);
        REQUIRE(starts.ok());
        REQUIRE(starts->size() == 3);
        CHECK(starts->at(1) == row.utc);
        CHECK(starts->at(1).timeSpec() == Qt::UTC);
        for (const QDateTime& ordinary : {starts->at(0), starts->at(2)}) {
            CHECK(ClinicTime::minuteOfDay(ClinicTime::toLocal(ordinary, edmonton)) == row.minute);
        }
    }
}

TEST_CASE("On the autumn change day every time shown names one instant, and no range runs "
          "backwards",
          "[booking][time][dst]")
{
    for (const QDate& day : {QDate(2026, 11, 1), QDate(2027, 11, 7)}) {
        const QDateTime start = ClinicTime::toUtc(day, 0, edmonton);
        const QDateTime end = ClinicTime::toUtc(day.addDays(1), 0, edmonton);
        REQUIRE(start.secsTo(end) == 25 * 3600);
        QSet<QString> shown;
        int quarters = 0;
        for (QDateTime instant = start; instant < end; instant = instant.addSecs(15 * 60)) {
            shown.insert(ClinicTime::formatTime(instant, edmonton));
            ++quarters;
        }
        CHECK(quarters == 100);
        CHECK(shown.size() == quarters);
    }
    // A 60-minute visit at the first 01:30 ends at the second.
    CHECK(ClinicTime::formatRange(utc(2026, 11, 1, 7, 30), utc(2026, 11, 1, 8, 30), edmonton) ==
          u"01:30 MDT–01:30 MST");
    CHECK(ClinicTime::formatRange(utc(2026, 11, 1, 8, 30), utc(2026, 11, 1, 9, 30), edmonton) ==
          u"01:30 MST–02:30");
    // In spring the hour that does not exist is never shown.
    CHECK(ClinicTime::formatRange(utc(2026, 3, 8, 8, 30), utc(2026, 3, 8, 9, 30), edmonton) ==
          u"01:30–03:30");
}

TEST_CASE("Working hours are checked on elapsed time when the clocks go back",
          "[booking][time][dst][rules]")
{
    BookingFixture clinic;
    const QDate fallBack(2027, 11, 7); // a Sunday, after the fixture's "now"
    // Cara works a night shift on Sundays until the first 01:45.
    QList<WeeklyInterval> week;
    for (int weekday = 1; weekday <= 6; ++weekday) {
        week.append({weekday, 540, 1020});
    }
    week.append({7, 0, 105});
    REQUIRE(ScheduleRepository(*clinic.database).setWeeklyHours(clinic.cara, week).ok());
    const auto outsideHours = [&clinic](const QDateTime& start, int minutes) {
        const Result<Verdict> verdict =
            clinic.service.check(clinic.request(clinic.cara, clinic.swedish, minutes, start));
        REQUIRE(verdict.ok());
        return std::any_of(verdict->violations.cbegin(), verdict->violations.cend(),
                           [](const Violation& v) { return v.rule == Rule::OutsideHours; });
    };
    // 60 minutes from the first 01:30 end at the second 01:30, 45 minutes past the end of her
    // hours, though the clock reads 01:30 again.
    CHECK(outsideHours(utc(2027, 11, 7, 7, 30), 60));
    // 01:00 standard time comes after the first 01:45: she has stopped by then.
    CHECK(outsideHours(utc(2027, 11, 7, 8, 0), 30));
    // 00:30 daylight time to 01:30 daylight time is inside.
    CHECK_FALSE(outsideHours(utc(2027, 11, 7, 6, 30), 60));
    CHECK(ClinicTime::toUtc(fallBack, 105, clinic.zone) == utc(2027, 11, 7, 7, 45));
}

TEST_CASE("A free gap starts at the next time of the booking grid after a cleanup",
          "[booking][schedule]")
{
    BookingFixture clinic;
    const QDate friday(2026, 12, 4);
    // Cara works 09:00-17:00; Swedish gets a 5-minute cleanup.
    MassageTypeRepository types(*clinic.database);
    MassageType swedish = types.byId(clinic.swedish).value();
    swedish.bufferMinutes = 5;
    REQUIRE(types.update(swedish).ok());
    clinic.booked(clinic.request(clinic.cara, clinic.swedish, 30, clinic.at(friday, 10)));
    const DaySchedule day = loadDaySchedule(*clinic.database, friday).value();
    const QList<TimeSpan> free =
        freeTime(friday, day.directory, clinic.cara, day.entries, day.working);
    REQUIRE(free.size() == 2);
    CHECK(free.at(0).start == clinic.at(friday, 9));
    CHECK(free.at(0).end == clinic.at(friday, 10));
    // The cleanup ends at 10:35; on the 15-minute grid the desk can book from 10:45.
    CHECK(free.at(1).start == clinic.at(friday, 10, 45));
    CHECK(free.at(1).end == clinic.at(friday, 17));
}
