#include "OptionValues.h"

#include "booking/engine/ClinicTime.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace masahista::cli::OptionValues {

namespace {

// ISO 8601 writes years 1 to 9999 only: an instant past them, such as 9999-12-31T23:59 in
// Edmonton (already year 10000 in UTC), would be shown and exported as an empty text. A day
// inside them is inside them in every time zone.
bool writable(const QDateTime& instant)
{
    const QDate day = instant.toUTC().date();
    return day >= QDate(1, 1, 2) && day <= QDate(9999, 12, 30);
}

} // namespace

std::optional<QDate> date(const QString& text)
{
    // Qt's ISO reading takes any punctuation between the parts and ignores what follows the
    // day, so "2026/12/01" or "2026-12-01,2026-12-08" would pass as the 1st of December.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("\\d{4}-\\d{2}-\\d{2}")));
    const QString trimmed = text.trimmed();
    if (!pattern.match(trimmed).hasMatch()) {
        return std::nullopt;
    }
    const QDate parsed = QDate::fromString(trimmed, Qt::ISODate);
    if (!parsed.isValid()) {
        return std::nullopt;
    }
    return parsed;
}

std::optional<int> number(const QString& text, int minimum, int maximum)
{
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        return std::nullopt;
    }
    return parsed;
}

std::optional<int> count(const QString& text)
{
    const std::optional<Id> parsed = id(text);
    if (!parsed) {
        return std::nullopt;
    }
    return static_cast<int>(std::min<Id>(*parsed, std::numeric_limits<int>::max()));
}

std::optional<Id> id(const QString& text)
{
    bool ok = false;
    const Id parsed = text.toLongLong(&ok);
    if (!ok || parsed <= 0) {
        return std::nullopt;
    }
    return parsed;
}

std::optional<QDateTime> instant(const QString& text, const QTimeZone& zone, QString* note)
{
    const QString trimmed = text.trimmed();
    // Local wall-clock time unless the text carries its own offset.
    static const QRegularExpression local(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?$"));
    QDateTime parsed;
    if (local.match(trimmed).hasMatch()) {
        QString normalized = trimmed;
        normalized.replace(10, 1, QLatin1Char('T'));
        const QDateTime wall = QDateTime::fromString(normalized, Qt::ISODate);
        if (wall.isValid()) {
            const int minute = wall.time().hour() * 60 + wall.time().minute();
            parsed = ClinicTime::toUtc(wall.date(), minute, zone).addSecs(wall.time().second());
            if (note != nullptr) {
                *note = ClinicTime::wallTimeNote(wall.date(), minute, zone);
            }
        }
    } else {
        parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (parsed.isValid()) {
            parsed = parsed.toUTC();
        }
    }
    if (!parsed.isValid() || !writable(parsed)) {
        return std::nullopt;
    }
    return parsed;
}

std::optional<QDateTime> pinnedNow(const QString& text)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime || !writable(parsed)) {
        return std::nullopt;
    }
    return parsed;
}

} // namespace masahista::cli::OptionValues
