#include "booking/engine/ClinicTime.h"
#include "support/TestSupport.h"

using namespace masahista;

TEST_CASE("Clinic wall-clock times map to UTC across both 2026 daylight-saving changes",
          "[booking][time]")
{
    const QTimeZone edmonton = ClinicTime::zone(QStringLiteral("America/Edmonton"));
    REQUIRE(edmonton.isValid());

    // 10:00 is 10:00 local on either side of each change; only the UTC offset moves.
    const QDateTime beforeSpring = ClinicTime::toUtc(QDate(2026, 3, 7), 600, edmonton);
    const QDateTime afterSpring = ClinicTime::toUtc(QDate(2026, 3, 8), 600, edmonton);
    CHECK(beforeSpring.time() == QTime(17, 0)); // MST, UTC-7
    CHECK(afterSpring.time() == QTime(16, 0));  // MDT, UTC-6
    CHECK(beforeSpring.secsTo(afterSpring) == 23 * 3600);

    const QDateTime beforeFall = ClinicTime::toUtc(QDate(2026, 10, 31), 600, edmonton);
    const QDateTime afterFall = ClinicTime::toUtc(QDate(2026, 11, 1), 600, edmonton);
    CHECK(beforeFall.time() == QTime(16, 0));
    CHECK(afterFall.time() == QTime(17, 0));
    CHECK(beforeFall.secsTo(afterFall) == 25 * 3600);

    for (const QDateTime& instant : {beforeSpring, afterSpring, beforeFall, afterFall}) {
        CHECK(instant.timeSpec() == Qt::UTC);
        const QDateTime local = ClinicTime::toLocal(instant, edmonton);
        CHECK(ClinicTime::minuteOfDay(local) == 600);
    }

    // 24:00, the end of a late shift, is the next day's midnight.
    CHECK(ClinicTime::toUtc(QDate(2026, 11, 25), 1440, edmonton) ==
          ClinicTime::toUtc(QDate(2026, 11, 26), 0, edmonton));

    // 02:30 does not exist on 8 March: read with the offset before the gap (UTC-7), it is
    // 09:30 UTC, 03:30 daylight time (every quarter hour: ClockChangeTests.cpp).
    const QDateTime inGap = ClinicTime::toUtc(QDate(2026, 3, 8), 150, edmonton);
    CHECK(inGap == QDateTime(QDate(2026, 3, 8), QTime(9, 30), Qt::UTC));
    CHECK(ClinicTime::toLocal(inGap, edmonton).time() == QTime(3, 30));
}

TEST_CASE("Unknown zones fall back to the clinic default, and minutes format as HH:MM",
          "[booking][time]")
{
    CHECK(ClinicTime::zone(QStringLiteral("Not/AZone")).id() == QByteArray("America/Edmonton"));
    CHECK(ClinicTime::zone(QStringLiteral("Europe/Paris")).id() == QByteArray("Europe/Paris"));
    CHECK(ClinicTime::formatMinute(0) == u"00:00");
    CHECK(ClinicTime::formatMinute(630) == u"10:30");
    CHECK(ClinicTime::formatMinute(1439) == u"23:59");
    const QList<WeeklyInterval> week{{1, 540, 720}, {1, 750, 900}, {3, 600, 1110}};
    CHECK(ClinicTime::formatDay(week, 1) == u"09:00–12:00, 12:30–15:00");
    CHECK(ClinicTime::formatDay(week, 3) == u"10:00–18:30");
    CHECK(ClinicTime::formatDay(week, 2).isEmpty());
}
