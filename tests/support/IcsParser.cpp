#include "IcsParser.h"

#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>

namespace masahista::test {

QJsonObject parsedByIcalendar(const QByteArray& calendar)
{
    static const QString script = QStringLiteral(R"(
import datetime, icalendar, json, sys, zoneinfo
calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = []
errors = list(calendar.errors)
for event in calendar.walk('VEVENT'):
    errors += event.errors
    events.append({
        'uid': str(event['UID']),
        'sequence': int(event['SEQUENCE']) if 'SEQUENCE' in event else None,
        'dtstart': event.decoded('DTSTART').isoformat(),
        'dtend': event.decoded('DTEND').isoformat(),
        'dtstamp': event.decoded('DTSTAMP').isoformat(),
        'last_modified': event.decoded('LAST-MODIFIED').isoformat()
                         if 'LAST-MODIFIED' in event else None,
        'summary': str(event['SUMMARY']),
        'location': str(event.get('LOCATION', '')),
        'description': str(event.get('DESCRIPTION', '')),
        'status': str(event.get('STATUS', '')),
    })
# Each VTIMEZONE observance checked against Python's own zone data: just before the change the
# offset is TZOFFSETFROM, from the change on TZOFFSETTO.
timezones = []
for timezone in calendar.walk('VTIMEZONE'):
    errors += timezone.errors
    tzid = str(timezone['TZID'])
    zone = zoneinfo.ZoneInfo(tzid)
    observances = []
    for observance in timezone.subcomponents:
        errors += observance.errors
        before = observance['TZOFFSETFROM'].td
        after = observance['TZOFFSETTO'].td
        local = observance.decoded('DTSTART')
        change = (local - before).replace(tzinfo=datetime.timezone.utc)
        one = datetime.timedelta(seconds=1)
        observances.append({
            'kind': observance.name,
            'utc': change.isoformat(),
            'matches': (change - one).astimezone(zone).utcoffset() == before and
                       change.astimezone(zone).utcoffset() == after,
        })
    timezones.append({'tzid': tzid, 'to_tz': str(timezone.to_tz()), 'observances': observances})
print(json.dumps({
    'name': str(calendar.get('X-WR-CALNAME', '')),
    'timezone': str(calendar.get('X-WR-TIMEZONE', '')),
    'prodid': str(calendar.get('PRODID', '')),
    'version': str(calendar.get('VERSION', '')),
    'components': [component.name for component in calendar.subcomponents],
    'errors': [str(error) for error in errors],
    'events': events,
    'timezones': timezones,
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
