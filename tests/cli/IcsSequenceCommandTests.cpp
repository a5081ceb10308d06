// export-ics across changes: each VEVENT's SEQUENCE rises with every change of the appointment,
// so calendar programs replace the event they hold; its UID never changes, and its DTSTAMP only
// with the appointment. Read back by python3-icalendar.
#include "support/IcsParser.h"
#include "support/TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using masahista::test::parsedByIcalendar;
using masahista::test::ProcessResult;
using masahista::test::runMasahistaAt;

namespace {

QDateTime at(const char* isoWithOffset)
{
    return QDateTime::fromString(QString::fromLatin1(isoWithOffset), Qt::ISODate);
}

ProcessResult run(const QString& path, const QDateTime& now, const QStringList& command)
{
    const ProcessResult result =
        runMasahistaAt(now, QStringList{QStringLiteral("--db"), path} + command);
    INFO(command.join(u' ') << "\n" << result.out << result.err);
    REQUIRE(result.exitCode == 0);
    return result;
}

// Eden L's calendar of the demo's two weeks, as exported at `now`.
QByteArray exported(const QString& path, const QDateTime& now)
{
    return run(path, now,
               {QStringLiteral("export-ics"), QStringLiteral("--therapist"),
                QStringLiteral("Eden L"), QStringLiteral("--from"), QStringLiteral("2026-11-18"),
                QStringLiteral("--to"), QStringLiteral("2026-12-31")})
        .out.toUtf8();
}

// The parsed events of a calendar by UID.
QHash<QString, QJsonObject> eventsOf(const QByteArray& calendar)
{
    const QJsonObject parsed = parsedByIcalendar(calendar);
    INFO(QString::fromUtf8(calendar));
    CHECK(parsed.value(u"errors").toArray().isEmpty());
    QHash<QString, QJsonObject> events;
    for (const QJsonValue& value : parsed.value(u"events").toArray()) {
        const QJsonObject event = value.toObject();
        REQUIRE(event.value(u"sequence").isDouble()); // every event has one
        events.insert(event.value(u"uid").toString(), event);
    }
    return events;
}

} // namespace

TEST_CASE("export-ics raises an event's SEQUENCE with every change of its appointment",
          "[schedule][ics]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    const QDateTime morning = at("2026-11-25T09:00:00-07:00");
    run(path, morning,
        {QStringLiteral("demo"), QStringLiteral("--today"), QStringLiteral("2026-11-25")});
    const QString id =
        run(path, morning,
            {QStringLiteral("book"), QStringLiteral("--client"),
             QStringLiteral("Priya Raghunathan"), QStringLiteral("--therapist"),
             QStringLiteral("Eden L"), QStringLiteral("--service"),
             QStringLiteral("Swedish relaxation"), QStringLiteral("--minutes"),
             QStringLiteral("60"), QStringLiteral("--start"), QStringLiteral("2026-12-15T12:00")})
            .out.trimmed();
    const QString uid = QStringLiteral("appointment-%1@masahista").arg(id);

    const QByteArray first = exported(path, morning.addSecs(60));
    const QHash<QString, QJsonObject> before = eventsOf(first);
    REQUIRE(before.contains(uid));
    CHECK(before.value(uid).value(u"sequence").toInt() == 0);
    CHECK(before.value(uid).value(u"dtstart").toString() == u"2026-12-15T19:00:00+00:00");
    // Nothing changed: a later export is the same file, DTSTAMP included.
    CHECK(exported(path, morning.addSecs(3600)) == first);

    // Each change, made a few minutes later than the one before, and what the event then shows.
    struct Change
    {
        QStringList command;
        const char16_t* dtstart;
        const char16_t* status;
    };
    const QList<Change> changes{
        {{QStringLiteral("move"), id, QStringLiteral("--start"),
          QStringLiteral("2026-12-15T13:00")},
         u"2026-12-15T20:00:00+00:00",
         u"TENTATIVE"},
        {{QStringLiteral("status"), id, QStringLiteral("confirmed")},
         u"2026-12-15T20:00:00+00:00",
         u"CONFIRMED"},
        {{QStringLiteral("move"), id, QStringLiteral("--note"), QStringLiteral("Bring a pillow")},
         u"2026-12-15T20:00:00+00:00",
         u"CONFIRMED"},
        {{QStringLiteral("move"), id, QStringLiteral("--minutes"), QStringLiteral("90")},
         u"2026-12-15T20:00:00+00:00",
         u"CONFIRMED"},
        {{QStringLiteral("cancel"), id, QStringLiteral("--reason"), QStringLiteral("Sick")},
         u"2026-12-15T20:00:00+00:00",
         u"CANCELLED"},
    };
    QHash<QString, QJsonObject> previous = before;
    QDateTime now = morning.addSecs(2 * 3600);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const Change& change = changes.at(i);
        INFO(change.command.join(u' '));
        now = now.addSecs(300);
        run(path, now, change.command);
        const QHash<QString, QJsonObject> after = eventsOf(exported(path, now.addSecs(60)));
        REQUIRE(after.contains(uid));
        const QJsonObject event = after.value(uid);
        CHECK(event.value(u"sequence").toInt() == i + 1);
        CHECK(event.value(u"sequence").toInt() > previous.value(uid).value(u"sequence").toInt());
        CHECK(event.value(u"dtstart").toString() == QStringView(change.dtstart));
        CHECK(event.value(u"status").toString() == QStringView(change.status));
        // DTSTAMP is when the appointment last changed: this change, not the export.
        CHECK(event.value(u"dtstamp").toString() ==
              now.toUTC().toString(Qt::ISODate).chopped(1) + u"+00:00");
        CHECK(event.value(u"dtstamp") == event.value(u"last_modified"));
        // The other events stay as they were, SEQUENCE and DTSTAMP included.
        CHECK(after.size() == before.size());
        for (auto other = after.cbegin(); other != after.cend(); ++other) {
            if (other.key() != uid) {
                CHECK(other.value() == before.value(other.key()));
            }
        }
        previous = after;
    }
}
