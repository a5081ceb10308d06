#include "IcsCalendar.h"

#include <QStringList>

#include <algorithm>

namespace masahista {

namespace {

// RFC 5545 3.1: lines of at most 75 octets, not counting the line break.
constexpr qsizetype maxLineOctets = 75;

// A UTF-8 byte that continues a multi-byte character (10xxxxxx): a fold must not come before it.
bool continuesCharacter(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

QByteArray property(const char* name, const QByteArray& value)
{
    return IcsCalendar::foldLine(QByteArray(name) + ':' + value);
}

QByteArray textProperty(const char* name, const QString& text)
{
    return property(name, IcsCalendar::escapeText(text).toUtf8());
}

// A booking the client has not confirmed yet is only tentative; every other held booking is
// firm, whatever its outcome.
QByteArray eventStatus(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return QByteArrayLiteral("TENTATIVE");
    case AppointmentStatus::Cancelled:
        return QByteArrayLiteral("CANCELLED");
    case AppointmentStatus::Confirmed:
    case AppointmentStatus::Arrived:
    case AppointmentStatus::Completed:
    case AppointmentStatus::NoShow:
        break;
    }
    return QByteArrayLiteral("CONFIRMED");
}

QString summary(const CalendarEntry& entry)
{
    const QString text = IcsCalendar::tr("%1 – %2").arg(entry.serviceName, entry.clientName);
    // Some programs ignore STATUS, so the title says it as well.
    return entry.appointment.status == AppointmentStatus::Cancelled
               ? IcsCalendar::tr("Cancelled: %1").arg(text)
               : text;
}

QString description(const CalendarEntry& entry)
{
    const Appointment& appointment = entry.appointment;
    QStringList lines;
    lines.append(IcsCalendar::tr("%1 min, %2")
                     .arg(appointment.durationMinutes)
                     .arg(IcsCalendar::statusText(appointment.status)));
    if (appointment.status == AppointmentStatus::Cancelled && !appointment.cancelReason.isEmpty()) {
        lines.append(IcsCalendar::tr("Reason: %1").arg(appointment.cancelReason));
    }
    for (const HealthAlert& alert : entry.healthAlerts) {
        lines.append(IcsCalendar::alertText(alert));
    }
    if (!appointment.notes.isEmpty()) {
        lines.append(IcsCalendar::tr("Notes: %1").arg(appointment.notes));
    }
    return lines.join(QLatin1Char('\n'));
}

QByteArray event(const CalendarEntry& entry, const QDateTime& exportedUtc)
{
    const Appointment& appointment = entry.appointment;
    // Without a METHOD, DTSTAMP is when the event last changed (RFC 5545 3.8.7.2), which keeps
    // the file the same from one export to the next while nothing changes.
    const QDateTime stamp = appointment.updatedUtc.isValid() ? appointment.updatedUtc : exportedUtc;
    QByteArray text = property("BEGIN", QByteArrayLiteral("VEVENT"));
    text += property("UID", QByteArrayLiteral("appointment-") + QByteArray::number(appointment.id) +
                                QByteArrayLiteral("@masahista"));
    text += property("DTSTAMP", IcsCalendar::utcText(stamp));
    if (appointment.createdUtc.isValid()) {
        text += property("CREATED", IcsCalendar::utcText(appointment.createdUtc));
    }
    if (appointment.updatedUtc.isValid()) {
        text += property("LAST-MODIFIED", IcsCalendar::utcText(appointment.updatedUtc));
    }
    // Raised with every change the event shows, so a program holding it takes the new one.
    text += property("SEQUENCE", QByteArray::number(appointment.sequence));
    text += property("DTSTART", IcsCalendar::utcText(appointment.startUtc));
    text += property("DTEND", IcsCalendar::utcText(appointment.endUtc));
    text += textProperty("SUMMARY", summary(entry));
    if (!entry.roomName.isEmpty()) {
        text += textProperty("LOCATION", entry.roomName);
    }
    text += textProperty("DESCRIPTION", description(entry));
    text += property("STATUS", eventStatus(appointment.status));
    // A cancelled appointment no longer makes the therapist busy.
    text += property("TRANSP", appointment.holdsTime() ? QByteArrayLiteral("OPAQUE")
                                                       : QByteArrayLiteral("TRANSPARENT"));
    text += property("END", QByteArrayLiteral("VEVENT"));
    return text;
}

// "-0700", or "+053000" for an offset with seconds (RFC 5545 3.3.14).
QByteArray offsetText(int seconds)
{
    const char sign = seconds < 0 ? '-' : '+';
    const int magnitude = seconds < 0 ? -seconds : seconds;
    QByteArray text = sign + QByteArray::number(magnitude / 3600).rightJustified(2, '0') +
                      QByteArray::number(magnitude / 60 % 60).rightJustified(2, '0');
    if (magnitude % 60 != 0) {
        text += QByteArray::number(magnitude % 60).rightJustified(2, '0');
    }
    return text;
}

// One observance: from `change.atUtc` on, the offset is `change.offsetFromUtc`; DTSTART is the
// wall-clock time of the change as read before it, in `offsetBefore` (RFC 5545 3.6.5).
QByteArray observance(const QTimeZone::OffsetData& change, int offsetBefore)
{
    const QByteArray kind = change.daylightTimeOffset != 0 ? QByteArrayLiteral("DAYLIGHT")
                                                           : QByteArrayLiteral("STANDARD");
    const QDateTime localStart = change.atUtc.toUTC().addSecs(offsetBefore);
    QByteArray text = property("BEGIN", kind);
    text +=
        property("DTSTART", localStart.toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1());
    text += property("TZOFFSETFROM", offsetText(offsetBefore));
    text += property("TZOFFSETTO", offsetText(change.offsetFromUtc));
    if (!change.abbreviation.isEmpty()) {
        text += textProperty("TZNAME", change.abbreviation);
    }
    text += property("END", kind);
    return text;
}

} // namespace

QByteArray IcsCalendar::timeZone(const QTimeZone& zone, const QDateTime& fromUtc,
                                 const QDateTime& toUtc)
{
    QList<QTimeZone::OffsetData> changes;
    const QTimeZone::OffsetData inEffect = zone.previousTransition(fromUtc.addSecs(1));
    if (inEffect.atUtc.isValid()) {
        changes.append(inEffect);
    }
    for (const QTimeZone::OffsetData& change : zone.transitions(fromUtc.addSecs(1), toUtc)) {
        if (change.atUtc.isValid() && (changes.isEmpty() || change.atUtc > changes.last().atUtc)) {
            changes.append(change);
        }
    }
    QByteArray text = property("BEGIN", QByteArrayLiteral("VTIMEZONE"));
    text += textProperty("TZID", QString::fromLatin1(zone.id()));
    if (changes.isEmpty()) {
        // A zone that never changes its offset (UTC): one observance since the epoch.
        QTimeZone::OffsetData always{};
        always.standardTimeOffset = zone.standardTimeOffset(fromUtc);
        always.daylightTimeOffset = 0;
        always.atUtc = QDateTime(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc());
        always.offsetFromUtc = zone.offsetFromUtc(fromUtc);
        always.abbreviation = zone.abbreviation(fromUtc);
        text += observance(always, always.offsetFromUtc);
    } else {
        const QTimeZone::OffsetData before = zone.previousTransition(changes.first().atUtc);
        int offsetBefore =
            before.atUtc.isValid() ? before.offsetFromUtc : changes.first().offsetFromUtc;
        for (const QTimeZone::OffsetData& change : changes) {
            text += observance(change, offsetBefore);
            offsetBefore = change.offsetFromUtc;
        }
    }
    text += property("END", QByteArrayLiteral("VTIMEZONE"));
    return text;
}

QByteArray IcsCalendar::write(const QString& calendarName, const QTimeZone& zone,
                              const QDateTime& fromUtc, const QDateTime& toUtc,
                              const QList<CalendarEntry>& entries, const QDateTime& exportedUtc)
{
    QDateTime first = fromUtc;
    QDateTime last = toUtc;
    for (const CalendarEntry& entry : entries) {
        first = std::min(first, entry.appointment.startUtc);
        last = std::max(last, entry.appointment.endUtc);
    }
    QByteArray text = property("BEGIN", QByteArrayLiteral("VCALENDAR"));
    text += property("VERSION", QByteArrayLiteral("2.0"));
    text += property("PRODID", QByteArrayLiteral("-//Masahista//Masahista 0.1//EN"));
    text += property("CALSCALE", QByteArrayLiteral("GREGORIAN"));
    text += textProperty("X-WR-CALNAME", calendarName);
    text += textProperty("X-WR-TIMEZONE", QString::fromLatin1(zone.id()));
    text += timeZone(zone, first, last);
    for (const CalendarEntry& entry : entries) {
        text += event(entry, exportedUtc);
    }
    text += property("END", QByteArrayLiteral("VCALENDAR"));
    return text;
}

QString IcsCalendar::escapeText(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar character = text.at(i);
        switch (character.unicode()) {
        case u'\\':
            escaped += QStringLiteral("\\\\");
            break;
        case u';':
            escaped += QStringLiteral("\\;");
            break;
        case u',':
            escaped += QStringLiteral("\\,");
            break;
        case u'\r':
            // CRLF is one line break, a lone CR another.
            if (i + 1 < text.size() && text.at(i + 1) == u'\n') {
                ++i;
            }
            escaped += QStringLiteral("\\n");
            break;
        case u'\n':
            escaped += QStringLiteral("\\n");
            break;
        case u'\t':
            escaped += character;
            break;
        default:
            if (character.unicode() >= 0x20 && character.unicode() != 0x7F) {
                escaped += character;
            }
            break;
        }
    }
    return escaped;
}

QByteArray IcsCalendar::foldLine(const QByteArray& line)
{
    QByteArray folded;
    qsizetype start = 0;
    // The first line holds 75 octets; a continuation's leading space takes one of its 75.
    qsizetype octetsForText = maxLineOctets;
    while (line.size() - start > octetsForText) {
        qsizetype end = start + octetsForText;
        while (end > start && continuesCharacter(line.at(end))) {
            --end;
        }
        if (end == start) {
            end = start + octetsForText; // not UTF-8 at all: any cut is as good as another
        }
        folded += line.mid(start, end - start);
        folded += "\r\n ";
        start = end;
        octetsForText = maxLineOctets - 1;
    }
    folded += line.mid(start);
    folded += "\r\n";
    return folded;
}

QByteArray IcsCalendar::utcText(const QDateTime& instant)
{
    return instant.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QString IcsCalendar::statusText(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return tr("booked");
    case AppointmentStatus::Confirmed:
        return tr("confirmed");
    case AppointmentStatus::Arrived:
        return tr("arrived");
    case AppointmentStatus::Completed:
        return tr("completed");
    case AppointmentStatus::NoShow:
        return tr("no-show");
    case AppointmentStatus::Cancelled:
        break;
    }
    return tr("cancelled");
}

QString IcsCalendar::alertKindText(HealthAlertKind kind)
{
    switch (kind) {
    case HealthAlertKind::Pregnancy:
        return tr("pregnancy");
    case HealthAlertKind::Allergy:
        return tr("allergy");
    case HealthAlertKind::Condition:
        return tr("condition");
    case HealthAlertKind::AvoidArea:
        return tr("avoid area");
    case HealthAlertKind::Other:
        break;
    }
    return tr("note");
}

QString IcsCalendar::alertText(const HealthAlert& alert)
{
    return tr("⚠ %1: %2").arg(alertKindText(alert.kind), alert.detail);
}

} // namespace masahista
