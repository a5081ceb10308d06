// Finding free slots.
#include "CommandContext.h"
#include "Lookup.h"
#include "booking/engine/Availability.h"
#include "booking/engine/BookingRules.h"
#include "booking/engine/ClinicTime.h"

#include <QJsonObject>
#include <QJsonValue>

namespace masahista::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// A script asking for two months at once is already unusual; longer needs a loop.
constexpr int maxDays = 62;

// "2026-12-01T10:00:00-07:00": the clinic's wall clock with its offset, so the text reads as
// the front desk sees it and still names one instant.
QString isoText(const QDateTime& instant, const QTimeZone& zone)
{
    return ClinicTime::toLocal(instant, zone).toString(Qt::ISODate);
}

int freeSlots(CommandContext& context)
{
    if (!context.has(QStringLiteral("service")) || !context.has(QStringLiteral("minutes"))) {
        return context.usageError(Text::tr("\"slots\" needs --service and --minutes."));
    }
    const std::optional<int> minutes =
        context.numberOption(QStringLiteral("minutes"), 0, 1, 24 * 60);
    if (!minutes) {
        return context.exitCode();
    }
    const std::optional<int> days = context.numberOption(QStringLiteral("days"), 7, 1, maxDays);
    if (!days) {
        return context.exitCode();
    }
    // Any number: --days already bounds the search, and so the list.
    const std::optional<int> limit = context.countOption(QStringLiteral("limit"), 10);
    if (!limit) {
        return context.exitCode();
    }

    Clinic& clinic = context.clinic();
    const Result<ClinicSettings> settings = clinic.clinicSettings();
    if (!settings) {
        return context.fail(settings.error());
    }
    const QTimeZone zone = ClinicTime::zone(settings->timeZoneId);
    const QDate today = ClinicTime::toLocal(context.clock().nowUtc(), zone).date();
    const std::optional<QDate> from = context.dateOption(QStringLiteral("from"), today);
    if (!from) {
        return context.exitCode();
    }

    Lookup lookup(clinic);
    SlotQuery query;
    query.minutes = *minutes;
    query.limit = *limit;
    query.fromUtc = ClinicTime::toUtc(*from, 0, zone);
    query.toUtc = ClinicTime::toUtc(from->addDays(*days), 0, zone);
    const Result<Id> service = lookup.service(context.value(QStringLiteral("service")));
    if (!service) {
        return context.fail(service.error());
    }
    query.massageTypeId = *service;
    if (context.has(QStringLiteral("therapist"))) {
        const Result<Id> therapist = lookup.therapist(context.value(QStringLiteral("therapist")));
        if (!therapist) {
            return context.fail(therapist.error());
        }
        query.therapistId = *therapist;
    }
    if (context.has(QStringLiteral("room"))) {
        const Result<Id> room = lookup.room(context.value(QStringLiteral("room")));
        if (!room) {
            return context.fail(room.error());
        }
        query.roomId = *room;
    }

    const Result<QList<Slot>> found = clinic.availability().findSlots(query);
    if (!found) {
        return context.fail(found.error());
    }
    const Result<QList<Therapist>> therapists = clinic.therapistList();
    if (!therapists) {
        return context.fail(therapists.error());
    }
    const Result<QList<Room>> rooms = clinic.roomList();
    if (!rooms) {
        return context.fail(rooms.error());
    }
    QHash<Id, QString> therapistNames;
    for (const Therapist& therapist : *therapists) {
        therapistNames.insert(therapist.id, therapist.displayName);
    }
    QHash<Id, QString> roomNames;
    for (const Room& room : *rooms) {
        roomNames.insert(room.id, room.name);
    }

    QJsonArray array;
    QStringList lines;
    for (const Slot& slot : *found) {
        const QString therapist = therapistNames.value(slot.therapistId);
        const QString room = roomNames.value(slot.roomId);
        QJsonObject object;
        object.insert(QStringLiteral("therapist"), therapist);
        object.insert(QStringLiteral("therapist_id"), slot.therapistId);
        // A clinic without rooms books without them.
        object.insert(QStringLiteral("room"),
                      slot.roomId != 0 ? QJsonValue(room) : QJsonValue(QJsonValue::Null));
        object.insert(QStringLiteral("room_id"),
                      slot.roomId != 0 ? QJsonValue(slot.roomId) : QJsonValue(QJsonValue::Null));
        object.insert(QStringLiteral("start"), isoText(slot.startUtc, zone));
        object.insert(QStringLiteral("end"), isoText(slot.endUtc, zone));
        array.append(object);

        QString line = BookingRules::localText(slot.startUtc, zone) + QStringLiteral("–") +
                       ClinicTime::formatMinute(
                           ClinicTime::minuteOfDay(ClinicTime::toLocal(slot.endUtc, zone))) +
                       QStringLiteral("  ") + therapist;
        if (slot.roomId != 0) {
            line += QStringLiteral("  ") + room;
        }
        lines.append(line);
    }
    return context.json() ? context.printJson(array)
                          : context.printLines(lines, Text::tr("No free slots in that range."));
}

} // namespace

QList<CommandSpec> slotCommands()
{
    return {
        {{QStringLiteral("slots")},
         QStringLiteral("--service S --minutes M [--therapist T] [--room R] [--from YYYY-MM-DD] "
                        "[--days N] [--limit K] [--json]"),
         Text::tr("the earliest free slots that obey every booking rule"),
         {{{QStringLiteral("--service S"),
            Text::tr("the massage type, by id or exact name (required)")},
           {QStringLiteral("--minutes M"), Text::tr("the length (required)")},
           {QStringLiteral("--therapist T"),
            Text::tr("only this therapist (default: everyone certified for it)")},
           {QStringLiteral("--room R"),
            Text::tr("only this room (default: the room a booking would get)")},
           {QStringLiteral("--from YYYY-MM-DD"), Text::tr("the first day (default: today)")},
           {QStringLiteral("--days N"),
            Text::tr("how many days to search (default: 7, at most 62)")},
           {QStringLiteral("--limit K"), Text::tr("at most K slots (default: 10)")},
           {QStringLiteral("--json"), Text::tr("one JSON array (docs/cli.md) instead of text")}},
          QStringLiteral("slots --service \"Deep tissue\" --minutes 60 --days 3")},
         {QStringLiteral("service"), QStringLiteral("minutes"), QStringLiteral("therapist"),
          QStringLiteral("room"), QStringLiteral("from"), QStringLiteral("days"),
          QStringLiteral("limit")},
         {QStringLiteral("json")},
         0,
         Clinic::Opening::ExistingOnly,
         freeSlots},
    };
}

} // namespace masahista::cli
