#include "booking/engine/IcsCalendar.h"
#include "support/IcsParser.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringDecoder>
#include <QTimeZone>

using namespace masahista;

namespace {

using masahista::test::parsedByIcalendar;

QTimeZone edmonton()
{
    return QTimeZone(QByteArrayLiteral("America/Edmonton"));
}

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

CalendarEntry entry(Id id, const QDateTime& startUtc, int minutes)
{
    CalendarEntry entry;
    entry.appointment.id = id;
    entry.appointment.clientId = 7;
    entry.appointment.therapistId = 3;
    entry.appointment.massageTypeId = 2;
    entry.appointment.durationMinutes = minutes;
    entry.appointment.priceCents = 10500;
    entry.appointment.roomId = 1;
    entry.appointment.startUtc = startUtc;
    entry.appointment.endUtc = startUtc.addSecs(qint64{minutes} * 60);
    entry.appointment.bufferEndUtc = entry.appointment.endUtc.addSecs(15 * 60);
    entry.appointment.status = AppointmentStatus::Confirmed;
    entry.appointment.createdUtc = startUtc.addDays(-10);
    entry.appointment.updatedUtc = startUtc.addDays(-2);
    entry.therapistName = QStringLiteral("Eden L");
    entry.clientName = QStringLiteral("Zoë O'Brien");
    entry.serviceName = QStringLiteral("Swedish relaxation");
    entry.roomName = QStringLiteral("Cedar Room");
    return entry;
}

// The physical lines of a file, each without its CRLF; fails on a bare CR or LF.
QList<QByteArray> physicalLines(const QByteArray& calendar)
{
    REQUIRE(calendar.endsWith("\r\n"));
    QList<QByteArray> lines = calendar.split('\n');
    lines.removeLast(); // what follows the final line break
    for (QByteArray& line : lines) {
        REQUIRE(line.endsWith('\r'));
        line.chop(1);
        REQUIRE(!line.contains('\r'));
    }
    return lines;
}

bool isValidUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

} // namespace

TEST_CASE("ICS TEXT values escape backslash, semicolon, comma and line breaks", "[schedule]")
{
    CHECK(IcsCalendar::escapeText(QStringLiteral("plain text")) == u"plain text");
    CHECK(IcsCalendar::escapeText(QStringLiteral("a\\b;c,d")) == u"a\\\\b\\;c\\,d");
    CHECK(IcsCalendar::escapeText(QStringLiteral("one\ntwo\r\nthree\rfour")) ==
          u"one\\ntwo\\nthree\\nfour");
    // Control characters TEXT may not hold are dropped; a tab stays.
    CHECK(IcsCalendar::escapeText(QStringLiteral("a\u0001b\u007fc\td")) == u"abc\td");
    CHECK(IcsCalendar::escapeText(QStringLiteral("Zoë 💆 \"quoted\" :colon")) ==
          u"Zoë 💆 \"quoted\" :colon");
}

TEST_CASE("ICS lines fold at 75 octets without splitting a UTF-8 character", "[schedule]")
{
    SECTION("a short line is left whole")
    {
        CHECK(IcsCalendar::foldLine("SUMMARY:short") == "SUMMARY:short\r\n");
        const QByteArray exactly75 = "SUMMARY:" + QByteArray(67, 'a');
        CHECK(IcsCalendar::foldLine(exactly75) == exactly75 + "\r\n");
    }

    SECTION("a character straddling the boundary moves to the next line")
    {
        // 8 + 66 = 74 octets, then a 4-octet emoji that would end at octet 78.
        const QByteArray line =
            "SUMMARY:" + QByteArray(66, 'a') + QStringLiteral("💆 after").toUtf8();
        const QByteArray folded = IcsCalendar::foldLine(line);
        const QList<QByteArray> lines = physicalLines(folded);
        REQUIRE(lines.size() == 2);
        CHECK(lines.at(0) == "SUMMARY:" + QByteArray(66, 'a'));
        CHECK(lines.at(1) == " " + QStringLiteral("💆 after").toUtf8());
    }

    SECTION("long text of accents and emoji")
    {
        QString summary;
        for (int i = 0; i < 40; ++i) {
            summary += QStringLiteral("Zoë 💆‍♀️ é; ");
        }
        const QByteArray line = "SUMMARY:" + IcsCalendar::escapeText(summary).toUtf8();
        const QByteArray folded = IcsCalendar::foldLine(line);
        const QList<QByteArray> lines = physicalLines(folded);
        CHECK(lines.size() > 5);
        QByteArray unfolded;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray& physical = lines.at(i);
            INFO(i << ": " << physical.toStdString());
            CHECK(physical.size() <= 75);
            CHECK(isValidUtf8(physical));
            if (i == 0) {
                unfolded += physical;
            } else {
                REQUIRE(physical.startsWith(' '));
                unfolded += physical.mid(1);
            }
            // Folding is not done early: only a character that did not fit moved on.
            if (i + 1 < lines.size()) {
                CHECK(physical.size() >= 72);
            }
        }
        CHECK(unfolded == line);
    }
}

TEST_CASE("An ICS calendar has the required properties, CRLF lines and one event per entry",
          "[schedule]")
{
    CalendarEntry first = entry(57, utc(2026, 12, 1, 17, 0), 60);
    first.appointment.notes = QStringLiteral("Prefers lighter pressure, no oils; see file\\A.\n"
                                             "Second line.");
    first.healthAlerts = {{1, HealthAlertKind::Pregnancy, QStringLiteral("About 26 weeks")},
                          {2, HealthAlertKind::Allergy, QStringLiteral("Nut oils")}};
    CalendarEntry second = entry(58, utc(2026, 12, 1, 19, 0), 90);
    second.appointment.status = AppointmentStatus::Booked;
    second.roomName.clear();
    second.appointment.roomId = 0;
    second.clientName = QStringLiteral("Ana, \"Annie\" Ruiz; 💆‍♀️");
    second.serviceName =
        QStringLiteral("Deep tissue with a very long name that goes on and on "
                       "and on, crossing the fold boundary — ÉÈÊ 🙂🙂🙂");
    CalendarEntry third = entry(59, utc(2026, 12, 2, 16, 30), 30);
    third.appointment.status = AppointmentStatus::Cancelled;
    third.appointment.cancelReason = QStringLiteral("Sick");

    third.appointment.sequence = 3;

    const QDateTime exported = utc(2026, 11, 25, 16, 0);
    const QByteArray calendar = IcsCalendar::write(
        QStringLiteral("Eden L, Masahista; Healing"), edmonton(), utc(2026, 12, 1, 7, 0),
        utc(2026, 12, 3, 7, 0), {first, second, third}, exported);

    const QList<QByteArray> lines = physicalLines(calendar);
    for (const QByteArray& line : lines) {
        INFO(line.toStdString());
        CHECK(line.size() <= 75);
        CHECK(isValidUtf8(line));
    }
    CHECK(lines.first() == "BEGIN:VCALENDAR");
    CHECK(lines.last() == "END:VCALENDAR");
    CHECK(lines.contains("VERSION:2.0"));
    CHECK(lines.contains("PRODID:-//Masahista//Masahista 0.1//EN"));
    CHECK(lines.contains("CALSCALE:GREGORIAN"));
    CHECK(lines.contains("X-WR-CALNAME:Eden L\\, Masahista\\; Healing"));
    CHECK(lines.contains("UID:appointment-57@masahista"));
    CHECK(lines.contains("DTSTART:20261201T170000Z"));
    CHECK(lines.contains("DTEND:20261201T180000Z"));
    CHECK(lines.contains("DTSTAMP:20261129T170000Z"));
    CHECK(lines.contains("LOCATION:Cedar Room"));
    CHECK(lines.contains("X-WR-TIMEZONE:America/Edmonton"));
    CHECK(calendar.count("SEQUENCE:0\r\n") == 2);
    CHECK(calendar.count("SEQUENCE:3\r\n") == 1);
    CHECK(calendar.count("BEGIN:VEVENT\r\n") == 3);
    CHECK(calendar.count("END:VEVENT\r\n") == 3);
    CHECK(calendar.count("LOCATION:") == 2);

    const QJsonObject parsed = parsedByIcalendar(calendar);
    INFO(QString::fromUtf8(calendar));
    INFO(QString::fromUtf8(QJsonDocument(parsed).toJson()));
    CHECK(parsed.value(u"errors").toArray().isEmpty());
    CHECK(parsed.value(u"name").toString() == u"Eden L, Masahista; Healing");
    CHECK(parsed.value(u"prodid").toString() == u"-//Masahista//Masahista 0.1//EN");
    CHECK(parsed.value(u"version").toString() == u"2.0");
    CHECK(parsed.value(u"components").toArray() ==
          QJsonArray{QStringLiteral("VTIMEZONE"), QStringLiteral("VEVENT"),
                     QStringLiteral("VEVENT"), QStringLiteral("VEVENT")});
    const QJsonArray events = parsed.value(u"events").toArray();
    REQUIRE(events.size() == 3);
    CHECK(events.at(0).toObject().value(u"sequence").toInt() == 0);
    CHECK(events.at(2).toObject().value(u"sequence").toInt() == 3);

    const QJsonObject one = events.at(0).toObject();
    CHECK(one.value(u"uid").toString() == u"appointment-57@masahista");
    CHECK(one.value(u"dtstart").toString() == u"2026-12-01T17:00:00+00:00");
    CHECK(one.value(u"dtend").toString() == u"2026-12-01T18:00:00+00:00");
    CHECK(one.value(u"summary").toString() == u"Swedish relaxation – Zoë O'Brien");
    CHECK(one.value(u"location").toString() == u"Cedar Room");
    CHECK(one.value(u"status").toString() == u"CONFIRMED");
    const QString description = one.value(u"description").toString();
    CHECK(description.contains(u"60 min, confirmed"));
    CHECK(description.contains(u"⚠ pregnancy: About 26 weeks\n⚠ allergy: Nut oils"));
    CHECK(description.contains(
        u"Notes: Prefers lighter pressure, no oils; see file\\A.\nSecond line."));

    const QJsonObject two = events.at(1).toObject();
    CHECK(two.value(u"uid").toString() == u"appointment-58@masahista");
    CHECK(two.value(u"dtstart").toString() == u"2026-12-01T19:00:00+00:00");
    CHECK(two.value(u"summary").toString() == second.serviceName + u" – " + second.clientName);
    CHECK(two.value(u"location").toString().isEmpty());
    CHECK(two.value(u"status").toString() == u"TENTATIVE");

    const QJsonObject three = events.at(2).toObject();
    CHECK(three.value(u"uid").toString() == u"appointment-59@masahista");
    CHECK(three.value(u"summary").toString() == u"Cancelled: Swedish relaxation – Zoë O'Brien");
    CHECK(three.value(u"status").toString() == u"CANCELLED");
    CHECK(three.value(u"description").toString().contains(u"Reason: Sick"));
}

namespace {

// Every observance of every VTIMEZONE in `parsed` agrees with Python's zone data; the kinds
// of observance, in order.
QStringList checkedObservances(const QJsonObject& parsed, const QString& tzid)
{
    const QJsonArray timezones = parsed.value(u"timezones").toArray();
    REQUIRE(timezones.size() == 1);
    const QJsonObject zone = timezones.at(0).toObject();
    CHECK(zone.value(u"tzid").toString() == tzid);
    QStringList kinds;
    for (const QJsonValue& value : zone.value(u"observances").toArray()) {
        const QJsonObject observance = value.toObject();
        INFO(observance.value(u"utc").toString());
        CHECK(observance.value(u"matches").toBool());
        kinds.append(observance.value(u"kind").toString());
    }
    return kinds;
}

} // namespace

TEST_CASE("An empty ICS calendar is still a valid calendar, with the clinic's time zone",
          "[schedule]")
{
    const QByteArray calendar =
        IcsCalendar::write(QStringLiteral("Nobody"), edmonton(), utc(2026, 11, 25, 7, 0),
                           utc(2026, 12, 26, 7, 0), {}, utc(2026, 11, 25, 16, 0));
    INFO(QString::fromUtf8(calendar));
    const QJsonObject parsed = parsedByIcalendar(calendar);
    CHECK(parsed.value(u"errors").toArray().isEmpty());
    CHECK(parsed.value(u"events").toArray().isEmpty());
    CHECK(parsed.value(u"name").toString() == u"Nobody");
    CHECK(parsed.value(u"timezone").toString() == u"America/Edmonton");
    // RFC 5545 3.6: a calendar holds at least one component. The parser does not insist, so
    // the test does.
    CHECK(parsed.value(u"components").toArray() == QJsonArray{QStringLiteral("VTIMEZONE")});
    // In winter: the observance in effect since the 1 November change, standard time.
    CHECK(checkedObservances(parsed, QStringLiteral("America/Edmonton")) ==
          QStringList{QStringLiteral("STANDARD")});
    CHECK(calendar.contains("DTSTART:20261101T020000\r\nTZOFFSETFROM:-0600\r\n"
                            "TZOFFSETTO:-0700\r\nTZNAME:MST\r\n"));
}

TEST_CASE("The ICS time zone covers every change of offset in the range", "[schedule]")
{
    SECTION("daylight saving time both ways")
    {
        const QByteArray zone =
            IcsCalendar::timeZone(edmonton(), utc(2026, 6, 1, 0, 0), utc(2027, 6, 1, 0, 0));
        const QByteArray calendar =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + zone + "END:VCALENDAR\r\n";
        const QJsonObject parsed = parsedByIcalendar(calendar);
        INFO(QString::fromUtf8(calendar));
        CHECK(parsed.value(u"errors").toArray().isEmpty());
        // In effect on 1 June (since 8 March 2026), then 1 November and 14 March 2027.
        CHECK(checkedObservances(parsed, QStringLiteral("America/Edmonton")) ==
              QStringList{QStringLiteral("DAYLIGHT"), QStringLiteral("STANDARD"),
                          QStringLiteral("DAYLIGHT")});
        CHECK(zone.contains("DTSTART:20260308T020000\r\nTZOFFSETFROM:-0700\r\n"
                            "TZOFFSETTO:-0600\r\nTZNAME:MDT\r\n"));
        CHECK(zone.contains("DTSTART:20270314T020000\r\n"));
    }

    SECTION("a zone with a half-hour offset and none with changes")
    {
        for (const QByteArray& id : {QByteArrayLiteral("Asia/Kolkata"), QByteArrayLiteral("UTC")}) {
            INFO(id.toStdString());
            const QByteArray zone = IcsCalendar::timeZone(QTimeZone(id), utc(2026, 11, 1, 0, 0),
                                                          utc(2026, 12, 1, 0, 0));
            const QJsonObject parsed =
                parsedByIcalendar("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" +
                                  zone + "END:VCALENDAR\r\n");
            INFO(QString::fromUtf8(zone));
            CHECK(parsed.value(u"errors").toArray().isEmpty());
            CHECK(checkedObservances(parsed, QString::fromLatin1(id)) ==
                  QStringList{QStringLiteral("STANDARD")});
            CHECK(zone.contains(id == "UTC" ? "TZOFFSETTO:+0000\r\n" : "TZOFFSETTO:+0530\r\n"));
        }
    }
}
