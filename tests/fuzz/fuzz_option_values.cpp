// The values of the command line's options (cli/OptionValues): dates (--date, --until, ...),
// numbers (--minutes, --every-weeks, --limit, ...), ids (appointments, and therapists,
// clients, services and rooms named by id), instants (--start, in the clinic's zone or with
// an offset) and MASAHISTA_NOW. Input: the text of one value; every parser reads it.
#include "FuzzSupport.h"
#include "cli/OptionValues.h"

#include <QTimeZone>

#include <array>
#include <limits>

using namespace masahista;
using namespace masahista::cli;
using fuzz::require;

namespace {

// A clinic's zone: ours, none, one with half-hour offsets, one whose summer time moves the
// clock by 30 minutes, and one far east of UTC.
const std::array<QTimeZone, 5>& zones()
{
    static const std::array<QTimeZone, 5> zones{
        QTimeZone("America/Edmonton"), QTimeZone::utc(), QTimeZone("Asia/Kolkata"),
        QTimeZone("Australia/Lord_Howe"), QTimeZone("Pacific/Kiritimati")};
    return zones;
}

void checkDate(const QString& text)
{
    const std::optional<QDate> date = OptionValues::date(text);
    if (!date) {
        return;
    }
    require(date->isValid(), "an accepted date is valid");
    // Nothing but the date itself is read: no other separators, nothing after the day.
    const QString written = date->toString(Qt::ISODate);
    require(written == text.trimmed(), "a date is accepted only as YYYY-MM-DD",
            [&]() -> QString { return text + QStringLiteral(" -> ") + written; });
}

void checkNumber(const QString& text, int minimum, int maximum)
{
    const std::optional<int> number = OptionValues::number(text, minimum, maximum);
    if (!number) {
        return;
    }
    require(*number >= minimum && *number <= maximum, "an accepted number is in its range");
    require(OptionValues::number(QString::number(*number), minimum, maximum) == number,
            "a number reads back from its digits");
}

void checkId(const QString& text)
{
    const std::optional<Id> id = OptionValues::id(text);
    if (!id) {
        return;
    }
    require(*id > 0, "an id is above 0");
    require(OptionValues::id(QString::number(*id)) == id, "an id reads back from its digits");
}

void checkCount(const QString& text)
{
    const std::optional<int> count = OptionValues::count(text);
    if (!count) {
        return;
    }
    require(*count > 0, "a count is above 0");
    require(OptionValues::count(QString::number(*count)) == count,
            "a count reads back from its digits");
}

void checkInstant(const QString& text, const QTimeZone& zone)
{
    const std::optional<QDateTime> instant = OptionValues::instant(text, zone);
    if (!instant) {
        return;
    }
    require(instant->isValid() && instant->timeSpec() == Qt::UTC, "an instant comes in UTC");
    // In UTC with its offset written, it names the same instant in any zone.
    const QString exact = instant->toString(Qt::ISODateWithMs);
    for (const QTimeZone& other : zones()) {
        const std::optional<QDateTime> again = OptionValues::instant(exact, other);
        require(again == instant, "an instant reads back from its ISO form", [&]() -> QString {
            return text + QStringLiteral(" in ") + QString::fromUtf8(zone.id()) +
                   QStringLiteral(" -> \"") + exact + QStringLiteral("\" in ") +
                   QString::fromUtf8(other.id());
        });
    }
    // As the clinic's wall-clock time, it reads back to the same wall-clock time (an hour
    // that the clocks pass twice may come back as its other instant).
    const QDateTime wall = instant->toTimeZone(zone);
    const QString local = wall.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    const std::optional<QDateTime> again = OptionValues::instant(local, zone);
    require(again.has_value() &&
                again->toTimeZone(zone).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) == local,
            "an instant reads back from the clinic's wall-clock time", [&]() -> QString {
                return text + QStringLiteral(" in ") + QString::fromUtf8(zone.id()) +
                       QStringLiteral(" -> ") + local;
            });
}

void checkPinnedNow(const QString& text)
{
    const std::optional<QDateTime> now = OptionValues::pinnedNow(text);
    if (!now) {
        return;
    }
    require(now->isValid() && now->timeSpec() != Qt::LocalTime,
            "MASAHISTA_NOW is an instant with an offset");
    const QString written = now->toString(Qt::ISODateWithMs);
    require(OptionValues::pinnedNow(written) == now, "MASAHISTA_NOW reads back from its ISO form",
            [&]() -> QString { return text + QStringLiteral(" -> ") + written; });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = fuzz::text(data, size);
    checkDate(text);
    // The ranges of --minutes, --every-weeks and --limit, and the widest.
    checkNumber(text, 1, 480);
    checkNumber(text, 1, 52);
    checkNumber(text, 1, 10000);
    checkNumber(text, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    checkId(text);
    checkCount(text);
    for (const QTimeZone& zone : zones()) {
        checkInstant(text, zone);
    }
    checkPinnedNow(text);
    return 0;
}
