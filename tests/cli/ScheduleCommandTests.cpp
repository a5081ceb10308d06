#include "support/IcsParser.h"
#include "support/TestSupport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using masahista::test::ProcessResult;
using masahista::test::readFileBytes;
using masahista::test::runMasahistaAt;

using masahista::test::parsedByIcalendar;

namespace {

// The demo's "now": a Wednesday in November, when Edmonton is at -07:00.
const QDateTime demoNow =
    QDateTime::fromString(QStringLiteral("2026-11-25T09:00:00-07:00"), Qt::ISODate);

QString demoDatabase(const QTemporaryDir& dir, const QString& today, const QDateTime& now)
{
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    const ProcessResult demo =
        runMasahistaAt(now, {QStringLiteral("--db"), path, QStringLiteral("demo"),
                             QStringLiteral("--today"), today});
    INFO(demo.err);
    REQUIRE(demo.exitCode == 0);
    return path;
}

QJsonArray jsonArrayOf(const ProcessResult& result)
{
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &parseError);
    REQUIRE(parseError.error == QJsonParseError::NoError);
    REQUIRE(document.isArray());
    return document.array();
}

QJsonArray scheduleJson(const QString& path, const QStringList& command)
{
    return jsonArrayOf(runMasahistaAt(demoNow, QStringList{QStringLiteral("--db"), path} + command +
                                                   QStringList{QStringLiteral("--json")}));
}

QDateTime instant(const QJsonObject& appointment, QStringView key)
{
    return QDateTime::fromString(appointment.value(key).toString(), Qt::ISODate);
}

QSet<qint64> idsOf(const QJsonArray& appointments)
{
    QSet<qint64> ids;
    for (const QJsonValue& value : appointments) {
        ids.insert(value.toObject().value(u"id").toInteger());
    }
    return ids;
}

void checkAppointmentShape(const QJsonObject& appointment)
{
    INFO(QString::fromUtf8(QJsonDocument(appointment).toJson()));
    for (const QString& key :
         {QStringLiteral("id"), QStringLiteral("therapist"), QStringLiteral("therapist_id"),
          QStringLiteral("client"), QStringLiteral("client_id"), QStringLiteral("service"),
          QStringLiteral("minutes"), QStringLiteral("price_cents"), QStringLiteral("room"),
          QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("status"),
          QStringLiteral("notes"), QStringLiteral("health_alerts")}) {
        INFO(key);
        CHECK(appointment.contains(key));
    }
    CHECK(appointment.value(u"id").toInteger() > 0);
    CHECK(!appointment.value(u"therapist").toString().isEmpty());
    CHECK(!appointment.value(u"client").toString().isEmpty());
    CHECK(!appointment.value(u"service").toString().isEmpty());
    CHECK(appointment.value(u"minutes").toInt() > 0);
    CHECK(appointment.value(u"price_cents").toInteger() > 0);
    CHECK((appointment.value(u"room").isString() || appointment.value(u"room").isNull()));
    CHECK(appointment.value(u"health_alerts").isArray());
    const QStringList statuses{QStringLiteral("booked"),  QStringLiteral("confirmed"),
                               QStringLiteral("arrived"), QStringLiteral("completed"),
                               QStringLiteral("no_show"), QStringLiteral("cancelled")};
    CHECK(statuses.contains(appointment.value(u"status").toString()));
    const QDateTime start = instant(appointment, u"start");
    const QDateTime end = instant(appointment, u"end");
    REQUIRE(start.isValid());
    REQUIRE(end.isValid());
    CHECK(start.secsTo(end) == qint64{appointment.value(u"minutes").toInt()} * 60);
}

} // namespace

TEST_CASE("day lists one clinic-local day's appointments as JSON", "[schedule]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir, QStringLiteral("2026-11-25"), demoNow);

    const QJsonArray all = scheduleJson(
        path, {QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-11-25")});
    REQUIRE(all.size() > 5);
    QDateTime previous;
    bool anyAlert = false;
    for (const QJsonValue& value : all) {
        const QJsonObject appointment = value.toObject();
        checkAppointmentShape(appointment);
        const QString start = appointment.value(u"start").toString();
        INFO(start);
        CHECK(start.startsWith(u"2026-11-25T"));
        CHECK(start.endsWith(u"-07:00"));
        CHECK(appointment.value(u"end").toString().endsWith(u"-07:00"));
        // Ordered by start.
        const QDateTime startInstant = instant(appointment, u"start");
        CHECK((previous.isNull() || previous <= startInstant));
        previous = startInstant;
        for (const QJsonValue& alert : appointment.value(u"health_alerts").toArray()) {
            anyAlert = true;
            CHECK(!alert.toObject().value(u"kind").toString().isEmpty());
            CHECK(!alert.toObject().value(u"detail").toString().isEmpty());
        }
    }
    CHECK(anyAlert);

    // Without --date: the clinic's today, from the pinned clock.
    CHECK(idsOf(scheduleJson(path, {QStringLiteral("day")})) == idsOf(all));

    SECTION("--therapist takes an exact name in any case")
    {
        const QJsonArray eden = scheduleJson(
            path, {QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-11-27"),
                   QStringLiteral("--therapist"), QStringLiteral("eden l")});
        REQUIRE(!eden.isEmpty());
        for (const QJsonValue& value : eden) {
            CHECK(value.toObject().value(u"therapist").toString() == u"Eden L");
        }
        const qint64 edenId = eden.at(0).toObject().value(u"therapist_id").toInteger();
        const QJsonArray byId = scheduleJson(
            path, {QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-11-27"),
                   QStringLiteral("--therapist"), QString::number(edenId)});
        CHECK(idsOf(byId) == idsOf(eden));
        const QJsonArray everyone = scheduleJson(
            path, {QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-11-27")});
        CHECK(everyone.size() > eden.size());
        CHECK(idsOf(everyone).contains(idsOf(eden)));
    }

    SECTION("the text is a day sheet by therapist with alerts and free time")
    {
        const ProcessResult text =
            runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("day")});
        INFO(text.out << text.err);
        CHECK(text.exitCode == 0);
        CHECK(text.out.startsWith(u"Wed 2026-11-25\n"));
        const QJsonObject first = all.at(0).toObject();
        CHECK(text.out.contains(first.value(u"therapist").toString()));
        CHECK(text.out.contains(first.value(u"client").toString()));
        CHECK(
            text.out.contains(QLatin1Char('#') + QString::number(first.value(u"id").toInteger())));
        CHECK(text.out.contains(u"⚠ "));
        CHECK(text.out.contains(u"free "));
    }

    SECTION("an unknown therapist is refused, a bad date is a usage error")
    {
        const ProcessResult unknown =
            runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("day"),
                                     QStringLiteral("--therapist"), QStringLiteral("Nobody Here")});
        CHECK(unknown.exitCode == 1);
        CHECK(unknown.err.contains(u"Nobody Here"));
        CHECK(unknown.out.isEmpty());
        const ProcessResult unknownId =
            runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("week"),
                                     QStringLiteral("--therapist"), QStringLiteral("999")});
        CHECK(unknownId.exitCode == 1);

        for (const QString& bad : {QStringLiteral("2026-13-01"), QStringLiteral("tomorrow"),
                                   QStringLiteral("25/11/2026")}) {
            INFO(bad);
            const ProcessResult badDate =
                runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("day"),
                                         QStringLiteral("--date"), bad, QStringLiteral("--json")});
            CHECK(badDate.exitCode == 2);
            CHECK(badDate.err.contains(bad));
            CHECK(badDate.out.isEmpty());
        }
    }
}

TEST_CASE("day lists cancelled appointments too, marked", "[schedule]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir, QStringLiteral("2026-11-25"), demoNow);
    const QJsonArray week = scheduleJson(
        path, {QStringLiteral("week"), QStringLiteral("--date"), QStringLiteral("2026-11-18")});
    QJsonObject cancelled;
    for (const QJsonValue& value : week) {
        if (value.toObject().value(u"status").toString() == u"cancelled") {
            cancelled = value.toObject();
            break;
        }
    }
    REQUIRE(!cancelled.isEmpty());
    CHECK(cancelled.value(u"cancel_reason").isString());
    const QString date = cancelled.value(u"start").toString().left(10);
    CHECK(idsOf(scheduleJson(path, {QStringLiteral("day"), QStringLiteral("--date"), date}))
              .contains(cancelled.value(u"id").toInteger()));
    const ProcessResult text =
        runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("day"),
                                 QStringLiteral("--date"), date});
    const QString id = QLatin1Char('#') + QString::number(cancelled.value(u"id").toInteger());
    bool marked = false;
    for (const QString& line : text.out.split(QLatin1Char('\n'))) {
        if (line.endsWith(id)) {
            marked = line.contains(u"cancelled");
        }
    }
    INFO(text.out);
    CHECK(marked);
}

TEST_CASE("week covers Monday to Sunday of the date's week", "[schedule]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir, QStringLiteral("2026-11-25"), demoNow);

    // 2026-11-25 is a Wednesday: the week is 2026-11-23 .. 2026-11-29.
    const QJsonArray week = scheduleJson(
        path, {QStringLiteral("week"), QStringLiteral("--date"), QStringLiteral("2026-11-25")});
    QSet<qint64> byDay;
    for (int day = 23; day <= 29; ++day) {
        const QString date = QStringLiteral("2026-11-%1").arg(day);
        const QJsonArray appointments =
            scheduleJson(path, {QStringLiteral("day"), QStringLiteral("--date"), date});
        INFO(date);
        CHECK(!appointments.isEmpty());
        byDay.unite(idsOf(appointments));
    }
    CHECK(idsOf(week) == byDay);
    for (const QJsonValue& value : week) {
        checkAppointmentShape(value.toObject());
        const QString start = value.toObject().value(u"start").toString();
        CHECK(start >= u"2026-11-23");
        CHECK(start < u"2026-11-30");
    }
    // Any day of the week gives the same week; the Sunday still belongs to it.
    CHECK(idsOf(scheduleJson(path, {QStringLiteral("week"), QStringLiteral("--date"),
                                    QStringLiteral("2026-11-29")})) == idsOf(week));
    CHECK(idsOf(scheduleJson(path, {QStringLiteral("week"), QStringLiteral("--date"),
                                    QStringLiteral("2026-11-23")})) == idsOf(week));
    CHECK(idsOf(scheduleJson(path, {QStringLiteral("week"), QStringLiteral("--date"),
                                    QStringLiteral("2026-11-30")})) != idsOf(week));

    const ProcessResult text =
        runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("week"),
                                 QStringLiteral("--therapist"), QStringLiteral("EDEN L")});
    INFO(text.out << text.err);
    CHECK(text.exitCode == 0);
    CHECK(text.out.startsWith(u"Week of Mon 2026-11-23 to Sun 2026-11-29\n"));
    for (const QString& day :
         {QStringLiteral("Mon 2026-11-23"), QStringLiteral("Sun 2026-11-29")}) {
        CHECK(text.out.contains(u'\n' + day + u'\n'));
    }
}

TEST_CASE("JSON times carry the clinic's offset of their own date across the DST change",
          "[schedule]")
{
    QTemporaryDir dir;
    // Edmonton leaves daylight time on 2026-11-01: -06:00 before, -07:00 after.
    const QDateTime now =
        QDateTime::fromString(QStringLiteral("2026-11-01T09:00:00-07:00"), Qt::ISODate);
    const QString path = demoDatabase(dir, QStringLiteral("2026-11-01"), now);
    const auto startsOf = [&](const QString& date) {
        const QJsonArray appointments = jsonArrayOf(
            runMasahistaAt(now, {QStringLiteral("--db"), path, QStringLiteral("day"),
                                 QStringLiteral("--date"), date, QStringLiteral("--json")}));
        REQUIRE(!appointments.isEmpty());
        QStringList starts;
        for (const QJsonValue& value : appointments) {
            starts.append(value.toObject().value(u"start").toString());
            starts.append(value.toObject().value(u"end").toString());
        }
        return starts;
    };
    for (const QString& start : startsOf(QStringLiteral("2026-10-30"))) {
        CHECK(start.startsWith(u"2026-10-30T"));
        CHECK(start.endsWith(u"-06:00"));
    }
    for (const QString& start : startsOf(QStringLiteral("2026-11-02"))) {
        CHECK(start.startsWith(u"2026-11-02T"));
        CHECK(start.endsWith(u"-07:00"));
    }
}

TEST_CASE("unresolved lists past appointments still waiting for an outcome", "[schedule]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir, QStringLiteral("2026-11-25"), demoNow);

    // The demo settles everything that ended before its 'now'.
    CHECK(scheduleJson(path, {QStringLiteral("unresolved")}).isEmpty());
    const ProcessResult none =
        runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("unresolved")});
    CHECK(none.exitCode == 0);
    CHECK(none.out.contains(u"No past appointment"));

    // Three days on, the appointments since then are past but still booked or confirmed.
    const QDateTime later =
        QDateTime::fromString(QStringLiteral("2026-11-28T09:00:00-07:00"), Qt::ISODate);
    const QJsonArray unresolved = jsonArrayOf(
        runMasahistaAt(later, {QStringLiteral("--db"), path, QStringLiteral("unresolved"),
                               QStringLiteral("--json")}));
    REQUIRE(!unresolved.isEmpty());
    for (const QJsonValue& value : unresolved) {
        const QJsonObject appointment = value.toObject();
        checkAppointmentShape(appointment);
        CHECK(instant(appointment, u"end") <= later);
        const QString status = appointment.value(u"status").toString();
        CHECK((status == u"booked" || status == u"confirmed" || status == u"arrived"));
    }
    // Exactly those: every appointment of the week that ended by then with no outcome.
    QSet<qint64> expected;
    for (const QJsonValue& value :
         scheduleJson(path, {QStringLiteral("week"), QStringLiteral("--date"),
                             QStringLiteral("2026-11-25")})) {
        const QJsonObject appointment = value.toObject();
        const QString status = appointment.value(u"status").toString();
        if (instant(appointment, u"end") <= later &&
            (status == u"booked" || status == u"confirmed" || status == u"arrived")) {
            expected.insert(appointment.value(u"id").toInteger());
        }
    }
    CHECK(idsOf(unresolved) == expected);

    // Listing them changes nothing: they are never marked automatically.
    const QJsonArray again = jsonArrayOf(
        runMasahistaAt(later, {QStringLiteral("--db"), path, QStringLiteral("unresolved"),
                               QStringLiteral("--json")}));
    CHECK(again == unresolved);

    const ProcessResult text =
        runMasahistaAt(later, {QStringLiteral("--db"), path, QStringLiteral("unresolved")});
    INFO(text.out << text.err);
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(u"completed or no-show"));
    CHECK(text.out.contains(QLatin1Char('#') +
                            QString::number(unresolved.at(0).toObject().value(u"id").toInteger())));
}

TEST_CASE("export-ics writes a therapist's appointments as iCalendar", "[schedule]")
{
    QTemporaryDir dir;
    const QString path = demoDatabase(dir, QStringLiteral("2026-11-25"), demoNow);
    const QJsonArray week = scheduleJson(
        path, {QStringLiteral("week"), QStringLiteral("--date"), QStringLiteral("2026-11-25"),
               QStringLiteral("--therapist"), QStringLiteral("eden l")});
    REQUIRE(!week.isEmpty());

    const auto checkCalendar = [&week](const QByteArray& calendar) {
        INFO(QString::fromUtf8(calendar));
        CHECK(calendar.startsWith("BEGIN:VCALENDAR\r\n"));
        CHECK(calendar.endsWith("END:VCALENDAR\r\n"));
        CHECK(calendar.count("\r\n") == calendar.count("\n"));
        const QJsonObject parsed = parsedByIcalendar(calendar);
        CHECK(parsed.value(u"errors").toArray().isEmpty());
        CHECK(parsed.value(u"name").toString().startsWith(u"Eden L"));
        const QJsonArray events = parsed.value(u"events").toArray();
        REQUIRE(events.size() == week.size());
        for (qsizetype i = 0; i < week.size(); ++i) {
            const QJsonObject appointment = week.at(i).toObject();
            const QJsonObject event = events.at(i).toObject();
            CHECK(event.value(u"uid").toString() == QStringLiteral("appointment-%1@masahista")
                                                        .arg(appointment.value(u"id").toInteger()));
            CHECK(event.value(u"dtstart").toString() ==
                  instant(appointment, u"start").toUTC().toString(Qt::ISODate).chopped(1) +
                      u"+00:00");
            QString summary = appointment.value(u"service").toString() + u" – " +
                              appointment.value(u"client").toString();
            if (appointment.value(u"status").toString() == u"cancelled") {
                summary = u"Cancelled: " + summary;
                CHECK(event.value(u"status").toString() == u"CANCELLED");
            }
            CHECK(event.value(u"summary").toString() == summary);
            CHECK(event.value(u"location").toString() == appointment.value(u"room").toString());
        }
    };

    SECTION("to a file")
    {
        const QString file = dir.filePath(QStringLiteral("eden.ics"));
        const ProcessResult written =
            runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("export-ics"),
                                     QStringLiteral("--therapist"), QStringLiteral("Eden L"),
                                     QStringLiteral("--from"), QStringLiteral("2026-11-23"),
                                     QStringLiteral("--to"), QStringLiteral("2026-11-29"),
                                     QStringLiteral("-o"), file});
        INFO(written.err);
        REQUIRE(written.exitCode == 0);
        CHECK(written.out.contains(file));
        checkCalendar(readFileBytes(file));

        // --output is the long form; a second export replaces the file.
        const ProcessResult again = runMasahistaAt(
            demoNow, {QStringLiteral("--db"), path, QStringLiteral("export-ics"),
                      QStringLiteral("--therapist"), QStringLiteral("eden l"),
                      QStringLiteral("--from"), QStringLiteral("2026-11-23"),
                      QStringLiteral("--to=2026-11-29"), QStringLiteral("--output"), file});
        REQUIRE(again.exitCode == 0);
        checkCalendar(readFileBytes(file));
    }

    SECTION("to stdout")
    {
        const ProcessResult written =
            runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("export-ics"),
                                     QStringLiteral("--therapist"), QStringLiteral("EDEN L"),
                                     QStringLiteral("--from"), QStringLiteral("2026-11-23"),
                                     QStringLiteral("--to"), QStringLiteral("2026-11-29")});
        INFO(written.err);
        REQUIRE(written.exitCode == 0);
        checkCalendar(written.out.toUtf8());
    }

    SECTION("without dates: from today for 30 days")
    {
        const ProcessResult written =
            runMasahistaAt(demoNow, {QStringLiteral("--db"), path, QStringLiteral("export-ics"),
                                     QStringLiteral("--therapist"), QStringLiteral("eden l")});
        REQUIRE(written.exitCode == 0);
        const QJsonArray events =
            parsedByIcalendar(written.out.toUtf8()).value(u"events").toArray();
        REQUIRE(!events.isEmpty());
        for (const QJsonValue& event : events) {
            // 2026-11-25 00:00 in Edmonton is 07:00 UTC.
            CHECK(event.toObject().value(u"dtstart").toString() >= u"2026-11-25T07:00:00+00:00");
        }
    }

    SECTION("refusals and usage errors")
    {
        const auto exitOf = [&path](const QStringList& arguments) {
            const ProcessResult result = runMasahistaAt(
                demoNow, QStringList{QStringLiteral("--db"), path, QStringLiteral("export-ics")} +
                             arguments);
            INFO(result.err);
            CHECK(!result.err.isEmpty());
            return result.exitCode;
        };
        CHECK(exitOf({}) == 2);
        CHECK(exitOf({QStringLiteral("--therapist"), QStringLiteral("Nobody")}) == 1);
        CHECK(exitOf({QStringLiteral("--therapist"), QStringLiteral("eden l"),
                      QStringLiteral("--from"), QStringLiteral("2026-11-31")}) == 2);
        CHECK(exitOf({QStringLiteral("--therapist"), QStringLiteral("eden l"),
                      QStringLiteral("--from"), QStringLiteral("2026-11-29"),
                      QStringLiteral("--to"), QStringLiteral("2026-11-23")}) == 2);
        CHECK(exitOf({QStringLiteral("--therapist"), QStringLiteral("eden l"), QStringLiteral("-o"),
                      dir.filePath(QStringLiteral("missing/x.ics"))}) == 1);
        CHECK(!QFileInfo::exists(dir.filePath(QStringLiteral("missing"))));
    }
}
