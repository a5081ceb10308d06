#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace masahista::test {

// What Debian's python3-icalendar makes of a calendar file: its name, its parse errors, and
// each event's fields (times as ISO 8601), as JSON. An independent parser is the check that
// the file follows RFC 5545 rather than our own reading of it.
QJsonObject parsedByIcalendar(const QByteArray& calendar);

} // namespace masahista::test
