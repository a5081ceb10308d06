#include "IcsParser.h"

#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>

namespace masahista::test {

QJsonObject parsedByIcalendar(const QByteArray& calendar)
{
    static const QString script = QStringLiteral(R"(
import icalendar, json, sys
calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = []
errors = list(calendar.errors)
for event in calendar.walk('VEVENT'):
    errors += event.errors
    events.append({
        'uid': str(event['UID']),
        'dtstart': event.decoded('DTSTART').isoformat(),
        'dtend': event.decoded('DTEND').isoformat(),
        'dtstamp': event.decoded('DTSTAMP').isoformat(),
        'summary': str(event['SUMMARY']),
        'location': str(event.get('LOCATION', '')),
        'description': str(event.get('DESCRIPTION', '')),
        'status': str(event.get('STATUS', '')),
    })
print(json.dumps({
    'name': str(calendar.get('X-WR-CALNAME', '')),
    'prodid': str(calendar.get('PRODID', '')),
    'version': str(calendar.get('VERSION', '')),
    'errors': [str(error) for error in errors],
    'events': events,
}))
)");
    QProcess python;
    // Debian's interpreter, which has python3-icalendar; another python3 may come first on PATH.
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script});
    REQUIRE(python.waitForStarted());
    python.write(calendar);
    python.closeWriteChannel();
    REQUIRE(python.waitForFinished(60000));
    const QByteArray output = python.readAllStandardOutput();
    INFO(QString::fromUtf8(python.readAllStandardError()));
    REQUIRE(python.exitStatus() == QProcess::NormalExit);
    REQUIRE(python.exitCode() == 0);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    REQUIRE(parseError.error == QJsonParseError::NoError);
    REQUIRE(document.isObject());
    return document.object();
}

} // namespace masahista::test
